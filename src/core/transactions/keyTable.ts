/** Slots of a new table (a power of two). */
const INITIAL_SLOTS = 1024;

/**
 * Distinct strings numbered 0, 1, 2, ... in order of first appearance (customer, order and
 * segment ids). An open-addressing hash table on typed arrays (linear probing, at most half full)
 * whose keys' characters are kept in one compact array: with hundreds of thousands of ids a
 * `Map<string, number>` spends most of its time on scattered memory, this table about half as
 * long. The last key is remembered, since consecutive rows often repeat it. Amortised O(key length).
 */
export class KeyTable {
  /** The distinct keys; `keys[index]` is the key numbered `index`. */
  readonly keys: string[] = [];
  /** Pairs (hash, key number + 1); a 0 in the second place marks an empty slot. */
  private slots = new Int32Array(2 * INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  /** Characters of all keys, key `k` at `chars[charStart[k] .. charStart[k + 1]]`. */
  private chars = new Uint16Array(8 * INITIAL_SLOTS);
  private charStart = new Int32Array(INITIAL_SLOTS + 1);
  private lastKey = "";
  private lastIndex = -1;

  /** The number of `key`, adding it when new. */
  indexOf(key: string): number {
    if (this.lastIndex >= 0 && key === this.lastKey) return this.lastIndex;
    const hash = hashOf(key);
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const entry = slots[2 * slot + 1];
      if (entry === 0) break;
      if (slots[2 * slot] === hash && this.holds(entry - 1, key)) return this.remember(key, entry - 1);
      slot = (slot + 1) & this.mask;
    }
    const index = this.keys.length;
    this.keys.push(key);
    this.store(index, key);
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = index + 1;
    if (2 * this.keys.length > this.mask) this.rehash();
    return this.remember(key, index);
  }

  private remember(key: string, index: number): number {
    this.lastKey = key;
    this.lastIndex = index;
    return index;
  }

  /** Whether key number `index` is `key`. */
  private holds(index: number, key: string): boolean {
    const start = this.charStart[index];
    if (this.charStart[index + 1] - start !== key.length) return false;
    const chars = this.chars;
    for (let offset = 0; offset < key.length; offset++) {
      if (chars[start + offset] !== key.charCodeAt(offset)) return false;
    }
    return true;
  }

  private store(index: number, key: string): void {
    if (index + 2 > this.charStart.length) this.charStart = enlarge(this.charStart, 2 * this.charStart.length);
    const start = this.charStart[index];
    if (start + key.length > this.chars.length) this.chars = enlarge(this.chars, 2 * (start + key.length));
    for (let offset = 0; offset < key.length; offset++) this.chars[start + offset] = key.charCodeAt(offset);
    this.charStart[index + 1] = start + key.length;
  }

  private rehash(): void {
    const old = this.slots;
    const size = 2 * (this.mask + 1);
    const slots = new Int32Array(2 * size);
    const mask = size - 1;
    for (let slot = 0; slot < old.length; slot += 2) {
      if (old[slot + 1] === 0) continue;
      let target = old[slot] & mask;
      while (slots[2 * target + 1] !== 0) target = (target + 1) & mask;
      slots[2 * target] = old[slot];
      slots[2 * target + 1] = old[slot + 1];
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function enlarge<T extends Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>>(array: T, length: number): T {
  const larger = new (array.constructor as new (length: number) => T)(length);
  larger.set(array);
  return larger;
}

/** FNV-1a over UTF-16 code units, then MurmurHash3's finaliser so the low bits (the slot) mix well. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
