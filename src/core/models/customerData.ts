import { ClvError, ensure } from "../errors";
import { type FitOptions, type FitResult, type LogLikelihood, WARM_START_SIZE, fitRescaled } from "./maximumLikelihood";
import { checkParameters } from "./parameterChecks";

/**
 * Customers' purchase histories as columns, one entry per customer, in the summary form of the "buy
 * till you die" models (Fader, Hardie & Lee 2005): x repeat purchases, the last at t_x, observed for T.
 * Times are in the caller's model period (days, weeks, ...), the same unit in every column; the fitted
 * rates and all predictions are then in that unit.
 */
export interface CustomerData {
  /** x: purchases after the first one, a whole number of 0 or more. */
  frequency: ArrayLike<number>;
  /** t_x: time from the first purchase to the last one, 0 when x = 0, at most T. */
  recency: ArrayLike<number>;
  /** T: time from the first purchase to the end of observation, 0 or more. */
  T: ArrayLike<number>;
  /** How many customers each entry stands for (default 1 each); 0 or more. */
  weights?: ArrayLike<number>;
}

/**
 * Customers with identical (x, t_x, T) merged, their weights summed: the likelihoods cost one term per
 * group rather than per customer. Each group also points into the distinct values of each column, so a
 * model can compute a term that depends on x (or T, or t_x) alone once per distinct value.
 */
export interface GroupedCustomers {
  /** Number of groups. */
  count: number;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  /** Customers in each group (sum of their weights). */
  weight: Float64Array;
  /** Index of each group's x in `distinctFrequency`, and likewise for t_x and T. */
  frequencyIndex: Int32Array;
  recencyIndex: Int32Array;
  ageIndex: Int32Array;
  distinctFrequency: Float64Array;
  distinctRecency: Float64Array;
  distinctAge: Float64Array;
  /** Sum of all weights. */
  totalWeight: number;
  /** Sum of the weights of customers with x > 0. */
  repeatWeight: number;
  /** Largest T among customers of positive weight (0 if none). */
  maxT: number;
}

/**
 * What is wrong with one customer's (x, t_x, T), as the need it fails ("a recency between 0 and T"),
 * or undefined when the triple is valid.
 */
function customerProblem(x: number, recency: number, T: number): string | undefined {
  if (!(Number.isInteger(x) && x >= 0)) return "a frequency that is a whole number of 0 or more";
  if (!(Number.isFinite(T) && T >= 0)) return "an age T of 0 or more";
  if (!(Number.isFinite(recency) && recency >= 0 && recency <= T)) return "a recency between 0 and T";
  if (x === 0 && recency !== 0) return "a recency of 0 for a customer with no repeat purchase";
  return undefined;
}

/**
 * Checks one customer's summary (x, t_x, T) for a prediction function.
 *
 * @param caller - the public function's name, for the message
 * @throws ClvError `value` naming what is wrong, e.g. "`probabilityAlive` requires a recency between 0
 *   and T; got frequency 2, recency 40, T 38"
 * @example checkCustomer("probabilityAlive", 2, 30.43, 38.86) // passes
 */
export function checkCustomer(caller: string, x: number, recency: number, T: number): void {
  const problem = customerProblem(x, recency, T);
  if (problem !== undefined) {
    throw new ClvError("value", `\`${caller}\` requires ${problem}; got frequency ${x}, recency ${recency}, T ${T}`);
  }
}

/**
 * Checks every customer and merges identical ones. Customers are numbered from 1 in messages, in the
 * order given. Cost O(n log n), about 20 ms per 100,000 customers.
 *
 * @param caller - the public function's name, for messages
 * @throws ClvError `value` for columns of different lengths, or a customer whose x is not a whole
 *   number >= 0, whose T is negative, whose t_x is outside [0, T] (or not 0 when x = 0), any NaN, or a
 *   negative or non-finite weight; the message names the customer, e.g. "`fitBgNbd` requires a
 *   recency between 0 and T for every customer; customer 3 has frequency 2, recency 40, T 38"
 * @example groupCustomers("fit", { frequency: [0, 0, 2], recency: [0, 0, 5], T: [9, 9, 9] }).count // 2
 */
