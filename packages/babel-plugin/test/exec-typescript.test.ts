// With the TypeScript preset after it (as in a user's config), the plugin's output still runs:
// the helper import survives the preset's removal of type-only imports, and types are stripped.
import { transformSync } from "@babel/core";
import { isCoroutineFunction, type Coroutine } from "@stepwise/runtime";
import stepwise from "../src/index";
import { drive, evaluate } from "./helpers";

const source = `
  import type { Thing } from "./types";
  export async function typed<T>(this: { base: number } | void, a: number, b?: T): Promise<[number, T | undefined]> {
    return [(await a) as number, b];
  }
  export const arrow = (async (x: number): Promise<number> => (await x) * 2) as unknown as (x: number) => Promise<number>;
  export class Store {
    async get<T>(key: string): Promise<T | string> {
      return (await key) as T | string;
    }
  }
  export type Unused = Thing;
`;

test("compiled TypeScript runs", () => {
  const result = transformSync(source, {
    configFile: false,
    babelrc: false,
    filename: "/virtual/src/input.ts",
    presets: [require.resolve("@babel/preset-typescript")],
    plugins: [stepwise, require.resolve("@babel/plugin-transform-modules-commonjs")],
  });
  const mod = evaluate(result?.code ?? "") as {
    typed: (a: number, b?: string) => Coroutine<unknown>;
    arrow: ((x: number) => Coroutine<number>) & { name: string; length: number };
    Store: new () => { get: (k: string) => Coroutine<string> };
  };
  expect(drive(mod.typed(1, "b"))).toEqual([1, "b"]);
  expect(mod.typed.length).toBe(2);
  expect(drive(mod.arrow(21))).toBe(42);
  expect([mod.arrow.name, mod.arrow.length]).toEqual(["arrow", 1]);
  expect(isCoroutineFunction(mod.arrow)).toBe(true);
  expect(drive(new mod.Store().get("k"))).toBe("k");
});
