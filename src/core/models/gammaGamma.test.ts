import { checkSpend, conditionalExpectedSpend, fitGammaGamma, gammaGammaLogLikelihood } from "./gammaGamma";

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-12. */
const DIGITS = 12;

describe("Gamma-Gamma on hand-worked cases", () => {
  test("log f for p = q = v = 1, x = 1, mean 1: log[G(2)/(G(1)G(1)) 1^1 1^1 1^0 / (1 + 1)^2] = log(1/4) (note 025 eq. 4)", () => {
    expect(gammaGammaLogLikelihood({ p: 1, q: 1, v: 1 }, { frequency: [1], meanSpend: [1] })).toBeCloseTo(Math.log(0.25), DIGITS);
  });

  test("customers with x = 0 add nothing to the log-likelihood", () => {
    const withNewcomers = gammaGammaLogLikelihood({ p: 1, q: 1, v: 1 }, { frequency: [1, 0, 0], meanSpend: [1, 0, 5] });
    expect(withNewcomers).toBeCloseTo(Math.log(0.25), DIGITS);
  });

  test("E[spend] = p (v + x mean) / (p x + q - 1): p 2, q 3, v 4, x 1, mean 10 gives 2 (4 + 10) / 4 = 7; x = 0 gives p v / (q - 1) = 4", () => {
    expect(conditionalExpectedSpend({ p: 2, q: 3, v: 4 }, 1, 10)).toBeCloseTo(7, DIGITS);
    expect(conditionalExpectedSpend({ p: 2, q: 3, v: 4 }, 0, 0)).toBeCloseTo(4, DIGITS);
  });

  test("a population mean that does not exist (q <= 1, x = 0) is a number error", () => {
    expect(() => conditionalExpectedSpend({ p: 2, q: 0.8, v: 4 }, 0, 0)).toThrow(
      expect.objectContaining({ kind: "number", message: "`conditionalExpectedSpend` requires p x + q > 1 for the expected spend to exist; got 0.8" })
    );
  });
});

describe("fitGammaGamma on data it cannot use", () => {
  test("no repeat buyer: NaN parameters and a warning, no throw", () => {
    const fit = fitGammaGamma({ frequency: [0, 0], meanSpend: [0, 0] });
    expect(fit).toMatchObject({ converged: false, warnings: ["no repeat buyer with a positive mean spend to fit"] });
    expect(Number.isNaN(fit.parameters.p)).toBe(true);
  });

  test("repeat buyers with a mean spend of 0 are left out, counted and named in a warning", () => {
    const fit = fitGammaGamma({ frequency: [2, 1, 3, 0, 1, 2], meanSpend: [20, 0, 35, 0, 12, 0] });
    expect(fit.warnings[0]).toBe("2 repeat buyer(s) with a mean spend of 0 were left out (customers 2, 6)");
    expect(fit.converged).toBe(false);
  });

  test("a single repeat buyer is reported as too few to determine 3 parameters", () => {
    const fit = fitGammaGamma({ frequency: [2], meanSpend: [20] });
    expect(fit.converged).toBe(false);
    expect(fit.warnings).toContain("1 repeat buyer(s) cannot determine 3 parameters");
  });

  test("a negative or NaN mean spend of a repeat buyer is a value error naming the customer", () => {
    expect(() => fitGammaGamma({ frequency: [1, 2], meanSpend: [10, -5] })).toThrow(
      expect.objectContaining({
        kind: "value",
        message: "`fitGammaGamma` requires a mean spend of 0 or more for every repeat buyer; customer 2 has frequency 2, meanSpend -5, weight 1",
      })
    );
    expect(() => fitGammaGamma({ frequency: [1, 2], meanSpend: [10, Number.NaN] })).toThrow(expect.objectContaining({ kind: "value" }));
    expect(() => fitGammaGamma({ frequency: [1], meanSpend: [10, 2] })).toThrow(expect.objectContaining({ kind: "value" }));
  });
});

describe("checkSpend", () => {
  test("a repeat buyer's mean spend of 0 or more passes; a customer with x = 0 passes whatever the mean", () => {
    expect(() => checkSpend("caller", 2, 22.35)).not.toThrow();
    expect(() => checkSpend("caller", 2, 0)).not.toThrow();
    expect(() => checkSpend("caller", 0, Number.NaN)).not.toThrow();
  });

  test("a fractional or negative frequency, or a negative or NaN mean spend of a repeat buyer, is a value error", () => {
    const value = (message: string) => expect.objectContaining({ kind: "value", message });
    expect(() => checkSpend("caller", 1.5, 10)).toThrow(value("`caller` requires a frequency that is a whole number of 0 or more; got 1.5"));
    expect(() => checkSpend("caller", -1, 10)).toThrow(value("`caller` requires a frequency that is a whole number of 0 or more; got -1"));
    expect(() => checkSpend("caller", 2, -5)).toThrow(value("`caller` requires a mean spend of 0 or more; got -5"));
    expect(() => checkSpend("caller", 2, Number.NaN)).toThrow(value("`caller` requires a mean spend of 0 or more; got NaN"));
  });
});
