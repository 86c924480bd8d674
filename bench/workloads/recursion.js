// Chains of async calls. Stepwise runs an awaited, never-started coroutine inline (no Task, no
// loop iteration); native and Babel go through a promise per call.

// A tree of calls: fib(n) makes 2*fib(n+1)-1 calls, each awaiting two others.
export async function fib(n) {
  return n < 2 ? n : (await fib(n - 1)) + (await fib(n - 2));
}

// A chain `depth` calls deep that suspends once at the bottom (`await 0`), so the resumption
// goes back up through every call.
export async function nest(depth) {
  if (depth === 0) return await 0;
  return 1 + (await nest(depth - 1));
}

// The whole chain, `runs` times one after the other.
export async function chains(runs, depth) {
  let sum = 0;
  for (let r = 0; r < runs; r++) sum += await nest(depth);
  return sum;
}
