// The source every generated program starts and ends with. The async parts (the base classes'
// `bm`, `$slow`, included only where used) are code of the program, compiled with it; the plain
// helpers run from a string.
//
// The trace: every event is one line `<instance> <label> <value>`. An instance id names one call
// of an async function by where it came from: main is `m`, and each instance numbers the calls it
// makes (`m.0`, `m.1`, `m.0.0`, ...), so ids are the same in every run that makes the same calls,
// whatever the interleaving. Lines starting with `#` are the harness's notes, never compared.
//
// `$sp` starts a call that is not awaited at once (a spawn); every such call goes through it, so
// the harness knows from then on that more than one instance may be running. The compiled run
// then notes (`# relaxed: ...`) when one of the README's timing differences can happen while
// others run: a task awaiting a native promise, awaiting a task that has already finished,
// returning a thenable, or a `for await`/`yield*` over a generator or over promises or tasks
// (whose implicit awaits it cannot see). trace-rule.ts reads that note.

/**
 * The harness's plain functions. They run from a string (`new Function`), not as code of the
 * program: Babel then has nothing to parse in them, which halves the time a program takes to
 * compile, and both runs use the very same functions. Each program gets its own state.
 */
const HELPERS = String.raw`
var $out = $fuzzSink || function (line) { console.log(line); };
var $end = $fuzzEnd || function () {};
var $spawned = false;
var $relaxed = false;
var $bg = [];
function $mech(why) {
  if ($compiled && $spawned && !$relaxed) {
    $relaxed = true;
    $out("# relaxed: " + why);
  }
}
function $thenable(x) {
  return x !== null && (typeof x === "object" || typeof x === "function") && typeof x.then === "function";
}
function $aw(x) {
  if ($compiled && $spawned && $thenable(x)) {
    if (x instanceof Promise) $mech("a task awaited a native promise");
    else if (typeof x.done === "function" && x.done()) $mech("a task awaited a finished task");
  }
  return x;
}
function $ret(x) {
  if ($thenable(x)) $mech("a function returned a thenable");
  return x;
}
function $sp(id, start) {
  $spawned = true;
  var p = start.apply(undefined, [id].concat(Array.prototype.slice.call(arguments, 2)));
  $bg.push([id, p]);
  p.then(undefined, function () {});
  return p;
}
function $np(v) { return new Promise(function (resolve) { resolve(v); }); }
function $th(v) { return { then: function (resolve) { resolve(v); } }; }
function $then(x) { return Promise.resolve(x).then(function (v) { return [v]; }); }
function $fmt(v, depth) {
  depth = depth || 0;
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (typeof v === "function") return "<function>";
  if (typeof v === "symbol") return "<symbol>";
  if (v instanceof Error) return "E(" + v.name + ": " + v.message + ")";
  if ($thenable(v)) return "<thenable>";
  if (typeof v[Symbol.asyncIterator] === "function") return "<async iterator>";
  if (depth > 4) return "<deep>";
  if (Array.isArray(v)) return "[" + v.map(function (x) { return $fmt(x, depth + 1); }).join(",") + "]";
  return "{" + Object.keys(v).map(function (k) { return k + ":" + $fmt(v[k], depth + 1); }).join(",") + "}";
}
function $t(id) {
  var n = 0;
  return {
    log: function (label, v) { $out(id + " " + label + " " + $fmt(v)); return v; },
    sub: function () { return id + "." + n++; },
  };
}
function $settle() {
  // Waits until every started call has ended (they may start more), then prints how each ended,
  // in the order they started: no event of the program can come after these lines, whatever the
  // timing of this native promise code against the program's tasks.
  var count = $bg.length;
  return Promise.allSettled($bg.map(function (b) { return b[1]; })).then(function (results) {
    if ($bg.length > count) return $settle();
    results.forEach(function (r, i) {
      $out($bg[i][0] + " settled " + (r.status === "fulfilled" ? "ok " + $fmt(r.value) : "err " + $fmt(r.reason)));
    });
  });
}
function $finish(v, failed) {
  return $settle().then(function () {
    $out("m " + (failed ? "rejected " : "result ") + $fmt(v));
    $end();
    if (failed) throw v;
  });
}
return { mech: $mech, aw: $aw, ret: $ret, sp: $sp, np: $np, th: $th, then: $then, t: $t, finish: $finish };
`;

if (HELPERS.includes("`") || HELPERS.includes("${")) throw new Error("HELPERS must fit in a template literal");

export const PRELUDE = `// --- fuzz harness (see packages/babel-plugin/test/fuzz/harness-source.ts) ---
var $compiled = Object.getPrototypeOf(async function () {}) === Function.prototype;
var $h = new Function("$fuzzSink", "$fuzzEnd", "$compiled", \`${HELPERS}\`)(
  typeof $fuzzSink === "function" ? $fuzzSink : null,
  typeof $fuzzEnd === "function" ? $fuzzEnd : null,
  $compiled,
);
var $mech = $h.mech, $aw = $h.aw, $ret = $h.ret, $sp = $h.sp, $np = $h.np, $th = $h.th, $then = $h.then, $t = $h.t;`;

/** The prototype of object-literal methods that call `super.bm` (only in programs that have them). */
export const OBJECT_BASE = `var $base = {
  tag: "obase",
  async bm(id, x) {
    const t = $t(id);
    t.log("in", [this.tag, x]);
    await null;
    return [this.tag, x];
  },
};`;

/** The base class of class methods and fields that call `super.bm`. */
export const CLASS_BASE = `class $Base {
  constructor() { this.tag = "cbase"; }
  async bm(id, x) {
    const t = $t(id);
    t.log("in", [this.tag, x]);
    await null;
    return [this.tag, x];
  }
}`;

/** The slow racer of Promise.race: `n` plain awaits, far more turns than the other racer takes. */
export const SLOW = `async function $slow(id, n) {
  const t = $t(id);
  for (let i = 0; i < n; i++) await null;
  t.log("done", n);
  return "slow";
}`;

export const PROGRAM_START = "// --- program ------------------------------------------------------------------------------------";

export const RUNNER = `main("m").then((v) => $h.finish(v, false), (e) => $h.finish(e, true));`;
