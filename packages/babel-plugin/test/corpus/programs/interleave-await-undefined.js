// await undefined, void 0 and an expression with no value, each one turn.
async function a() {
  console.log("a", await undefined);
  console.log("a", await void 0);
  console.log("a", await (() => {})());
}
async function b() {
  console.log("b", await 0);
  console.log("b", await "");
  console.log("b", await false);
}
a();
b();
