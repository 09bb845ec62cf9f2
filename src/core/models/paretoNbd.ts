import {
  type CustomerData,
  type GroupedCustomers,
  type PurchaseCountModel,
  checkCustomer,
  distinctIndex,
  fitPurchaseCounts,
  purchaseCountLogLikelihood,
} from "./customerData";
import type { FitOptions, FitResult, LogLikelihood } from "./maximumLikelihood";
import { MODEL_NAMES } from "./modelNames";
import { CompensatedSum } from "./numeric/compensatedSum";
import { logHyp2f1One } from "./numeric/logHyp2f1One";
import { log1pExp, logistic, powerDifferenceRatio } from "./numeric/logSpace";
import { checkHorizon, checkParameters } from "./parameterChecks";
import { digamma, logGamma } from "./numeric/special";

/**
 * The Pareto/NBD model's parameters (Schmittlein, Morrison & Colombo 1987, "Counting your customers:
 * who are they and what will they do next?", Management Science 33(1)): while alive, a customer buys
 * as a Poisson process with rate lambda ~ Gamma(shape r, rate alpha) and dies after an exponential
 * lifetime with rate mu ~ Gamma(shape s, rate beta). `alpha` and `beta` are in the data's time unit.
 */
export type ParetoNbdParameters = {
  r: number;
  alpha: number;
  s: number;
  beta: number;
};

/** What the shared fit and likelihood (see `fitPurchaseCounts`) need to know about Pareto/NBD. */
const PARETO_NBD: PurchaseCountModel<ParetoNbdParameters> = {
  model: MODEL_NAMES.pareto,
  names: ["r", "alpha", "s", "beta"],
  carriesUnit: [false, true, false, true],
  logLikelihoodOf: paretoGroupedLogLikelihood,
  toParameters: ([r, alpha, s, beta]) => ({ r, alpha, s, beta }),
};

/*
 * The likelihood, after Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related
 * expressions", eq. (22):
 *   L = G(r+x) alpha^r beta^s / G(r) * [ (alpha+T)^-(r+x) (beta+T)^-s + s (I(t_x) - I(T)) ],
 *   I(u) = integral from u to infinity of (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau,
 * where I(u) is their A_0 term: (max(alpha,beta)+u)^-(r+s+x) 2F1(r+s+x, s+1 or r+x; r+s+x+1; z_u) / (r+s+x)
 * with z_u = |alpha-beta| / (max(alpha,beta)+u) (the alpha >= beta and alpha < beta cases). Euler's
 * transformation (DLMF 15.8.1) turns both cases into 2F1(1, b; c; z) with 0 < b < c, a positive series:
 *   alpha >= beta: s I(u) / E_T = (s/A) R_u H_u, H_u = 2F1(1, r+x; A+1; z_u),
 *   alpha <  beta: s I(u) / E_T = (s/A) R_u H_u, H_u = (alpha+u)/(beta+u) 2F1(1, s+1; A+1; z_u),
 * with A = r+s+x, E_T = (alpha+T)^-(r+x) (beta+T)^-s and R_u = E_u / E_T. So
 *   L = G(r+x) alpha^r beta^s / G(r) E_T (1 + K),  K = (s/A) H_T (e^Delta - 1),  Delta = log R_tx + log H_tx - log H_T,
 * where K >= 0 is the odds that the customer died at some time in (t_x, T], so P(alive) = 1 / (1 + K).
 * Everything is evaluated in log space, so no term under- or overflows.
 */

/** Slots of a log H gradient: derivatives in r, alpha, s, beta. */
const GRADIENT_LENGTH = 4;

/**
 * log H_u (see above) for a customer with x repeat purchases at time u, and optionally its gradient in
 * (r, alpha, s, beta). `scratch` receives the 2F1 derivatives (length >= 3).
 */
function logH(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  u: number,
  gradient?: Float64Array,
  offset = 0,
  scratch?: Float64Array
): number {
  const c = r + s + x + 1;
  if (alpha >= beta) {
    const span = alpha + u;
    const z = (alpha - beta) / span;
    const value = logHyp2f1One(r + x, c, z, scratch);
    if (gradient !== undefined && scratch !== undefined) {
      const [dB, dC, dZ] = scratch;
      gradient[offset] = dB + dC;
      gradient[offset + 1] = (dZ * (beta + u)) / (span * span);
      gradient[offset + 2] = dC;
      gradient[offset + 3] = -dZ / span;
    }
    return value;
  }
  const span = beta + u;
  const z = (beta - alpha) / span;
  const value = logHyp2f1One(s + 1, c, z, scratch) + Math.log((alpha + u) / span);
  if (gradient !== undefined && scratch !== undefined) {
    const [dB, dC, dZ] = scratch;
    gradient[offset] = dC;
    gradient[offset + 1] = 1 / (alpha + u) - dZ / span;
    gradient[offset + 2] = dB + dC;
    gradient[offset + 3] = (dZ * (alpha + u)) / (span * span) - 1 / span;
  }
  return value;
}

