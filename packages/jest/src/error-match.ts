import { describeValue } from "./describe.js";

/**
 * Whether `error` is what a test expects, read as Jest's `toThrow` reads its argument: a class is
 * an instanceof test, a string a substring of the message, a RegExp a match on the message;
 * anything else (an Error, an asymmetric matcher) is compared with `equals`. No argument: any error.
 */
export function errorMatches(
  error: unknown,
  expected: unknown,
  given: boolean,
  equals: (a: unknown, b: unknown) => boolean,
): boolean {
  if (!given) return true;
  if (typeof expected === "function") return error instanceof expected;
  if (typeof expected === "string") return messageOf(error).includes(expected);
  if (expected instanceof RegExp) return expected.test(messageOf(error));
  return equals(error, expected);
}

export function describeErrorExpectation(expected: unknown, given: boolean): string {
  if (!given) return "an error";
  if (typeof expected === "function") return `an instance of ${expected.name || "(anonymous class)"}`;
  if (typeof expected === "string") return `an error whose message contains ${JSON.stringify(expected)}`;
  if (expected instanceof RegExp) return `an error whose message matches ${String(expected)}`;
  return describeValue(expected);
}

function messageOf(error: unknown): string {
  if (error !== null && typeof error === "object" && typeof (error as { message?: unknown }).message === "string") {
    return (error as { message: string }).message;
  }
  return String(error);
}