export function groupCustomers(caller: string, data: CustomerData): GroupedCustomers {
  const { frequency, recency, T, weights } = data;
  const n = frequency.length;
  ensure(
    recency.length === n && T.length === n && (weights === undefined || weights.length === n),
    `\`${caller}\` requires frequency, recency, T${weights ? " and weights" : ""} columns of one length; ` +
      `got ${[frequency, recency, T, ...(weights ? [weights] : [])].map((column) => column.length).join(", ")}`
  );
  // Messages are built only on failure: this loop runs once per customer.
  for (let i = 0; i < n; i++) {
    const problem = customerProblem(frequency[i], recency[i], T[i]);
    if (problem !== undefined) {
      const got = `customer ${i + 1} has frequency ${frequency[i]}, recency ${recency[i]}, T ${T[i]}`;
      throw new ClvError("value", `\`${caller}\` requires ${problem} for every customer; ${got}`);
    }
    const weight = weights === undefined ? 1 : weights[i];
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new ClvError("value", `\`${caller}\` requires weights of 0 or more; customer ${i + 1} has weight ${weight}`);
    }
  }

  const byFrequency = distinctIndex(frequency);
  const byRecency = distinctIndex(recency);
  const byAge = distinctIndex(T);
  // A group is a distinct (x, t_x) pair combined with a distinct T; keys stay below n^2 < 2^53.
  const pairKeys = new Float64Array(n);
  for (let i = 0; i < n; i++) pairKeys[i] = byFrequency.index[i] * byRecency.values.length + byRecency.index[i];
  const byPair = distinctIndex(pairKeys);
  const tripleKeys = pairKeys;
  for (let i = 0; i < n; i++) tripleKeys[i] = byPair.index[i] * byAge.values.length + byAge.index[i];
  const { values: triples, index: groupOf } = distinctIndex(tripleKeys);
  const count = triples.length;

  const groups: GroupedCustomers = {
    count,
    frequency: new Float64Array(count),
    recency: new Float64Array(count),
    T: new Float64Array(count),
    weight: new Float64Array(count),
    frequencyIndex: new Int32Array(count),
    recencyIndex: new Int32Array(count),
    ageIndex: new Int32Array(count),
    distinctFrequency: byFrequency.values,
    distinctRecency: byRecency.values,
    distinctAge: byAge.values,
    totalWeight: 0,
    repeatWeight: 0,
    maxT: 0,
  };
  // Each group's values come from its key (pair x ages + age, pair = frequency x recencies + recency),
  // so the customers are visited once more only for their weights.
  const ages = byAge.values.length;
  const recencies = byRecency.values.length;
  for (let group = 0; group < count; group++) {
    const ageIndex = triples[group] % ages;
    const pair = byPair.values[(triples[group] - ageIndex) / ages];
    const recencyIndex = pair % recencies;
    const frequencyIndex = (pair - recencyIndex) / recencies;
    groups.frequency[group] = byFrequency.values[frequencyIndex];
    groups.recency[group] = byRecency.values[recencyIndex];
    groups.T[group] = byAge.values[ageIndex];
    groups.frequencyIndex[group] = frequencyIndex;
    groups.recencyIndex[group] = recencyIndex;
    groups.ageIndex[group] = ageIndex;
  }
  for (let i = 0; i < n; i++) {
    const weight = weights === undefined ? 1 : weights[i];
    groups.weight[groupOf[i]] += weight;
    groups.totalWeight += weight;
    if (frequency[i] > 0) groups.repeatWeight += weight;
    if (weight > 0) groups.maxT = Math.max(groups.maxT, T[i]);
  }
  return groups;
}

/**
 * What a purchase-count model (BG/NBD, Pareto/NBD) gives {@link fitPurchaseCounts} and
 * {@link purchaseCountLogLikelihood}: the two differ from model to model only in these.
 */
export interface PurchaseCountModel<P> {
  /** The model's name as users know it, e.g. "BG/NBD", for messages. */
  model: string;
  /** Parameter names in order, e.g. ["r", "alpha", "a", "b"]. */
  names: readonly (keyof P & string)[];
  /** Which parameters are in the data's time unit (alpha, beta), scaled back after the fit. */
  carriesUnit: readonly boolean[];
  /** The model's log-likelihood of grouped customers, with its gradient, in the order of `names`. */
  logLikelihoodOf: (groups: GroupedCustomers) => LogLikelihood;
  toParameters: (values: Float64Array) => P;
}

/**
 * Fits a purchase-count model by maximum likelihood (see `fitRescaled`): checks and groups the
 * customers, rescales time so that the largest T is 1 (as lifetimes does), fits first on a sample when
 * there are more than 5,000 distinct histories, and scales the rate parameters back to the data's unit.
 *
 * @param caller - the public function's name, for messages
 * @returns as `fitRescaled`; never throws for data that cannot be fitted
 * @throws ClvError `value` for invalid data, naming the customer (see {@link groupCustomers})
 * @example fitPurchaseCounts("fitBgNbd", BG_NBD, cdnowWeeks).parameters // { r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 }
 */
export function fitPurchaseCounts<P>(
  caller: string,
  model: PurchaseCountModel<P>,
  data: CustomerData,
  options: FitOptions
): FitResult<P> {
  const groups = groupCustomers(caller, data);
  const scale = 1 / groups.maxT;
  const scaled = scaleTime(groups, scale);
  return fitRescaled(
    {
      names: model.names,
      carriesUnit: model.carriesUnit,
      scale,
      scaledLogLikelihood: model.logLikelihoodOf(scaled),
      logLikelihood: model.logLikelihoodOf(groups),
      sample: warmStartSample(scaled, model.logLikelihoodOf),
      totalWeight: groups.totalWeight,
      ...purchaseDataChecks(groups, model.names.length),
      toParameters: model.toParameters,
    },
    options
  );
}

