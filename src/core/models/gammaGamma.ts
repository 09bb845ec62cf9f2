import { ClvError, ensure } from "../errors";
import { distinctIndex } from "./customerData";
import { CompensatedSum } from "./numeric/compensatedSum";
import { type FitOptions, type FitResult, type LogLikelihood, WARM_START_SIZE, fitRescaled } from "./maximumLikelihood";
import { MODEL_NAMES } from "./modelNames";
import { check, checkParameters } from "./parameterChecks";
import { digamma, logGamma } from "./numeric/special";

/**
 * The Gamma-Gamma spend model's parameters (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value
 * curves for customer base analysis", JMR 42(4); Fader & Hardie 2013 note 025 "The Gamma-Gamma model of
 * monetary value"): each transaction's value is Gamma(shape p, rate nu), and nu ~ Gamma(shape q, rate v)
 * across customers. `v` is in the currency's unit; p and q have none.
 */
export type GammaGammaParameters = {
  p: number;
  q: number;
  v: number;
};

/** Customers' spend summaries as columns: the input of {@link fitGammaGamma}. */
export interface SpendData {
  /** x: repeat purchases, a whole number of 0 or more. */
  frequency: ArrayLike<number>;
  /** Mean value of the x repeat purchases (currency units); ignored when x = 0, else 0 or more. */
  meanSpend: ArrayLike<number>;
  /** How many customers each entry stands for (default 1 each). */
  weights?: ArrayLike<number>;
}

const NAMES = ["p", "q", "v"] as const;

/**
 * Fits the Gamma-Gamma model by maximum likelihood on the repeat buyers (x > 0 and mean spend > 0;
 * customers with x = 0 carry no spend information and are left out by definition), maximising
 * sum log f(mean | x) with f from Fader & Hardie note 025 eq. (4):
 * log f = log G(px+q) - log G(px) - log G(q) + q log v + px log x + (px-1) log m - (px+q) log(v + x m),
 * the same total log-likelihood as lifetimes' GammaGammaFitter. Spend is rescaled to mean 1 for the
 * optimiser and v scaled back. Cost: ~20 evaluations of O(customers), x-only terms per distinct x;
 * above 5,000 repeat buyers, those run on every k-th of them (5,000 in all) and the fit on all starts
 * from there, in about 5 more (see `fitRescaled`'s `sample`).
 *
 * @returns parameters (v in currency units), total log-likelihood (currency units), convergence and
 *   warnings: repeat buyers with a mean spend of 0 (left out, counted), fewer than 3 repeat buyers,
 *   q <= 1 (then the mean spend does not exist). Never throws for data that cannot be fitted.
 * @throws ClvError `value` for columns of different lengths, a frequency that is not a whole number
 *   >= 0, a NaN or negative mean spend for a repeat buyer, or a bad weight, naming the customer
 * @example fitGammaGamma(cdnowRepeatBuyers).parameters // { p: 6.25, q: 3.74, v: 15.44 } (note 025)
 */
