import { sleep } from "@stepwise/runtime";

/**
 * A mail server for the tests and the demo: sending takes 2 ms on the loop's clock, and mail to
 * the addresses in `bounces` fails. `sent` lists what went out.
 */
export function fakeSmtp({ bounces = [] } = {}) {
  const sent = [];
  async function send(email) {
    await sleep(2);
    if (bounces.includes(email.to)) throw new Error(`550 mailbox unavailable: ${email.to}`);
    sent.push(email);
  }
  return { send, sent };
}
