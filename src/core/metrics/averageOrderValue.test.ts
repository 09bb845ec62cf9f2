import { averageOrderValue } from "./averageOrderValue";

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-10. */
const DIGITS = 10;

describe("averageOrderValue", () => {
  test("revenue $5,000 over 50 transactions: 5000 / 50 = $100", () => {
    expect(averageOrderValue(5000, 50)).toBeCloseTo(100, DIGITS);
  });

  test("order amounts 80, 120, 100: (80 + 120 + 100) / 3 = 100", () => {
    expect(averageOrderValue([80, 120, 100])).toBeCloseTo(100, DIGITS);
  });

  test("one order of 42.5 averages to 42.5", () => {
    expect(averageOrderValue([42.5])).toBe(42.5);
  });

  test("0 transactions is a division by zero", () => {
    expect(() => averageOrderValue(5000, 0)).toThrow(
      expect.objectContaining({
        kind: "divisionByZero",
        message: "`averageOrderValue` requires a positive number of transactions; got 0",
      })
    );
  });

  test("an empty list of order amounts is a division by zero", () => {
    expect(() => averageOrderValue([])).toThrow(expect.objectContaining({ kind: "divisionByZero" }));
  });

  test("a negative count of transactions is a value error that says what to fix", () => {
    expect(() => averageOrderValue(5000, -3)).toThrow(
      expect.objectContaining({
        kind: "value",
        message: "`averageOrderValue` requires a number of transactions of 0 or more; got -3",
      })
    );
  });

  test("text, negative revenue, negative amounts and a count beside a list are value errors", () => {
    const value = expect.objectContaining({ kind: "value" });
    expect(() => averageOrderValue("5000" as unknown as number, 50)).toThrow(value);
    expect(() => averageOrderValue(-1, 50)).toThrow(value);
    expect(() => averageOrderValue([80, -5])).toThrow(
      expect.objectContaining({
        kind: "value",
        message: "`averageOrderValue` requires order amounts of 0 or more; got -5",
      })
    );
    expect(() => averageOrderValue([80, "x" as unknown as number])).toThrow(value);
    expect(() => (averageOrderValue as (a: number[], b: number) => number)([80], 2)).toThrow(value);
  });
});
