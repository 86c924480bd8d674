// Found by the fuzzer (packages/babel-plugin/test/fuzz): seed 1, run 30, shrunk to path "30:0:3:4:1:3:2:5:3:7:6:4:6:5:5:6:8:8:8:8:8:8:8:8:8:8";
// `npm run fuzz -- --seed=1 --only=30` generates and shrinks it again (with the generator of its commit).
// What differed between the native run and the compiled (eager) run when it was found:
//   ended differently: native exit 0, compiled exit 1, uncaughtException: ReferenceError: Cannot access 'KC' before initialization
//   event 1 differs (strict): native "m in [undefined,undefined]", compiled "<none>"
// Cause: a class declared after main started was captured by value at main's call (the moved
//   generator's leading argument): ReferenceError at the call, though the path that reads it never
//   runs. Fixed in the plugin (hoist.ts, readableAtCall).
// sloppy mode
// --- fuzz harness (see packages/babel-plugin/test/fuzz/harness-source.ts) ---
var $compiled = Object.getPrototypeOf(async function () {}) === Function.prototype;
var $h = new Function("$fuzzSink", "$fuzzEnd", "$compiled", `
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
`)(typeof $fuzzSink === "function" ? $fuzzSink : null, typeof $fuzzEnd === "function" ? $fuzzEnd : null, $compiled);
var $mech = $h.mech,
  $aw = $h.aw,
  $ret = $h.ret,
  $sp = $h.sp,
  $np = $h.np,
  $th = $h.th,
  $then = $h.then,
  $t = $h.t;
// --- program ------------------------------------------------------------------------------------
(function () {
  const K0 = 10;
  async function main(id, a, b) {
    const t = $t(id);
    let acc = 0;
    t.log("in", [a, b]);
    try {
      t.log("L0a", await $aw("0a"));
      t.log("L0b", await $aw("0b"));
    } finally {
      t.log("L0f", acc);
      if (a) {} else {
        try {} catch (e2) {
          t.log("L2c", e2);
          t.log("L3", 0 + `${0}-${await $aw(null), KC.k}`);
        }
      }
    }
    t.log("L4", 0);
  }
  main("m").then(v => $h.finish(v, false), e => $h.finish(e, true));
  const K1 = 11;
  var V2 = 12;
  class KC {
    static k = 13;
  }
})();
