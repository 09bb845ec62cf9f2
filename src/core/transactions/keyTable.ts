/** Slots of a new table (a power of two). */
const INITIAL_SLOTS = 1024;
/** Integers per slot. */
const SLOT_WIDTH = 4;

/**
 * Distinct strings numbered 0, 1, 2, ... in order of first appearance (customer, order and
 * segment ids). An open-addressing hash table (linear probing, at most half full) on one typed
 * array whose slots hold the hash, the key number and where the key's characters lie in a
 * compact character array; a lookup touches the slot and those characters only. With hundreds of
 * thousands of ids, memory latency dominates and this runs in about two thirds of the time of a
 * `Map<string, number>` here. The last key is remembered, since consecutive rows often repeat it.
 * Amortised O(key length) per lookup.
 */
export class KeyTable {
  /** The distinct keys; `keys[index]` is the key numbered `index`. */
  readonly keys: string[] = [];
  /** SLOT_WIDTH integers per slot: hash, key number + 1 (0 = empty), first character, length. */
  private slots = new Int32Array(SLOT_WIDTH * INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  /** The characters of all keys, one after another. */
  private chars = new Uint16Array(8 * INITIAL_SLOTS);
  private charCount = 0;
  private lastKey = "";
  private lastIndex = -1;

  /** The number of `key`, adding it when new. */
  indexOf(key: string): number {
    if (this.lastIndex >= 0 && key === this.lastKey) return this.lastIndex;
    const hash = hashOf(key);
    const slots = this.slots;
    const lastSlot = this.mask * SLOT_WIDTH;
    let slot = (hash & this.mask) * SLOT_WIDTH;
    for (;;) {
      const entry = slots[slot + 1];
      if (entry === 0) break;
      if (slots[slot] === hash && slots[slot + 3] === key.length && this.holds(slots[slot + 2], key)) {
        return this.remember(key, entry - 1);
      }
      slot = slot === lastSlot ? 0 : slot + SLOT_WIDTH;
    }
    const index = this.keys.length;
    this.keys.push(key);
    slots[slot] = hash;
    slots[slot + 1] = index + 1;
    slots[slot + 2] = this.store(key);
    slots[slot + 3] = key.length;
    if (2 * this.keys.length > this.mask) this.rehash();
    return this.remember(key, index);
  }

  private remember(key: string, index: number): number {
    this.lastKey = key;
    this.lastIndex = index;
    return index;
  }

  /** Whether the characters from `start` spell `key`. */
  private holds(start: number, key: string): boolean {
    const chars = this.chars;
    for (let offset = 0; offset < key.length; offset++) {
      if (chars[start + offset] !== key.charCodeAt(offset)) return false;
    }
    return true;
  }

  /** Appends the key's characters; returns where they start. */
  private store(key: string): number {
    const start = this.charCount;
    if (start + key.length > this.chars.length) {
      const larger = new Uint16Array(2 * (start + key.length));
      larger.set(this.chars);
      this.chars = larger;
    }
    for (let offset = 0; offset < key.length; offset++) this.chars[start + offset] = key.charCodeAt(offset);
    this.charCount = start + key.length;
    return start;
  }

  private rehash(): void {
    const old = this.slots;
    const size = 2 * (this.mask + 1);
    const slots = new Int32Array(SLOT_WIDTH * size);
    const mask = size - 1;
    for (let from = 0; from < old.length; from += SLOT_WIDTH) {
      if (old[from + 1] === 0) continue;
      let target = old[from] & mask;
      while (slots[target * SLOT_WIDTH + 1] !== 0) target = (target + 1) & mask;
      for (let field = 0; field < SLOT_WIDTH; field++) slots[target * SLOT_WIDTH + field] = old[from + field];
    }
    this.slots = slots;
    this.mask = mask;
  }
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
