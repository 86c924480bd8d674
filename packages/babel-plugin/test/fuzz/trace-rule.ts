// The comparison rule: when a generated program's compiled run (start: "eager") counts as
// behaving like its native run. See README.md here ("The rule") for why it is exactly this.
//
// Always equal: how the run ended (exit code, the error that killed it, whether it timed out),
// and neither run failed to compile or stopped early.
// Strict (the default): the whole trace, line for line.
// Relaxed (only when the compiled run printed `# relaxed: <why>`, i.e. one of the README's
// timing differences could act while more than one instance ran): each instance's own events, in
// order, and the same set of instances. Only the interleaving of different instances may differ.
import type { Outcome } from "../corpus/differential";

export interface Verdict {
  same: boolean;
  /** Why the compiled run relaxed the comparison (the harness's note), or null: strict. */
  relaxed: string | null;
  /** What differs, one line each, for the report. */
  problems: string[];
}

const RELAXED = "# relaxed: ";

/** The trace's events: every line but the harness's notes. */
export function eventsOf(o: Outcome): string[] {
  return o.lines.filter((l) => !l.startsWith("#"));
}

export function relaxedReason(o: Outcome): string | null {
  const note = o.lines.find((l) => l.startsWith(RELAXED));
  return note === undefined ? null : note.slice(RELAXED.length);
}

/** The instance an event belongs to: its first word. */
function instanceOf(line: string): string {
  const space = line.indexOf(" ");
  return space < 0 ? line : line.slice(0, space);
}

function byInstance(events: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const e of events) {
    const id = instanceOf(e);
    let list = groups.get(id);
    if (list === undefined) groups.set(id, (list = []));
    list.push(e);
  }
  return groups;
}

function end(o: Outcome): string {
  if (o.compileError !== null) return `did not compile: ${o.compileError.split("\n")[0]}`;
  if (o.timedOut) return "timed out";
  const fatal = o.uncaught === null ? "" : `, ${o.uncaught.origin}: ${o.uncaught.error}`;
  return `exit ${o.exitCode}${fatal}`;
}

/** The first index where two lists differ, or -1. */
function firstDifference(a: string[], b: string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}

export function compareTraces(native: Outcome, compiled: Outcome): Verdict {
  const problems: string[] = [];
  const relaxed = relaxedReason(compiled);
  if (native.compileError !== null || native.timedOut) {
    problems.push(`the native run did not run to its end (${end(native)}): the generator made a bad program`);
  }
  if (end(native) !== end(compiled)) problems.push(`ended differently: native ${end(native)}, compiled ${end(compiled)}`);
  const a = eventsOf(native);
  const b = eventsOf(compiled);
  if (relaxed === null) {
    const i = firstDifference(a, b);
    if (i >= 0) problems.push(`event ${i + 1} differs (strict): native ${JSON.stringify(a[i] ?? "<none>")}, compiled ${JSON.stringify(b[i] ?? "<none>")}`);
  } else {
    const ga = byInstance(a);
    const gb = byInstance(b);
    for (const id of new Set([...ga.keys(), ...gb.keys()])) {
      const x = ga.get(id) ?? [];
      const y = gb.get(id) ?? [];
      const i = firstDifference(x, y);
      if (i >= 0) {
        problems.push(
          `instance ${id}, its event ${i + 1} differs (relaxed: ${relaxed}): native ${JSON.stringify(x[i] ?? "<none>")}, compiled ${JSON.stringify(y[i] ?? "<none>")}`,
        );
      }
    }
  }
  return { same: problems.length === 0, relaxed, problems };
}
