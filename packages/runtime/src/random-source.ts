/** Scrambles a 32-bit integer so that nearby seeds (1, 2, 3…) start far apart. */
function scramble(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * A small seeded pseudo-random source (xorshift32 on a scrambled seed): the same seed and stream
 * always give the same numbers, on every platform, which is all interleaving exploration needs.
 * Not for anything that must be unpredictable.
 */
export class RandomSource {
  private _state: number;

  /** `stream` picks one of many independent sequences for the same seed (one per run). */
  constructor(seed: number, stream = 0) {
    // xorshift never leaves 0, so a zero state is replaced by a fixed non-zero one.
    this._state = scramble(scramble(seed >>> 0) ^ scramble((stream + 0x9e3779b9) >>> 0)) || 0x6d2b79f5;
  }

  /** The next number, an integer in [0, 2^32). */
  next(): number {
    let x = this._state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this._state = x >>> 0;
    // xorshift's low bits are weak on their own: scrambling the output evens them out.
    return scramble(this._state);
  }

  /** An integer in [0, n), for n >= 1. */
  below(n: number): number {
    return Math.floor((this.next() / 0x100000000) * n);
  }
}
