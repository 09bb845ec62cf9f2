import { KeyTable } from "./keyTable";

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
