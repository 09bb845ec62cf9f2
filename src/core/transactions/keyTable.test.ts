import { KeyTable } from "./keyTable";

/** Numbers of `keys` in order of first appearance, by JavaScript's Map: the reference for the tables below. */
function mapNumbers(keys: string[]): number[] {
  const reference = new Map<string, number>();
  return keys.map((key) => {
    if (!reference.has(key)) reference.set(key, reference.size);
    return reference.get(key) as number;
  });
}

/** The keys written one after another, comma-separated, as UTF-8 bytes, and where each lies in them. */
function joined(keys: string[]): { bytes: Uint8Array; starts: Int32Array; ends: Int32Array } {
  const encoder = new TextEncoder();
  const starts = new Int32Array(keys.length);
  const ends = new Int32Array(keys.length);
  for (let i = 0, at = 0; i < keys.length; i++) {
    const length = encoder.encode(keys[i]).length;
    starts[i] = at;
    ends[i] = at + length;
    at += length + 1;
  }
  return { bytes: encoder.encode(keys.join(",")), starts, ends };
}

test("numbers keys in order of first appearance", () => {
  const table = new KeyTable();
  expect(["b", "a", "b", "c", "a", "a"].map((key) => table.indexOf(key))).toEqual([0, 1, 0, 2, 1, 1]);
  expect(table.keys).toEqual(["b", "a", "c"]);
});

test("keys that differ in length, case, spaces or script stay apart", () => {
  const table = new KeyTable();
  const keys = ["", "a", "A", "a ", "aa", "00042", "42", "张三", "张三丰", "😀", "e\u0301", "é"];
  expect(keys.map((key) => table.indexOf(key))).toEqual(keys.map((_, index) => index));
  expect(keys.map((key) => table.indexOf(key))).toEqual(keys.map((_, index) => index));
  expect(table.keys).toEqual(keys);
});

test("strings with a lone surrogate are keys of their own, not the U+FFFD their UTF-8 would read as", () => {
  // "a\uD800" and "a\uDC00" hold one unpaired half each; "a\uFFFD" is what both would encode as; "😀" is a pair.
  const keys = new KeyTable();
  const ids = ["a\uD800", "a\uDC00", "a\uFFFD", "a\uD800", "😀", "a\uDC00"].map((key) => keys.indexOf(key));
  expect(ids).toEqual([0, 1, 2, 0, 3, 1]);
  expect(keys.keys).toEqual(["a\uD800", "a\uDC00", "a\uFFFD", "😀"]);
  expect(keys.indexOfBytes(new TextEncoder().encode("a\uFFFD"), 0, 4)).toBe(2);
});

test("many keys through several rehashes: each gets one number, compared with a Map", () => {
  // Reference: JavaScript's Map, on 50,000 distinct keys seen three times in a scrambled order.
  const table = new KeyTable();
  const reference = new Map<string, number>();
  const mismatches: string[] = [];
  for (let round = 0; round < 3; round++) {
    for (let step = 0; step < 50_000; step++) {
      const key = `C${(step * 7_919) % 50_000}`;
      if (!reference.has(key)) reference.set(key, reference.size);
      if (table.indexOf(key) !== reference.get(key)) mismatches.push(key);
    }
  }
  expect(mismatches).toEqual([]);
  expect(table.keys).toEqual([...reference.keys()]);
});

test("packed and stored keys stay apart at the boundaries: 7 and 8 bytes, ÿ (2 bytes) and Ā, a NUL", () => {
  // Reference: the keys are all different strings, so each must get its own number, in order.
  const table = new KeyTable();
  const keys = ["abcdefg", "abcdefgh", "abcdef", "\u00ff", "\u0100", "", "\u0000", "\u0000\u0000", "abcdef\u00ff", "abcdef\u0100"];
  expect(keys.map((key) => table.indexOf(key))).toEqual(keys.map((_, index) => index));
  expect(keys.map((key) => table.indexOf(key))).toEqual(keys.map((_, index) => index));
  expect(table.keys).toEqual(keys);
});

test("a key read in place from larger UTF-8 bytes is the same key as its string", () => {
  const table = new KeyTable();
  const { bytes, starts, ends } = joined(["C1", "C22", "C1", "a long customer name", "C22", "a long customer name"]);
  expect(Array.from(starts, (start, i) => table.indexOfBytes(bytes, start, ends[i]))).toEqual([0, 1, 0, 2, 1, 2]);
  expect(table.keys).toEqual(["C1", "C22", "a long customer name"]);
  expect(table.indexOf("a long customer name")).toBe(2);
  expect(table.indexOf("C22")).toBe(1);
});

