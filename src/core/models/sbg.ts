import { ClvError, ensure } from "../errors";
import { type FitOptions, type FitResult, fitRescaled } from "./maximumLikelihood";
import { MODEL_NAMES } from "./modelNames";
import { logHyp2f1One } from "./numeric/logHyp2f1One";
import { check, checkParameters } from "./parameterChecks";
import { logGamma } from "./numeric/special";

/**
 * The shifted-beta-geometric (sBG) model's parameters (Fader & Hardie 2007, "How to project customer
 * retention", Journal of Interactive Marketing 21(1)): in a contractual setting each customer renews at
 * the end of every period with probability 1 - theta, and theta ~ Beta(alpha, beta) across customers.
 * Periods are the contract's (months, years...); both parameters have no unit.
 */
export type SbgParameters = {
  alpha: number;
  beta: number;
};

const NAMES = ["alpha", "beta"] as const;

/**
 * Fits the sBG model by maximum likelihood to a cohort's active counts at periods 0, 1, ..., n
 * (Fader & Hardie 2007 eq. 5): LL = sum_{t=1..n} (n_{t-1} - n_t) log P(T = t) + n_n log S(n), with
 * P(T = t) = S(t - 1) alpha / (alpha + beta + t - 1) and S(t) = prod_{i=1..t} (beta + i - 1)/(alpha + beta + i - 1).
 * Percentages (100, 63.1, ...) work as well as counts: the estimates are the same, the
 * log-likelihood scales with the total. Cost O(n) per evaluation.
 *
 * @param active - customers still active at the start (index 0) and after each period; non-increasing
 * @returns alpha, beta, log-likelihood, convergence and warnings (no churn at all, or everyone gone
 *   after the first period, leave a parameter unidentified). Never throws for such data.
 * @throws ClvError `value` for fewer than 2 counts, a count that is negative, NaN, or above the one
 *   before, or a first count of 0
 * @example fitSbg([100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1]).parameters // { alpha: 0.704, beta: 1.182 } (Fader & Hardie 2007)
 */
export function fitSbg(active: ArrayLike<number>, options: FitOptions = {}): FitResult<SbgParameters> {
  const caller = "fitSbg";
  ensure(active.length >= 2, `\`${caller}\` requires active counts for period 0 and at least one more; got ${active.length}`);
  ensure(Number.isFinite(active[0]) && active[0] > 0, `\`${caller}\` requires a positive count at period 0; got ${active[0]}`);
  for (let t = 1; t < active.length; t++) {
    ensure(
      Number.isFinite(active[t]) && active[t] >= 0 && active[t] <= active[t - 1],
      `\`${caller}\` requires counts of 0 or more that never rise; period ${t} has ${active[t]} after ${active[t - 1]}`
    );
  }
  const n = active.length - 1;
  const dataWarnings: string[] = [];
  if (active[n] === active[0]) dataWarnings.push("no customer churned: the churn rate cannot be estimated");
  if (active[1] === 0) dataWarnings.push("every customer churned in the first period: the spread of churn rates cannot be estimated");
  const logLikelihood = (parameters: Float64Array, gradient: Float64Array) => {
    const alpha = parameters[0], beta = parameters[1];
    // Running log S(t - 1) and its derivatives in alpha and beta.
    let logSurvival = 0, dSurvivalAlpha = 0, dSurvivalBeta = 0;
    let total = 0, dAlpha = 0, dBeta = 0;
    for (let t = 1; t <= n; t++) {
      const churned = active[t - 1] - active[t];
      const denominator = alpha + beta + t - 1;
      if (churned > 0) {
        total += churned * (logSurvival + Math.log(alpha / denominator));
        dAlpha += churned * (dSurvivalAlpha + 1 / alpha - 1 / denominator);
        dBeta += churned * (dSurvivalBeta - 1 / denominator);
      }
      logSurvival += Math.log((beta + t - 1) / denominator);
      dSurvivalAlpha -= 1 / denominator;
      dSurvivalBeta += 1 / (beta + t - 1) - 1 / denominator;
    }
    total += active[n] * logSurvival;
    gradient[0] = dAlpha + active[n] * dSurvivalAlpha;
    gradient[1] = dBeta + active[n] * dSurvivalBeta;
    return total;
  };
  return fitRescaled(
    {
      names: NAMES,
      carriesUnit: [false, false],
      scale: 1,
      scaledLogLikelihood: logLikelihood,
      logLikelihood,
      totalWeight: active[0],
      dataWarnings,
      toParameters: ([alpha, beta]) => ({ alpha, beta }),
    },
    options
  );
}

