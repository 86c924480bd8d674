// What a correct build computes, for the cases' result checks.
export const sumBelow = (n) => (n * (n - 1)) / 2;

export function fibOf(n) {
  let a = 0;
  let b = 1;
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}
