import { CompensatedSum } from "./compensatedSum";

function sumOf(terms: number[]): number {
  const sum = new CompensatedSum();
  for (const term of terms) sum.add(term);
  return sum.value;
}

describe("CompensatedSum", () => {
  test("1 + 1e100 + 1 - 1e100 = 2, Neumaier's example where Kahan's method and plain summation give 0", () => {
    expect(sumOf([1, 1e100, 1, -1e100])).toBe(2);
  });

  test("ten times the double nearest 0.1 is 1.0000000000000000555, which rounds to 1 (plain summation: 0.9999999999999999)", () => {
    expect(sumOf(Array.from({ length: 10 }, () => 0.1))).toBe(1);
  });

  test("no terms sum to 0; one term is itself", () => {
    expect(sumOf([])).toBe(0);
    expect(sumOf([-2.5])).toBe(-2.5);
  });
});
