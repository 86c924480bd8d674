import { CancelledError, sleep } from "@stepwise/runtime";

export interface Response {
  status: number;
  body: unknown;
}
export interface Http {
  get(url: string): PromiseLike<Response>;
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly url: string) {
    super(`GET ${url}: ${status}`);
    this.name = "HttpError";
  }
}

/** GET `url` as JSON. A 5xx answer or a network error is retried after 100 ms, then 200 ms, ... */
export async function getJson<T>(http: Http, url: string, retries = 2): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await http.get(url);
    } catch (error) {
      if (error instanceof CancelledError || attempt >= retries) throw error;
      await sleep(100 * 2 ** attempt);
      continue;
    }
    if (res.status === 200) return res.body as T;
    if (res.status < 500 || attempt >= retries) throw new HttpError(res.status, url);
    await sleep(100 * 2 ** attempt);
  }
}
