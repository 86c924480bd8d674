import type { EventLoop } from "./event-loop.js";
import type { Handle } from "./handle.js";
import { describeValue, isThenable } from "./describe.js";
import { _saveHostTimers, type HostTimers } from "./host-timers.js";

/** Node's largest timer delay; longer (and non-positive, and non-numeric) delays become 1 ms, as in Node. */
const TIMEOUT_MAX = 2 ** 31 - 1;

type TimerKind = "setTimeout" | "setInterval";

const GLOBALS = ["setTimeout", "setInterval", "clearTimeout", "clearInterval", "setImmediate", "clearImmediate"] as const;
type GlobalName = (typeof GLOBALS)[number];

/** The installation in force, if any: only one at a time, since they all replace the same globals. */
let installed: { loop: EventLoop; restore: () => void } | null = null;

/**
 * What the virtual `setTimeout`/`setInterval` return: shaped like Node's `Timeout` (`ref`, `unref`,
 * `hasRef`, `refresh`, `close`, and a number when converted, usable with `clearTimeout`).
 * Ref and unref change nothing: the loop's clock moves only when the test moves it.
 */
export class VirtualTimeout {
  _handle: Handle | null = null;
  _cleared = false;
  private _ref = true;
  private readonly _fire: (cb: unknown, delay: number) => void;

  constructor(
    readonly _id: number,
    readonly _kind: TimerKind,
    readonly _callback: (...args: unknown[]) => unknown,
    readonly _args: unknown[],
    readonly _delay: number,
    readonly _loop: EventLoop,
    /** The installation's timers by id, for clearTimeout(id); a timeout leaves it once it fired. */
    private readonly _live: Map<number, VirtualTimeout>,
  ) {
    // Named after the call that made it, with the callback and delay as arguments (unused), so
    // `loop.pending()` lists it as "setInterval(function tick, 1000)".
    this._fire = { [_kind]: (_cb: unknown, _ms: number): void => this._run() }[_kind]!;
  }

  _schedule(): void {
    this._live.set(this._id, this);
    this._handle = this._loop.callLater(this._delay, this._fire, this._callback, this._delay);
  }

  private _run(): void {
    this._handle = null;
    if (this._kind === "setTimeout") this._live.delete(this._id);
    try {
      this._callback.apply(this, this._args);
    } finally {
      if (this._kind === "setInterval" && !this._cleared && this._handle === null) this._schedule();
    }
  }

  _clear(): void {
    this._cleared = true;
    this._live.delete(this._id);
    this._handle?.cancel();
    this._handle = null;
  }

  ref(): this {
    this._ref = true;
    return this;
  }

  unref(): this {
    this._ref = false;
    return this;
  }

  hasRef(): boolean {
    return this._ref;
  }

  /** Starts the delay again from the loop's current time (re-arming a timeout that already fired), as Node does. */
  refresh(): this {
    if (this._cleared) return this;
    this._handle?.cancel();
    this._schedule();
    return this;
  }

  close(): this {
    this._clear();
    return this;
  }

  [Symbol.toPrimitive](): number {
    return this._id;
  }

  toString(): string {
    return String(this._id);
  }
}

/** What the virtual `setImmediate` returns: shaped like Node's `Immediate`. */
export class VirtualImmediate {
  _handle: Handle | null = null;
  private _ref = true;

  ref(): this {
    this._ref = true;
    return this;
  }

  unref(): this {
    this._ref = false;
    return this;
  }

  hasRef(): boolean {
    return this._ref;
  }
}

function nodeDelay(delay: unknown): number {
  const ms = Number(delay);
  return ms >= 1 && ms <= TIMEOUT_MAX ? ms : 1;
}

/**
 * Replaces the global `setTimeout`, `setInterval`, `clearTimeout`, `clearInterval`, `setImmediate`
 * and `clearImmediate` with versions that schedule on `loop` (its clock, its iterations), and
 * returns a function that puts the originals back. Opt-in and scoped: nothing is replaced until
 * this is called, and the restore function undoes it (calling it again does nothing). Timers still
 * pending at restore stay on the loop and run when its clock reaches them.
 *
 * Only the globals are replaced, not `require("timers")`. Delays follow Node: below 1 ms, above
 * 2^31-1 ms or not a number, they become 1 ms. Callbacks run as loop callbacks: an error goes to
 * the loop's exception handler, and an interval keeps running.
 */
