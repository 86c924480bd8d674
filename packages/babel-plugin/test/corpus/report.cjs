// `npm run corpus [-- --mode=compiled-eager|compiled-lazy|native] [-- --only=a,b] [-- --all]`:
// runs the corpus natively and in the mode (default compiled-eager), prints the figures and the
// side-by-side output of every unexplained or stale program (--all: of every differing one).
// --mode=native runs each program natively twice: a check that the programs and the harness are
// deterministic. Exits 1 when something is unexplained or stale.
"use strict";
const { join } = require("node:path");

const root = join(__dirname, "..", "..", "..", "..");
// The harness is TypeScript, loaded through the repository's own Babel config.
require("@babel/register")({ extensions: [".ts"], cwd: root, only: [__dirname] });
const { compareCorpus } = require("./corpus.ts");
const { formatSideBySide, MODES } = require("./differential.ts");

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const mode = option("mode") ?? "compiled-eager";
if (!MODES.includes(mode)) {
  console.error(`unknown --mode=${mode}: use one of ${MODES.join(", ")}`);
  process.exit(2);
}
const only = option("only")?.split(",");

(async () => {
  const started = performance.now();
  const comparisons = await compareCorpus(mode, only ? { only } : {});
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const count = (v) => comparisons.filter((c) => c.verdict === v).length;
  const showAll = args.includes("--all");
  for (const c of comparisons) {
    if (c.verdict === "unexplained" || c.verdict === "stale" || (showAll && c.verdict === "explained")) {
      const why = c.difference ? `  (listed: ${c.difference.reason})` : "";
      console.log(`--- ${c.verdict}: ${c.name}${why}`);
      console.log(formatSideBySide(c.name, c.native, c.compiled));
      console.log();
    }
  }
  console.log(`corpus: native against ${mode === "native" ? "native (a second run)" : mode}, ${seconds} s`);
  console.log(`  programs:                  ${comparisons.length}`);
  console.log(`  identical outputs:         ${count("identical")}`);
  console.log(`  explained differences:     ${count("explained")}`);
  console.log(`  unexplained differences:   ${count("unexplained")}`);
  console.log(`  listed but now identical:  ${count("stale")}`);
  process.exitCode = count("unexplained") + count("stale") > 0 ? 1 : 0;
})().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
