import { CancelledError } from "@stepwise/runtime";

/**
 * The worker that sends what is put on the outbox, one email at a time. `join()` on the outbox
 * returns once every email put has been marked done with `taskDone()`.
 *
 * The bug: a send that fails throws out of the loop. The worker dies (its error in a task nobody
 * awaits), that email is never marked done, and `outbox.join()` waits forever.
 */
export async function mailer(outbox, send) {
  for (;;) {
    const email = await outbox.get();
    await send(email);
    outbox.taskDone();
  }
}

/** The fix: a failed send is noted and the worker goes on; every email is marked done. */
export async function fixedMailer(outbox, send, failed = []) {
  for (;;) {
    const email = await outbox.get();
    try {
      await send(email);
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      failed.push({ email, error });
    } finally {
      outbox.taskDone();
    }
  }
}
