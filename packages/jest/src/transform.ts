// @stepwise/jest/transform: babel-jest with @stepwise/babel-plugin added on top of the project's
// own Babel config, for test files and the code they load alike.
import { createTransformer as createBabelJestTransformer, type TransformerConfig } from "babel-jest";
import stepwisePlugin, { type PluginOptions } from "@stepwise/babel-plugin";

export interface StepwiseTransformerConfig extends TransformerConfig {
  /** Options for @stepwise/babel-plugin (e.g. `{ runtime }`). */
  stepwise?: PluginOptions;
}

/**
 * Jest calls this with the options of `["@stepwise/jest/transform", { ... }]`: babel-jest's own
 * (configFile, rootMode, ...) plus `stepwise` for the plugin. The plugin is added under a name of
 * its own, after the config's plugins: when the project's Babel config already lists the plugin,
 * that entry compiles the file with its options first, and this one finds nothing left to do.
 */
export function createTransformer(config?: StepwiseTransformerConfig): ReturnType<typeof createBabelJestTransformer> {
  const { stepwise, ...babelJestConfig } = config ?? {};
  return createBabelJestTransformer({
    ...babelJestConfig,
    plugins: [...(babelJestConfig.plugins ?? []), [stepwisePlugin, stepwise ?? {}, "@stepwise/jest"]],
  });
}

export default { createTransformer };
