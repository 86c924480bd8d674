import { taskSignal } from "@stepwise/runtime";

/** What the crawler needs from a response: its status and the links on the page. */
export interface Response {
  url: string;
  status: number;
  links: string[];
}

/** The shape of `fetch` this code uses: it must give up when `signal` aborts, as the real one does. */
export type Fetch = (url: string, init: { signal: AbortSignal }) => PromiseLike<Response>;

/** A page that came back, and the links on it. */
export interface Page {
  url: string;
  links: string[];
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly url: string) {
    super(`GET ${url}: ${status}`);
    this.name = "HttpError";
  }
}

/**
 * GETs `url`. The request gets the current task's signal, so cancelling the task (a timeout, a
 * failing sibling in a TaskGroup, a caller giving up) also stops the request, which would
 * otherwise run on after nobody waits for it.
 */
export async function getPage(fetch: Fetch, url: string): Promise<Page> {
  const res = await fetch(url, { signal: taskSignal() });
  if (res.status !== 200) throw new HttpError(res.status, url);
  return { url, links: res.links.map((link) => new URL(link, url).href) };
}
