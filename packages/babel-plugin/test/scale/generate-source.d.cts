/** A script of at least `bytes` characters full of async code; its `main()` returns [units, checksum]. */
export function generateSource(bytes: number): string;
