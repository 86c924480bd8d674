// Formats a bench run (the JSON run.mjs writes) as text: one block per case, the depth search,
// then every goal with its figure and mark.
"use strict";

const LABELS = {
  cpuMs: "cpu ms",
  firstCpuMs: "cpu ms, first run",
  wallMs: "wall ms",
  createCpuMs: "create+suspend cpu ms",
  completeCpuMs: "resolve+complete cpu ms",
  bytesPerTask: "heap bytes/task",
};
// Goal metrics first: CPU time (and a first run's, where a case reports it), then the phases, the
// heap, and wall time for reference.
const ORDER = ["cpuMs", "firstCpuMs", "createCpuMs", "completeCpuMs", "bytesPerTask", "wallMs"];
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (x) => `${x.toFixed(2)}x`;
const WIDTHS = [23, 20, 10, 10, 9, 13];
const row = (cells) =>
  cells.map((c, i) => (i < 2 ? String(c).padEnd(WIDTHS[i]) : String(c).padStart(WIDTHS[i]))).join(" ").trimEnd();

function formatCase(c, rounds) {
  const fewer = c.rounds !== undefined && c.rounds !== rounds ? `; ${c.rounds} of the rounds` : "";
  const lines = [`${c.id}: ${c.title} (${c.label}); result ${c.result}, the same in every variant measured${fewer}`];
  const measured = Object.entries(c.variants).filter(([, v]) => v.status === "measured");
  const metrics = measured.length > 0 ? ORDER.filter((m) => m in measured[0][1].metrics) : [];
  for (const metric of metrics) {
    let first = true;
    for (const [name, v] of Object.entries(c.variants)) {
      const label = first ? LABELS[metric] ?? metric : "";
      first = false;
      if (v.status !== "measured") {
        if (metric !== metrics[0]) continue; // said once, under the first metric
        lines.push(`  ${label.padEnd(WIDTHS[0])} ${name.padEnd(WIDTHS[1])} ${v.status === "overflow" ? "overflow" : "not compiled by Stepwise yet"}: ${v.reason}`);
        continue;
      }
      const m = v.metrics[metric];
      const r = c.ratios[metric]?.[name];
      const isBase = name === c.baseline;
      lines.push(`  ${row([label, name, fmt(m.median), fmt(m.best), isBase ? "1.00x" : r ? ratio(r.median) : "-", isBase || !r ? "" : `${r.min.toFixed(2)}-${r.max.toFixed(2)}`])}`);
    }
  }
  if (metrics.length === 0) {
    for (const [name, v] of Object.entries(c.variants)) lines.push(`  ${"".padEnd(WIDTHS[0])} ${name.padEnd(WIDTHS[1])} ${v.status}: ${v.reason}`);
  }
  return lines;
}

function formatCases(results) {
  const lines = [`  ${row(["metric", "variant", "median", "best", "ratio", "ratio range"])}`];
  for (const c of Object.values(results.cases)) lines.push(...formatCase(c, results.rounds), "");
  return lines;
}

function formatDepth(depth, label) {
  const lines = [`depth: deepest await recursion at the default stack (${label})`];
  for (const [name, d] of Object.entries(depth)) {
    const figure = d.capped ? `>= ${d.deepest.toLocaleString("en-US")} (search cap reached, no failure)` : `${d.deepest.toLocaleString("en-US")} (fails at ${d.firstFailure.toLocaleString("en-US")}: ${d.reason})`;
    lines.push(`  ${name.padEnd(22)} ${figure}; ${d.attempts.length} attempts`);
  }
  return lines;
}

function formatGoals(evaluations) {
  const widths = [52, 10, 30, 32];
  const line = (cells) => cells.map((c, i) => (i < widths.length ? String(c).padEnd(widths[i]) : c)).join(" ").trimEnd();
  const lines = ["Goals (a time ratio: median over rounds of stepwise/baseline CPU time within the same round)", `  ${line(["goal", "target", "stepwise", "for reference", "mark"])}`];
  for (const e of evaluations) {
    const mark = e.mark === "pending" ? "pending: not compiled yet" : e.mark;
    lines.push(`  ${line([e.goal.title, e.target, e.measured, e.reference || "-", mark])}`);
  }
  const count = (m) => evaluations.filter((e) => e.mark === m).length;
  lines.push(`  ${count("pass")} pass, ${count("miss")} miss, ${count("pending")} pending, ${count("not measured")} not measured`);
  return lines;
}

module.exports = { formatCases, formatDepth, formatGoals };
