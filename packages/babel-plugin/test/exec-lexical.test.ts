// `this`, `arguments`, `new.target` and `super` in compiled code see what they would natively.
import { transformSync } from "@babel/core";
import type { Coroutine } from "@stepwise/runtime";
import { drive, evaluate, load } from "./helpers";

type AsyncFn = (...args: unknown[]) => Coroutine<unknown>;

describe("async arrows are lexical", () => {
  test("this, arguments and new.target are the enclosing function's", () => {
    const { Outer, plain } = load(`
      export function Outer(a, b) {
        this.base = 100;
        this.run = async (x = arguments.length) => [this.base, arguments[0], arguments[1], new.target === Outer, x, await x];
      }
      export function plain(a) {
        return async () => [typeof new.target, arguments[0], this];
      }
    `) as { Outer: new (a: string, b: string) => { run: AsyncFn }; plain: (this: unknown, a: string) => AsyncFn };
    const outer = new Outer("a", "b");
    // The arrow's own arguments are not seen: the default reads Outer's (2 of them).
    const co = outer.run.call({ base: "ignored" }, "own arg");
    expect(co.send(undefined)).toBe("own arg");
    let result: unknown;
    try {
      co.send("resumed");
    } catch (e) {
      result = (e as { value: unknown }).value;
    }
    expect(result).toEqual([100, "a", "b", true, "own arg", "resumed"]);
    const self = { me: true };
    expect(drive(plain.call(self, "p")())).toEqual(["undefined", "p", self]);
  });

  test("nested plain arrows inside an async arrow see the same lexical bindings", () => {
    const { outer } = load(`
      export function outer() {
        return async () => {
          const inner = () => [arguments.length, this.n];
          await 0;
          return inner();
        };
      }
    `) as { outer: (this: unknown, ...a: unknown[]) => AsyncFn };
    expect(drive(outer.call({ n: 7 }, 1, 2, 3)())).toEqual([3, 7]);
  });

  test("a function declared inside an async arrow keeps its own this and arguments", () => {
    const { make } = load(`
      export function make() {
        return async () => {
          function own() { return [this, arguments.length]; }
          return own.call("self", 1, 2);
        };
      }
    `) as { make: (...a: unknown[]) => AsyncFn };
    expect(drive(make(9)())).toEqual(["self", 2]);
  });
});

describe("super in async methods", () => {
  const source = `
    class Base {
      greet(x) { return "base:" + x + ":" + this.tag; }
      static who() { return "Base"; }
      get value() { return 10; }
    }
    Base.prototype.count = 1;
    export class Child extends Base {
      constructor() { super(); this.tag = "child"; }
      async run(k) {
        const greeting = await super.greet(k);
        const value = super.value;
        super.count += await 5;
        super[k] = await "set";
        super["dyn" + k] ??= 3;
        const optional = super.missing?.();
        return [greeting, value, this.count, this[k], this["dyn" + k], optional];
      }
      static async who() { return "Child<" + (await super.who()) + ">"; }
      async #priv() { return super.greet("private"); }
      async callPriv() { return await this.#priv(); }
    }
    export const obj = {
      __proto__: { hello() { return "proto hello " + this.name; } },
      name: "obj",
      async hello() { return "own, " + (await super.hello()); },
    };
  `;
  const { Child, obj } = load(source) as {
    Child: { new (): { run: AsyncFn; callPriv: AsyncFn }; who: AsyncFn };
    obj: { hello: AsyncFn };
  };

  test("super.m(), super.x, super.x += await, super[k] =, ??= and ?.()", () => {
    const child = new Child();
    expect(drive(child.run("k"))).toEqual(["base:k:child", 10, 6, "set", 3, undefined]);
  });
  test("static and private methods", () => {
    expect(drive(Child.who())).toBe("Child<Base>");
    expect(drive(new Child().callPriv())).toBe("base:private:child");
  });
  test("object literal methods", () => {
    expect(drive(obj.hello())).toBe("own, proto hello obj");
  });
  test("a computed super key is evaluated once in super[k] += v", () => {
    const { C } = load(`
      class B {}
      B.prototype.total = 1;
      export class C extends B {
        async add() { let calls = 0; const key = () => { calls++; return "total"; }; super[key()] += await 2; return [calls, this.total]; }
      }
    `) as { C: new () => { add: AsyncFn } };
    expect(drive(new C().add())).toEqual([1, 3]);
  });
});

describe("super in async arrows of class fields and static blocks", () => {
  const source = `
    class A {
      who() { return "a:" + this.id; }
      static who() { return "A:" + this.id; }
    }
    export class B extends A {
      id = "instance";
      static id = "class";
      field = async () => super.who() + "/" + (await this.id);
      static staticField = async () => super.who();
      static {
        this.fromBlock = async () => { await 0; return super.who(); };
      }
    }
  `;

  test("@stepwise/babel-plugin gets them right", () => {
    const { B } = load(source) as { B: { new (): { field: AsyncFn }; staticField: AsyncFn; fromBlock: AsyncFn } };
    expect(drive(new B().field())).toBe("a:instance/instance");
    expect(drive(B.staticField())).toBe("A:class");
    expect(drive(B.fromBlock())).toBe("A:class");
  });

  test("Babel's own async-to-generator does not (it hoists super out of the class)", () => {
    const babel = transformSync(source, {
      configFile: false,
      babelrc: false,
      plugins: [require.resolve("@babel/plugin-transform-async-to-generator"), require.resolve("@babel/plugin-transform-modules-commonjs")],
    });
    expect(() => evaluate(babel?.code ?? "")).toThrow(SyntaxError);
  });
});

describe("nested async functions keep the outer one's bindings", () => {
  const { C } = load(`
    class A { name() { return "A"; } static name2() { return "static A"; } }
    export class C extends A {
      async method(x) {
        const arrow = async (y) => [super.name(), this.tag, arguments[0], y, await y];
        return await arrow("y");
      }
      static async stat() {
        const outer = async () => { const inner = async () => super.name2(); return await inner(); };
        return await outer();
      }
      tag = "c";
    }
  `) as { C: { new (): { method: AsyncFn }; stat: AsyncFn } };

  test("an async arrow inside an async method sees the method's super, this and arguments", () => {
    expect(drive(new C().method("x"))).toEqual(["A", "c", "x", "y", "y"]);
  });
  test("async arrows nested two deep in a static async method reach super", () => {
    expect(drive(C.stat())).toBe("static A");
  });

  test("arguments in an async arrow inside an async function declaration are the declaration's", () => {
    const { f } = load(`export async function f(a, b) { const g = async () => arguments.length + (await arguments[0]); return await g(); }`) as { f: AsyncFn };
    expect(drive(f(10, 20))).toBe(12);
  });
});