/** log(e^Delta - 1) for Delta > 0, without overflow or cancellation. */
function logExpm1(delta: number): number {
  return delta > 1 ? delta + Math.log1p(-Math.exp(-delta)) : Math.log(Math.expm1(delta));
}

/** log K, the log-odds that the customer is dead (see above); -Infinity when t_x = T. */
function logOddsDead({ r, alpha, s, beta }: ParetoNbdParameters, x: number, recency: number, T: number): number {
  if (recency === T) return Number.NEGATIVE_INFINITY;
  const logRatio =
    (r + x) * Math.log1p((T - recency) / (alpha + recency)) + s * Math.log1p((T - recency) / (beta + recency));
  const logHT = logH(r, alpha, s, beta, x, T);
  const delta = logRatio + logH(r, alpha, s, beta, x, recency) - logHT;
  return Math.log(s / (r + s + x)) + logHT + logExpm1(delta);
}

/**
 * Total Pareto/NBD log-likelihood of the customers (Fader & Hardie 2005 note, eq. 22, evaluated in log
 * space as described in this file), summed with weights. A density in time: it depends on the unit.
 * Cost O(distinct customers), each a continued fraction of ~10-500 steps.
 *
 * @throws ClvError `value` for non-positive parameters or a bad customer (see {@link groupCustomers})
 * @example paretoNbdLogLikelihood({ r: 1, alpha: 1, s: 1, beta: 1 }, { frequency: [0], recency: [0], T: [1] }) // -0.6931471805599453 (log 1/2)
 */
export function paretoNbdLogLikelihood(parameters: ParetoNbdParameters, data: CustomerData): number {
  return purchaseCountLogLikelihood("paretoNbdLogLikelihood", PARETO_NBD, parameters, data);
}

/**
 * Fits the Pareto/NBD model by maximum likelihood with BFGS on log-parameters and an analytic gradient
 * (through the 2F1 terms), on time rescaled so the largest T is 1, then scales alpha and beta back.
 * Cost: about 30 evaluations of O(distinct customers), run on a sample of 5,000 when there are more,
 * then about 5 on all of them (see `fitRescaled`'s `sample`); the 23,570-customer CDNOW cohort in days
 * takes about 0.1 s (lifetimes: ~8 s).
 *
 * @returns parameters (alpha, beta in the data's time unit), total log-likelihood, convergence,
 *   iterations and warnings. Never throws for data that cannot be fitted.
 * @throws ClvError `value` for invalid data, naming the customer
 * @example fitParetoNbd(cdnowWeeks).parameters // { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }
 */
export function fitParetoNbd(data: CustomerData, options: FitOptions = {}): FitResult<ParetoNbdParameters> {
  return fitPurchaseCounts("fitParetoNbd", PARETO_NBD, data, options);
}

/**
 * P(alive | x, t_x, T) under Pareto/NBD = 1 / (1 + K) (Schmittlein, Morrison & Colombo 1987 eq. 11;
 * Fader & Hardie 2005 note eq. 18), with K as in this file. Cost O(1) plus two continued fractions.
 *
 * @throws ClvError `value` for non-positive parameters or an invalid customer
 * @example paretoNbdProbabilityAlive({ r: 0.5533, alpha: 10.58, s: 0.6062, beta: 11.67 }, 26, 30.86, 31) // 0.9979
 */
export function paretoNbdProbabilityAlive(parameters: ParetoNbdParameters, x: number, recency: number, T: number): number {
  checkParameters("probabilityAlive", MODEL_NAMES.pareto, parameters);
  checkCustomer("probabilityAlive", x, recency, T);
  return logistic(-logOddsDead(parameters, x, recency, T));
}

/**
 * P(alive | x, t_x, T) of every customer ({@link paretoNbdProbabilityAlive} for each), the parameters
 * checked once rather than per customer. Cost O(customers), each a continued fraction as in the likelihood.
 *
 * @throws ClvError `value` for non-positive parameters or an invalid customer
 * @example paretoNbdProbabilitiesAlive({ r: 0.5533, alpha: 10.58, s: 0.6062, beta: 11.67 }, { frequency: [26], recency: [30.86], T: [31] }) // Float64Array [0.9979]
 */
