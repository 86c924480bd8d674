// Timing, statistics and heap helpers. Every sample returns { result, ...numericMetrics }.

export const now = () => performance.now();

/** Full collection, when run with --expose-gc (worker processes are). */
export function collect() {
  if (typeof globalThis.gc === "function") {
    globalThis.gc();
    globalThis.gc();
  }
}

export function heapUsed() {
  collect();
  return process.memoryUsage().heapUsed;
}

/** Runs fn (sync, or async returning a native Promise) and times it: { result, ms }. */
export async function time(fn) {
  const t0 = now();
  let result = fn();
  if (result instanceof Promise) result = await result;
  return { result, ms: now() - t0 };
}

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], samples: sorted };
}

/**
 * Warm-up runs (at least `warmup` of them, and for at least `warmupMs`), one full collection,
 * then `samples` recorded runs. No collection between samples: a forced full GC makes V8 warm
 * some code up again, so each sample pays for its own garbage instead. Every run must give the
 * same result.
 */
export async function sample(once, { warmup, samples, warmupMs = 0 }) {
  const first = (await once()).result;
  const check = (row) => {
    if (!Object.is(row.result, first)) throw new Error(`result changed between runs: ${first}, then ${row.result}`);
    return row;
  };
  const t0 = now();
  for (let i = 1; i < warmup || now() - t0 < warmupMs; i++) check(await once());
  collect();
  const rows = [];
  for (let i = 0; i < samples; i++) rows.push(check(await once()));
  const metrics = {};
  for (const key of Object.keys(rows[0])) {
    if (key !== "result") metrics[key] = stats(rows.map((r) => r[key]));
  }
  return { result: first, metrics };
}