test("keys of other scripts read as bytes and as strings are one key each, their strings decoded from the bytes", () => {
  // Reference: JavaScript's Map on the strings; 张三 is 6 bytes (packed), 张三丰 9 (stored), é 2, 😀 4.
  const keys = ["张三", "C1", "张三丰", "é", "😀", "C1", "张三", "e\u0301", "é", "张三丰"];
  const { bytes, starts, ends } = joined(keys);
  const table = new KeyTable(100);
  const numbers = keys.map((key, i) => (i % 2 === 0 ? table.indexOfBytes(bytes, starts[i], ends[i]) : table.indexOf(key)));
  expect(numbers).toEqual(mapNumbers(keys));
  expect(table.keys).toEqual([...new Set(keys)]);
});

test("keys looked up in batches get the numbers one-by-one lookups give, through rehashes, short and long keys", () => {
  // Reference: JavaScript's Map numbering 30,000 distinct keys (half too long to pack) in order of first appearance.
  const keys = Array.from({ length: 90_000 }, (_, step) => {
    const id = (step * 7_919) % 30_000;
    return id % 2 === 0 ? `C${id}` : `customer number ${id}`;
  });
  const { bytes, starts, ends } = joined(keys);
  const table = new KeyTable();
  const out = new Int32Array(keys.length).fill(-1);
  // Three calls with uneven bounds, as a reader passes runs of cells between cells it reads otherwise.
  table.indexesOfBytes(bytes, starts, ends, 0, 45, out);
  table.indexesOfBytes(bytes, starts, ends, 45, 60_001, out);
  table.indexesOfBytes(bytes, starts, ends, 60_001, keys.length, out);
  expect(Array.from(out)).toEqual(mapNumbers(keys));
  expect(table.keys).toEqual([...new Set(keys)]);
});

describe("numbered keys (a common prefix and a number, found by number)", () => {
  // Keys that look alike but differ as strings: leading zeros, another prefix or case, a long prefix,
  // too many digits, a number at or above the limit, a trailing space, a non-Latin digit, no digits at all.
  const lookalikes = [
    "C7", "C007", "C70", "C0", "C00", "c7", "D7", "7", "CX7", "CUS7", "ABCD7", "C1234567890", "C999", "C1000",
    "C7 ", "C٧", "C", "", "C7", "C0", "C999", "7", "C07",
  ];
  const NUMBERS_BELOW = 1_000;

  test("every distinct string gets its own number, one by one, as a Map numbers them", () => {
    const table = new KeyTable(NUMBERS_BELOW);
    const twice = [...lookalikes, ...lookalikes];
    expect(twice.map((key) => table.indexOf(key))).toEqual(mapNumbers(twice));
    expect(table.keys).toEqual([...new Set(lookalikes)]);
  });

  test("the prefix is the first numbered key's: after '7', 'C7' is hashed, and still one key", () => {
    const table = new KeyTable(NUMBERS_BELOW);
    const keys = ["7", "C7", "8", "C8", "C7", "7", "08", "8"];
    expect(keys.map((key) => table.indexOf(key))).toEqual(mapNumbers(keys));
  });

  test("in batches, read in place, through the number table's growth: as a Map numbers them", () => {
    // 60,000 lookups of 20,000 distinct keys: numbers up to 400,000 in scrambled order, a tenth of them zero-padded or unprefixed.
    const keys = Array.from({ length: 60_000 }, (_, step) => {
      const id = ((step * 7_919) % 20_000) * 20;
      if (id % 200 === 0) return `C${String(id).padStart(7, "0")}`;
      return id % 200 === 20 ? String(id) : `C${id}`;
    });
    const { bytes, starts, ends } = joined(keys);
    const table = new KeyTable(500_000);
    const out = new Int32Array(keys.length).fill(-1);
    table.indexesOfBytes(bytes, starts, ends, 0, 33, out);
    table.indexesOfBytes(bytes, starts, ends, 33, keys.length, out);
    expect(Array.from(out)).toEqual(mapNumbers(keys));
    expect(table.keys).toEqual([...new Set(keys)]);
  });
});
