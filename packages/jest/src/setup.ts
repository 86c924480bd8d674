// The setup file (setupFilesAfterEnv): a fresh TestLoop around each test, and the matchers.
import { stepwiseMatchers } from "./matchers.js";
import { _beginTest, _endTest, _setupLoaded } from "./per-test-loop.js";
import { currentTestFailed } from "./test-failed.js";
import { runAsyncTestsOnTheLoop } from "./async-tests.js";
import "./matcher-types.js";

_setupLoaded();
expect.extend(stepwiseMatchers as unknown as jest.ExpectExtendMap);

beforeEach(() => {
  _beginTest();
});

afterEach(function checkTestLoop() {
  const problem = _endTest(currentTestFailed());
  if (problem === null) return;
  // Where the check runs says nothing about the test: the stack starts in Jest, which shows no code frame for it.
  Error.captureStackTrace?.(problem, checkTestLoop);
  throw problem;
});

// After our own hooks are registered: test and hook functions the test file passes from now on
// run compiled async bodies on the test's loop.
runAsyncTestsOnTheLoop();
