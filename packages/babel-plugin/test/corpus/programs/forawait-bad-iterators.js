// Broken async iterators: next throws, next gives a non-object, no iterator at all.
async function attempt(label, iterable) {
  try {
    for await (const v of iterable) console.log(label, "value", v);
    console.log(label, "finished");
  } catch (e) {
    console.log(label, e.constructor.name);
  }
}
async function main() {
  await attempt("throws", { [Symbol.asyncIterator]: () => ({ next() { throw new Error("next threw"); } }) });
  await attempt("primitive", { [Symbol.asyncIterator]: () => ({ next: () => 5 }) });
  await attempt("rejects", { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new RangeError("r")) }) });
  await attempt("not iterable", 42);
}
main();
