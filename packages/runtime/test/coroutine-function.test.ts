import { asyncFn } from "./helpers";
import { Coroutine, coroutine, isCoroutine, isCoroutineFunction } from "../src/index";

const compiled = asyncFn("compiled", function* (a: number, b: number) { return a + b; });

test("isCoroutine is true only for the object a compiled async function returns", () => {
  expect(isCoroutine(compiled(1, 2))).toBe(true);
  expect(isCoroutine(Promise.resolve(1))).toBe(false);
  expect(isCoroutine(compiled)).toBe(false);
  expect(isCoroutine({ send() {}, then() {} })).toBe(false);
  expect(isCoroutine(undefined)).toBe(false);
});

test("isCoroutineFunction is true only for compiled async functions", () => {
  expect(isCoroutineFunction(compiled)).toBe(true);
  expect(isCoroutineFunction(async () => 1)).toBe(false);
  expect(isCoroutineFunction(function* () {})).toBe(false);
  expect(isCoroutineFunction(() => 1)).toBe(false);
  expect(isCoroutineFunction(compiled(1, 2))).toBe(false);
  expect(isCoroutineFunction(null)).toBe(false);
});

test("a compiled function keeps its name and length", () => {
  expect(compiled.name).toBe("compiled");
  expect(compiled.length).toBe(2);
});

test("coroutine() returns the same object typed as a Coroutine", () => {
  const co = compiled(1, 2);
  const typed: Coroutine<number> = coroutine(co as unknown as Promise<number>);
  expect(typed).toBe(co);
});

test("coroutine() on a native promise says the defining file was not compiled", () => {
  const p = Promise.resolve(1);
  expect(() => coroutine(p)).toThrow(TypeError);
  expect(() => coroutine(p)).toThrow(
    "coroutine(): this value is a native Promise, not a coroutine: the file that defines the async function " +
      "was not compiled with @stepwise/babel-plugin (check the plugin is in its Babel config)",
  );
});

test("coroutine() on anything else names what it got", () => {
  expect(() => coroutine(42 as never)).toThrow(
    new TypeError("coroutine(): expected the result of calling a compiled async function, got 42"),
  );
  expect(() => coroutine({ then() {} } as never)).toThrow(/got an object \(Object\)$/);
});

test("`this` and arguments reach the body as in a method call", () => {
  const obj = {
    base: 10,
    add: asyncFn("add", function* (this: { base: number }, n: number) { return this.base + n; }),
  };
  const co = obj.add(5);
  let value: unknown;
  try {
    co.send();
  } catch (e) {
    value = (e as { value: unknown }).value;
  }
  expect(value).toBe(15);
});
