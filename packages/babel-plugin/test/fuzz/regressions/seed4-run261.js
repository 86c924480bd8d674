// Found by the fuzzer (packages/babel-plugin/test/fuzz): seed 4, run 261, shrunk to path "261:4:3:2:6:5:5:4:4:4:4:4:4:4:4:4:4";
// `npm run fuzz -- --seed=4 --only=261` generates and shrinks it again (with the generator of its commit).
// What differed between the native run and the compiled (eager) run when it was found:
//   instance m.0, its event 2 differs (relaxed: for await): native "m.0 L4 [4,4]", compiled "m.0 L4 [3,4]"
//   instance m.0.0, its event 2 differs (relaxed: for await): native "m.0.0 settled ok [4,4]", compiled "m.0.0 settled ok [3,4]"
// Cause: a sloppy-mode parameter captured by value at the call of a closure: `arguments[1] = 4`
//   changes it natively, the closure read the old value. Fixed in the plugin (hoist.ts,
//   readableAtCall).
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
const K0 = 10;
async function main(id, a, b) {
  const t = $t(id);
  let acc = 0;
  t.log("in", [a, b]);
  try {
    throw new Error("x1");
  } catch (e0) {
    t.log("L0c", e0);
    try {
      $mech("for await");
      for await (const v2 of async function* ($id, g3) {
        const t = $t($id);
        t.log("in", [g3]);
        try {
          yield 3;
          const q4 = $sp(t.sub(), async $id => {
            const t = $t($id);
            t.log("in", 0);
            await null;
            return [g3, arguments[1]];
          });
          arguments[1] = 4;
          t.log("L4", await $aw(q4));
        } finally {
          t.log("end", g3);
        }
      }(t.sub(), 3)) {
        $mech("for await");
        t.log("L2v", v2);
      }
    } finally {
      $mech("for await");
    }
  }
  t.log("L5", 0);
}
main("m").then(v => $h.finish(v, false), e => $h.finish(e, true));
const K1 = 11;
var V2 = 12;
class KC {
  static k = 13;
}
