// Workload 1, hand-stepping: a driver resumes the function after every await, sending back the
// value it awaited. Stepwise steps a compiled coroutine with co.send(v) (and co.next(v));
// the baseline is the same body as a raw generator stepped with gen.next(v).
export async function counter(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await i;
  return sum;
}

export function* counterGenerator(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += yield i;
  return sum;
}