/**
 * S(t), the share of a cohort still active after t periods: B(alpha, beta + t) / B(alpha, beta)
 * (Fader & Hardie 2007 eq. 2). Cost O(1).
 *
 * @param t - periods since acquisition, 0 or more (S(0) = 1)
 * @throws ClvError `value` for non-positive parameters or t < 0
 * @example sbgSurvival({ alpha: 1, beta: 1 }, 3) // 0.25 (1 / (t + 1) for alpha = beta = 1)
 */
export function sbgSurvival(parameters: SbgParameters, t: number): number {
  checkParameters("sbgSurvival", MODEL_NAMES.sbg, parameters);
  check("sbgSurvival", t >= 0 && Number.isFinite(t), "a period t of 0 or more", t);
  const { alpha, beta } = parameters;
  return Math.exp(logGamma(beta + t) - logGamma(beta) + logGamma(alpha + beta) - logGamma(alpha + beta + t));
}

/**
 * r(t), the retention rate in period t: the share of customers active at t - 1 who renew at t,
 * S(t) / S(t - 1) = (beta + t - 1) / (alpha + beta + t - 1) (Fader & Hardie 2007 eq. 4); it rises with t
 * as the customers most likely to churn leave. Cost O(1).
 *
 * @param t - period, 1 or more
 * @throws ClvError `value` for non-positive parameters or t < 1
 * @example sbgRetention({ alpha: 1, beta: 1 }, 1) // 0.5
 */
export function sbgRetention(parameters: SbgParameters, t: number): number {
  checkParameters("sbgRetention", MODEL_NAMES.sbg, parameters);
  check("sbgRetention", t >= 1 && Number.isFinite(t), "a period t of 1 or more", t);
  const { alpha, beta } = parameters;
  return (beta + t - 1) / (alpha + beta + t - 1);
}

/**
 * DEL, the discounted expected lifetime of a customer just acquired, in periods: sum over t >= 0 of
 * S(t) / (1 + d)^t = 2F1(1, beta; alpha + beta; 1 / (1 + d)) (Fader & Hardie 2010, "Customer-base
 * valuation in a contractual setting: the perils of ignoring heterogeneity", Marketing Science 29(1),
 * eq. 3). The first period counts in full (payment at acquisition), each later one if renewed, discounted.
 * {@link sbgCustomerLifetimeValue} multiplies it by the margin. The 2F1 is `logHyp2f1One`'s continued
 * fraction (stdlib's general hyp2f1 returns NaN once alpha + beta reaches the millions). Cost O(1/sqrt(d)).
 *
 * @param discountRate - per period, above 0 (0.1 for 10 %)
 * @throws ClvError `value` for non-positive parameters or discount rate; `number` for a rate so near 0
 *   (below ~1e-10) that the sum cannot be computed
 * @example sbgDiscountedExpectedLifetime({ alpha: 0.704, beta: 1.182 }, 0.1) // 3.695 (Fader & Hardie 2010)
 */
export function sbgDiscountedExpectedLifetime(parameters: SbgParameters, discountRate: number): number {
  return discountedLifetime("sbgDiscountedExpectedLifetime", parameters, discountRate);
}

