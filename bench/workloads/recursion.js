// Workload 3: chains of async calls. Stepwise runs an awaited, never-started coroutine inline
// (no Task, no loop iteration); native and Babel go through a promise per call.

// A tree of calls: fib(n) makes fib(n+1)*2-1 calls, each awaiting two others.
export async function fib(n) {
  if (n < 2) return n;
  return (await fib(n - 1)) + (await fib(n - 2));
}

// A chain `depth` calls deep whose innermost call awaits `steps` plain values: each of those
// suspensions resumes through the whole chain, which must not cost O(depth) per step.
export async function chain(depth, steps) {
  if (depth === 0) {
    let sum = 0;
    for (let i = 0; i < steps; i++) sum += await i;
    return sum;
  }
  return 1 + (await chain(depth - 1, steps));
}
