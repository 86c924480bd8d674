// Every corpus program (corpus/programs) runs natively and compiled with `start: "eager"`, each in
// its own `node` process (never inside Jest, whose environment would change the timing), and the
// printed lines, exit code and fatal error are compared. A program listed in
// corpus/differences.json must still differ; every other program must give the same output.
// `npm run corpus` prints the figures and the side-by-side diffs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compareCorpus, loadDifferences, loadPrograms, type Comparison } from "./corpus/corpus";
import { formatSideBySide } from "./corpus/differential";

const programs = loadPrograms();
const differences = loadDifferences();
const comparisons = new Map<string, Comparison>();

beforeAll(async () => {
  for (const c of await compareCorpus("compiled-eager")) comparisons.set(c.name, c);
}, 180_000);

test("the corpus holds at least 60 programs", () => {
  expect(programs.length).toBeGreaterThanOrEqual(60);
});

test("each intended difference names a corpus program, a reason and a README entry", () => {
  const readme = readFileSync(join(__dirname, "..", "..", "..", "README.md"), "utf8");
  const names = new Set(programs.map((p) => p.name));
  for (const [name, entry] of Object.entries(differences)) {
    expect({ name, known: names.has(name) }).toEqual({ name, known: true });
    expect(entry.reason.length).toBeGreaterThan(0);
    expect({ name, readmeEntry: entry.readme, found: readme.includes(`**${entry.readme}`) }).toMatchObject({ found: true });
  }
});

test.each(programs.map((p) => p.name))("%s: native and compiled (eager) agree, or differ as listed", (name) => {
  const c = comparisons.get(name)!;
  if (c.native.timedOut || c.native.compileError !== null) {
    throw new Error(`${name} did not run to its end natively: corpus programs must end by themselves.\n${formatSideBySide(name, c.native, c.compiled)}`);
  }
  if (c.verdict === "unexplained") {
    throw new Error(
      `${name}: the compiled program behaves differently. Fix the cause, or list it in corpus/differences.json with the README entry that explains it.\n\n` +
        formatSideBySide(name, c.native, c.compiled),
    );
  }
  if (c.verdict === "stale") {
    throw new Error(
      `${name} is listed in corpus/differences.json (${c.difference!.reason}) but now behaves the same compiled: remove the entry ` +
        `(and the README text if no other program needs it).\n\n${formatSideBySide(name, c.native, c.compiled)}`,
    );
  }
  expect(c.verdict === "identical" || c.verdict === "explained").toBe(true);
});
