import { getEventLoop, type TimerHandle } from "@stepwise/runtime";
import type { Fetch, Response } from "./http";

/** A page of the fake web: its links, its status (default 200) and how long it takes; or "hang": it never answers. */
export type PageSpec = { links?: string[]; status?: number; delayMs?: number } | "hang";

/**
 * A stand-in for the network, for the tests and the demo: each URL answers after its delay on the
 * clock of the loop that asks (virtual on a TestLoop, real otherwise), and an aborted signal
 * stops the request at once, rejecting with the signal's reason as `fetch` does. It records what
 * was asked and what was aborted, and how many requests each host had at once.
 */
export class FakeWeb {
  readonly requested: string[] = [];
  readonly aborted: string[] = [];
  /** The most requests in flight at one time, per host. */
  readonly peakInFlight = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly pages: Record<string, PageSpec>) {}

  fetch: Fetch = (url, { signal }) => {
    const loop = getEventLoop();
    const response = loop.createFuture<Response>();
    if (signal.aborted) {
      response.setException(signal.reason);
      return response;
    }
    this.requested.push(url);
    const host = new URL(url).host;
    this.enter(host);
    const spec = this.pages[url] ?? { status: 404 };
    let timer: TimerHandle | null = null;
    const onAbort = (): void => {
      timer?.cancel();
      this.leave(host);
      this.aborted.push(url);
      response.setException(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    if (spec !== "hang") {
      timer = loop.callLater(spec.delayMs ?? 10, () => {
        signal.removeEventListener("abort", onAbort);
        this.leave(host);
        response.setResult({ url, status: spec.status ?? 200, links: spec.links ?? [] });
      });
    }
    return response;
  };

  /** Requests still waiting for an answer, over all hosts. */
  inFlightNow(): number {
    let n = 0;
    for (const count of this.inFlight.values()) n += count;
    return n;
  }

  private enter(host: string): void {
    const n = (this.inFlight.get(host) ?? 0) + 1;
    this.inFlight.set(host, n);
    this.peakInFlight.set(host, Math.max(n, this.peakInFlight.get(host) ?? 0));
  }

  private leave(host: string): void {
    this.inFlight.set(host, this.inFlight.get(host)! - 1);
  }
}
