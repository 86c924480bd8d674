/**
 * Pings `connection` every `intervalMs`; if a pong does not come within `timeoutMs`, the
 * connection is taken for dead: the heartbeat stops and `onDead()` is called. Returns `stop()`.
 * `connection` has `ping()`, and calls `connection.onPong()` when the answer comes.
 */
export function startHeartbeat(connection, { intervalMs = 30_000, timeoutMs = 5_000, onDead }) {
  let deadline = null;
  const interval = setInterval(() => {
    if (deadline !== null) return; // the last ping is still unanswered
    connection.ping();
    deadline = setTimeout(() => {
      stop();
      onDead();
    }, timeoutMs);
  }, intervalMs);
  connection.onPong = () => {
    clearTimeout(deadline);
    deadline = null;
  };
  function stop() {
    clearInterval(interval);
    clearTimeout(deadline);
    deadline = null;
  }
  return stop;
}
