import { CancelledError, sleep } from "@stepwise/runtime";

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; each later wait is `factor` times the one before. */
  baseDelayMs: number;
  factor?: number;
  maxDelayMs?: number;
  /** Whether an error is worth another attempt (default: every error). */
  shouldRetry?: (error: unknown, attempt: number) => boolean;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** The waits `retry` makes between attempts when every attempt fails. */
export function backoffDelays({ attempts, baseDelayMs, factor = 2, maxDelayMs = Infinity }: RetryOptions): number[] {
  return Array.from({ length: Math.max(0, attempts - 1) }, (_, i) => Math.min(baseDelayMs * factor ** i, maxDelayMs));
}

/** Calls `operation` until it succeeds, sleeping with exponential backoff between failures. */
export async function retry<T>(operation: (attempt: number) => PromiseLike<T>, options: RetryOptions): Promise<T> {
  const delays = backoffDelays(options);
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      // A bare catch also catches cancellation: let it through, or the task could not be cancelled.
      if (error instanceof CancelledError) throw error;
      if (attempt >= options.attempts || !(options.shouldRetry?.(error, attempt) ?? true)) throw error;
      const delay = delays[attempt - 1]!;
      options.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
