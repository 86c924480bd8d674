// The public API of @stepwise/jest: this list is all of it. The setup file (@stepwise/jest/setup)
// and the transform (@stepwise/jest/transform) are entry points of their own.
import "./matcher-types.js";
export { testLoop, allowPending } from "./per-test-loop.js";
export { step, Stepper } from "./step.js";
export { stepwiseMatchers, type MatcherContext, type MatcherResult } from "./matchers.js";