/**
 * DERL, the discounted expected residual lifetime, in periods, of a customer who has made `renewals`
 * renewals (so is in period n = renewals + 1) and is about to decide on the next:
 * sum over t >= n of S(t) / S(n - 1) / (1 + d)^(t - n)
 *   = (beta + n - 1)/(alpha + beta + n - 1) 2F1(1, beta + n; alpha + beta + n; 1 / (1 + d))
 * (Fader & Hardie 2010 eq. 6): the next renewal counts undiscounted if made. Cost O(1/sqrt(d)).
 *
 * @param discountRate - per period, above 0
 * @param renewals - renewals made so far, a whole number of 0 or more
 * @throws ClvError `value` for non-positive parameters or discount rate, or renewals not a whole number >= 0;
 *   `number` for a rate so near 0 that the sum cannot be computed
 * @example sbgDiscountedExpectedResidualLifetime({ alpha: 1, beta: 1 }, 1, 0) // 0.7725887222397811 (= 4 ln 2 - 2)
 */
export function sbgDiscountedExpectedResidualLifetime(parameters: SbgParameters, discountRate: number, renewals: number): number {
  return discountedLifetime("sbgDiscountedExpectedResidualLifetime", parameters, discountRate, renewals);
}

/**
 * The value of a subscription customer under the sBG model, in the currency of `margin`: margin x DEL
 * ({@link sbgDiscountedExpectedLifetime}) for a customer just acquired, or margin x DERL
 * ({@link sbgDiscountedExpectedResidualLifetime}) for one who has made `renewals` renewals (Fader &
 * Hardie 2010, "Customer-base valuation in a contractual setting: the perils of ignoring heterogeneity",
 * eqs. 3 and 6). The margin is earned at the start of each period the customer is active. Cost O(1/sqrt(d)).
 *
 * @param margin - margin per customer per period (currency)
 * @param discountRate - per period, above 0 (0.1 for 10 %)
 * @param renewals - renewals made so far, a whole number of 0 or more; leave out for a customer just acquired
 * @throws ClvError `value` for a margin that is not a finite number, non-positive parameters or discount
 *   rate, or renewals not a whole number >= 0; `number` for a rate so near 0 that the sum cannot be computed
 * @example sbgCustomerLifetimeValue({ alpha: 0.704, beta: 1.182 }, 100, 0.1) // 369.5 (100 x DEL 3.695, Fader & Hardie 2010)
 */
export function sbgCustomerLifetimeValue(parameters: SbgParameters, margin: number, discountRate: number, renewals?: number): number {
  const caller = "sbgCustomerLifetimeValue";
  check(caller, Number.isFinite(margin), "a margin per period that is a number", margin);
  return margin * discountedLifetime(caller, parameters, discountRate, renewals);
}

/** DEL, or DERL after `renewals` renewals when given, in periods; inputs checked in the name of `caller`. */
function discountedLifetime(caller: string, parameters: SbgParameters, discountRate: number, renewals?: number): number {
  checkParameters(caller, MODEL_NAMES.sbg, parameters);
  check(caller, discountRate > 0 && Number.isFinite(discountRate), "a discount rate per period above 0 (0.1 for 10 %)", discountRate);
  const { alpha, beta } = parameters;
  if (renewals === undefined) return discountedSum(caller, beta, alpha + beta, discountRate);
  check(caller, Number.isInteger(renewals) && renewals >= 0, "renewals that are a whole number of 0 or more", renewals);
  const n = renewals + 1;
  return ((beta + n - 1) / (alpha + beta + n - 1)) * discountedSum(caller, beta + n, alpha + beta + n, discountRate);
}

/** 2F1(1, b; c; 1 / (1 + d)), or a `number` error when a discount rate near 0 leaves it without a computable value. */
function discountedSum(caller: string, b: number, c: number, discountRate: number): number {
  const value = Math.exp(logHyp2f1One(b, c, 1 / (1 + discountRate)));
  if (!Number.isFinite(value)) {
    throw new ClvError("number", `\`${caller}\` has no computable value at a discount rate of ${discountRate}; use a larger rate`);
  }
  return value;
}
