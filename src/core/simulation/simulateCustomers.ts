import { ensure } from "../errors";
import type { CustomerData } from "../models/customerData";
import type { GammaGammaParameters } from "../models/gammaGamma";
import { MODEL_NAMES } from "../models/modelNames";
import { checkParameters } from "../models/parameterChecks";
import type { PurchaseModel } from "../models/purchaseModel";
import { type Random, createRandom } from "./random";
import { sampleBeta, sampleExponential, sampleGamma, sampleGeometric } from "./samplers";

/** What to simulate: a purchase model, optionally a spend model, each customer's observation length. */
export interface SimulationOptions {
  /** BG/NBD or Pareto/NBD with known parameters; times are in the unit of its alpha (and beta). */
  model: PurchaseModel;
  /** Gamma-Gamma parameters for the value of each purchase; without them no spends are drawn. */
  spend?: GammaGammaParameters;
  /** T for each customer: time from the first purchase to the end of observation, 0 or more. */
  ages: ArrayLike<number>;
  /** Seed of the random stream (a whole number): the same options always give the same customers. */
  seed: number;
}

/** One simulated customer's history over the observation window [0, T]. */
export interface SimulatedCustomer {
  /** Time from the first purchase to the end of observation. */
  T: number;
  /** Times of all purchases, the first at 0, increasing, none after T. */
  purchaseTimes: number[];
  /** Value of each purchase, in the order of `purchaseTimes`; empty without a spend model. */
  spends: number[];
  /** Whether the customer is still alive at T (known only in a simulation). */
  aliveAtEnd: boolean;
}

/**
 * Simulates customers from a purchase model's generative story, one per entry of `ages`, each from a
 * first purchase at time 0 to T:
 * - BG/NBD (Fader, Hardie & Lee 2005, section 2): lambda ~ Gamma(r, alpha), p ~ Beta(a, b); purchases
 *   come as a Poisson process with rate lambda and the customer drops out right after the J-th repeat
 *   purchase, J ~ Geometric(p);
 * - Pareto/NBD (Schmittlein, Morrison & Colombo 1987): lambda ~ Gamma(r, alpha), mu ~ Gamma(s, beta);
 *   Poisson purchases with rate lambda until an exponential lifetime with rate mu ends;
 * - with `spend` (Gamma-Gamma, Fader, Hardie & Lee 2005 "RFM and CLV"): nu ~ Gamma(q, v) per customer,
 *   each purchase's value ~ Gamma(p, nu).
 * Cost O(customers + purchases).
 *
 * @throws ClvError `value` for non-positive model parameters, an age that is negative or not finite,
 *   or a seed that is not a whole number
 * @example simulateCustomers({ model: { kind: "bgnbd", parameters: { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 } }, ages: [39], seed: 1 })[0].purchaseTimes[0] // 0
 */
export function simulateCustomers(options: SimulationOptions): SimulatedCustomer[] {
  const caller = "simulateCustomers";
  const { model, spend, ages, seed } = options;
  checkParameters(caller, MODEL_NAMES[model.kind], model.parameters);
  if (spend !== undefined) checkParameters(caller, MODEL_NAMES.gammaGamma, spend);
  const random = createRandom(seed);
  return Array.from({ length: ages.length }, (_, i) => {
    const T = ages[i];
    ensure(Number.isFinite(T) && T >= 0, `\`${caller}\` requires ages of 0 or more; customer ${i + 1} has ${T}`);
    const customer = model.kind === "bgnbd" ? bgNbdCustomer(random, model.parameters, T) : paretoCustomer(random, model.parameters, T);
    if (spend !== undefined) {
      const nu = sampleGamma(random, spend.q, spend.v);
      customer.spends = customer.purchaseTimes.map(() => sampleGamma(random, spend.p, nu));
    }
    return customer;
  });
}

function bgNbdCustomer(
  random: Random,
  { r, alpha, a, b }: { r: number; alpha: number; a: number; b: number },
  T: number
): SimulatedCustomer {
  const rate = sampleGamma(random, r, alpha);
  const repeatsBeforeDropout = sampleGeometric(random, sampleBeta(random, a, b));
  const purchaseTimes = [0];
  let time = 0;
  while (rate > 0) {
    time += sampleExponential(random, rate);
    if (time > T) break;
    purchaseTimes.push(time);
    if (purchaseTimes.length - 1 === repeatsBeforeDropout) return { T, purchaseTimes, spends: [], aliveAtEnd: false };
  }
  return { T, purchaseTimes, spends: [], aliveAtEnd: true };
}

function paretoCustomer(
  random: Random,
  { r, alpha, s, beta }: { r: number; alpha: number; s: number; beta: number },
  T: number
): SimulatedCustomer {
  const rate = sampleGamma(random, r, alpha);
  const deathRate = sampleGamma(random, s, beta);
  const lifetime = deathRate > 0 ? sampleExponential(random, deathRate) : Number.POSITIVE_INFINITY;
  const end = Math.min(lifetime, T);
  const purchaseTimes = [0];
  let time = 0;
  while (rate > 0) {
    time += sampleExponential(random, rate);
    if (time > end) break;
    purchaseTimes.push(time);
  }
  return { T, purchaseTimes, spends: [], aliveAtEnd: lifetime > T };
}

/**
 * The simulated customers in the models' summary form: x = purchases after the first, t_x = time of
 * the last purchase, T, and the mean value of the repeat purchases (0 when x = 0, or without spends),
 * as lifetimes' `summary_data_from_transaction_data` defines them. Cost O(purchases).
 *
 * @example summarizeSimulation([{ T: 10, purchaseTimes: [0, 2, 5], spends: [9, 10, 20], aliveAtEnd: true }]).meanSpend[0] // 15
 */
export function summarizeSimulation(customers: readonly SimulatedCustomer[]): CustomerData & { meanSpend: Float64Array } {
  const n = customers.length;
  const summary = {
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    meanSpend: new Float64Array(n),
  };
  customers.forEach(({ T, purchaseTimes, spends }, i) => {
    const x = purchaseTimes.length - 1;
    summary.frequency[i] = x;
    summary.recency[i] = purchaseTimes[x];
    summary.T[i] = T;
    if (x > 0 && spends.length > 0) summary.meanSpend[i] = spends.slice(1).reduce((total, value) => total + value, 0) / x;
  });
  return summary;
}
