import { ClvError } from "../errors";
import {
  type CustomerData,
  type GroupedCustomers,
  type PurchaseCountModel,
  checkCustomer,
  fitPurchaseCounts,
  purchaseCountLogLikelihood,
} from "./customerData";
import type { FitOptions, FitResult, LogLikelihood } from "./maximumLikelihood";
import { MODEL_NAMES } from "./modelNames";
import { CompensatedSum } from "./numeric/compensatedSum";
import { logistic } from "./numeric/logSpace";
import { checkHorizon, checkParameters } from "./parameterChecks";
import { digamma, hyp2f1, logGamma } from "./numeric/special";

/**
 * The BG/NBD model's parameters (Fader, Hardie & Lee 2005, "Counting your customers the easy way",
 * Marketing Science 24(2)): while alive, a customer buys as a Poisson process with rate
 * lambda ~ Gamma(shape r, rate alpha); after each repeat purchase the customer drops out with
 * probability p ~ Beta(a, b). `alpha` is in the data's time unit (days, weeks...); r, a, b have none.
 */
export type BgNbdParameters = {
  r: number;
  alpha: number;
  a: number;
  b: number;
};

/** What the shared fit and likelihood (see `fitPurchaseCounts`) need to know about BG/NBD. */
const BG_NBD: PurchaseCountModel<BgNbdParameters> = {
  model: MODEL_NAMES.bgnbd,
  names: ["r", "alpha", "a", "b"],
  carriesUnit: [false, true, false, false],
  logLikelihoodOf: bgNbdGroupedLogLikelihood,
  toParameters: ([r, alpha, a, b]) => ({ r, alpha, a, b }),
};

/**
 * Total BG/NBD log-likelihood of the customers, FHL 2005 eq. (6):
 * L = B(a, b+x)/B(a, b) G(r+x) alpha^r / (G(r) (alpha+T)^(r+x))
 *   + [x > 0] B(a+1, b+x-1)/B(a, b) G(r+x) alpha^r / (G(r) (alpha+t_x)^(r+x)),
 * summed in log space with customers' weights. It is a density in time, so it depends on the time
 * unit (converting weeks to days subtracts sum(x) log 7). Cost O(distinct customers).
 *
 * @throws ClvError `value` for non-positive parameters or a bad customer (see {@link groupCustomers})
 * @example bgNbdLogLikelihood({ r: 1, alpha: 1, a: 1, b: 1 }, { frequency: [0], recency: [0], T: [1] }) // -0.6931471805599453 (log 1/2)
 */
export function bgNbdLogLikelihood(parameters: BgNbdParameters, data: CustomerData): number {
  return purchaseCountLogLikelihood("bgNbdLogLikelihood", BG_NBD, parameters, data);
}

/**
 * Fits the BG/NBD model by maximum likelihood (FHL 2005 eq. 6) with BFGS on log-parameters and an
 * analytic gradient, on time rescaled so the largest T is 1 (as lifetimes does), then scales alpha back
 * to the data's unit. Identical customers are merged first. Cost: about 20 likelihood evaluations of
 * O(distinct customers) each; above 5,000 distinct customers, those run on a sample of 5,000 and the
 * fit on all of them starts from there, in about 4 more (see `fitRescaled`'s `sample`).
 *
 * @returns parameters (alpha in the data's time unit), total log-likelihood on the data's unit,
 *   convergence, iterations and warnings (no repeat purchases, fewer customers than parameters,
 *   a parameter running off to 0 or infinity). Never throws for data that cannot be fitted.
 * @throws ClvError `value` for invalid data (NaN, negative x, t_x > T...), naming the customer
 * @example fitBgNbd(cdnowWeeks).parameters // { r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 } (FHL 2005)
 */
export function fitBgNbd(data: CustomerData, options: FitOptions = {}): FitResult<BgNbdParameters> {
  return fitPurchaseCounts("fitBgNbd", BG_NBD, data, options);
}