/**
 * Total log-likelihood of the customers under a purchase-count model at the given parameters.
 *
 * @param caller - the public function's name, for messages
 * @throws ClvError `value` for non-positive parameters or a bad customer (see {@link groupCustomers})
 * @example purchaseCountLogLikelihood("bgNbdLogLikelihood", BG_NBD, { r: 1, alpha: 1, a: 1, b: 1 }, { frequency: [0], recency: [0], T: [1] }) // -0.6931471805599453
 */
export function purchaseCountLogLikelihood<P extends Record<string, number>>(
  caller: string,
  model: PurchaseCountModel<P>,
  parameters: P,
  data: CustomerData
): number {
  checkParameters(caller, model.model, parameters);
  const values = Float64Array.from(model.names, (name) => parameters[name]);
  return model.logLikelihoodOf(groupCustomers(caller, data))(values, new Float64Array(values.length));
}

/**
 * For `fitRescaled`'s `sample`: the model's log-likelihood on a systematic sample of `WARM_START_SIZE`
 * (5,000) of the (rescaled) groups, or undefined when there are no more than that.
 *
 * @example warmStartSample(scaled, bgNbdGroupedLogLikelihood) // undefined for fewer than 5,000 distinct histories
 */
function warmStartSample(
  groups: GroupedCustomers,
  logLikelihoodOf: (groups: GroupedCustomers) => LogLikelihood
): { scaledLogLikelihood: LogLikelihood; totalWeight: number } | undefined {
  if (groups.count <= WARM_START_SIZE) return undefined;
  const sample = sampleGroups(groups, WARM_START_SIZE);
  return { scaledLogLikelihood: logLikelihoodOf(sample), totalWeight: sample.totalWeight };
}

/**
 * A systematic sample of about `size` groups (every k-th, in their order: by x, then t_x, then T),
 * with their weights, sharing the distinct values; all the groups when there are no more than `size`.
 * A fit on it is a cheap first estimate for the fit on all of them.
 *
 * @example sampleGroups(groupCustomers("fit", { frequency: [0, 1, 2, 3], recency: [0, 1, 2, 3], T: [5, 5, 5, 5] }), 2).count // 2
 */
export function sampleGroups(groups: GroupedCustomers, size: number): GroupedCustomers {
  const step = Math.ceil(groups.count / size);
  if (step <= 1) return groups;
  const count = Math.ceil(groups.count / step);
  const pickValues = (values: Float64Array) => Float64Array.from({ length: count }, (_, k) => values[k * step]);
  const pickIndexes = (indexes: Int32Array) => Int32Array.from({ length: count }, (_, k) => indexes[k * step]);
  const sample: GroupedCustomers = {
    ...groups,
    count,
    frequency: pickValues(groups.frequency),
    recency: pickValues(groups.recency),
    T: pickValues(groups.T),
    weight: pickValues(groups.weight),
    frequencyIndex: pickIndexes(groups.frequencyIndex),
    recencyIndex: pickIndexes(groups.recencyIndex),
    ageIndex: pickIndexes(groups.ageIndex),
    totalWeight: 0,
    repeatWeight: 0,
    maxT: 0,
  };
  for (let g = 0; g < sample.count; g++) {
    sample.totalWeight += sample.weight[g];
    if (sample.frequency[g] > 0) sample.repeatWeight += sample.weight[g];
    if (sample.weight[g] > 0) sample.maxT = Math.max(sample.maxT, sample.T[g]);
  }
  return sample;
}

/**
 * The groups with every time (t_x and T) multiplied by `factor`, sharing the other arrays. The fits
 * rescale time so that the largest T is 1, as lifetimes does, which keeps the rate parameters near 1.
 *
 * @example scaleTime(groupCustomers("fit", { frequency: [1], recency: [2], T: [4] }), 0.25).T[0] // 1
 */
function scaleTime(groups: GroupedCustomers, factor: number): GroupedCustomers {
  const times = (values: Float64Array) => values.map((value) => value * factor);
  return {
    ...groups,
    recency: times(groups.recency),
    T: times(groups.T),
    distinctRecency: times(groups.distinctRecency),
    distinctAge: times(groups.distinctAge),
    maxT: groups.maxT * factor,
  };
}

