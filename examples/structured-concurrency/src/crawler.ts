import { Queue, QueueShutDown, Semaphore, TimeoutError, coroutine, taskGroup, timeout } from "@stepwise/runtime";
import { HttpError, getPage, type Fetch, type Page } from "./http";

export interface CrawlOptions {
  /** Requests in flight at once, over all hosts: the size of the worker pool (default 4). */
  workers?: number;
  /** Requests in flight at once to one host (default 2). */
  perHost?: number;
  /** How long one request may take (default 1000 ms); a slower page is listed as timed out. */
  pageTimeoutMs?: number;
  /** Pages to visit at most (default 100). */
  maxPages?: number;
  /** Called with each page fetched (to index it, say). An error here stops the whole crawl. */
  onPage?: (page: Page) => PromiseLike<void> | void;
}

export interface CrawlReport {
  /** The pages fetched, in the order they came back. */
  pages: string[];
  broken: { url: string; status: number }[];
  timedOut: string[];
}

/**
 * Visits every page reachable from `start`. A pool of worker tasks takes URLs from a queue; the
 * crawl ends when every URL put on it has been processed (`join`), and the queue's shutdown ends
 * the workers. The workers run in a TaskGroup: if one fails, the others are cancelled, their
 * requests aborted, and the crawl throws a TaskGroupError with the failure in `.errors`.
 */
export async function crawl(fetch: Fetch, start: string, options: CrawlOptions = {}): Promise<CrawlReport> {
  const { workers = 4, perHost = 2, pageTimeoutMs = 1000, maxPages = 100, onPage } = options;
  const queue = new Queue<string>();
  const seen = new Set<string>([start]);
  const hostSlots = new Map<string, Semaphore>();
  const report: CrawlReport = { pages: [], broken: [], timedOut: [] };

  const slotsFor = (url: string): Semaphore => {
    const host = new URL(url).host;
    let slots = hostSlots.get(host);
    if (slots === undefined) hostSlots.set(host, (slots = new Semaphore(perHost)));
    return slots;
  };

  async function visit(url: string): Promise<void> {
    let page: Page;
    try {
      // The deadline starts once a slot for the host is free: it bounds the request, not the wait.
      page = await slotsFor(url).withLock(() => timeout(pageTimeoutMs).run(() => getPage(fetch, url)));
    } catch (error) {
      if (error instanceof HttpError) {
        report.broken.push({ url, status: error.status });
        return;
      }
      if (error instanceof TimeoutError) {
        report.timedOut.push(url);
        return;
      }
      throw error;
    }
    report.pages.push(url);
    if (onPage !== undefined) await onPage(page);
    for (const link of page.links) {
      if (seen.has(link) || seen.size >= maxPages) continue;
      seen.add(link);
      queue.putNowait(link);
    }
  }

  async function worker(): Promise<void> {
    for (;;) {
      let url: string;
      try {
        url = await queue.get();
      } catch (error) {
        if (error instanceof QueueShutDown) return; // the crawl is over
        throw error;
      }
      try {
        await visit(url);
      } finally {
        queue.taskDone();
      }
    }
  }

  queue.putNowait(start);
  await taskGroup(async (tg) => {
    for (let i = 1; i <= workers; i++) tg.createTask(coroutine(worker()), { name: `worker-${i}` });
    await queue.join();
    queue.shutdown();
  });
  return report;
}
