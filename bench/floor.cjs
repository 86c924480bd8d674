// `node bench/floor.cjs`: the least any driver of a generator can spend per await and still keep
// native tick order, against native await in the same process. "plain": each await of a value
// resumes the generator from a reaction of one settled promise (one microtask, as native takes);
// "promise": each await of a settled promise subscribes to it with two reactions made once.
// No loop, no task, no handle: what is left above this is the price of running on a loop.
// Used by the README's Speed section to show how much of each await goal a loop can spend. The
// generators are the workload's functions as a compiler would lower them (bench/workloads).
"use strict";

const N = 1_000_000;
const ROUNDS = 7;
const SETTLED = Promise.resolve();

function* awaitValues(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += yield i;
  return sum;
}

function* awaitResolved(n) {
  const p = Promise.resolve(2);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += yield p;
  return sum;
}

// Native: the same loops (bench/workloads/await-values.js, which is an ES module and this a script).
async function nativeValues(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await i;
  return sum;
}

async function nativeResolved(n) {
  const p = Promise.resolve(2);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await p;
  return sum;
}

function drive(gen) {
  return new Promise((resolve, reject) => {
    let sent;
    const onValue = (v) => {
      sent = v;
      turn();
    };
    function turn() {
      const r = gen.next(sent);
      if (r.done) return resolve(r.value);
      if (r.value instanceof Promise) r.value.then(onValue, reject);
      else {
        sent = r.value;
        SETTLED.then(turn);
      }
    }
    turn();
  });
}

async function cpuMs(run) {
  const start = process.cpuUsage();
  await run();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

(async () => {
  for (const [name, gen, native] of [["plain", awaitValues, nativeValues], ["promise", awaitResolved, nativeResolved]]) {
    const ratios = [];
    for (let round = 0; round < ROUNDS; round++) {
      const n = await cpuMs(() => native(N));
      const f = await cpuMs(() => drive(gen(N)));
      ratios.push(f / n);
    }
    console.log(`await ${name}: floor/native CPU time ${median(ratios).toFixed(2)}x (median of ${ROUNDS} paired rounds, ${N} awaits)`);
  }
})();
