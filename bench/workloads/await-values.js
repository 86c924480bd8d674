// Awaiting something that is already there, in a loop. Native/Babel: one microtask turn per await.
// Stepwise: a plain value costs one loop iteration (a Task resumes it on the next iteration, like
// asyncio.sleep(0)); a native promise, a `then` callback and then a loop iteration.
export async function awaitValues(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await i;
  return sum;
}

// The promise is created once, already resolved: every await after the first finds it settled.
export async function awaitResolved(n) {
  const p = Promise.resolve(2);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await p;
  return sum;
}