/**
 * P(alive | x, t_x, T) under BG/NBD: 1 for x = 0, else
 * 1 / (1 + a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)) (FHL 2005, appendix; Fader, Hardie &
 * Lee 2008 note "Computing P(alive) using the BG/NBD model" eq. 2). Cost O(1).
 *
 * @param x - repeat purchases; recency t_x and age T in the unit of alpha
 * @throws ClvError `value` for non-positive parameters or an invalid customer
 * @example bgNbdProbabilityAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 30.43, 38.86) // 0.7266 (FHL 2005)
 */
export function bgNbdProbabilityAlive(parameters: BgNbdParameters, x: number, recency: number, T: number): number {
  checkParameters("probabilityAlive", MODEL_NAMES.bgnbd, parameters);
  checkCustomer("probabilityAlive", x, recency, T);
  return aliveProbability(parameters, x, recency, T);
}

/**
 * P(alive | x, t_x, T) of every customer ({@link bgNbdProbabilityAlive} for each), the parameters
 * checked once rather than per customer. Cost O(customers).
 *
 * @throws ClvError `value` for non-positive parameters or an invalid customer
 * @example bgNbdProbabilitiesAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { frequency: [0, 2], recency: [0, 30.43], T: [38.86, 38.86] }) // Float64Array [1, 0.7266] (FHL 2005)
 */
export function bgNbdProbabilitiesAlive(parameters: BgNbdParameters, customers: CustomerData): Float64Array {
  checkParameters("probabilitiesAlive", MODEL_NAMES.bgnbd, parameters);
  const { frequency, recency, T } = customers;
  const alive = new Float64Array(frequency.length);
  for (let i = 0; i < alive.length; i++) {
    checkCustomer("probabilitiesAlive", frequency[i], recency[i], T[i]);
    alive[i] = aliveProbability(parameters, frequency[i], recency[i], T[i]);
  }
  return alive;
}

/**
 * E[X(t)], expected repeat purchases in (0, t] of a customer picked at random at their first purchase,
 * FHL 2005 eq. (9): (a + b - 1)/(a - 1) [1 - (alpha/(alpha + t))^r 2F1(r, b; a + b - 1; t/(alpha + t))].
 * Evaluated after Euler's transformation (DLMF 15.8.1) as
 * (a + b - 1)/(a - 1) [1 - (alpha/(alpha + t))^(a - 1) 2F1(a + b - 1 - r, a - 1; a + b - 1; t/(alpha + t))],
 * which cannot overflow, and interpolated across the removable singularity at a = 1. Cost O(1).
 *
 * @param t - horizon in the unit of alpha
 * @throws ClvError `value` for non-positive parameters or t < 0; `number` where the formula has no
 *   finite value (a + b = 1, a pole of the hypergeometric function)
 * @example bgNbdExpectedPurchases({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }, 78) // 1.858 (FHL 2005, weeks)
 */
export function bgNbdExpectedPurchases(parameters: BgNbdParameters, t: number): number {
  checkParameters("expectedPurchases", MODEL_NAMES.bgnbd, parameters);
  checkHorizon("expectedPurchases", t);
  const { r, alpha, a, b } = parameters;
  return finite("expectedPurchases", expectedWhileAlive(r, alpha, a, b, t));
}

/**
 * E[Y(t) | x, t_x, T], expected repeat purchases in the next t periods of a customer with history
 * (x, t_x, T), FHL 2005 eq. (10): the unconditional formula with r, alpha, b updated to r + x,
 * alpha + T, b + x, times P(alive | x, t_x, T). Cost O(1).
 *
 * @param t - horizon after T, in the unit of alpha; x, t_x, T as for {@link bgNbdProbabilityAlive}
 * @throws ClvError `value` for non-positive parameters, t < 0 or an invalid customer; `number` where no
 *   finite value exists
 * @example bgNbdConditionalExpectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 30.43, 38.86) // 1.226 (FHL 2005)
 */
