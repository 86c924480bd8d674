import type { ConfigAPI, NodePath, PluginObj, PluginPass, types as t } from "@babel/core";
import { fileLabel } from "./location.js";
import { resolveOptions, type PluginOptions } from "./options.js";
import { MethodMarks } from "./method-marks.js";
import { compileAsyncFunction, type FileContext } from "./rewrite-function.js";
import { RuntimeImports } from "./runtime-imports.js";
import { indexFile } from "./async-index.js";
import { knowFileNames } from "./uid.js";
import { StatementEdits } from "./statement-edits.js";

export type { PluginOptions } from "./options.js";

/** The part of Babel's plugin API this plugin uses. */
export interface PluginAPI extends Pick<ConfigAPI, "assertVersion"> {
  readonly version?: string;
}

/**
 * `@stepwise/babel-plugin`: every `async` function becomes a function that returns a Stepwise
 * coroutine (nothing runs until it is driven, unless `start: "eager"`), and every `async function*`
 * one that returns a Stepwise AsyncGen; `await x` becomes `yield x` in a generator that holds the
 * body, and `for await` a loop of such awaits. Only top-level `await` (and `for await`) stays native.
 */
export default function stepwiseBabelPlugin(api: PluginAPI, options?: PluginOptions): PluginObj<PluginPass> {
  api.assertVersion("^7.22.0 || ^8.0.0");
  const { runtime, start } = resolveOptions(options);
  return {
    name: "@stepwise/babel-plugin",
    visitor: {
      // All the work happens in one traversal at Program entry, before other plugins and presets
      // (async-to-generator in preset-env, the TypeScript preset) see any function.
      Program(program: NodePath<t.Program>, state: PluginPass) {
        const index = indexFile(program.node);
        if (index.leadsToAsync.size === 0) return;
        knowFileNames(program.scope, index.names);
        const ctx: FileContext = {
          imports: new RuntimeImports(program, runtime, state.filename),
          marks: new MethodMarks(),
          edits: new StatementEdits(),
          file: fileLabel(state.filename, state.file.opts.root ?? state.cwd),
          eager: start === "eager",
          dynamicScope: index.dynamicScope,
          unscopedNames: index.unscopedNames,
          forAwait: index.forAwait,
          mayRefuse: index.mayRefuse,
          usesLexicals: index.usesLexicals,
          privateNames: index.privateNames,
          holdingDeferredCode: new Set(),
        };
        program.traverse({
          enter(path) {
            if (!index.leadsToAsync.has(path.node)) path.skip();
          },
          Function: {
            exit(path) {
              compileAsyncFunction(path, ctx);
            },
          },
          "ObjectExpression|ClassBody": {
            exit(path) {
              ctx.marks.flush(path as NodePath<t.ObjectExpression | t.ClassBody>, ctx.imports);
            },
          },
        });
        ctx.edits.apply((statement) => ctx.imports.isLoaderStatement(statement));
        // Plugins that run after this one see the compiled code with fresh scope information (the
        // TypeScript preset, for one, keeps an import only if it knows of a reference to it).
        // With no other plugin, nothing reads it, and re-crawling the whole file would cost a
        // traversal of its own.
        if (ctx.imports.used && state.file.opts.plugins!.length > 1) program.scope.crawl();
      },
    },
  };
}
