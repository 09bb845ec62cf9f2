import {
  fitSbg,
  sbgCustomerLifetimeValue,
  sbgDiscountedExpectedLifetime,
  sbgDiscountedExpectedResidualLifetime,
  sbgRetention,
  sbgSurvival,
} from "./sbg";

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-12. */
const DIGITS = 12;
/** Published figures to 3 significant digits: 3 decimals below 1, 2 decimals from 1 to 10. */
const THREE_DIGITS_BELOW_ONE = 3;
const THREE_DIGITS_ABOVE_ONE = 2;
/** The published DEL 3.695 (3 decimals) times a margin of 100: agreement to 0.05, i.e. 1 decimal. */
const PUBLISHED_DEL_TIMES_100 = 1;

// Fader & Hardie (2007), "How to project customer retention", J. Interactive Marketing 21(1), Table 1:
// percentage of each cohort still active at the start of years 0..7.
const REGULAR = [100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1];
const HIGH_END = [100, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1];

describe("fitSbg", () => {
  test("'regular' cohort: alpha 0.704, beta 1.182 (Fader & Hardie 2007, section 4)", () => {
    const fit = fitSbg(REGULAR);
    expect(fit).toMatchObject({ converged: true, warnings: [] });
    expect(fit.parameters.alpha).toBeCloseTo(0.704, THREE_DIGITS_BELOW_ONE);
    expect(fit.parameters.beta).toBeCloseTo(1.182, THREE_DIGITS_ABOVE_ONE);
  });

  test("'high end' cohort: alpha 0.668, beta 3.806 (Fader & Hardie 2007, section 4)", () => {
    const fit = fitSbg(HIGH_END);
    expect(fit).toMatchObject({ converged: true, warnings: [] });
    expect(fit.parameters.alpha).toBeCloseTo(0.668, THREE_DIGITS_BELOW_ONE);
    expect(fit.parameters.beta).toBeCloseTo(3.806, THREE_DIGITS_ABOVE_ONE);
  });

  test("counts and percentages give the same estimates; the log-likelihood scales with them", () => {
    const percent = fitSbg(REGULAR);
    const counts = fitSbg(REGULAR.map((p) => p * 10));
    expect(counts.parameters.alpha).toBeCloseTo(percent.parameters.alpha, 6);
    expect(counts.parameters.beta).toBeCloseTo(percent.parameters.beta, 6);
    expect(counts.logLikelihood).toBeCloseTo(10 * percent.logLikelihood, 4);
  });

  test("a cohort that never churns, or churns entirely in period 1, gives a warning, not a throw", () => {
    const loyal = fitSbg([100, 100, 100]);
    expect(loyal.converged).toBe(false);
    expect(loyal.warnings).toContain("no customer churned: the churn rate cannot be estimated");
    const gone = fitSbg([100, 0, 0]);
    expect(gone.converged).toBe(false);
    expect(gone.warnings[0]).toMatch(/every customer churned in the first period/);
  });

  test("bad counts are value errors saying what is wrong", () => {
    const value = (message: string) => expect.objectContaining({ kind: "value", message });
    expect(() => fitSbg([100])).toThrow(value("`fitSbg` requires active counts for period 0 and at least one more; got 1"));
    expect(() => fitSbg([0, 0])).toThrow(value("`fitSbg` requires a positive count at period 0; got 0"));
    expect(() => fitSbg([100, 60, 70])).toThrow(value("`fitSbg` requires counts of 0 or more that never rise; period 2 has 70 after 60"));
    expect(() => fitSbg([100, Number.NaN])).toThrow(expect.objectContaining({ kind: "value" }));
  });
});

describe("survival and retention", () => {
  test("alpha = beta = 1 (churn probability uniform): S(t) = B(1, 1 + t) / B(1, 1) = 1/(t + 1), r(t) = t/(t + 1)", () => {
    const uniform = { alpha: 1, beta: 1 };
    expect(sbgSurvival(uniform, 0)).toBeCloseTo(1, DIGITS);
    expect(sbgSurvival(uniform, 3)).toBeCloseTo(0.25, DIGITS);
    expect(sbgRetention(uniform, 1)).toBeCloseTo(0.5, DIGITS);
    expect(sbgRetention(uniform, 4)).toBeCloseTo(0.8, DIGITS);
  });

  test("the fitted 'regular' curve reproduces the observed year-7 share, 24.1 %, to within a point (Fader & Hardie 2007, Figure 3)", () => {
    expect(Math.abs(100 * sbgSurvival(fitSbg(REGULAR).parameters, 7) - 24.1)).toBeLessThan(1);
  });

  test("periods outside the domain are value errors", () => {
    expect(() => sbgSurvival({ alpha: 1, beta: 1 }, -1)).toThrow(expect.objectContaining({ kind: "value" }));
    expect(() => sbgRetention({ alpha: 1, beta: 1 }, 0)).toThrow(
      expect.objectContaining({ kind: "value", message: "`sbgRetention` requires a period t of 1 or more; got 0" })
    );
  });
});

