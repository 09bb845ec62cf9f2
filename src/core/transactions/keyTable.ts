/** Slots of a new table (a power of two). */
const INITIAL_SLOTS = 1024;
/** Integers per slot. */
const SLOT_WIDTH = 3;
/** Keys of at most this many characters, each below 256, are held in the slot itself. */
const PACKED_LENGTH = 7;
/** Keys looked up together by {@link KeyTable.indexesOfTexts}: enough to keep the memory system busy. */
const BATCH = 32;
/** A numbered key's prefix has at most this many characters, each below 256 ("C" of "C1042", "ID-" of "ID-7"). */
const PREFIX_LENGTH = 3;
/** A numbered key's number has at most this many digits, so that it is an exact 32-bit integer. */
const NUMBER_DIGITS = 9;
/** `prefix` before the first numbered key. */
const NO_PREFIX = -1;

/**
 * Distinct strings numbered 0, 1, 2, ... in order of first appearance (customer, order and
 * segment ids). An open-addressing hash table (linear probing, at most two thirds full) on one typed
 * array of three integers per slot: the key's number and the key itself, either packed (short keys of
 * one-byte characters, such as "C1042" or "00042": characters and length in two integers) or as its
 * hash and length, its characters lying in a compact character array. With hundreds of thousands of
 * ids in random order, memory latency dominates: a lookup of a short key touches its slot only, in a
 * table kept small (6 MB for 300,000 ids), and never a string of the JavaScript heap.
 *
 * Ids exported from databases are mostly a running number, often behind a short prefix ("1042",
 * "C1042"): a key made of the prefix of the first such key and a number below `numbersBelow` (written
 * without leading zeros) skips the hash table and is found at that number in a table of one integer per
 * number (2 MB for 350,000 customers numbered from 1, which the processor's caches mostly hold): the ids'
 * pass then takes about a third less time. Whether a key takes that path depends on its characters and
 * on that first prefix, fixed once set, so a key always takes the same one.
 *
 * A key can be read in place, as a range of a larger text (the CSV reader's), so that only new keys
 * are cut out as strings. Amortised O(key length) per lookup.
 */
