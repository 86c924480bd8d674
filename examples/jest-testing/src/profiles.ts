import { retry } from "./retry";
import { TimeoutError, withTimeout } from "./timeout";

export interface Response<B = unknown> {
  status: number;
  body: B;
}
export interface HttpClient {
  get<B>(url: string): PromiseLike<Response<B>>;
}
export interface Profile {
  id: string;
  name: string;
}

export class HttpError extends Error {
  constructor(readonly status: number, url: string) {
    super(`GET ${url}: ${status}`);
    this.name = "HttpError";
  }
}

const transient = (error: unknown): boolean =>
  error instanceof TimeoutError || (error instanceof HttpError && error.status >= 500);

/** One request per attempt, each cut off after a second; 5xx and timeouts are retried. */
export async function fetchProfile(http: HttpClient, id: string): Promise<Profile> {
  const url = `/users/${encodeURIComponent(id)}`;
  return await retry(
    async () => {
      const res = await withTimeout(http.get<Profile>(url), 1000);
      if (res.status !== 200) throw new HttpError(res.status, url);
      return res.body;
    },
    { attempts: 4, baseDelayMs: 200, shouldRetry: transient },
  );
}