describe("discounted expected (residual) lifetime", () => {
  test("'regular' cohort at 10 %: DEL = 3.695 periods (Fader & Hardie 2010, section 3); naive constant retention 0.631 gives 2.345", () => {
    expect(sbgDiscountedExpectedLifetime(fitSbg(REGULAR).parameters, 0.1)).toBeCloseTo(3.695, THREE_DIGITS_ABOVE_ONE);
    // Fader & Hardie's point: sum_t 0.631^t / 1.1^t = 1.1 / (1.1 - 0.631) = 2.345 badly undervalues the cohort.
    expect(1.1 / (1.1 - 0.631)).toBeCloseTo(2.345, 3);
  });

  test("without heterogeneity (alpha, beta large, mean churn 0.369) DEL is the geometric sum 1.1 / (1.1 - 0.631)", () => {
    expect(sbgDiscountedExpectedLifetime({ alpha: 0.369e7, beta: 0.631e7 }, 0.1)).toBeCloseTo(1.1 / (1.1 - 0.631), 5);
  });

  test("DERL, alpha = beta = 1, d = 100 %, no renewals yet: (1/2) 2F1(1, 2; 3; 1/2) = 4 ln 2 - 2", () => {
    // 2F1(1, 2; 3; z) = sum_k 2 z^k / (k + 2) = 2 (-ln(1 - z) - z) / z^2, so at z = 1/2: 8 ln 2 - 4.
    expect(sbgDiscountedExpectedResidualLifetime({ alpha: 1, beta: 1 }, 1, 0)).toBeCloseTo(4 * Math.LN2 - 2, DIGITS);
  });

  test("DERL after 2 renewals equals its definition, sum over t >= 3 of S(t) / S(2) / 1.1^(t - 3), summed term by term", () => {
    const parameters = { alpha: 0.704, beta: 1.182 };
    // S(t) / S(2) = product over i = 3..t of (beta + i - 1)/(alpha + beta + i - 1) (Fader & Hardie 2007 eq. 4).
    let ratio = 1;
    let total = 0;
    for (let t = 3; t < 3000; t++) {
      ratio *= (parameters.beta + t - 1) / (parameters.alpha + parameters.beta + t - 1);
      total += ratio / 1.1 ** (t - 3);
    }
    expect(sbgDiscountedExpectedResidualLifetime(parameters, 0.1, 2)).toBeCloseTo(total, 10);
  });

  test("a just-acquired customer's DERL is (DEL - 1)(1 + d): the same stream without the first payment, one period later", () => {
    const parameters = { alpha: 0.668, beta: 3.806 };
    const del = sbgDiscountedExpectedLifetime(parameters, 0.1);
    expect(sbgDiscountedExpectedResidualLifetime(parameters, 0.1, 0)).toBeCloseTo((del - 1) * 1.1, DIGITS);
  });

  test("a discount rate of 0 or less, or fractional renewals, are value errors", () => {
    expect(() => sbgDiscountedExpectedLifetime({ alpha: 1, beta: 1 }, 0)).toThrow(
      expect.objectContaining({
        kind: "value",
        message: "`sbgDiscountedExpectedLifetime` requires a discount rate per period above 0 (0.1 for 10 %); got 0",
      })
    );
    expect(() => sbgDiscountedExpectedResidualLifetime({ alpha: 1, beta: 1 }, 0.1, 1.5)).toThrow(expect.objectContaining({ kind: "value" }));
  });

  test("at a rate of 1e-15 with alpha <= 1 the undiscounted lifetime is infinite: a number error, not a wrong number", () => {
    expect(() => sbgDiscountedExpectedLifetime({ alpha: 0.5, beta: 1 }, 1e-15)).toThrow(expect.objectContaining({ kind: "number" }));
  });
});

describe("sbgCustomerLifetimeValue", () => {
  test("a customer just acquired, alpha 0.704, beta 1.182, margin 100 per period, 10 %: 100 x DEL 3.695 = 369.5 (Fader & Hardie 2010, section 3)", () => {
    expect(sbgCustomerLifetimeValue({ alpha: 0.704, beta: 1.182 }, 100, 0.1)).toBeCloseTo(369.5, PUBLISHED_DEL_TIMES_100);
  });

  test("after 0 renewals, alpha = beta = 1, d = 100 %, margin 100: 100 x DERL = 100 (4 ln 2 - 2) = 77.259 (worked out in the DERL tests above)", () => {
    expect(sbgCustomerLifetimeValue({ alpha: 1, beta: 1 }, 100, 1, 0)).toBeCloseTo(100 * (4 * Math.LN2 - 2), DIGITS);
  });

  test("a margin that is not a number, a discount rate of 0 or fractional renewals are value errors naming sbgCustomerLifetimeValue", () => {
    const value = (message: string) => expect.objectContaining({ kind: "value", message });
    expect(() => sbgCustomerLifetimeValue({ alpha: 1, beta: 1 }, Number.NaN, 0.1)).toThrow(
      value("`sbgCustomerLifetimeValue` requires a margin per period that is a number; got NaN")
    );
    expect(() => sbgCustomerLifetimeValue({ alpha: 1, beta: 1 }, 100, 0)).toThrow(
      value("`sbgCustomerLifetimeValue` requires a discount rate per period above 0 (0.1 for 10 %); got 0")
    );
    expect(() => sbgCustomerLifetimeValue({ alpha: 1, beta: 1 }, 100, 0.1, 1.5)).toThrow(
      value("`sbgCustomerLifetimeValue` requires renewals that are a whole number of 0 or more; got 1.5")
    );
  });
});
