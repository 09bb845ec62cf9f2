import { median, valuesAtRanks } from "./orderStatistics";

describe("valuesAtRanks", () => {
  test("a small list, ranks in any order", () => {
    expect(valuesAtRanks([50, 10, 40, 20, 30], [4, 0, 2])).toEqual([50, 10, 30]);
  });
  test("10,007 values with long runs of ties and negatives: every rank agrees with a sorted copy", () => {
    const values = Array.from({ length: 10_007 }, (_, i) => ((i * 7_919) % 101) - 50 + (i % 3 === 0 ? 0.5 : 0));
    const sorted = [...values].sort((a, b) => a - b);
    const ranks = [0, 1, 2_001, 5_003, 5_004, 9_999, 10_006];
    expect(valuesAtRanks(values, ranks)).toEqual(ranks.map((rank) => sorted[rank]));
  });
  test("the input is left as it was", () => {
    const values = [3, 1, 2];
    valuesAtRanks(values, [1]);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("median", () => {
  test("odd and even counts", () => {
    expect(median([7, 1, 5])).toBe(5);
    expect(median([75, 30, 50, 20])).toBe(40); // (30 + 50) / 2
  });
});

describe("valuesAtRanks of whole numbers (counted rather than selected)", () => {
  test("days and counts with ties, every rank, against a sorted copy", () => {
    const values = Array.from({ length: 5_003 }, (_, i) => (i * 7_919) % 97);
    const sorted = [...values].sort((a, b) => a - b);
    const ranks = Array.from({ length: values.length }, (_, rank) => rank);
    expect(valuesAtRanks(values, ranks)).toEqual(sorted);
  });
});
