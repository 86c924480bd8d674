/**
 * Callback-style retry, as older Node code does it: calls `operation(callback)` until it succeeds
 * or `attempts` are used, waiting `delayMs`, then twice that, ... between attempts with
 * setTimeout. `done(error, value)` gets the result, or the last error.
 */
export function retry(operation, { attempts = 3, delayMs = 100 }, done) {
  let attempt = 0;
  const tryOnce = () => {
    attempt++;
    operation((error, value) => {
      if (!error) return done(null, value);
      if (attempt >= attempts) return done(error);
      setTimeout(tryOnce, delayMs * 2 ** (attempt - 1));
    });
  };
  tryOnce();
}