export function paretoNbdProbabilitiesAlive(parameters: ParetoNbdParameters, customers: CustomerData): Float64Array {
  checkParameters("probabilitiesAlive", MODEL_NAMES.pareto, parameters);
  const { frequency, recency, T } = customers;
  const alive = new Float64Array(frequency.length);
  for (let i = 0; i < alive.length; i++) {
    checkCustomer("probabilitiesAlive", frequency[i], recency[i], T[i]);
    alive[i] = logistic(-logOddsDead(parameters, frequency[i], recency[i], T[i]));
  }
  return alive;
}

/**
 * E[X(t)] under Pareto/NBD, expected repeat purchases in (0, t] of a new customer:
 * r beta / (alpha (s - 1)) [1 - (beta / (beta + t))^(s - 1)] (Schmittlein, Morrison & Colombo 1987
 * eq. 17; Fader & Hardie 2005 note eq. 27), with its limit (r beta / alpha) log(1 + t / beta) at s = 1.
 * Cost O(1).
 *
 * @param t - horizon in the unit of alpha and beta
 * @throws ClvError `value` for non-positive parameters or t < 0
 * @example paretoNbdExpectedPurchases({ r: 1, alpha: 1, s: 2, beta: 1 }, 1) // 0.5 (1 * 1 / (1 * 1) * (1 - 1/2))
 */
export function paretoNbdExpectedPurchases(parameters: ParetoNbdParameters, t: number): number {
  checkParameters("expectedPurchases", MODEL_NAMES.pareto, parameters);
  checkHorizon("expectedPurchases", t);
  const { r, alpha, s, beta } = parameters;
  return ((r * beta) / alpha) * powerDifferenceRatio(s - 1, Math.log1p(t / beta));
}

/**
 * E[Y(t) | x, t_x, T] under Pareto/NBD: P(alive) (r + x)(beta + T) / ((alpha + T)(s - 1))
 * [1 - ((beta + T)/(beta + T + t))^(s - 1)] (Schmittlein, Morrison & Colombo 1987 eq. 22; Fader &
 * Hardie 2005 note eq. 41), with its s = 1 limit. Cost O(1) plus two continued fractions.
 *
 * @param t - horizon after T, in the unit of alpha and beta
 * @throws ClvError `value` for non-positive parameters, t < 0 or an invalid customer
 * @example paretoNbdConditionalExpectedPurchases({ r: 0.5533, alpha: 10.58, s: 0.6062, beta: 11.67 }, 52, 26, 30.86, 31) // 25.46
 */
export function paretoNbdConditionalExpectedPurchases(
  parameters: ParetoNbdParameters,
  t: number,
  x: number,
  recency: number,
  T: number
): number {
  const caller = "conditionalExpectedPurchases";
  checkParameters(caller, MODEL_NAMES.pareto, parameters);
  checkHorizon(caller, t);
  checkCustomer(caller, x, recency, T);
  return paretoNbdPurchasesWhileAlive(parameters, t, x, T) * logistic(-logOddsDead(parameters, x, recency, T));
}

/**
 * E[Y(t) | x, T, alive]: expected repeat purchases in the next t periods of a customer with x repeat
 * purchases and age T who is alive now, (r + x)(beta + T) / ((alpha + T)(s - 1))
 * [1 - ((beta + T)/(beta + T + t))^(s - 1)] (Fader & Hardie 2005 note eq. 41 without P(alive)). Does
 * not check its inputs: for callers that have. Cost O(1).
 *
 * @example paretoNbdPurchasesWhileAlive({ r: 1, alpha: 1, s: 2, beta: 1 }, 1, 0, 0) // 0.5
 */
export function paretoNbdPurchasesWhileAlive(parameters: ParetoNbdParameters, t: number, x: number, T: number): number {
  const { r, alpha, s, beta } = parameters;
  return (((r + x) * (beta + T)) / (alpha + T)) * powerDifferenceRatio(s - 1, Math.log1p(t / (beta + T)));
}

/**
 * The Pareto/NBD log-likelihood of grouped customers as a function of (r, alpha, s, beta), with its
 * analytic gradient. log H is computed once per distinct (x, t_x) and (x, T) pair, the x-only terms
 * once per distinct x.
 */