export function bgNbdConditionalExpectedPurchases(
  parameters: BgNbdParameters,
  t: number,
  x: number,
  recency: number,
  T: number
): number {
  const caller = "conditionalExpectedPurchases";
  checkParameters(caller, MODEL_NAMES.bgnbd, parameters);
  checkHorizon(caller, t);
  checkCustomer(caller, x, recency, T);
  return bgNbdPurchasesWhileAlive(parameters, t, x, T) * aliveProbability(parameters, x, recency, T);
}

/**
 * E[Y(t) | x, T, alive]: expected repeat purchases in the next t periods of a customer with x repeat
 * purchases and age T who is alive now - FHL 2005 eq. (10) without its P(alive) factor. Does not check
 * its inputs: for callers that have (the CLV sums it over months). Cost O(1).
 *
 * @throws ClvError `number` where no finite value exists (a + b = 1)
 * @example bgNbdPurchasesWhileAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 38.86) // 1.687 (= 1.226 / 0.7266)
 */
export function bgNbdPurchasesWhileAlive(parameters: BgNbdParameters, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = parameters;
  return finite("conditionalExpectedPurchases", expectedWhileAlive(r + x, alpha + T, a, b + x, t));
}

function aliveProbability({ r, alpha, a, b }: BgNbdParameters, x: number, recency: number, T: number): number {
  if (x === 0) return 1;
  const logOddsDead = Math.log(a / (b + x - 1)) + (r + x) * Math.log1p((T - recency) / (alpha + recency));
  return logistic(-logOddsDead);
}

/** |a - 1| below which E[X(t)] is interpolated between a = 1 - h and 1 + h (error O(h^2) ~ 1e-8 relative). */
const NEAR_ONE = 1e-4;

/** Expected purchases in (0, t] of a customer alive at 0: FHL 2005 eq. (9) in (r, alpha, a, b). */
function expectedWhileAlive(r: number, alpha: number, a: number, b: number, t: number): number {
  if (t === 0) return 0;
  if (Math.abs(a - 1) >= NEAR_ONE) return expectedWhileAliveAwayFromOne(r, alpha, a, b, t);
  const below = expectedWhileAliveAwayFromOne(r, alpha, 1 - NEAR_ONE, b, t);
  const above = expectedWhileAliveAwayFromOne(r, alpha, 1 + NEAR_ONE, b, t);
  return below + ((above - below) * (a - (1 - NEAR_ONE))) / (2 * NEAR_ONE);
}

function expectedWhileAliveAwayFromOne(r: number, alpha: number, a: number, b: number, t: number): number {
  const c = a + b - 1;
  const logOneMinusZ = -Math.log1p(t / alpha);
  const hypergeometric = hyp2f1(c - r, a - 1, c, t / (alpha + t));
  return (c / (a - 1)) * (1 - Math.exp((a - 1) * logOneMinusZ) * hypergeometric);
}

function finite(caller: string, value: number): number {
  if (!Number.isFinite(value)) {
    throw new ClvError("number", `\`${caller}\` has no finite value for these ${MODEL_NAMES.bgnbd} parameters (a + b = 1?)`);
  }
  return value;
}

/**
 * The BG/NBD log-likelihood of grouped customers as a function of (r, alpha, a, b), with its analytic
 * gradient. Per customer, with D = log(a / (b + x - 1)) + (r + x) log((alpha + T)/(alpha + t_x)):
 * log L = log G(r+x) - log G(r) + r log alpha + log B(a, b+x) - log B(a, b) - (r+x) log(alpha+T)
 *         + [x > 0] log(1 + e^D),
 * the terms in x alone computed once per distinct x, the terms in T alone (with their weights and
 * purchases summed) once per distinct T, the log of alpha + t_x once per distinct value: only
 * log(1 + e^D) is left per group of repeat buyers.
 */
