import { averageCustomerLifespan } from "./averageCustomerLifespan";

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-10. */
const DIGITS = 10;

describe("averageCustomerLifespan", () => {
  test("churn 0.05 per month: 1 / 0.05 = 20 months", () => {
    expect(averageCustomerLifespan(0.05)).toBeCloseTo(20, DIGITS);
  });

  test("churn 1 (everyone leaves each period): 1 / 1 = 1 period", () => {
    expect(averageCustomerLifespan(1)).toBe(1);
  });

  test("lifespans 2, 3, 7: (2 + 3 + 7) / 3 = 4", () => {
    expect(averageCustomerLifespan([2, 3, 7])).toBeCloseTo(4, DIGITS);
  });

  test("a list of one lifespan is a lifespan, not a churn rate: [20] gives 20", () => {
    expect(averageCustomerLifespan([20])).toBe(20);
  });

  test("churn 0 (no one ever leaves) is a division by zero", () => {
    expect(() => averageCustomerLifespan(0)).toThrow(
      expect.objectContaining({
        kind: "divisionByZero",
        message: "`averageCustomerLifespan` requires a churn rate above 0; got 0",
      })
    );
  });

  test("an empty list of lifespans is a division by zero", () => {
    expect(() => averageCustomerLifespan([])).toThrow(expect.objectContaining({ kind: "divisionByZero" }));
  });

  test("a single number above 1 is not taken as a lifespan: value error pointing to a list", () => {
    expect(() => averageCustomerLifespan(20)).toThrow(
      expect.objectContaining({
        kind: "value",
        message:
          "`averageCustomerLifespan` requires a single churn rate from 0 to 1 (0.1 for 10%), or a list of lifespans; got 20",
      })
    );
  });

  test("negative churn, negative lifespans and text are value errors", () => {
    const value = expect.objectContaining({ kind: "value" });
    expect(() => averageCustomerLifespan(-0.1)).toThrow(value);
    expect(() => averageCustomerLifespan([3, -1])).toThrow(value);
    expect(() => averageCustomerLifespan("0.1" as unknown as number)).toThrow(value);
  });
});
