// Async object-literal methods calling super and using this.
const base = {
  async describe() {
    await null;
    return `base(${this.name})`;
  },
};
const child = {
  __proto__: base,
  name: "child",
  async describe() {
    console.log("child describe start");
    const inner = await super.describe();
    console.log("child got", inner);
    return `child<${inner}>`;
  },
};
async function other() {
  console.log("other 1");
  await null;
  console.log("other 2");
  await null;
  console.log("other 3");
}
child.describe().then((v) => console.log("result", v));
other();
