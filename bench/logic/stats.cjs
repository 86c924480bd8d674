// Statistics over rounds. A variant is measured once per round, each time in a fresh process that
// reports the median of its own samples; these functions combine those per-round figures.
"use strict";

/** The median of a list of numbers (the mean of the middle two for an even count). */
function median(values) {
  if (values.length === 0) throw new RangeError("median() of no values: at least one round must have a figure");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** { median, min, max, n } of the figures that exist (null marks a round without one). */
function summarize(values) {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return null;
  return { median: median(present), min: Math.min(...present), max: Math.max(...present), n: present.length };
}

/**
 * Paired ratios: `variant[r] / baseline[r]` for each round r where both have a figure, then their
 * median. Pairing by round cancels what changed between rounds (another job on the machine, CPU
 * frequency), which a ratio of medians taken over all rounds does not.
 */
function pairedRatios(variant, baseline) {
  if (variant.length !== baseline.length) {
    throw new RangeError(`pairedRatios(): ${variant.length} rounds of the variant but ${baseline.length} of the baseline`);
  }
  const perRound = variant.map((v, r) => (v == null || baseline[r] == null ? null : v / baseline[r]));
  const present = perRound.filter((x) => x !== null);
  if (present.length === 0) return null;
  return { perRound, median: median(present), min: Math.min(...present), max: Math.max(...present), n: present.length };
}

module.exports = { median, summarize, pairedRatios };
