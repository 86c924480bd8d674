// Promise.allSettled reports each outcome in argument order.
async function ok(v) {
  await null;
  return v;
}
async function bad(msg) {
  await null;
  await null;
  throw new Error(msg);
}
async function main() {
  const results = await Promise.allSettled([ok(1), bad("x"), Promise.reject(new Error("y")), 4, ok("five")]);
  for (const r of results) console.log(r.status, r.status === "fulfilled" ? r.value : r.reason.message);
}
main();
