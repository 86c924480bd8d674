// Five workers awaiting a mix of plain values and resolved promises.
const trace = [];
async function worker(id) {
  for (let step = 0; step < 3; step++) {
    trace.push(`${id}.${step}`);
    if ((id + step) % 2 === 0) await step;
    else await Promise.resolve(step);
  }
  trace.push(`${id}.done`);
}
async function main() {
  const all = [];
  for (let id = 0; id < 5; id++) all.push(worker(id));
  for (const p of all) await p;
  console.log(trace.join(" "));
}
main();
