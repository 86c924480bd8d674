/**
 * A cache whose entries expire `ttlMs` after they were last used. Each entry has its own
 * setTimeout, restarted with `refresh()` on every read. (Expiry is timer-driven, not
 * `Date.now()`-driven: virtual timers move the timers, not the system clock.)
 */
export class ExpiringCache {
  constructor(ttlMs) {
    this.ttlMs = ttlMs;
    this.entries = new Map();
  }

  set(key, value) {
    this.delete(key);
    const timer = setTimeout(() => this.entries.delete(key), this.ttlMs);
    timer.unref?.(); // a cache should not keep a process alive
    this.entries.set(key, { value, timer });
  }

  get(key) {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    entry.timer.refresh();
    return entry.value;
  }

  delete(key) {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    clearTimeout(entry.timer);
    this.entries.delete(key);
  }

  get size() {
    return this.entries.size;
  }

  clear() {
    for (const key of [...this.entries.keys()]) this.delete(key);
  }
}