/**
 * The distinct values of a column in ascending order, and each entry's position among them (-0 counts
 * as 0; each NaN is distinct). Whole numbers below 16n + 1024 (counts, keys) are ranked through a lookup
 * table, O(n); other numbers are first numbered in order of appearance through a hash table on their
 * bits, then only the distinct values are sorted, O(n + d log d) for d distinct values. Both take a few
 * ms per 100,000 entries (a sort of every entry and a binary search each took several times as long).
 *
 * @example distinctIndex([5, 3, 5]) // { values: Float64Array [3, 5], index: Int32Array [1, 0, 1] }
 */
export function distinctIndex(column: ArrayLike<number>): { values: Float64Array; index: Int32Array } {
  const n = column.length;
  const index = new Int32Array(n);
  const largest = largestCountable(column);
  if (largest >= 0) {
    const rank = new Int32Array(largest + 1);
    for (let i = 0; i < n; i++) rank[column[i]] = 1;
    let count = 0;
    for (let value = 0; value <= largest; value++) if (rank[value] === 1) rank[value] = ++count;
    const values = new Float64Array(count);
    for (let i = 0; i < n; i++) {
      index[i] = rank[column[i]] - 1;
      values[index[i]] = column[i];
    }
    return { values, index };
  }
  const table = new NumberTable();
  for (let i = 0; i < n; i++) index[i] = table.numberOf(column[i]);
  const values = table.distinct().sort();
  const rank = new Int32Array(values.length);
  for (let position = 0; position < values.length; position++) rank[table.numberOf(values[position])] = position;
  for (let i = 0; i < n; i++) index[i] = rank[index[i]];
  return { values, index };
}

/**
 * The largest entry of a column of whole numbers from 0 to below 16n + 1024 (counts, days, keys), whose
 * values can index a lookup table of counts; -1 for any other column.
 *
 * @example largestCountable([3, 0, 7]) // 7
 */
export function largestCountable(column: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < column.length && largest >= 0; i++) {
    const value = column[i];
    largest = Number.isInteger(value) && value >= 0 ? Math.max(largest, value) : -1;
  }
  return largest < 16 * column.length + 1024 ? largest : -1;
}

/** Distinct numbers, numbered 0, 1, 2... in order of first appearance: open addressing (linear probing, at most half full). */
class NumberTable {
  private values = new Float64Array(64);
  private count = 0;
  /** The number of the value in each slot; -1 = empty. */
  private slots = new Int32Array(128).fill(-1);
  private readonly scratch = new Float64Array(1);
  private readonly bits = new Uint32Array(this.scratch.buffer);

  /** The number of `value`, adding it when new. */
  numberOf(value: number): number {
    const key = value === 0 ? 0 : value;
    const mask = this.slots.length - 1;
    let slot = this.hash(key) & mask;
    for (let entry = this.slots[slot]; entry >= 0; entry = this.slots[slot]) {
      if (this.values[entry] === key) return entry;
      slot = (slot + 1) & mask;
    }
    if (this.count === this.values.length) {
      const larger = new Float64Array(2 * this.count);
      larger.set(this.values);
      this.values = larger;
    }
    this.values[this.count] = key;
    this.slots[slot] = this.count;
    if (2 * ++this.count > mask) this.rehash();
    return this.count - 1;
  }

  /** The distinct values in order of first appearance. */
  distinct(): Float64Array {
    return this.values.slice(0, this.count);
  }

  /** Both 32-bit halves of the double, mixed (MurmurHash3's constants) so the low bits spread. */
  private hash(value: number): number {
    this.scratch[0] = value;
    const hash = Math.imul(this.bits[0] ^ Math.imul(this.bits[1], 0x9e3779b1), 0x85ebca6b);
    return hash ^ (hash >>> 15);
  }

  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length).fill(-1);
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = this.hash(this.values[entry]) & mask;
      while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry;
    }
  }
}

/**
 * Why purchase-count data cannot be fitted (`unfittable`) or why a fit on them cannot be trusted
 * (`dataWarnings`); shared by the BG/NBD and Pareto/NBD fits.
 *
 * @example purchaseDataChecks(groupCustomers("fit", { frequency: [0], recency: [0], T: [5] }), 4).dataWarnings.length // 2
 */
function purchaseDataChecks(
  groups: GroupedCustomers,
  parameterCount: number
): { unfittable?: string; dataWarnings: string[] } {
  if (!(groups.totalWeight > 0)) return { unfittable: "there are no customers to fit", dataWarnings: [] };
  if (!(groups.maxT > 0)) {
    return { unfittable: "every customer has T = 0: there was no time in which to observe purchases", dataWarnings: [] };
  }
  const dataWarnings: string[] = [];
  if (groups.repeatWeight === 0) {
    dataWarnings.push("no customer made a repeat purchase: the purchase and dropout rates cannot be told apart");
  }
  if (groups.totalWeight < parameterCount) {
    dataWarnings.push(`${groups.totalWeight} customer(s) cannot determine ${parameterCount} parameters`);
  }
  return { dataWarnings };
}
