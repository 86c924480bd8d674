// Nested for await loops over generators that await.
async function* rows() {
  for (const r of ["r1", "r2"]) {
    await null;
    yield r;
  }
}
async function* cells(row) {
  for (let c = 0; c < 2; c++) {
    await null;
    yield `${row}c${c}`;
  }
}
async function main() {
  for await (const row of rows()) {
    for await (const cell of cells(row)) console.log(cell);
    console.log("end of", row);
  }
}
main();
