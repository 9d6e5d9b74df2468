/**
 * A map that keeps at most `limit` entries, dropping the least recently used one. The letter caches hold only values
 * computed from their key, so dropping an entry costs time, never correctness.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  hits = 0;
  misses = 0;

  constructor(readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached value for `key`, computed by `make` when missing. */
  getOrCompute(key: K, make: () => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits += 1;
      // Re-inserting moves the key to the end of the Map's order: the end is the most recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses += 1;
    const value = make();
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
