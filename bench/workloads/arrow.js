// A function that makes a fresh async arrow per call, closing over one of its locals, and awaits it.
async function viaArrow(i) {
  const k = 2 * i;
  const next = async () => k + 1;
  return await next();
}

export async function arrowsPerCall(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await viaArrow(i);
  return sum;
}
