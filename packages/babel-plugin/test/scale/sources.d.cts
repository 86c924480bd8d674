/** A script of at least `bytes` characters full of async code; its `main()` returns [units, checksum]. */
export function generateSource(bytes: number): string;
/** A script with async code of `shape` nested `depth` deep. */
export function nestedSource(shape: string, depth: number): string;
/** The shapes of nesting that nestedSource knows. */
export const NESTED_SHAPES: readonly string[];
