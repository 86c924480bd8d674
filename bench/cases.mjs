// Every measured case, in the order the table prints them. A case: { id, workload (the source in
// workloads/, compiled three ways; null for none), title, size: { full, quick }, label(size, info),
// expected(size, info) (what every variant must compute), baseline (default "native"),
// samples: { full?, quick? } and warmup: { runs, ms } (full) per process, rounds: { full?, quick? }
// (at most that many of the run's rounds), mayOverflow, pendingStepwiseSupport, variants }.
import handStep from "./cases/hand-step.mjs";
import awaitValues from "./cases/await-values.mjs";
import callChains from "./cases/call-chains.mjs";
import suspended from "./cases/suspended.mjs";
import errorsAndClosures from "./cases/errors-and-closures.mjs";
import forAwait from "./cases/for-await.mjs";
import transform from "./cases/transform.mjs";

export const CASES = [...handStep, ...awaitValues, ...callChains, ...suspended, ...errorsAndClosures, ...forAwait, ...transform];
