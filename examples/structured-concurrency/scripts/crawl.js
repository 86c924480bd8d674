// Runs the crawler on a real event loop with real timers (the fake web's delays are real
// milliseconds here), in three scenarios, and checks what each one did. src/ is compiled on the
// fly by @babel/register with this example's babel.config.js (Stepwise plugin included).
const path = require("node:path");
const assert = require("node:assert/strict");
require("@babel/register")({
  configFile: path.join(__dirname, "..", "babel.config.js"),
  extensions: [".ts", ".js"],
  only: [path.join(__dirname, "..", "src")],
  cache: false, // always compile with the plugin as it is now built
});
const { CancelledError, TaskGroupError, run } = require("@stepwise/runtime");
const { crawl } = require("../src/crawler");
const { checkLinks } = require("../src/link-check");
const { abortable } = require("../src/abortable");
const { FakeWeb } = require("../src/fake-web");
const { site } = require("../src/example-site");

const start = "https://shop.test/";
const since = (t0) => `${Math.round(performance.now() - t0)} ms`;

async function main() {
  // 1. The whole site: the hanging page is given up after 300 ms, and its request aborted.
  let web = new FakeWeb(site);
  let t0 = performance.now();
  const report = await run(crawl(web.fetch, start, { pageTimeoutMs: 300 }));
  console.log(`crawl (${since(t0)} of real time):`, JSON.stringify(report, null, 2));
  assert.equal(report.pages.length, 6);
  assert.deepEqual(report.timedOut, ["https://shop.test/slow"]);
  assert.deepEqual(web.aborted, ["https://shop.test/slow"]);
  assert.equal(web.peakInFlight.get("shop.test"), 2);

  // 2. The indexer fails on one page: the other workers are cancelled, their requests aborted.
  web = new FakeWeb(site);
  const onPage = ({ url }) => {
    if (url === "https://blog.test/post") throw new Error("the index is full");
  };
  const failure = await run(crawl(web.fetch, start, { onPage })).catch((e) => e);
  assert.ok(failure instanceof TaskGroupError, `expected a TaskGroupError, got ${failure}`);
  console.log(`\nindexer failed: ${failure.message}: ${failure.errors.map((e) => e.message).join(", ")}`);
  console.log("requests aborted with it:", web.aborted);
  assert.deepEqual(failure.errors.map((e) => e.message), ["the index is full"]);
  // Which requests were in flight depends on real timing (the tests pin it down in virtual time);
  // that none is left running does not.
  assert.equal(web.inFlightNow(), 0, "no request left running");

  // 3. An AbortController stops the crawl from outside after 100 ms (a Ctrl+C handler would).
  web = new FakeWeb(site);
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error("stopped by the user")), 100);
  t0 = performance.now();
  const stopped = await run(abortable(controller.signal, crawl(web.fetch, start))).catch((e) => e);
  assert.ok(stopped instanceof CancelledError, `expected a CancelledError, got ${stopped}`);
  console.log(`\naborted after ${since(t0)}: ${stopped.name}: ${stopped.message}; requests aborted:`, web.aborted.sort());
  assert.equal(stopped.message, "stopped by the user");
  assert.equal(web.inFlightNow(), 0, "no request left running");

  // 4. Links checked side by side, each with its own deadline.
  web = new FakeWeb(site);
  const links = ["https://shop.test/a", "https://shop.test/missing", "https://shop.test/slow"];
  const statuses = await run(checkLinks(web.fetch, links, 200));
  console.log("\nlink check:", statuses);
  assert.deepEqual(statuses, { "https://shop.test/a": "ok", "https://shop.test/missing": 404, "https://shop.test/slow": "timeout" });

  console.log("\nstructured-concurrency example: all checks passed");
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
