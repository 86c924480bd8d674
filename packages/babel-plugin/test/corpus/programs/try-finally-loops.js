// break, continue and return through finally blocks with awaits, inside loops.
async function scan(items) {
  const out = [];
  for (const item of items) {
    try {
      if (item === "skip") continue;
      if (item === "stop") break;
      if (item === "ret") return out.join(",") + " (returned)";
      out.push(await item);
    } finally {
      out.push(`f:${await item}`);
    }
  }
  return out.join(",");
}
async function main() {
  console.log(await scan(["a", "skip", "b", "stop", "c"]));
  console.log(await scan(["x", "ret", "y"]));
}
main();