function paretoGroupedLogLikelihood(groups: GroupedCustomers): LogLikelihood {
  const { count, frequency, recency, T, weight, frequencyIndex, recencyIndex, ageIndex } = groups;
  const { distinctFrequency, distinctRecency, distinctAge } = groups;
  const weightByFrequency = new Float64Array(distinctFrequency.length);
  for (let g = 0; g < count; g++) weightByFrequency[frequencyIndex[g]] += weight[g];
  const recencyPairs = distinctIndex(
    Float64Array.from(frequencyIndex, (k, g) => k * distinctRecency.length + recencyIndex[g])
  );
  const agePairs = distinctIndex(Float64Array.from(frequencyIndex, (k, g) => k * distinctAge.length + ageIndex[g]));
  const pairTime = (pairs: { values: Float64Array }, times: Float64Array) =>
    Array.from(pairs.values, (key) => [distinctFrequency[Math.floor(key / times.length)], times[key % times.length]]);
  const recencyPairValues = pairTime(recencyPairs, distinctRecency);
  const agePairValues = pairTime(agePairs, distinctAge);
  const logHRecency = new Float64Array(recencyPairValues.length);
  const logHAge = new Float64Array(agePairValues.length);
  const gradientHRecency = new Float64Array(recencyPairValues.length * GRADIENT_LENGTH);
  const gradientHAge = new Float64Array(agePairValues.length * GRADIENT_LENGTH);
  const scratch = new Float64Array(3);

  return (parameters, gradient) => {
    const r = parameters[0], alpha = parameters[1], s = parameters[2], beta = parameters[3];
    const logAlpha = Math.log(alpha), logBeta = Math.log(beta);
    const logGammaR = logGamma(r), digammaR = digamma(r);
    const total = new CompensatedSum();
    let dR = 0, dAlpha = 0, dS = 0, dBeta = 0;
    // log of G(r+x) alpha^r beta^s / G(r), per distinct x.
    for (let k = 0; k < distinctFrequency.length; k++) {
      const w = weightByFrequency[k];
      if (w === 0) continue;
      const x = distinctFrequency[k];
      total.add(w * (logGamma(r + x) - logGammaR + r * logAlpha + s * logBeta));
      dR += w * (digamma(r + x) - digammaR + logAlpha);
      dAlpha += (w * r) / alpha;
      dS += w * logBeta;
      dBeta += (w * s) / beta;
    }
    recencyPairValues.forEach(([x, u], i) => {
      logHRecency[i] = logH(r, alpha, s, beta, x, u, gradientHRecency, i * GRADIENT_LENGTH, scratch);
    });
    agePairValues.forEach(([x, u], i) => {
      logHAge[i] = logH(r, alpha, s, beta, x, u, gradientHAge, i * GRADIENT_LENGTH, scratch);
    });
    for (let g = 0; g < count; g++) {
      const w = weight[g], x = frequency[g], t = recency[g], age = T[g];
      const rx = r + x;
      const alphaT = alpha + age, betaT = beta + age;
      // log E_T = -(r+x) log(alpha+T) - s log(beta+T)
      total.add(-w * (rx * Math.log(alphaT) + s * Math.log(betaT)));
      dR -= w * Math.log(alphaT);
      dAlpha -= (w * rx) / alphaT;
      dS -= w * Math.log(betaT);
      dBeta -= (w * s) / betaT;
      if (t === age) continue; // K = 0: no time in which to die unseen
      const alphaLog = Math.log1p((age - t) / (alpha + t));
      const betaLog = Math.log1p((age - t) / (beta + t));
      const hr = recencyPairs.index[g], ha = agePairs.index[g];
      const logHT = logHAge[ha];
      const delta = rx * alphaLog + s * betaLog + logHRecency[hr] - logHT;
      if (!(delta > 0)) continue; // t_x within rounding of T
      const A = r + s + x;
      const logK = Math.log(s / A) + logHT + logExpm1(delta);
      total.add(w * log1pExp(logK));
      // d log K = d log(s/A) + d log H_T + d Delta / (1 - e^-Delta), weighted by K / (1 + K).
      const share = w * logistic(logK);
      const spread = 1 / -Math.expm1(-delta);
      const gr = hr * GRADIENT_LENGTH, ga = ha * GRADIENT_LENGTH;
      const hT0 = gradientHAge[ga], hT1 = gradientHAge[ga + 1], hT2 = gradientHAge[ga + 2], hT3 = gradientHAge[ga + 3];
      dR += share * (-1 / A + hT0 + spread * (alphaLog + gradientHRecency[gr] - hT0));
      dAlpha += share * (hT1 + spread * (rx * (1 / alphaT - 1 / (alpha + t)) + gradientHRecency[gr + 1] - hT1));
      dS += share * (1 / s - 1 / A + hT2 + spread * (betaLog + gradientHRecency[gr + 2] - hT2));
      dBeta += share * (hT3 + spread * (s * (1 / betaT - 1 / (beta + t)) + gradientHRecency[gr + 3] - hT3));
    }
    gradient[0] = dR;
    gradient[1] = dAlpha;
    gradient[2] = dS;
    gradient[3] = dBeta;
    return total.value;
  };
}