export function fitGammaGamma(data: SpendData, options: FitOptions = {}): FitResult<GammaGammaParameters> {
  const caller = "fitGammaGamma";
  const { frequency, meanSpend, weights } = data;
  const n = frequency.length;
  ensure(
    meanSpend.length === n && (weights === undefined || weights.length === n),
    `\`${caller}\` requires frequency, meanSpend${weights ? " and weights" : ""} columns of one length; got ` +
      [frequency, meanSpend, ...(weights ? [weights] : [])].map((column) => column.length).join(", ")
  );
  const x = new Float64Array(n);
  const m = new Float64Array(n);
  const w = new Float64Array(n);
  let buyers = 0;
  let totalWeight = 0;
  let weightedSpend = 0;
  const zeroSpenders: number[] = [];
  // Messages are built only on failure: this loop runs once per customer.
  const fail = (need: string, i: number) => {
    const got = `customer ${i + 1} has frequency ${frequency[i]}, meanSpend ${meanSpend[i]}, weight ${weights?.[i] ?? 1}`;
    throw new ClvError("value", `\`${caller}\` requires ${need}; ${got}`);
  };
  for (let i = 0; i < n; i++) {
    const purchases = frequency[i], spend = meanSpend[i], weight = weights === undefined ? 1 : weights[i];
    if (!(Number.isInteger(purchases) && purchases >= 0)) fail("a frequency that is a whole number of 0 or more for every customer", i);
    if (!(Number.isFinite(weight) && weight >= 0)) fail("weights of 0 or more", i);
    if (purchases === 0) continue;
    if (!(Number.isFinite(spend) && spend >= 0)) fail("a mean spend of 0 or more for every repeat buyer", i);
    if (spend === 0) {
      zeroSpenders.push(i + 1);
    } else if (weight > 0) {
      x[buyers] = frequency[i];
      m[buyers] = meanSpend[i];
      w[buyers++] = weight;
      totalWeight += weight;
      weightedSpend += weight * meanSpend[i];
    }
  }
  const meanOfMeans = weightedSpend / totalWeight;
  const scaledSpend = m.subarray(0, buyers).map((value) => value / meanOfMeans);

  const dataWarnings: string[] = [];
  if (zeroSpenders.length > 0) {
    const listed = zeroSpenders.slice(0, 5).join(", ") + (zeroSpenders.length > 5 ? ", ..." : "");
    dataWarnings.push(`${zeroSpenders.length} repeat buyer(s) with a mean spend of 0 were left out (customers ${listed})`);
  }
  if (totalWeight > 0 && totalWeight < NAMES.length) {
    dataWarnings.push(`${totalWeight} repeat buyer(s) cannot determine ${NAMES.length} parameters`);
  }
  const fit = fitRescaled(
    {
      names: NAMES,
      carriesUnit: [false, false, true],
      scale: 1 / meanOfMeans,
      scaledLogLikelihood: gammaGammaLogLikelihoodOf(x.subarray(0, buyers), scaledSpend, w.subarray(0, buyers)),
      logLikelihood: gammaGammaLogLikelihoodOf(x.subarray(0, buyers), m.subarray(0, buyers), w.subarray(0, buyers)),
      sample: buyerSample(x.subarray(0, buyers), scaledSpend, w.subarray(0, buyers)),
      totalWeight,
      unfittable: totalWeight > 0 ? undefined : "no repeat buyer with a positive mean spend to fit",
      dataWarnings,
      toParameters: ([p, q, v]) => ({ p, q, v }),
    },
    options
  );
  if (fit.parameters.q <= 1) {
    fit.warnings.push("q <= 1: the model's mean spend per transaction, p v / (q - 1), does not exist");
    fit.converged = false;
  }
  return fit;
}

/**
 * Total Gamma-Gamma log-likelihood of repeat buyers' mean spends (note 025 eq. 4; see
 * {@link fitGammaGamma}); customers with x = 0 contribute nothing. Depends on the currency unit.
 *
 * @throws ClvError `value` for non-positive parameters, or a repeat buyer with a mean spend that is
 *   not positive
 * @example gammaGammaLogLikelihood({ p: 1, q: 1, v: 1 }, { frequency: [1], meanSpend: [1] }) // -1.3862943611198906 (log 1/4)
 */
export function gammaGammaLogLikelihood(parameters: GammaGammaParameters, data: SpendData): number {
  const caller = "gammaGammaLogLikelihood";
  checkParameters(caller, MODEL_NAMES.gammaGamma, parameters);
  const { frequency, meanSpend, weights } = data;
  const rows = Array.from({ length: frequency.length }, (_, i) => i).filter((i) => frequency[i] > 0);
  for (const i of rows) {
    if (!(meanSpend[i] > 0)) {
      throw new ClvError("value", `\`${caller}\` requires a positive mean spend for every repeat buyer; customer ${i + 1} has ${meanSpend[i]}`);
    }
  }

  const logLikelihood = gammaGammaLogLikelihoodOf(
    Float64Array.from(rows, (i) => frequency[i]),
    Float64Array.from(rows, (i) => meanSpend[i]),
    Float64Array.from(rows, (i) => (weights === undefined ? 1 : weights[i]))
  );
  return logLikelihood(Float64Array.of(parameters.p, parameters.q, parameters.v), new Float64Array(3));
}

/**
 * E[M | x, mean]: a customer's expected spend per transaction given x repeat purchases of mean value
 * `meanSpend`, (p (v + x meanSpend)) / (p x + q - 1) (Fader, Hardie & Lee 2005 "RFM and CLV" eq. 5;
 * note 025 eq. 5) - a weighted average of the population mean p v / (q - 1) and the customer's mean.
 * For x = 0 it is the population mean. Currency units. Cost O(1).
 *
 * @throws ClvError `value` for non-positive parameters, x not a whole number >= 0, or a negative or
 *   NaN mean spend when x > 0; `number` when p x + q <= 1 (the expectation does not exist)
 * @example conditionalExpectedSpend({ p: 6.25, q: 3.74, v: 15.44 }, 2, 22.35) // 24.66 (note 025)
 */