export class KeyTable {
  /** The distinct keys; `keys[index]` is the key numbered `index`. */
  readonly keys: string[] = [];
  /**
   * SLOT_WIDTH integers per slot: key number + 1 (0 = empty), then for a packed key its characters 0-3
   * and its characters 4-6 with the length in the top byte (>= 0), for another key its hash (FNV-1a)
   * and minus its length (< 0).
   */
  private slots = new Int32Array(SLOT_WIDTH * INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  /** Keys held in `slots` (numbered keys are not): they alone decide when the slots are doubled. */
  private slotted = 0;
  /** Key number + 1 of each numbered key, at its number (0 = none yet); grown as larger numbers come. */
  private numbers = new Int32Array(0);
  /** The prefix of numbered keys: characters packed as in `slots`, length in the top byte; NO_PREFIX until the first. */
  private prefix = NO_PREFIX;
  /** Where the characters of each key that is not packed start in `chars`, by key number. */
  private charStarts = new Int32Array(INITIAL_SLOTS);
  /** The characters of the keys that are not packed, one after another. */
  private chars = new Uint16Array(1024);
  private charCount = 0;
  /** What `hashText` found: the slot fields of the key and its hash. */
  private low = 0;
  private high = 0;
  private hash = 0;
  /** Scratch for {@link indexesOfTexts}: each key of a batch as `numberOf` and `hashText` found it. */
  private readonly batch = {
    lows: new Int32Array(BATCH),
    highs: new Int32Array(BATCH),
    hashes: new Int32Array(BATCH),
    numbers: new Int32Array(BATCH),
  };
  /** The slots a batch touched, or-ed; only stored. */
  private touched = 0;

  /**
   * @param numbersBelow - keys that are a number below this, after the common prefix, are found through
   *   a table of 4 bytes per number up to the largest one seen (see above); 0 (default): none are
   */
  constructor(private readonly numbersBelow = 0) {}

  /** The number of `key`, adding it when new. */
  indexOf(key: string): number {
    return this.indexOfText(key, 0, key.length);
  }

  /** The number of the key `text.slice(start, end)`, adding it when new; reads `text` in place. */
  indexOfText(text: string, start: number, end: number): number {
    const number = this.numberOf(text, start, end);
    if (number >= 0) return this.numbered(text, start, end, number);
    this.hashText(text, start, end);
    return this.find(text, start, end, this.low, this.high, this.hash);
  }

  /**
   * `out[i] = indexOfText(text, starts[i], ends[i])` for `from <= i < to`, keys numbered in that order.
   * A batch of keys is read first and the slot each hashed key would probe first is touched, so that the
   * processor fetches those slots from memory together rather than one lookup after another (at
   * 300,000 ids in random order that halves the lookups' time).
   */
  indexesOfTexts(text: string, starts: Int32Array, ends: Int32Array, from: number, to: number, out: Int32Array): void {
    const { lows, highs, hashes, numbers } = this.batch;
    for (let first = from; first < to; first += BATCH) {
      const size = Math.min(BATCH, to - first);
      for (let k = 0; k < size; k++) {
        const at = first + k;
        numbers[k] = this.numberOf(text, starts[at], ends[at]);
        if (numbers[k] >= 0) continue;
        this.hashText(text, starts[at], ends[at]);
        lows[k] = this.low;
        highs[k] = this.high;
        hashes[k] = this.hash;
      }
      let touched = 0;
      for (let k = 0; k < size; k++) if (numbers[k] < 0) touched |= this.slots[(hashes[k] & this.mask) * SLOT_WIDTH];
      this.touched = touched; // kept, so that the loads are not optimised away
      // New keys are numbered here, in order, whichever way they are found.
      for (let k = 0; k < size; k++) {
        const at = first + k;
        out[at] = numbers[k] >= 0 ? this.numbered(text, starts[at], ends[at], numbers[k]) : this.find(text, starts[at], ends[at], lows[k], highs[k], hashes[k]);
      }
    }
  }

  /** Reads the key text[start, end), not a numbered key, into `low`, `high` and `hash` (see `slots`). */
  private hashText(text: string, start: number, end: number): void {
    const length = end - start;
    let fnv = 0x811c9dc5;
    let low = 0;
    let high = length << 24;
    let packed = length <= PACKED_LENGTH;
    for (let offset = 0; offset < length; offset++) {
      const code = text.charCodeAt(start + offset);
      fnv = Math.imul(fnv ^ code, 0x01000193);
      if (code > 0xff) packed = false;
      else if (offset < 4) low |= code << (8 * offset);
      else high |= code << (8 * (offset - 4));
    }
    if (!packed) {
      low = finalMix(fnv);
      high = -length;
    }
    this.low = low;
    this.high = high;
    this.hash = packed ? finalMix(low ^ Math.imul(high, 0x9e3779b1)) : low;
  }

  /**
   * The number of text[start, end) if it is a numbered key: the prefix of the first numbered key (set
   * here), then at most NUMBER_DIGITS digits without a leading zero ("007" is not "7") making a number
   * below `numbersBelow`; else -1.
   */
  private numberOf(text: string, start: number, end: number): number {
    if (this.numbersBelow === 0) return -1;
    let prefix = 0;
    let prefixLength = 0;
    let at = start;
    for (; at < end && prefixLength <= PREFIX_LENGTH; at++, prefixLength++) {
      const code = text.charCodeAt(at);
      if (code >= 48 && code <= 57) break;
      if (code > 0xff) return -1;
      prefix |= code << (8 * prefixLength);
    }
    const digits = end - at;
    if (prefixLength > PREFIX_LENGTH || digits === 0 || digits > NUMBER_DIGITS || (digits > 1 && text.charCodeAt(at) === 48)) return -1;
    let number = 0;
    for (; at < end; at++) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) return -1;
      number = 10 * number + digit;
    }
    if (number >= this.numbersBelow) return -1;
    const prefixKey = prefix | (prefixLength << 24);
    if (this.prefix === NO_PREFIX) this.prefix = prefixKey;
    return prefixKey === this.prefix ? number : -1;
  }

  /** The number of the key text[start, end), read by `hashText` as `low`, `high`, `hash`, adding it when new. */
  private find(text: string, start: number, end: number, low: number, high: number, hash: number): number {
    const packed = high >= 0;
    const slots = this.slots;
    const lastSlot = this.mask * SLOT_WIDTH;
    let slot = (hash & this.mask) * SLOT_WIDTH;
    for (;;) {
      const entry = slots[slot];
      if (entry === 0) break;
      if (slots[slot + 1] === low && slots[slot + 2] === high && (packed || this.holds(entry - 1, text, start, end - start))) {
        return entry - 1;
      }
      slot = slot === lastSlot ? 0 : slot + SLOT_WIDTH;
    }
    const index = this.keys.length;
    this.keys.push(text.slice(start, end));
    slots[slot] = index + 1;
    slots[slot + 1] = low;
    slots[slot + 2] = high;
    if (!packed) this.store(index, text, start, end - start);
    this.slotted++;
    if (3 * this.slotted > 2 * this.mask) this.rehash();
    return index;
  }

  /** The number of the numbered key text[start, end), whose number is `number`, adding it when new. */
  private numbered(text: string, start: number, end: number, number: number): number {
    if (number >= this.numbers.length) {
      let size = Math.max(this.numbers.length, INITIAL_SLOTS);
      while (size <= number) size *= 2;
      const larger = new Int32Array(Math.min(size, this.numbersBelow));
      larger.set(this.numbers);
      this.numbers = larger;
    }
    const entry = this.numbers[number];
    if (entry !== 0) return entry - 1;
    const index = this.keys.length;
    this.keys.push(text.slice(start, end));
    this.numbers[number] = index + 1;
    return index;
  }

  /** Whether the characters of key `index` spell text[start, start + length). */
  private holds(index: number, text: string, start: number, length: number): boolean {
    const chars = this.chars;
    const at = this.charStarts[index];
    for (let offset = 0; offset < length; offset++) {
      if (chars[at + offset] !== text.charCodeAt(start + offset)) return false;
    }
    return true;
  }

  /** Appends the characters text[start, start + length) of key `index`. */
  private store(index: number, text: string, start: number, length: number): void {
    const at = this.charCount;
    if (at + length > this.chars.length) {
      const larger = new Uint16Array(2 * (at + length));
      larger.set(this.chars);
      this.chars = larger;
    }
    if (index >= this.charStarts.length) {
      const larger = new Int32Array(2 * (index + 1));
      larger.set(this.charStarts);
      this.charStarts = larger;
    }
    for (let offset = 0; offset < length; offset++) this.chars[at + offset] = text.charCodeAt(start + offset);
    this.charStarts[index] = at;
    this.charCount = at + length;
  }

  /** Doubles the slots; a packed key's hash is recomputed from the slot, another's is in it. */
  private rehash(): void {
    const old = this.slots;
    const size = 2 * (this.mask + 1);
    const slots = new Int32Array(SLOT_WIDTH * size);
    const mask = size - 1;
    for (let from = 0; from < old.length; from += SLOT_WIDTH) {
      if (old[from] === 0) continue;
      const packed = old[from + 2] >= 0;
      let target = (packed ? finalMix(old[from + 1] ^ Math.imul(old[from + 2], 0x9e3779b1)) : old[from + 1]) & mask;
      while (slots[target * SLOT_WIDTH] !== 0) target = (target + 1) & mask;
      for (let field = 0; field < SLOT_WIDTH; field++) slots[target * SLOT_WIDTH + field] = old[from + field];
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** MurmurHash3's finaliser (over an FNV-1a hash, or a packed key's two integers), so the low bits (the slot) mix well. */
function finalMix(bits: number): number {
  let hash = bits;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