function bgNbdGroupedLogLikelihood(groups: GroupedCustomers): LogLikelihood {
  const { count, frequency, weight, frequencyIndex, recencyIndex, ageIndex } = groups;
  const { distinctFrequency, distinctRecency, distinctAge } = groups;
  const weightByFrequency = new Float64Array(distinctFrequency.length);
  const weightByAge = new Float64Array(distinctAge.length);
  const purchasesByAge = new Float64Array(distinctAge.length);
  for (let g = 0; g < count; g++) {
    weightByFrequency[frequencyIndex[g]] += weight[g];
    weightByAge[ageIndex[g]] += weight[g];
    purchasesByAge[ageIndex[g]] += weight[g] * frequency[g];
  }
  const logOddsBase = new Float64Array(distinctFrequency.length);
  const inverseBx = new Float64Array(distinctFrequency.length);
  const logAge = new Float64Array(distinctAge.length);
  const inverseAge = new Float64Array(distinctAge.length);
  const logRecency = new Float64Array(distinctRecency.length);
  const inverseRecency = new Float64Array(distinctRecency.length);

  return (parameters, gradient) => {
    const r = parameters[0], alpha = parameters[1], a = parameters[2], b = parameters[3];
    const logAlpha = Math.log(alpha);
    const logGammaR = logGamma(r), logGammaB = logGamma(b), logGammaAB = logGamma(a + b);
    const digammaR = digamma(r), digammaB = digamma(b), digammaAB = digamma(a + b);
    const total = new CompensatedSum();
    let dR = 0, dAlpha = 0, dA = 0, dB = 0;
    for (let k = 0; k < distinctFrequency.length; k++) {
      const x = distinctFrequency[k];
      logOddsBase[k] = Math.log(a) - Math.log(b + x - 1);
      inverseBx[k] = 1 / (b + x - 1);
      const w = weightByFrequency[k];
      if (w === 0) continue;
      const logGammaABX = logGamma(a + b + x), digammaABX = digamma(a + b + x);
      total.add(w * (logGamma(r + x) - logGammaR + r * logAlpha + logGammaAB + logGamma(b + x) - logGammaB - logGammaABX));
      dR += w * (digamma(r + x) - digammaR + logAlpha);
      dAlpha += (w * r) / alpha;
      dA += w * (digammaAB - digammaABX);
      dB += w * (digammaAB + digamma(b + x) - digammaB - digammaABX);
    }
    for (let j = 0; j < distinctAge.length; j++) {
      logAge[j] = Math.log(alpha + distinctAge[j]);
      inverseAge[j] = 1 / (alpha + distinctAge[j]);
      // -(r + x) log(alpha + T), summed over the customers of this T.
      const weightedRx = r * weightByAge[j] + purchasesByAge[j];
      total.add(-weightedRx * logAge[j]);
      dR -= weightByAge[j] * logAge[j];
      dAlpha -= weightedRx * inverseAge[j];
    }
    for (let j = 0; j < distinctRecency.length; j++) {
      logRecency[j] = Math.log(alpha + distinctRecency[j]);
      inverseRecency[j] = 1 / (alpha + distinctRecency[j]);
    }
    let shares = 0;
    for (let g = 0; g < count; g++) {
      const x = frequency[g];
      if (x === 0) continue;
      const w = weight[g], rx = r + x, k = frequencyIndex[g];
      const logA = logAge[ageIndex[g]], inverseA = inverseAge[ageIndex[g]];
      const logR = logRecency[recencyIndex[g]], inverseR = inverseRecency[recencyIndex[g]];
      const logOdds = logOddsBase[k] + rx * (logA - logR);
      // log(1 + e^logOdds) and its derivative logistic(logOdds), sharing one exponential.
      const small = Math.exp(-Math.abs(logOdds));
      const share = (w * (logOdds >= 0 ? 1 : small)) / (1 + small);
      total.add(w * (Math.max(logOdds, 0) + Math.log1p(small)));
      dR += share * (logA - logR);
      dAlpha += share * rx * (inverseA - inverseR);
      shares += share;
      dB -= share * inverseBx[k];
    }
    gradient[0] = dR;
    gradient[1] = dAlpha;
    gradient[2] = dA + shares / a;
    gradient[3] = dB;
    return total.value;
  };
}
