// In-process timing, sampling and heap helpers. Every run returns { result, ...numericMetrics }.

export const now = () => performance.now();

/** Full collection, when run with --expose-gc (worker processes are). */
export function collect() {
  if (typeof globalThis.gc === "function") globalThis.gc();
}

export function heapUsed() {
  collect();
  return process.memoryUsage().heapUsed;
}

/**
 * Starts a clock; calling the result gives { cpuMs, wallMs } since then. cpuMs is the process's
 * CPU time (user + system, every thread: V8's GC and compiler helpers included): on a machine
 * shared with other jobs it barely moves when they take the CPU, which wall time does.
 */
export function clock() {
  const c0 = process.cpuUsage();
  const t0 = now();
  return () => {
    const c = process.cpuUsage(c0);
    return { cpuMs: (c.user + c.system) / 1000, wallMs: now() - t0 };
  };
}

/** Runs fn (sync, or async returning a native Promise) and times it: { result, cpuMs, wallMs }. */
export async function time(fn) {
  const stop = clock();
  let result = fn();
  if (result instanceof Promise) result = await result;
  return { result, ...stop() };
}

function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Warm-up runs, then up to `samples` recorded runs. Warming goes on until there were at least
 * `warmup` runs and `warmupMs` passed, but stops after `warmupMaxMs` (at least one run); sampling
 * stops after 3 samples once `sampleMaxMs` passed. So a slow variant does not take minutes.
 * One full collection after the warm-up, none between samples, so each sample pays for its own
 * garbage. A forced full collection makes V8 compile some code again (a transform pass right after
 * one took 1.5–2× a settled pass), so one more warm-up run follows it and no sample pays for that.
 * Every run must give the same result. Returns { result, warmupRuns, first, metrics: { [m]: { median,
 * min, max, samples } } }, where `first` holds the first run's figures (cold code, a fresh process).
 */
export async function sample(once, { warmup, warmupMs, warmupMaxMs, samples, sampleMaxMs = Infinity }) {
  const firstRow = await once();
  const first = firstRow.result;
  const check = (row) => {
    if (!Object.is(row.result, first)) throw new Error(`result changed between runs: ${first}, then ${row.result}`);
    return row;
  };
  const t0 = now();
  let warmupRuns = 1;
  while ((warmupRuns < warmup || now() - t0 < warmupMs) && now() - t0 < warmupMaxMs) {
    check(await once());
    warmupRuns++;
  }
  collect();
  check(await once());
  warmupRuns++;
  const rows = [];
  const t1 = now();
  while (rows.length < samples && (rows.length < 3 || now() - t1 < sampleMaxMs)) rows.push(check(await once()));
  const metrics = {};
  for (const key of Object.keys(rows[0])) {
    if (key === "result") continue;
    const sorted = rows.map((r) => r[key]).sort((a, b) => a - b);
    metrics[key] = { median: median(sorted), min: sorted[0], max: sorted[sorted.length - 1], samples: sorted };
  }
  const { result: _, ...firstFigures } = firstRow;
  return { result: first, warmupRuns, first: firstFigures, metrics };
}

/** V8's error for running out of stack (a RangeError). */
export const isStackOverflow = (error) => error instanceof RangeError && /Maximum call stack size exceeded/.test(error.message);
