// Found by the fuzzer (packages/babel-plugin/test/fuzz): seed 2, run 155, shrunk to path "155:0:0:3:0:0:0:0:0:4:3:5:8:5:11:9:9:9:9:9:9:10:11:10:14:11:11:11:11:11:11:11:11:11:13:12:13:13:13:13:13:13:13:13:13:13:13:12";
// `npm run fuzz -- --seed=2 --only=155` generates and shrinks it again (with the generator of its commit).
// What differed between the native run and the compiled (eager) run when it was found:
//   instance m.0.0.0, its event 2 differs (relaxed: a task awaited a native promise): native "m.0.0.0 L5 \"undefined\"", compiled "m.0.0.0 L5 \"object\""
// Cause: an async generator written inside a class (strict code) had its generator moved to the top
//   of a sloppy file: `this` was boxed (typeof this "object", natively "undefined"). Fixed in the
//   plugin (hoist.ts, rewrite-function.ts hoistTo: a "use strict" directive; main, c19cee2).
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
class S1 {
  static async m(id, a, b) {
    const t = $t(id);
    let acc = 0;
    t.log("in", [a, b]);
    {
      const it0 = async function* ($id, g1) {
        const t = $t($id);
        t.log("in", [g1]);
        try {
          yield 1;
          try {
            $mech("for await");
            for await (const v3 of async function* ($id, g4) {
              const t = $t($id);
              t.log("in", [g4]);
              try {
                yield 4;
                t.log("L5", typeof this);
              } finally {
                t.log("end", g4);
              }
            }(t.sub(), 4)) {
              $mech("for await");
              t.log("L3v", v3);
            }
          } finally {
            $mech("for await");
          }
          t.log("L6", (0, await $aw(Promise.all([$sp(t.sub(), async $id => {
            const t = $t($id);
            let acc = 0;
            t.log("in", [0]);
            const a7 = 7;
          }), 0]))));
        } finally {
          t.log("end", g1);
        }
      }(t.sub(), 1);
      t.log("L0.0", await $aw(it0.next()));
      t.log("L0.1", await $aw(it0.next()));
      t.log("L0.2", await $aw(it0.return(0)));
    }
    t.log("L8", 0);
  }
}
async function main(id, a, b) {
  const t = $t(id);
  let acc = 0;
  t.log("in", [a, b]);
  await $aw(await $aw(S1.m(t.sub())));
}
main("m").then(v => $h.finish(v, false), e => $h.finish(e, true));
const K1 = 11;
var V2 = 12;
class KC {
  static k = 13;
}
