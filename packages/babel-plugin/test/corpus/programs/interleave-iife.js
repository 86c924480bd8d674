// Two async IIFEs at the top level and a synchronous tail.
(async () => {
  console.log("first 1");
  await null;
  console.log("first 2");
  await Promise.resolve();
  console.log("first 3");
})();
(async function named() {
  console.log("second 1", typeof named);
  await null;
  console.log("second 2");
})();
console.log("top-level end");
