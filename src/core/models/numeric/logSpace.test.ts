import { log1pExp, logistic, powerDifferenceRatio } from "./logSpace";

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-12. */
const DIGITS = 12;

describe("log1pExp", () => {
  test("log(1 + e^0) = ln 2; log(1 + e^ln 3) = ln 4", () => {
    expect(log1pExp(0)).toBeCloseTo(Math.LN2, DIGITS);
    expect(log1pExp(Math.log(3))).toBeCloseTo(Math.log(4), DIGITS);
  });

  test("no overflow at 800 (e^800 is Infinity in doubles): log(1 + e^800) = 800 + log(1 + e^-800) = 800", () => {
    expect(log1pExp(800)).toBe(800);
  });

  test("keeps digits far below 0: log(1 + e^-40) = e^-40 (1 - e^-40 / 2 + ...) to 1e-17 relative", () => {
    expect(log1pExp(-40) / Math.exp(-40)).toBeCloseTo(1, DIGITS);
    expect(log1pExp(Number.NEGATIVE_INFINITY)).toBe(0);
  });
});

describe("logistic", () => {
  test("1 / (1 + e^0) = 1/2; 1 / (1 + e^-ln 3) = 3/4; no NaN at +-800", () => {
    expect(logistic(0)).toBe(0.5);
    expect(logistic(Math.log(3))).toBeCloseTo(0.75, DIGITS);
    expect(logistic(800)).toBe(1);
    expect(logistic(-800)).toBe(0);
  });
});

describe("powerDifferenceRatio", () => {
  test("(1 - 2^-1) / 1 = 1/2 and (1 - 2^-2) / 2 = 3/8", () => {
    expect(powerDifferenceRatio(1, Math.LN2)).toBeCloseTo(0.5, DIGITS);
    expect(powerDifferenceRatio(2, Math.LN2)).toBeCloseTo(0.375, DIGITS);
  });

  test("its limit at exponent 0 is logBase, approached without cancellation: (1 - 2^-1e-9) / 1e-9 = ln 2 (1 - 1e-9 ln 2 / 2)", () => {
    expect(powerDifferenceRatio(0, Math.LN2)).toBe(Math.LN2);
    expect(powerDifferenceRatio(1e-9, Math.LN2)).toBeCloseTo(Math.LN2 * (1 - (1e-9 * Math.LN2) / 2), 15);
  });
});
