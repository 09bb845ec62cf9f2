import { averageCustomerLifespan } from "./averageCustomerLifespan";
import { churnRate } from "./churnRate";

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-10. */
const DIGITS = 10;

describe("churnRate", () => {
  test("100 customers at the start, 90 at the end: (100 + 0 - 90) / 100 = 0.1, so ACL = 1 / 0.1 = 10", () => {
    const churn = churnRate(100, 90);
    expect(churn).toBeCloseTo(0.1, DIGITS);
    expect(averageCustomerLifespan(churn)).toBeCloseTo(10, DIGITS);
  });

  test("100 at the start, 20 new, 100 at the end: (100 + 20 - 100) / 100 = 0.2", () => {
    expect(churnRate(100, 100, 20)).toBeCloseTo(0.2, DIGITS);
  });

  test("no one lost: (50 + 10 - 60) / 50 = 0", () => {
    expect(churnRate(50, 60, 10)).toBe(0);
  });

  test("new customers lost in the period count: (10 + 100 - 5) / 10 = 10.5", () => {
    expect(churnRate(10, 5, 100)).toBeCloseTo(10.5, DIGITS);
  });

  test("0 customers at the start is a division by zero", () => {
    expect(() => churnRate(0, 0, 5)).toThrow(
      expect.objectContaining({
        kind: "divisionByZero",
        message: "`churnRate` requires customers at the start; got 0",
      })
    );
  });

  test("more customers at the end than start plus new is a value error", () => {
    expect(() => churnRate(100, 130, 20)).toThrow(
      expect.objectContaining({
        kind: "value",
        message: "`churnRate` requires customers at the end of at most start plus new customers (120); got 130",
      })
    );
  });

  test("negative or non-numeric counts are value errors", () => {
    const value = expect.objectContaining({ kind: "value" });
    expect(() => churnRate(-1, 0)).toThrow(value);
    expect(() => churnRate(100, -1)).toThrow(value);
    expect(() => churnRate(100, 90, -1)).toThrow(value);
    expect(() => churnRate(100, "90" as unknown as number)).toThrow(value);
  });
});
