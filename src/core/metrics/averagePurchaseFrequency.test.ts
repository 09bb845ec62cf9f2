import { averagePurchaseFrequency } from "./averagePurchaseFrequency";

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-10. */
const DIGITS = 10;

describe("averagePurchaseFrequency", () => {
  test("300 transactions by 150 customers: 300 / 150 = 2", () => {
    expect(averagePurchaseFrequency(300, 150)).toBeCloseTo(2, DIGITS);
  });

  test("ids C1 C2 C1 C3 C1 C2: 6 orders / 3 distinct customers = 2", () => {
    expect(averagePurchaseFrequency(["C1", "C2", "C1", "C3", "C1", "C2"])).toBeCloseTo(2, DIGITS);
  });

  test("ids compare exactly: 7, '7', 'c1', 'C1' are 4 customers for 4 orders = 1", () => {
    expect(averagePurchaseFrequency([7, "7", "c1", "C1"])).toBe(1);
  });

  test("numeric ids 101 101 102: 3 orders / 2 customers = 1.5", () => {
    expect(averagePurchaseFrequency([101, 101, 102])).toBeCloseTo(1.5, DIGITS);
  });

  test("0 customers and an empty id list are divisions by zero", () => {
    expect(() => averagePurchaseFrequency(300, 0)).toThrow(
      expect.objectContaining({
        kind: "divisionByZero",
        message: "`averagePurchaseFrequency` requires a positive number of customers; got 0",
      })
    );
    expect(() => averagePurchaseFrequency([])).toThrow(expect.objectContaining({ kind: "divisionByZero" }));
  });

  test("negative counts, empty-text or boolean ids, and customers beside a list are value errors", () => {
    const value = expect.objectContaining({ kind: "value" });
    expect(() => averagePurchaseFrequency(-1, 10)).toThrow(value);
    expect(() => averagePurchaseFrequency(10, -1)).toThrow(
      expect.objectContaining({
        kind: "value",
        message: "`averagePurchaseFrequency` requires a number of customers of 0 or more; got -1",
      })
    );
    expect(() => averagePurchaseFrequency(["C1", ""])).toThrow(value);
    expect(() => averagePurchaseFrequency(["C1", true as unknown as string])).toThrow(value);
    expect(() => (averagePurchaseFrequency as (a: string[], b: number) => number)(["C1"], 1)).toThrow(value);
  });
});
