import { spawnSync } from "node:child_process";
import { join } from "node:path";

// The check at the end of each test fails the test from the setup file's afterEach, which a test
// cannot observe from inside its own run: run a project that uses the preset in a Jest of its own.
interface Result {
  title: string;
  status: string;
  failureMessages: string[];
}

let results: Map<string, Result>;
beforeAll(() => {
  const jestBin = require.resolve("jest/bin/jest");
  const config = join(__dirname, "fixtures", "preset-project", "jest.config.js");
  const run = spawnSync(process.execPath, [jestBin, "--config", config, "--json", "--ci"], { encoding: "utf8" });
  const report = JSON.parse(run.stdout) as { testResults: { assertionResults: Result[] }[] };
  results = new Map(report.testResults[0]!.assertionResults.map((r) => [r.title, r]));
}, 120_000);

/** The failure of the test named `title`, colours removed. */
function failure(title: string): string {
  const r = results.get(title)!;
  expect(r.status).toBe("failed");
  return r.failureMessages.join("\n").replace(/\x1b\[[0-9;]*m/g, "");
}

test("every test in the project ended as its name says", () => {
  expect([...results.values()].map((r) => `${r.status}: ${r.title}`)).toEqual(
    [...results.keys()].map((title) => `${title.startsWith("passes") ? "passed" : "failed"}: ${title}`),
  );
  expect(results.size).toBe(13);
});

test("a pending task fails the test, with a dump: name, coroutine, location, what it awaits", () => {
  expect(failure("fails: a task left pending")).toMatch(
    new RegExp(
      "The test left work on its loop:\\n" +
        "1 task still pending:\\n" +
        "  - Task 'Task-\\d+' of sleeper\\(\\) at end-of-test\\.fixture\\.js:5:0, pending, suspended on <Future pending> inside sleeper\\(\\) → sleep\\(\\)\\n" +
        "Finish, cancel or close what the test started \\(a coroutine stepped by hand and left in sleep\\(\\) keeps its timer until co.close\\(\\)\\); retrieve an expected failure with task.exception\\(\\) or expect\\(task\\).toHaveThrown\\(...\\); " +
        "or call allowPending\\(\\) in the test if pending work is intended.",
    ),
  );
});

test("an error nobody retrieved fails the test", () => {
  expect(failure("fails: a task's error nobody retrieved")).toMatch(
    /1 task failed and nobody retrieved its error:\n {2}- Task 'Task-\d+' of boom\(\) at end-of-test\.fixture\.js:\d+:\d+, failed with \[Error: boom\]/,
  );
});

test("timers and callbacks that belong to no task are listed too, with their arguments", () => {
  const message = failure("fails: a timer and a callback left behind");
  expect(message).toContain('1 timer still scheduled:\n  - reminder("tea") due at 500 (now 0)\n');
  expect(message).toContain("1 callback queued but never run:\n  - ping()\n");
});

test("a coroutine stepped by hand and left in sleep() leaves its timer", () => {
  expect(failure("fails: a coroutine stepped into sleep() and left there")).toMatch(
    /1 timer still scheduled:\n {2}- setUnlessCancelled\(<Future pending>, undefined\) due at 1000 \(now 0\)\n/,
  );
});

test("testLoop() at the top of a test file: the setup is loaded, no test is running", () => {
  expect(failure("fails: testLoop() called while the file loads")).toMatch(/testLoop\(\): no test is running/);
});

test("a test that failed already is not also blamed for what it left", () => {
  const message = failure("fails: an assertion, and only that is reported");
  expect(message).toContain("expect(received).toBe(expected)");
  expect(message).not.toContain("left work");
});

test("an async test fails with its error; one awaiting what nothing can complete, with the runtime's explanation", () => {
  expect(failure("fails: an async test throws")).toContain("RangeError: async failure at 100");
  expect(failure("fails: an async test awaits what nothing can complete")).toMatch(/runUntilComplete/);
});

test("an async test that never ends does not hold the thread: Jest's timeout stops it", () => {
  expect(failure("fails: an async test that never ends meets Jest's timeout")).toContain("Exceeded timeout of 300 ms");
});
