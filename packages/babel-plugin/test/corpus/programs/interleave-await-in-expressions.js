// await inside arguments, templates, conditionals and logical operators, in two interleaved calls.
function show(...xs) {
  console.log(xs.join(" "));
}
async function f(tag) {
  show(tag, await 1, await 2);
  const t = `${tag}:${await "t1"}/${await "t2"}`;
  show(t);
  const c = (await 0) ? await "yes" : await "no";
  const l = (await null) ?? (await "fallback");
  const o = (await "") || (await "or");
  show(tag, c, l, o);
}
f("A");
f("B");
