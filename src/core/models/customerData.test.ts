import { distinctIndex, groupCustomers, sampleGroups } from "./customerData";

describe("distinctIndex", () => {
  test("whole numbers: [5, 3, 5] has the distinct values [3, 5] at positions [1, 0, 1]", () => {
    const { values, index } = distinctIndex([5, 3, 5]);
    expect(Array.from(values)).toEqual([3, 5]);
    expect(Array.from(index)).toEqual([1, 0, 1]);
  });

  test("fractions, with -0 counted as 0: [0.5, -0, 0, 0.25, 0.5] has [0, 0.25, 0.5] at [2, 0, 0, 1, 2]", () => {
    const { values, index } = distinctIndex([0.5, -0, 0, 0.25, 0.5]);
    expect(Array.from(values)).toEqual([0, 0.25, 0.5]);
    expect(Array.from(index)).toEqual([2, 0, 0, 1, 2]);
  });

  test("30,000 fractions through several rehashes agree with a sort and a Map", () => {
    // Reference: the distinct values by JavaScript's Set and sort, positions by a Map.
    const column = Array.from({ length: 30_000 }, (_, i) => ((i * 7_919) % 9_973) / 7);
    const sorted = [...new Set(column)].sort((a, b) => a - b);
    const position = new Map(sorted.map((value, i) => [value, i]));
    const { values, index } = distinctIndex(column);
    expect(Array.from(values)).toEqual(sorted);
    expect(Array.from(index)).toEqual(column.map((value) => position.get(value)));
  });
});

describe("sampleGroups", () => {
  // Four customers, all different: four groups in the order of x, then t_x.
  const groups = groupCustomers("test", { frequency: [0, 1, 2, 3], recency: [0, 1.5, 2.5, 3.5], T: [5.5, 5.5, 5.5, 5.5], weights: [4, 1, 2.5, 3] });

  test("every second of four groups is a sample of two: x = 0 and x = 2, with their t_x, T and weights (total 6.5, repeat 2.5)", () => {
    const sample = sampleGroups(groups, 2);
    expect(sample.count).toBe(2);
    expect(Array.from(sample.frequency)).toEqual([0, 2]);
    expect(Array.from(sample.recency)).toEqual([0, 2.5]);
    expect(Array.from(sample.T)).toEqual([5.5, 5.5]);
    expect(Array.from(sample.weight)).toEqual([4, 2.5]);
    expect(Array.from(sample.frequencyIndex)).toEqual([0, 2]);
    expect(sample).toMatchObject({ totalWeight: 6.5, repeatWeight: 2.5, maxT: 5.5 });
  });

  test("no more groups than asked for: the groups themselves", () => {
    expect(sampleGroups(groups, 4)).toBe(groups);
  });
});
