// setInterval with an async callback, cleared after three runs.
let runs = 0;
const handle = setInterval(async () => {
  const n = ++runs;
  console.log("tick", n);
  await null;
  console.log("after await", n);
  if (n === 3) {
    clearInterval(handle);
    console.log("cleared");
  }
}, 10);
