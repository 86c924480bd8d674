// Workload 2: awaiting plain values in a loop. Native/Babel: one microtask turn per await.
// Stepwise: one loop iteration per await (a Task resumes it on the next iteration, like sleep(0)).
export async function awaitValues(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await i;
  return sum;
}
