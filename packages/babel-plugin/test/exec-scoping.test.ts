// Where compiled code declares things: found by running programs natively and compiled, and
// comparing (differential testing). Each test is a case that once differed.
import { compile, drive, evaluate, load } from "./helpers";
import { isCoroutineFunction, type Coroutine } from "@stepwise/runtime";

type AsyncFn = (...args: unknown[]) => Coroutine<unknown>;

test("sloppy code: an async function declared in a block is block-scoped (Annex B does not apply)", () => {
  const code = compile(
    `
    module.exports.main = async function () {
      const seen = [];
      { seen.push(await early()); async function early() { return "early"; } }
      if (true) { async function g() { return typeof g; } seen.push(await g()); }
      { async function h() { return 1; } h = 5; seen.push(h); }
      seen.push(typeof early, typeof g, typeof h);
      return seen;
    };
    `,
    {},
    { sourceType: "script" },
  );
  const { main } = evaluate(code) as { main: AsyncFn };
  expect(drive(main())).toEqual(["early", "function", 5, "undefined", "undefined", "undefined"]);
});

test("sloppy code: block-level async declarations in a loop close over each iteration", () => {
  const code = compile(
    `module.exports.main = async function () {
      const fs = [];
      for (let i = 0; i < 3; i++) { async function c() { return i; } fs.push(c); }
      const out = [];
      for (const f of fs) out.push(await f());
      return out;
    };`,
    {},
    { sourceType: "script" },
  );
  const { main } = evaluate(code) as { main: AsyncFn };
  expect(drive(main())).toEqual([0, 1, 2]);
});

test("a computed async method key inside a parameter default", () => {
  const { run } = load(`
    let n = 0;
    const key = () => "m" + ++n;
    function withClass(C = class { async [key()]() { return "c"; } }) { return C; }
    const withObject = (o = { async [key()]() { return "o"; } }) => o;
    export async function run() { return [await new (withClass())().m1(), await withObject().m2()]; }
  `) as { run: AsyncFn };
  expect(drive(run())).toEqual(["c", "o"]);
});

describe("async arrows in a derived constructor read `this` when their body does", () => {
  const source = `
    class Base {
      constructor(cb) { this.fromBase = cb(); }
      hi() { return "hi " + this.x; }
    }
    export class Child extends Base {
      constructor() {
        const before = async () => "no this";
        const started = before(); // called before super(): natively fine, as it never reads \`this\`
        super(async () => {
          await 0; // Base calls this during super(); \`this\` is read after the await
          return [this.x, super.hi()];
        });
        this.x = 41;
        this.started = started;
      }
    }
  `;
  test("an arrow called before super() that does not use this", () => {
    const { Child } = load(source) as { Child: new () => { started: Coroutine<unknown>; fromBase: Coroutine<unknown> } };
    const child = new Child();
    expect(drive(child.started)).toBe("no this");
    expect(drive(child.fromBase)).toEqual([41, "hi 41"]);
  });
});

test("`#yield` and `#await` are private names, not identifiers the generator would reject", () => {
  const { run } = load(`
    class A {
      #yield = 1;
      async #await() { return 2; }
      async m() { return this.#yield + (await this.#await()) + (#yield in this ? 1 : 0); }
    }
    export async function run() { return new A().m(); }
  `) as { run: AsyncFn };
  expect(drive(run())).toBe(4);
});

test("`arguments.callee` in an arrow is the enclosing function's, and in strict code is left alone", () => {
  const code = compile(
    `function outer() { return async () => arguments.callee === outer; }
     module.exports.outer = outer;`,
    {},
    { sourceType: "script" },
  );
  const { outer } = evaluate(code) as { outer: () => AsyncFn };
  expect(drive(outer()())).toBe(true);
});

test("async methods with BigInt keys compile to valid code and are marked", () => {
  const { o, C } = load(`
    export const o = { async 1n() { return "one"; }, async 0x10n() { return "hex"; } };
    export class C { async 2n() { return "two"; } static async 3n() { return "three"; } }
  `) as { o: Record<string, AsyncFn>; C: (new () => Record<string, AsyncFn>) & Record<string, AsyncFn> };
  expect([drive(o[1]!()), drive(o[16]!()), drive(new C()[2]!()), drive(C[3]!())]).toEqual(["one", "hex", "two", "three"]);
  expect(o[16]!.name).toBe("16");
  expect(o[16]!().name).toBe("16"); // the coroutine's name, as the function's
  expect([o[1], o[16], new C()[2], C[3]].every((f) => isCoroutineFunction(f))).toBe(true);
});