export function conditionalExpectedSpend(parameters: GammaGammaParameters, x: number, meanSpend: number): number {
  const caller = "conditionalExpectedSpend";
  checkParameters(caller, MODEL_NAMES.gammaGamma, parameters);
  checkSpend(caller, x, meanSpend);
  const spend = x === 0 ? 0 : meanSpend;
  const { p, q, v } = parameters;
  if (p * x + q <= 1) {
    throw new ClvError("number", `\`${caller}\` requires p x + q > 1 for the expected spend to exist; got ${p * x + q}`);
  }
  return (p * (v + x * spend)) / (p * x + q - 1);
}

/**
 * Checks one customer's spend summary: x a whole number of 0 or more and, when x > 0, a mean spend of
 * 0 or more (for x = 0 the mean spend is ignored).
 *
 * @param caller - the public function's name, for the message
 * @throws ClvError `value`, e.g. "`conditionalExpectedSpend` requires a mean spend of 0 or more; got -5"
 * @example checkSpend("conditionalExpectedSpend", 2, 22.35) // passes
 */
export function checkSpend(caller: string, x: number, meanSpend: number): void {
  check(caller, Number.isInteger(x) && x >= 0, "a frequency that is a whole number of 0 or more", x);
  check(caller, x === 0 || (meanSpend >= 0 && Number.isFinite(meanSpend)), "a mean spend of 0 or more", meanSpend);
}

/** For `fitRescaled`'s `sample`: the log-likelihood of every k-th buyer, `WARM_START_SIZE` in all, or undefined for fewer buyers. */
function buyerSample(x: Float64Array, m: Float64Array, w: Float64Array): { scaledLogLikelihood: LogLikelihood; totalWeight: number } | undefined {
  if (x.length <= WARM_START_SIZE) return undefined;
  const step = Math.ceil(x.length / WARM_START_SIZE);
  const every = (values: Float64Array) => Float64Array.from({ length: Math.ceil(values.length / step) }, (_, k) => values[k * step]);
  const weights = every(w);
  return { scaledLogLikelihood: gammaGammaLogLikelihoodOf(every(x), every(m), weights), totalWeight: weights.reduce((sum, value) => sum + value, 0) };
}

/** The Gamma-Gamma log-likelihood of repeat buyers (x > 0, m > 0) with weights, and its gradient in (p, q, v). */
function gammaGammaLogLikelihoodOf(x: Float64Array, m: Float64Array, w: Float64Array): LogLikelihood {
  const byFrequency = distinctIndex(x);
  const xs = byFrequency.values;
  const weightByFrequency = new Float64Array(xs.length);
  let weightedLogSpend = 0; // sum w log m, needed for the (px - 1) log m term per x
  const logSpendByFrequency = new Float64Array(xs.length);
  for (let i = 0; i < x.length; i++) {
    const k = byFrequency.index[i];
    const weightedLog = w[i] * Math.log(m[i]);
    weightByFrequency[k] += w[i];
    logSpendByFrequency[k] += weightedLog;
    weightedLogSpend += weightedLog;
  }
  return (parameters, gradient) => {
    const p = parameters[0], q = parameters[1], v = parameters[2];
    const logV = Math.log(v);
    const logGammaQ = logGamma(q), digammaQ = digamma(q);
    const total = new CompensatedSum();
    total.add(-weightedLogSpend);
    let dP = 0, dQ = 0, dV = 0;
    for (let k = 0; k < xs.length; k++) {
      const W = weightByFrequency[k], xk = xs[k], px = p * xk;
      const digammaPXQ = digamma(px + q), logX = Math.log(xk);
      total.add(W * (logGamma(px + q) - logGamma(px) - logGammaQ + q * logV + px * logX) + px * logSpendByFrequency[k]);
      dP += xk * (W * (digammaPXQ - digamma(px) + logX) + logSpendByFrequency[k]);
      dQ += W * (digammaPXQ - digammaQ + logV);
      dV += (W * q) / v;
    }
    for (let i = 0; i < x.length; i++) {
      const logTotal = Math.log(v + x[i] * m[i]);
      const share = w[i] * (p * x[i] + q);
      total.add(-share * logTotal);
      dP -= w[i] * x[i] * logTotal;
      dQ -= w[i] * logTotal;
      dV -= share / (v + x[i] * m[i]);
    }
    gradient[0] = dP;
    gradient[1] = dQ;
    gradient[2] = dV;
    return total.value;
  };
}
