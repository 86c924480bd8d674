// Async generator methods in a class and an object, using this.
class Range {
  constructor(n) {
    this.n = n;
  }
  async *[Symbol.asyncIterator]() {
    for (let i = 0; i < this.n; i++) {
      await null;
      yield i;
    }
  }
}
const obj = {
  prefix: "p",
  async *items() {
    yield `${this.prefix}1`;
    yield `${this.prefix}2`;
  },
};
async function main() {
  for await (const i of new Range(3)) console.log("range", i);
  for await (const s of obj.items()) console.log("item", s);
}
main();
