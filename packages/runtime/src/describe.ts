/** Short, safe descriptions of arbitrary values for error messages: never throws, never huge. */
export function describeValue(x: unknown): string {
  if (x === null) return "null";
  switch (typeof x) {
    case "undefined":
      return "undefined";
    case "string":
      return JSON.stringify(x.length > 40 ? x.slice(0, 40) + "…" : x);
    case "function":
      return `function ${x.name || "(anonymous)"}`;
    case "object": {
      if (x instanceof Promise) return "a native Promise";
      try {
        const s = String(x);
        if (s !== "[object Object]") return s.length > 80 ? s.slice(0, 80) + "…" : s;
      } catch {
        // fall through to the constructor name
      }
      const ctor = (x as { constructor?: { name?: string } }).constructor;
      return `an object (${ctor?.name ?? "no prototype"})`;
    }
    default:
      return String(x);
  }
}

export function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof thenOf(x) === "function";
}

/** `x.then` when `x` could be a thenable (an object or function), read once; a getter may throw. */
export function thenOf(x: unknown): unknown {
  return x !== null && (typeof x === "object" || typeof x === "function") ? (x as { then?: unknown }).then : undefined;
}

/** The TypeError for a value given where a coroutine was expected, naming the call. */
export function notACoroutine(method: string, value: unknown): TypeError {
  return new TypeError(
    `${method}(): a coroutine was expected, got ${describeValue(value)}` +
      (value instanceof Promise ? " (was the async function compiled with @stepwise/babel-plugin?)" : ""),
  );
}
