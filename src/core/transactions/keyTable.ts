import { Utf8Scratch, decodeUtf8Ranges } from "./utf8";

/** Slots of a new table (a power of two). */
const INITIAL_SLOTS = 1024;
/** Integers per slot. */
const SLOT_WIDTH = 3;
/** Keys of at most this many bytes are held in the slot itself. */
const PACKED_LENGTH = 7;
/** Keys looked up together by {@link KeyTable.indexesOfBytes}: enough to keep the memory system busy. */
const BATCH = 32;
/** A numbered key's prefix has at most this many bytes ("C" of "C1042", "ID-" of "ID-7"). */
const PREFIX_LENGTH = 3;
/** A numbered key's number has at most this many digits, so that it is an exact 32-bit integer. */
const NUMBER_DIGITS = 9;
/** `prefix` before the first numbered key. */
const NO_PREFIX = -1;
/** A UTF-16 code unit that is half of no pair (with the `u` flag, a pair is one code point and does not match). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Distinct strings numbered 0, 1, 2, ... in order of first appearance (customer, order and
 * segment ids), keyed by their UTF-8 bytes. An open-addressing hash table (linear probing, at most two
 * thirds full) on one typed array of three integers per slot: the key's number and the key itself,
 * either packed (keys of at most 7 bytes, such as "C1042" or "00042": bytes and length in two integers)
 * or as its hash and length, its bytes lying in a compact byte array. With hundreds of thousands of
 * ids in random order, memory latency dominates: a lookup of a short key touches its slot only, in a
 * table kept small (6 MB for 300,000 ids), and never a string of the JavaScript heap.
 *
 * Ids exported from databases are mostly a running number, often behind a short prefix ("1042",
 * "C1042"): a key made of the prefix of the first such key and a number below `numbersBelow` (written
 * without leading zeros) skips the hash table and is found at that number in a table of one integer per
 * number (2 MB for 350,000 customers numbered from 1, which the processor's caches mostly hold): the ids'
 * pass then takes about a third less time. Whether a key takes that path depends on its bytes and
 * on that first prefix, fixed once set, so a key always takes the same one.
 *
 * A key can be read in place, as a range of a larger byte array (the CSV reader's); the strings of keys
 * found that way are decoded together when `keys` is first read. A string holding a lone surrogate has
 * no UTF-8 bytes of its own (it would encode as U+FFFD, like any other such string), so those strings
 * are found through a `Map` instead. Amortised O(key length) per lookup.
 */
