// `for await` over an async generator: the generator yields 0..n-1, the loop sums them.
export async function* values(n) {
  for (let i = 0; i < n; i++) yield i;
}

export async function sumValues(n) {
  let sum = 0;
  for await (const x of values(n)) sum += x;
  return sum;
}
