// TypeScript, Flow, JSX and decorators around async code, through their Babel presets and plugins
// (which run after the plugin, as in a user's config): each program is compiled and run, and must
// give what the same presets give without the plugin.
import { expectCodeFrameError, expectSameAsNative, refusal, type ProgramOptions } from "./native-comparison";

const typescript: ProgramOptions = {
  sourceType: "module",
  filename: "/virtual/src/input.ts",
  presets: [[require.resolve("@babel/preset-typescript"), { allowDeclareFields: true }]],
};
const tsx: ProgramOptions = {
  ...typescript,
  filename: "/virtual/src/input.tsx",
  presets: [
    [require.resolve("@babel/preset-typescript"), { allowDeclareFields: true, isTSX: true, allExtensions: true }],
    [require.resolve("@babel/preset-react"), { runtime: "classic", pragma: "h", pragmaFrag: "Fragment" }],
  ],
};
const flow: ProgramOptions = { sourceType: "module", presets: [require.resolve("@babel/preset-flow")] };
const jsx: ProgramOptions = {
  sourceType: "module",
  presets: [[require.resolve("@babel/preset-react"), { runtime: "classic", pragma: "h", pragmaFrag: "Fragment", throwIfNamespace: false }]],
};
const decorators = (version: string): ProgramOptions => ({
  sourceType: "module",
  plugins: [[require.resolve("@babel/plugin-proposal-decorators"), { version }]],
});

/** A JSX factory that builds plain data: `h("div", props, ...children)`. */
const H = `
  const Fragment = "fragment";
  function h(type, props, ...children) { return { type: typeof type === "function" ? type.name : type, props, children }; }
`;

describe("TypeScript", () => {
  test("generics, `this` parameters, overloads, optional and default parameters", async () => {
    await expectSameAsNative(
      `
      export async function over(a: string): Promise<string>;
      export async function over(a: number): Promise<number>;
      export async function over(a: string | number): Promise<string | number> { return (await a) as string | number; }
      async function withThis(this: { base: number }, add?: number, times: number = 2): Promise<number> {
        return (this.base + (await (add ?? 0))) * times;
      }
      const pair = async <A, B extends A = A>(a: A, b: B): Promise<[A, B]> => [await a, await b];
      export async function main() {
        return [await over("s"), await over(2), over.length, await withThis.call({ base: 1 }, 2), withThis.length,
          await pair<number, 2>(1, 2), pair.length];
      }`,
      typescript,
    );
  });

  test("enums and namespaces declared inside a function, named by async code beside them", async () => {
    // Babel's scopes have no binding for these: the generators must stay where the names are.
    await expectSameAsNative(
      `
      function make(k: number) {
        enum Level { Low = 1, High = 10 }
        namespace Units { export const scale = 100; }
        namespace Deep.Inner { export const x = 3; }
        const read = async (x: number): Promise<number> => x + k + Level.High + Units.scale + Deep.Inner.x;
        class Reader { async get(): Promise<string> { return Level[await Level.Low]; } }
        return [read, new Reader()] as const;
      }
      export async function main() {
        const [read, reader] = make(2);
        return [await read(1), await reader.get()];
      }`,
      typescript,
    );
  });

  test("abstract classes, `declare` fields, parameter properties, access modifiers, `override`", async () => {
    await expectSameAsNative(
      `
      abstract class Shape {
        declare tag: string;
        protected readonly sides: number = 0;
        abstract area(): Promise<number>;
        async describe(this: Shape): Promise<string> { return \`\${this.sides}:\${await this.area()}\`; }
      }
      class Square extends Shape {
        protected override readonly sides = 4;
        constructor(private side: number, public readonly label = "sq") { super(); }
        override async area(): Promise<number> { return (await this.side) ** 2; }
        private async secret() { return this.label; }
        async reveal() { return this.secret(); }
      }
      export async function main() { const s = new Square(3); return [await s.describe(), await s.reveal(), "tag" in s]; }`,
      typescript,
    );
  });

  test("enums, namespaces with async functions, `declare` statements, type-only imports and exports", async () => {
    await expectSameAsNative(
      `
      import type { Missing } from "./nowhere";
      declare const fromElsewhere: number;
      declare function external(x: number): Promise<number>;
      enum Color { Red = 1, Blue = Red * 2 }
      const enum Inline { A = "a" }
      namespace Store {
        export async function load<T>(x: T): Promise<T> { return await x; }
        export namespace Deep { export const twice = async (n: number) => (await n) * 2; }
        export async function* items() { yield Color.Red; yield Color.Blue; }
      }
      export type Alias = Missing;
      export async function main() {
        const got: number[] = [];
        for await (const c of Store.items()) got.push(c);
        return [await Store.load("ns"), await Store.Deep.twice(21), got, Inline.A, typeof external];
      }`,
      typescript,
    );
  });

  test("type assertions, non-null, `satisfies` and casts around awaits", async () => {
    await expectSameAsNative(
      `
      interface Box { v?: { n: number } }
      const handlers = { one: async () => 1, two: async (x: number) => x * 2 } satisfies Record<string, (...a: never[]) => Promise<number>>;
      export async function main() {
        const box: Box = { v: { n: 5 } };
        const a = <number>await 5;
        const b = (await Promise.resolve(box))!.v!.n;
        const c = (await (box as unknown as Promise<Box>)) as Box;
        const d = (await handlers.two(3)) satisfies number;
        const e = await (<Promise<number>>(<unknown>Promise.resolve(7)));
        return [a, b, c.v?.n, d, e, await handlers.one(), handlers.two.name];
      }`,
      typescript,
    );
  });

  test("TSX: async components, generic arrows with `<T,>`, and async handlers in attributes", async () => {
    await expectSameAsNative(
      `${H}
      type Props = { name: string };
      async function Greeting({ name }: Props): Promise<object> {
        return <p title={name}>{await Promise.resolve("hi")} {name}</p>;
      }
      const identity = async <T,>(x: T): Promise<T> => x;
      export async function main() {
        const node = <button onClick={async (e: unknown) => (await identity(e)) ?? "none"}>go</button>;
        return [await Greeting({ name: "ada" }), await (node as any).props.onClick(undefined), <><Greeting name="x" /></>];
      }`,
      tsx,
    );
  });

  test("parameter decorators on an async method are refused with a code frame", () => {
    const source = `function Inject(): ParameterDecorator { return () => {}; }\nclass Service {\n  async load(@Inject() id: string) { return id; }\n}`;
    const options: ProgramOptions = {
      ...typescript,
      plugins: [[require.resolve("@babel/plugin-proposal-decorators"), { version: "legacy" }]],
    };
    expectCodeFrameError(refusal(source, options), /Parameter decorators on an async method are not supported/, "@Inject() id: string");
  });
});