export class KeyTable {
  /** Keys numbered so far. */
  private count = 0;
  /** The bytes of a key given as a string, and that string while it is looked up (a new key's string, not decoded). */
  private readonly scratch = new Utf8Scratch();
  private givenText: string | null = null;
  /** Keys holding a lone surrogate, and their numbers. */
  private readonly illFormed = new Map<string, number>();
  /** The key strings; a key read as bytes has its string here once `keys` has decoded the pending ones. */
  private readonly texts: string[] = [];
  /** Bytes of the keys read as bytes whose strings are not made yet, one after another; their numbers and ends. */
  private pendingBytes = new Uint8Array(1024);
  private pendingEnds = new Int32Array(64);
  private pendingIndexes = new Int32Array(64);
  private pendingCount = 0;
  /**
   * SLOT_WIDTH integers per slot: key number + 1 (0 = empty), then for a packed key its bytes 0-3
   * and its bytes 4-6 with the length in the top byte (>= 0), for another key its hash (FNV-1a)
   * and minus its length (< 0).
   */
  private slots = new Int32Array(SLOT_WIDTH * INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  /** Keys held in `slots` (numbered keys are not): they alone decide when the slots are doubled. */
  private slotted = 0;
  /** Key number + 1 of each numbered key, at its number (0 = none yet); grown as larger numbers come. */
  private numbers = new Int32Array(0);
  /** The prefix of numbered keys: bytes packed as in `slots`, length in the top byte; NO_PREFIX until the first. */
  private prefix = NO_PREFIX;
  /** Where the bytes of each key that is not packed start in `stored`, by key number. */
  private storedStarts = new Int32Array(INITIAL_SLOTS);
  /** The bytes of the keys that are not packed, one after another. */
  private stored = new Uint8Array(1024);
  private storedCount = 0;
  /** What `hashBytes` found: the slot fields of the key and its hash. */
  private low = 0;
  private high = 0;
  private hash = 0;
  /** Scratch for {@link indexesOfBytes}: each key of a batch as `numberOf` and `hashBytes` found it. */
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

  /** The distinct keys; `keys[index]` is the key numbered `index`. */
  get keys(): string[] {
    if (this.pendingCount > 0) {
      const decoded = decodeUtf8Ranges(this.pendingBytes, this.pendingEnds, this.pendingCount);
      for (let k = 0; k < this.pendingCount; k++) this.texts[this.pendingIndexes[k]] = decoded[k];
      this.pendingCount = 0;
    }
    return this.texts;
  }

  /** The number of `key`, adding it when new. */
  indexOf(key: string): number {
    const length = this.scratch.encode(key);
    // Only text that is not ASCII (more bytes than characters) can hold a surrogate.
    if (length !== key.length && LONE_SURROGATE.test(key)) return this.indexOfIllFormed(key);
    this.givenText = key;
    const index = this.indexOfBytes(this.scratch.bytes, 0, length);
    this.givenText = null;
    return index;
  }

  /** {@link indexOf} for a string with a lone surrogate. */
  private indexOfIllFormed(key: string): number {
    let index = this.illFormed.get(key);
    if (index === undefined) {
      index = this.count++;
      this.texts.push(key);
      this.illFormed.set(key, index);
    }
    return index;
  }

  /** The number of the key whose UTF-8 bytes are bytes[start, end), adding it when new; reads `bytes` in place. */
  indexOfBytes(bytes: Uint8Array, start: number, end: number): number {
    const number = this.numberOf(bytes, start, end);
    if (number >= 0) return this.numbered(bytes, start, end, number);
    return this.find(bytes, start, end, this.hashBytes(bytes, start, end));
  }

  /**
   * `out[i] = indexOfBytes(bytes, starts[i], ends[i])` for `from <= i < to`, keys numbered in that order.
   * A batch of keys is read first and the slot each hashed key would probe first is touched, so that the
   * processor fetches those slots from memory together rather than one lookup after another (at
   * 300,000 ids in random order that halves the lookups' time).
   */
  indexesOfBytes(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, from: number, to: number, out: Int32Array): void {
    const { lows, highs, hashes, numbers } = this.batch;
    for (let first = from; first < to; first += BATCH) {
      const size = Math.min(BATCH, to - first);
      for (let k = 0; k < size; k++) {
        const at = first + k;
        numbers[k] = this.numberOf(bytes, starts[at], ends[at]);
        if (numbers[k] >= 0) continue;
        hashes[k] = this.hashBytes(bytes, starts[at], ends[at]);
        lows[k] = this.low;
        highs[k] = this.high;
      }
      let touched = 0;
      for (let k = 0; k < size; k++) if (numbers[k] < 0) touched |= this.slots[(hashes[k] & this.mask) * SLOT_WIDTH];
      this.touched = touched; // kept, so that the loads are not optimised away
      // New keys are numbered here, in order, whichever way they are found.
      for (let k = 0; k < size; k++) {
        const at = first + k;
        if (numbers[k] >= 0) {
          out[at] = this.numbered(bytes, starts[at], ends[at], numbers[k]);
        } else {
          this.low = lows[k];
          this.high = highs[k];
          out[at] = this.find(bytes, starts[at], ends[at], hashes[k]);
        }
      }
    }
  }

  /** Reads the key bytes[start, end), not a numbered key, into `low` and `high` (see `slots`); returns its hash. */
  private hashBytes(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (length <= PACKED_LENGTH) {
      let low = 0;
      let high = length << 24;
      for (let offset = 0; offset < length; offset++) {
        if (offset < 4) low |= bytes[start + offset] << (8 * offset);
        else high |= bytes[start + offset] << (8 * (offset - 4));
      }
      this.low = low;
      this.high = high;
      return finalMix(low ^ Math.imul(high, 0x9e3779b1));
    }
    let fnv = 0x811c9dc5;
    for (let at = start; at < end; at++) fnv = Math.imul(fnv ^ bytes[at], 0x01000193);
    this.low = finalMix(fnv);
    this.high = -length;
    return this.low;
  }

  /**
   * The number of bytes[start, end) if it is a numbered key: the prefix of the first numbered key (set
   * here), then at most NUMBER_DIGITS digits without a leading zero ("007" is not "7") making a number
   * below `numbersBelow`; else -1.
   */
  private numberOf(bytes: Uint8Array, start: number, end: number): number {
    if (this.numbersBelow === 0) return -1;
    let prefix = 0;
    let prefixLength = 0;
    let at = start;
    for (; at < end && prefixLength <= PREFIX_LENGTH; at++, prefixLength++) {
      const code = bytes[at];
      if (code >= 48 && code <= 57) break;
      prefix |= code << (8 * prefixLength);
    }
    const digits = end - at;
    if (prefixLength > PREFIX_LENGTH || digits === 0 || digits > NUMBER_DIGITS || (digits > 1 && bytes[at] === 48)) return -1;
    let number = 0;
    for (; at < end; at++) {
      const digit = bytes[at] - 48;
      if (digit < 0 || digit > 9) return -1;
      number = 10 * number + digit;
    }
    if (number >= this.numbersBelow) return -1;
    const prefixKey = prefix | (prefixLength << 24);
    if (this.prefix === NO_PREFIX) this.prefix = prefixKey;
    return prefixKey === this.prefix ? number : -1;
  }

  /** The number of the key bytes[start, end), read by `hashBytes` into `low` and `high`, with this hash; adding it when new. */
  private find(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const low = this.low;
    const high = this.high;
    const packed = high >= 0;
    const slots = this.slots;
    const lastSlot = this.mask * SLOT_WIDTH;
    let slot = (hash & this.mask) * SLOT_WIDTH;
    for (;;) {
      const entry = slots[slot];
      if (entry === 0) break;
      if (slots[slot + 1] === low && slots[slot + 2] === high && (packed || this.holds(entry - 1, bytes, start, end - start))) {
        return entry - 1;
      }
      slot = slot === lastSlot ? 0 : slot + SLOT_WIDTH;
    }
    const index = this.add(bytes, start, end);
    slots[slot] = index + 1;
    slots[slot + 1] = low;
    slots[slot + 2] = high;
    if (!packed) this.store(index, bytes, start, end - start);
    this.slotted++;
    if (3 * this.slotted > 2 * this.mask) this.rehash();
    return index;
  }

  /** The number of the numbered key bytes[start, end), whose number is `number`, adding it when new. */
  private numbered(bytes: Uint8Array, start: number, end: number, number: number): number {
    if (number >= this.numbers.length) {
      let size = Math.max(this.numbers.length, INITIAL_SLOTS);
      while (size <= number) size *= 2;
      const larger = new Int32Array(Math.min(size, this.numbersBelow));
      larger.set(this.numbers);
      this.numbers = larger;
    }
    const entry = this.numbers[number];
    if (entry !== 0) return entry - 1;
    const index = this.add(bytes, start, end);
    this.numbers[number] = index + 1;
    return index;
  }

  /** Numbers a new key and keeps its string, or its bytes until its string is made (see `keys`). */
  private add(bytes: Uint8Array, start: number, end: number): number {
    if (this.givenText !== null) {
      this.texts.push(this.givenText);
      return this.count++;
    }
    const at = this.pendingCount === 0 ? 0 : this.pendingEnds[this.pendingCount - 1];
    if (at + end - start > this.pendingBytes.length) this.pendingBytes = grown(this.pendingBytes, at + end - start);
    if (this.pendingCount === this.pendingEnds.length) {
      this.pendingEnds = grown(this.pendingEnds, this.pendingCount + 1);
      this.pendingIndexes = grown(this.pendingIndexes, this.pendingCount + 1);
    }
    for (let offset = 0; offset < end - start; offset++) this.pendingBytes[at + offset] = bytes[start + offset];
    this.pendingEnds[this.pendingCount] = at + end - start;
    this.pendingIndexes[this.pendingCount++] = this.count;
    this.texts.push("");
    return this.count++;
  }

  /** Whether the bytes of key `index` are bytes[start, start + length). */
  private holds(index: number, bytes: Uint8Array, start: number, length: number): boolean {
    const stored = this.stored;
    const at = this.storedStarts[index];
    for (let offset = 0; offset < length; offset++) {
      if (stored[at + offset] !== bytes[start + offset]) return false;
    }
    return true;
  }

  /** Appends the bytes bytes[start, start + length) of key `index`. */
  private store(index: number, bytes: Uint8Array, start: number, length: number): void {
    const at = this.storedCount;
    if (at + length > this.stored.length) this.stored = grown(this.stored, at + length);
    if (index >= this.storedStarts.length) this.storedStarts = grown(this.storedStarts, index + 1);
    for (let offset = 0; offset < length; offset++) this.stored[at + offset] = bytes[start + offset];
    this.storedStarts[index] = at;
    this.storedCount = at + length;
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

/** A copy of `array` with room for at least `needed` entries (twice that). */
function grown<T extends Uint8Array<ArrayBuffer> | Int32Array<ArrayBuffer>>(array: T, needed: number): T {
  const larger = new (array.constructor as new (length: number) => T)(2 * needed);
  larger.set(array);
  return larger;
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
