// Runs the service outside Jest, as the application would: compiled by the project's own Babel
// config (no Stepwise plugin, so native async functions), against a fake HTTP client with real delays.
require("@babel/register")({ extensions: [".ts", ".js"] });
const { loadDashboard } = require("../src/dashboard");

const answers = { "/users/1": [{ id: 1, name: "Ada" }, 20], "/users/1/posts": [[{ title: "Notes" }], 30] };
const http = {
  get: (url) =>
    new Promise((resolve) => {
      const [body, delay] = answers[url] ?? [null, 0];
      setTimeout(() => resolve({ status: body === null ? 404 : 200, body }), delay);
    }),
};

loadDashboard(http, 1).then(
  (dashboard) => console.log("dashboard:", JSON.stringify(dashboard)),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
