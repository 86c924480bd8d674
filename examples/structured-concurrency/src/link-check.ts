import { TimeoutError, gather, waitFor } from "@stepwise/runtime";
import { HttpError, getPage, type Fetch } from "./http";

export type LinkStatus = "ok" | "timeout" | number;

/**
 * Checks each URL at once, each with its own deadline. `gather` with `returnExceptions` gives
 * every outcome, errors included, in argument order: one bad link does not hide the others. Each
 * probe runs as a task of its own, so a probe that times out aborts its own request only.
 */
export async function checkLinks(fetch: Fetch, urls: string[], timeoutMs = 500): Promise<Record<string, LinkStatus>> {
  const outcomes = await gather(...urls.map((url) => waitFor(getPage(fetch, url), timeoutMs)), { returnExceptions: true });
  const statuses: Record<string, LinkStatus> = {};
  outcomes.forEach((outcome, i) => {
    if (outcome instanceof HttpError) statuses[urls[i]!] = outcome.status;
    else if (outcome instanceof TimeoutError) statuses[urls[i]!] = "timeout";
    else if (outcome instanceof Error) throw outcome; // not a verdict on the link: a bug, or a cancellation
    else statuses[urls[i]!] = "ok";
  });
  return statuses;
}
