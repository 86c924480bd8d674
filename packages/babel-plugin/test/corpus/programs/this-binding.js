// this in async functions called with call, apply and bind, and in async arrows inside methods.
async function who(suffix) {
  await null;
  return `${this.name}${suffix}`;
}
const obj = {
  name: "obj",
  async method() {
    const arrow = async () => {
      await null;
      return this.name;
    };
    return `method:${await arrow()}`;
  },
};
async function main() {
  console.log(await who.call({ name: "called" }, "!"));
  console.log(await who.apply({ name: "applied" }, ["?"]));
  console.log(await who.bind({ name: "bound" })("."));
  console.log(await obj.method());
  const detached = obj.method;
  console.log(await detached.call({ name: "other" }));
}
main();
