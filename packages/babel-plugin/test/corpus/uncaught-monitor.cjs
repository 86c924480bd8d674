// Preloaded (`node --require`) into every program the differential runner starts. It only watches:
// `uncaughtExceptionMonitor` runs just before Node's own handling (print, exit code 1) and changes
// nothing, so the program dies exactly as it would without it. It writes one marked line to stderr
// saying what killed the program, which the runner compares instead of the stack trace (paths and
// line numbers differ between the source and its compiled form).
"use strict";
const { writeSync } = require("node:fs");
const { inspect } = require("node:util");

const MARK = "\u0001stepwise-uncaught ";

process.on("uncaughtExceptionMonitor", (error, origin) => {
  const described =
    error instanceof Error ? `${error.name}: ${error.message}` : `thrown ${inspect(error, { depth: 2, breakLength: Infinity })}`;
  writeSync(2, `\n${MARK}${JSON.stringify({ origin, error: described })}\n`);
});
