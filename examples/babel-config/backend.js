// A pretend shop backend, and three clients for it. Plain CommonJS, not compiled: the kind of
// code that calls into a compiled library.
const http = require("node:http");
const { sleep } = require("@stepwise/runtime");

const orders = {
  "A-100": { lines: [{ sku: "kettle", quantity: 1 }, { sku: "mug", quantity: 4 }], discountCode: "TENOFF" },
  "A-101": { lines: [{ sku: "mug", quantity: 50 }] },
};
const stock = { kettle: 3, mug: 12 };
const prices = { kettle: 40, mug: 7.5 };

function respond(method, url, body) {
  let m;
  if (method === "GET" && (m = url.match(/^\/orders\/(.+)$/))) {
    return orders[m[1]] ? { status: 200, body: orders[m[1]] } : { status: 404, body: null };
  }
  if (method === "GET" && (m = url.match(/^\/stock\/(.+)$/))) return { status: 200, body: { available: stock[m[1]] ?? 0 } };
  if (method === "GET" && (m = url.match(/^\/prices\/(.+)$/))) return { status: 200, body: { unitPrice: prices[m[1]] } };
  if (method === "POST" && (m = url.match(/^\/orders\/(.+)\/confirm$/))) {
    return { status: 201, body: { id: `conf-${m[1]}-${body.total}` } };
  }
  return { status: 404, body: null };
}

/** Answers after `latency` ms of the loop's clock: `sleep(ms, value)` is a coroutine, so this works under runUntilComplete. */
function loopClient(latency = 2, log = []) {
  return {
    log,
    get: (url) => (log.push(`GET ${url}`), sleep(latency, respond("GET", url))),
    post: (url, body) => (log.push(`POST ${url}`), sleep(latency, respond("POST", url, body))),
  };
}

/** Serves the backend over real HTTP on a free port. */
function startServer() {
  const server = http.createServer((req, res) => {
    let data = "";
    req.on("data", (chunk) => (data += chunk));
    req.on("end", () => {
      const answer = respond(req.method, req.url, data ? JSON.parse(data) : undefined);
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** A client over fetch: its calls return native Promises, which only the host can settle. */
function fetchClient(baseUrl, log = []) {
  const call = async (method, url, body) => {
    log.push(`${method} ${url}`);
    const res = await fetch(baseUrl + url, { method, body: body && JSON.stringify(body), headers: { "content-type": "application/json" } });
    return { status: res.status, body: await res.json() };
  };
  return { log, get: (url) => call("GET", url), post: (url, body) => call("POST", url, body) };
}

module.exports = { respond, loopClient, startServer, fetchClient };