describe("Flow", () => {
  test("annotations on async arrows, generics, casts around awaits, opaque types, typed classes", async () => {
    await expectSameAsNative(
      `// @flow
      import type { Thing } from "./nowhere";
      type Point = {| x: number, y: number |};
      opaque type Id = string;
      const inc = async (x: number): Promise<number> => (await x: any) + 1;
      const generic = async <T>(x: T): Promise<T> => await x;
      async function sum({ x, y }: Point): Promise<number> { return x + (await y); }
      class Counter {
        +label: string = "c";
        static count: number = 0;
        async bump(by?: number = 1): Promise<number> { Counter.count += await by; return Counter.count; }
      }
      async function* ids(): AsyncGenerator<Id, void, void> { yield ("a": Id); }
      export async function main(): Promise<Array<mixed>> {
        const got = [];
        for await (const id of ids()) got.push(id);
        return [await inc(1), await generic("g"), await sum({ x: 1, y: 2 }), await new Counter().bump(), got, inc.length];
      }`,
      flow,
    );
  });
});

describe("JSX", () => {
  test("async components, fragments, spread props, async handlers, namespaced and member tags", async () => {
    await expectSameAsNative(
      `${H}
      const UI = { Panel: function Panel() {} };
      async function Comp({ name }) {
        const greeting = await Promise.resolve("hi");
        return <div title={name} {...(await { id: 1 })}>{greeting} {await name} await async</div>;
      }
      const List = async () => <><UI.Panel /><svg:rect width="1" /><script async /></>;
      export async function main() {
        const button = <button onClick={async () => await 1}>go</button>;
        const namespaced = <x:y a:b={async () => 2} />;
        return [await Comp({ name: "n" }), await List(), await button.props.onClick(), button.props.onClick.name,
          namespaced.props["a:b"].name, await namespaced.props["a:b"]()];
      }`,
      jsx,
    );
  });

  test("components local to the enclosing function, as tags and member tags", async () => {
    // The generators move out of \`make\`: each tag it names must go with them as a capture.
    await expectSameAsNative(
      `${H}
      function make(label) {
        const Badge = function Badge(props) {};
        const parts = { Row: function Row() {} };
        return {
          async render(n) { return <Badge n={await n} label={label} />; },
          row: async () => <parts.Row><Badge /></parts.Row>,
        };
      }
      export async function main() {
        const ui = make("x");
        return [await ui.render(1), await ui.row()];
      }`,
      jsx,
    );
  });

  test("JSX yielded by an async generator and consumed by `for await`", async () => {
    await expectSameAsNative(
      `${H}
      async function* rows(n) { for (let i = 0; i < n; i++) yield <li key={i}>{await i}</li>; }
      export async function main() {
        const items = [];
        for await (const row of rows(3)) items.push(row);
        return <ul>{items}</ul>;
      }`,
      jsx,
    );
  });
});

describe("decorators", () => {
  test("2023-11 decorators on async methods, static methods, accessors and the class", async () => {
    await expectSameAsNative(
      `
      function logged(value, context) {
        return async function (...args) { return context.name + ":" + (await value.apply(this, args)); };
      }
      function bound(value, context) { context.addInitializer(function () { this[context.name] = this[context.name].bind(this); }); }
      function tagged(cls) { cls.tag = "tagged"; return cls; }
      @tagged
      class K {
        n = 2;
        @logged async m(x) { return x * this.n; }
        @bound async b() { return this.n; }
        @logged static async s() { return "s"; }
        @logged async *gen() { yield 1; }
        accessor count = 1;
      }
      export async function main() {
        const k = new K();
        const b = k.b;
        return [await k.m(3), await b(), await K.s(), K.tag, k.count];
      }`,
      decorators("2023-11"),
    );
  });

  test("decorators evaluated inside an async function may await", async () => {
    await expectSameAsNative(
      `
      export async function main() {
        const prefix = (p) => (value) => async function () { return p + (await value.call(this)); };
        class K { @(prefix(await "pre:")) async m() { return "m"; } }
        return await new K().m();
      }`,
      decorators("2023-11"),
    );
  });

  test("legacy decorators on async methods", async () => {
    await expectSameAsNative(
      `
      function twice(target, key, descriptor) {
        const original = descriptor.value;
        descriptor.value = async function (...args) { return 2 * (await original.apply(this, args)); };
        return descriptor;
      }
      class K { @twice async m(x) { return x + 1; } @twice static async s() { return 5; } }
      export async function main() { return [await new K().m(1), await K.s()]; }`,
      decorators("legacy"),
    );
  });
});
