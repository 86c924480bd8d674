// Workload 4: many suspended tasks. Each waiter suspends on one shared gate (a pending Promise
// for native/Babel, a pending Future for Stepwise) until the gate opens; sumAll then collects them.
export async function waiter(gate, i) {
  const v = await gate;
  return v + i;
}

export async function sumAll(pending) {
  let sum = 0;
  for (const p of pending) sum += await p;
  return sum;
}
