// The deepest depth at which `attempt(depth)` succeeds: doubling from `start` until a failure (or
// `cap`), then bisection between the last success and the first failure until they are within
// `precision` (a fraction of the depth). Assumes success is monotonic in the depth, which holds
// for a stack overflow when each attempt starts with a fresh stack (run.mjs gives each attempt its
// own process).
"use strict";

/**
 * attempt(depth) resolves to { ok: true } or { ok: false, reason }; it throws for anything that is
 * not a clean success or overflow (a wrong result), which ends the search.
 * Resolves to { deepest, firstFailure, reason, capped, attempts: [{ depth, ok, reason? }] }.
 */
async function deepestDepth(attempt, { start, cap, precision }) {
  if (!(start >= 1 && cap >= start && precision > 0)) {
    throw new RangeError(`deepestDepth(): need 1 <= start <= cap and precision > 0, got start ${start}, cap ${cap}, precision ${precision}`);
  }
  const attempts = [];
  const tryDepth = async (depth) => {
    const outcome = await attempt(depth);
    attempts.push({ depth, ...outcome });
    return outcome;
  };
  let deepest = 0;
  let firstFailure = null;
  let reason = null;
  for (let depth = start; ; depth = Math.min(depth * 2, cap)) {
    const outcome = await tryDepth(depth);
    if (!outcome.ok) {
      firstFailure = depth;
      reason = outcome.reason;
      break;
    }
    deepest = depth;
    if (depth === cap) return { deepest, firstFailure: null, reason: null, capped: true, attempts };
  }
  while (firstFailure - deepest > Math.max(1, Math.floor(deepest * precision))) {
    const mid = Math.floor((deepest + firstFailure) / 2);
    const outcome = await tryDepth(mid);
    if (outcome.ok) deepest = mid;
    else {
      firstFailure = mid;
      reason = outcome.reason;
    }
  }
  return { deepest, firstFailure, reason, capped: false, attempts };
}

module.exports = { deepestDepth };
