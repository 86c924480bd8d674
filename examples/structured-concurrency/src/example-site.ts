import type { PageSpec } from "../src/fake-web";

/**
 * The site the tests and `npm start` crawl, on two hosts. On the clock: "/" answers at 50 ms;
 * a, b and c take 100 ms each, but only two run at once on shop.test, so c starts when a
 * finishes; "/slow" never answers.
 */
export const site: Record<string, PageSpec> = {
  "https://shop.test/": { delayMs: 50, links: ["/a", "/b", "/c", "https://blog.test/"] },
  "https://shop.test/a": { delayMs: 100, links: ["/", "/missing"] },
  "https://shop.test/b": { delayMs: 100 },
  "https://shop.test/c": { delayMs: 100, links: ["/slow"] },
  "https://shop.test/missing": { delayMs: 20, status: 404 },
  "https://shop.test/slow": "hang",
  "https://blog.test/": { delayMs: 30, links: ["/post"] },
  "https://blog.test/post": { delayMs: 40 },
};