export function installVirtualTimers(loop: EventLoop): () => void {
  if (installed !== null) {
    throw new Error(
      `installTimers(): virtual timers are already installed for ${installed.loop}; ` +
        "call the restore function that installation returned before installing them again",
    );
  }
  loop._checkClosed("installTimers");
  const g = globalThis as unknown as Record<GlobalName, unknown>;
  const originals = new Map<GlobalName, { present: boolean; value: unknown }>();
  for (const name of GLOBALS) originals.set(name, { present: Object.prototype.hasOwnProperty.call(g, name), value: g[name] });
  const original = <T>(name: GlobalName): T => originals.get(name)!.value as T;

  let nextId = 1;
  const live = new Map<number, VirtualTimeout>();

  const start = (kind: TimerKind, callback: unknown, delay: unknown, args: unknown[]): VirtualTimeout => {
    if (typeof callback !== "function") {
      throw new TypeError(`${kind}(): the callback must be a function, got ${describeValue(callback)} (virtual timers of ${loop})`);
    }
    loop._checkClosed(kind);
    const timer = new VirtualTimeout(nextId++, kind, callback as (...a: unknown[]) => unknown, args, nodeDelay(delay), loop, live);
    timer._schedule();
    return timer;
  };
  const clear = (which: "clearTimeout" | "clearInterval", timer: unknown): void => {
    if (timer === null || timer === undefined) return;
    const ours =
      timer instanceof VirtualTimeout
        ? timer
        : typeof timer === "number" || typeof timer === "string"
          ? live.get(Number(timer))
          : undefined;
    if (ours !== undefined) {
      ours._clear();
      return;
    }
    // A host timer made before the installation: the host's own function clears it.
    const hostClear = original<((t: unknown) => void) | undefined>(which);
    if (typeof hostClear === "function") hostClear(timer);
  };

  const virtual: Record<GlobalName, unknown> = {
    setTimeout: (callback: unknown, delay?: unknown, ...args: unknown[]) => start("setTimeout", callback, delay, args),
    setInterval: (callback: unknown, delay?: unknown, ...args: unknown[]) => start("setInterval", callback, delay, args),
    clearTimeout: (timer: unknown) => clear("clearTimeout", timer),
    clearInterval: (timer: unknown) => clear("clearInterval", timer),
    setImmediate: (callback: unknown, ...args: unknown[]) => {
      if (typeof callback !== "function") {
        throw new TypeError(`setImmediate(): the callback must be a function, got ${describeValue(callback)} (virtual timers of ${loop})`);
      }
      loop._checkClosed("setImmediate");
      const immediate = new VirtualImmediate();
      const fire = {
        setImmediate: (..._described: unknown[]) => {
          immediate._handle = null;
          (callback as (...a: unknown[]) => unknown).apply(immediate, args);
        },
      }.setImmediate;
      immediate._handle = loop.callSoon(fire, callback, ...args);
      return immediate;
    },
    clearImmediate: (immediate: unknown) => {
      if (immediate instanceof VirtualImmediate) {
        immediate._handle?.cancel();
        immediate._handle = null;
        return;
      }
      const hostClear = original<((t: unknown) => void) | undefined>("clearImmediate");
      if (immediate != null && typeof hostClear === "function") hostClear(immediate);
    },
  };

  _saveHostTimers({
    setTimeout: original<HostTimers["setTimeout"]>("setTimeout"),
    clearTimeout: original<HostTimers["clearTimeout"]>("clearTimeout"),
    setImmediate: original<HostTimers["setImmediate"]>("setImmediate"),
  });
  for (const name of GLOBALS) g[name] = virtual[name];

  const restore = (): void => {
    if (installed === null || installed.restore !== restore) return;
    for (const name of GLOBALS) {
      const o = originals.get(name)!;
      if (o.present) g[name] = o.value;
      else delete g[name];
    }
    _saveHostTimers(null);
    installed = null;
  };
  installed = { loop, restore };
  return restore;
}

/** Restores the globals if `loop` has virtual timers installed (its close() calls this). */
export function _restoreVirtualTimersOf(loop: EventLoop): void {
  if (installed !== null && installed.loop === loop) installed.restore();
}

/**
 * Runs `fn` with the global timer functions routed through `loop` (see `installVirtualTimers`),
 * and restores them afterwards — when `fn` returns, throws, or (if it returns a promise) settles.
 */
export function withVirtualTimers<R>(loop: EventLoop, fn: () => R): R {
  if (typeof fn !== "function") {
    throw new TypeError(`withVirtualTimers(): a function to run is expected, got ${describeValue(fn)}`);
  }
  const restore = installVirtualTimers(loop);
  let result: R;
  try {
    result = fn();
  } catch (error) {
    restore();
    throw error;
  }
  if (isThenable(result)) return Promise.resolve(result).finally(restore) as R;
  restore();
  return result;
}
