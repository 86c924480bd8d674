// `for await` over an async generator. The Stepwise plugin leaves both native until it supports
// them; the bench notices (logic/native-left.cjs) and reports the case as not compiled yet.
export async function* values(n) {
  for (let i = 0; i < n; i++) yield i;
}

export async function sumValues(n) {
  let sum = 0;
  for await (const x of values(n)) sum += x;
  return sum;
}
