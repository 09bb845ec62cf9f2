import { PERIODS_PER_MONTH, customerLifetimeValue, discountedPurchasesWhileAlive } from "./customerLifetimeValue";
import type { PurchaseModel } from "./purchaseModel";

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-12. */
const DIGITS = 12;

// Pareto/NBD with r = alpha = beta = 1, s = 2, for a customer just acquired (x = 0, t_x = T = 0):
// alive for sure, and E[Y(t)] = r beta / (alpha (s - 1)) (1 - beta / (beta + t)) = t / (1 + t)
// (Schmittlein, Morrison & Colombo 1987 eq. 17), so month i (one period) brings i/(1+i) - (i-1)/i purchases.
const model: PurchaseModel = { kind: "pareto", parameters: { r: 1, alpha: 1, s: 2, beta: 1 } };

describe("customerLifetimeValue", () => {
  test("2 months, no discount, spend 10: 10 E[Y(2)] = 10 * 2/3", () => {
    const value = customerLifetimeValue(model, 10, 0, 0, 0, { months: 2, monthlyDiscountRate: 0, periodsPerMonth: 1 });
    expect(value).toBeCloseTo(20 / 3, DIGITS);
  });

  test("2 months at 10 % a month, each month's purchases discounted at its end: 10 (1/2 / 1.1 + 1/6 / 1.21)", () => {
    const value = customerLifetimeValue(model, 10, 0, 0, 0, { months: 2, monthlyDiscountRate: 0.1, periodsPerMonth: 1 });
    expect(value).toBeCloseTo(10 * (0.5 / 1.1 + 1 / 6 / 1.21), DIGITS);
  });

  test("a month of 2 periods: 1 month covers t = 0..2, so 10 E[Y(2)] / 1.1", () => {
    const value = customerLifetimeValue(model, 10, 0, 0, 0, { months: 1, monthlyDiscountRate: 0.1, periodsPerMonth: 2 });
    expect(value).toBeCloseTo(((10 * 2) / 3) / 1.1, DIGITS);
  });

  test("0 months is worth 0", () => {
    expect(customerLifetimeValue(model, 10, 0, 0, 0, { months: 0, monthlyDiscountRate: 0.01, periodsPerMonth: 30 })).toBe(0);
  });

  test("the month convention: 365.25 / 12 = 30.4375 days, 30.4375 / 7 weeks, 1 month", () => {
    expect(PERIODS_PER_MONTH.days).toBe(30.4375);
    expect(PERIODS_PER_MONTH.weeks).toBeCloseTo(4.348214285714286, DIGITS);
    expect(PERIODS_PER_MONTH.months).toBe(1);
  });

  test("a bad horizon, spend or customer is a value error saying what is wrong", () => {
    const horizon = { months: 12, monthlyDiscountRate: 0.01, periodsPerMonth: 30 };
    const value = (message: string) => expect.objectContaining({ kind: "value", message });
    expect(() => customerLifetimeValue(model, 10, 0, 0, 0, { ...horizon, months: 1.5 })).toThrow(
      value("`customerLifetimeValue` requires months that are a whole number of 0 or more; got 1.5")
    );
    expect(() => customerLifetimeValue(model, 10, 0, 0, 0, { ...horizon, monthlyDiscountRate: -1 })).toThrow(
      value("`customerLifetimeValue` requires a monthly discount rate above -1 (0.01 for 1 %); got -1")
    );
    expect(() => customerLifetimeValue(model, 10, 0, 0, 0, { ...horizon, periodsPerMonth: 0 })).toThrow(
      value("`customerLifetimeValue` requires a positive number of model periods per month; got 0")
    );
    expect(() => customerLifetimeValue(model, Number.NaN, 0, 0, 0, horizon)).toThrow(
      value("`customerLifetimeValue` requires an expected spend that is a number; got NaN")
    );
    expect(() => customerLifetimeValue(model, 10, 1, 5, 3, horizon)).toThrow(
      value("`probabilityAlive` requires a recency between 0 and T; got frequency 1, recency 5, T 3")
    );
  });
});

describe("discountedPurchasesWhileAlive", () => {
  test("x = 1, T = 1 on the same model: E[Y(t) | alive] = (1 + x) t / (1 + T + t) = 2t / (2 + t), so 2/3 then 1/3 more at 10 %", () => {
    // Schmittlein, Morrison & Colombo 1987 eq. 22 without P(alive): (r + x)(beta + T) / (alpha + T) / (s - 1) x
    // (1 - ((beta + T) / (beta + T + t))^(s - 1)) = 2 (1 - 2 / (2 + t)) = 2t / (2 + t) for r = alpha = beta = 1, s = 2.
    const value = discountedPurchasesWhileAlive(model, 1, 1, { months: 2, monthlyDiscountRate: 0.1, periodsPerMonth: 1 });
    expect(value).toBeCloseTo(2 / 3 / 1.1 + 1 / 3 / 1.21, DIGITS);
  });

  test("a bad horizon is a value error naming this function", () => {
    expect(() => discountedPurchasesWhileAlive(model, 0, 0, { months: -1, monthlyDiscountRate: 0, periodsPerMonth: 1 })).toThrow(
      "`discountedPurchasesWhileAlive` requires months that are a whole number of 0 or more; got -1"
    );
  });
});
