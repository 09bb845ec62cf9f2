import { ClvError, ensure } from "../errors";
import { type ClvHorizon, customerLifetimeValue } from "../models/customerLifetimeValue";
import { type GammaGammaParameters, conditionalExpectedSpend } from "../models/gammaGamma";
import type { FitResult } from "../models/maximumLikelihood";
import type { PurchaseModel, PurchaseModelFit } from "../models/purchaseModel";

/** z such that a standard normal lies in (-z, z) with probability 0.95. */
export const Z_95 = 1.959963984540054;

/** A 95 % interval for a mean predicted CLV (currency units), and the two standard errors it combines. */
export interface ClvInterval {
  mean: number;
  low: number;
  high: number;
  /** Standard error from the uncertainty of the fitted parameters (delta method). */
  parameterError: number;
  /** Standard error of a mean of the segment's customers: their standard deviation / sqrt(n). */
  samplingError: number;
}

/** Intervals per segment (in the segmentation's order) and over all customers, or none at all (see `notes`). */
export interface SegmentClvIntervals {
  rows: ClvInterval[] | null;
  total: ClvInterval | null;
  /** Why there are no intervals, in words; empty when there are. */
  notes: string[];
}

/** What the intervals need: the customers' model inputs, segments, predictions and the fits with their covariances. */
export interface ClvIntervalInputs {
  /** Per customer: x, t_x and T in the model's time unit, as fitted. */
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
  /** Per customer: mean spend of the repeat purchases (Gamma-Gamma's input). */
  monetaryValue: ArrayLike<number>;
  /** Per customer: index of its segment, 0 .. segmentCount - 1. */
  segment: ArrayLike<number>;
  segmentCount: number;
  /** Per customer: the predicted CLV (margin x expected spend x discounted purchases); NaN where none. */
  predictedClv: ArrayLike<number>;
  /** The purchase model, fitted with `covariance: true`. */
  model: PurchaseModelFit;
  /** The spend model, fitted with `covariance: true`, or null when it was not used (each customer's AOV stood in). */
  spendModel: FitResult<GammaGammaParameters> | null;
  /** The horizon and discounting of `predictedClv`. */
  horizon: ClvHorizon;
  /** Picks per segment for the purchase-parameter sensitivity (default {@link sensitivityPicks}). */
  sensitivitySample?: number;
}

/**
 * Picks per segment for the sensitivity to the purchase parameters: 32 (observed error of the
 * parameter error ~4 % against every customer), fewer when there are more than 8 segments so that
 * the work stays near 256 picks, but at least 8. See {@link segmentClvIntervals}.
 * @example sensitivityPicks(6) // 32
 * @example sensitivityPicks(20) // 12
 */
export function sensitivityPicks(segmentCount: number): number {
  return Math.max(8, Math.min(32, Math.floor(256 / segmentCount)));
}

/** Log-parameter step of the forward differences (truncation error ~1e-4 relative). */
const LOG_STEP = 1e-4;
/** Frequencies above this share one stratum when ordering customers for the sample. */
const FREQUENCY_STRATA = 31;

/**
 * 95 % intervals for each segment's mean predicted CLV, by the delta method. The mean m_s of n_s
 * customers' predicted CLVs c_i(theta) differs from the expected CLV of such customers for two reasons:
 * the fitted parameters theta (purchase and spend models) are estimates, and the n_s customers are a
 * sample. So
 *   parameter variance  V_p = g' Sigma g, g = d m_s / d log(theta), Sigma = Cov(log theta)
 *                       (inverse observed information of each fit, the two fits independent);
 *   sampling variance   V_s = S^2 / n_s, S^2 the variance of c_i over the segment;
 *   standard error      se = sqrt(V_p) + sqrt(V_s);
 *   interval            m_s / f to m_s f, f = exp(1.96 se / m_s) (the delta method on log m_s; for
 *                       m_s <= 0, m_s -+ 1.96 se).
 * The standard errors are added, not their variances: the two errors are positively correlated (the
 * customers who raise the sample mean also raise the fitted purchase rates), and the sum bounds the
 * standard error of their total whatever the correlation (Cauchy-Schwarz), so the interval errs wide.
 * The log scale follows the right skew of a mean of CLVs (the interval reaches further up than down)
 * and keeps the lower end above 0; on simulated data it covers more often than m_s -+ 1.96 se.
 * g: the spend part exactly over all customers (E[spend] = A(x) + B(x) mean is linear in the mean
 * spend, so one forward difference per distinct x); the purchase part, which needs the whole horizon
 * per customer, from a systematic sample of {@link sensitivityPicks} picks per segment with
 * probability proportional to |c_i|, customers ordered by x (a stratified estimate of
 * sum c_i d log c_i / d log theta); forward differences in log-parameters throughout. Cost
 * O(customers) plus 5 CLV evaluations per pick (at most 256 picks up to 32 segments, 8 per segment
 * beyond) and one spend evaluation per distinct x.
 *
 * @returns intervals per segment and in total, or none with a note saying why: a customer without a
 *   prediction, a fit without a covariance (the data cannot pin its parameters down)
 * @throws ClvError `value` for columns of different lengths or a segment index out of range
 * @example segmentClvIntervals(inputs).rows[0] // { mean: 30, low: 27.0, high: 33.3, parameterError: 0.9, samplingError: 0.7 } (f = exp(1.96 x 1.6 / 30) = 1.110)
 */
export function segmentClvIntervals(inputs: ClvIntervalInputs): SegmentClvIntervals {
  const { predictedClv, segment, segmentCount, model, spendModel } = inputs;
  const n = predictedClv.length;
  ensure(
    [inputs.frequency, inputs.recency, inputs.T, inputs.monetaryValue, segment].every((column) => column.length === n),
    "`segmentClvIntervals` requires one entry per customer in every column"
  );
  const sums = segmentSums(predictedClv, segment, segmentCount);
  const none = (note: string): SegmentClvIntervals => ({ rows: null, total: null, notes: [note] });
  if (!(sums.total.count > 0 && Number.isFinite(sums.total.sum))) return none("Some customers have no predicted CLV: no interval");
  const purchaseCovariance = logCovariance(model.parameters, model.covariance);
  if (purchaseCovariance === null) return none("The purchase model's parameters are not pinned down by the data: no interval");
  const spendCovariance = spendModel === null ? null : logCovariance(spendModel.parameters, spendModel.covariance);
  if (spendModel !== null && spendCovariance === null) return none("The spend model's parameters are not pinned down by the data: no interval");

  let purchaseGradient: number[][];
  let spendGradient: number[][] | null;
  try {
    purchaseGradient = purchaseSensitivity(inputs, sums);
    spendGradient = spendModel === null ? null : spendSensitivity(inputs, spendModel.parameters, sums.count);
  } catch (error) {
    // Parameters near a model's edge (a + b near 1 for BG/NBD) can leave a moved model without a finite value.
    if (!(error instanceof ClvError)) throw error;
    return none(`The predictions' sensitivity to the parameters cannot be computed: ${error.message}`);
  }
  const interval = (count: number, sum: number, squares: number, purchase: number[], spend: number[] | null): ClvInterval => {
    const mean = sum / count;
    const variance = count > 1 ? Math.max(0, squares - sum * mean) / (count - 1) : 0;
    const parameterVariance = quadraticForm(purchase, purchaseCovariance) + (spend === null ? 0 : quadraticForm(spend, spendCovariance as number[][]));
    const parameterError = Math.sqrt(parameterVariance);
    const samplingError = Math.sqrt(variance / count);
    const standardError = parameterError + samplingError;
    if (!(mean > 0)) return { mean, low: mean - Z_95 * standardError, high: mean + Z_95 * standardError, parameterError, samplingError };
    // On the log scale: se(log m) = se(m) / m, so the interval is m / f to m f, f = exp(1.96 se / m).
    const factor = Math.exp((Z_95 * standardError) / mean);
    return { mean, low: mean / factor, high: mean * factor, parameterError, samplingError };
  };
  const rows = sums.count.map((count, s) =>
    interval(count, sums.sum[s], sums.squares[s], purchaseGradient[s], spendGradient === null ? null : spendGradient[s])
  );
  // The gradient of the mean over all customers is the customer-weighted mean of the segments' gradients.
  const weighted = (gradients: number[][]) =>
    gradients[0].map((_, k) => gradients.reduce((total, gradient, s) => total + (sums.count[s] / sums.total.count) * gradient[k], 0));
  const total = interval(
    sums.total.count,
    sums.total.sum,
    sums.total.squares,
    weighted(purchaseGradient),
    spendGradient === null ? null : weighted(spendGradient)
  );
  return { rows, total, notes: [] };
}

/** Per segment: customers, sum and sum of squares of their CLVs, and the sum of |CLV| (the sample's size measure). */
interface SegmentSums {
  count: number[];
  sum: number[];
  squares: number[];
  mass: number[];
  total: { count: number; sum: number; squares: number };
}

function segmentSums(predictedClv: ArrayLike<number>, segment: ArrayLike<number>, segmentCount: number): SegmentSums {
  const count = new Float64Array(segmentCount);
  const sum = new Float64Array(segmentCount);
  const squares = new Float64Array(segmentCount);
  const mass = new Float64Array(segmentCount);
  for (let i = 0; i < predictedClv.length; i++) {
    const s = segment[i];
    if (!(Number.isInteger(s) && s >= 0 && s < segmentCount)) {
      throw new ClvError("value", `\`segmentClvIntervals\` requires segment indexes from 0 to ${segmentCount - 1}; customer ${i + 1} has ${s}`);
    }
    const value = predictedClv[i];
    count[s]++;
    sum[s] += value;
    squares[s] += value * value;
    mass[s] += Math.abs(value);
  }
  const add = (values: Float64Array) => values.reduce((total, value) => total + value, 0);
  return {
    count: Array.from(count),
    sum: Array.from(sum),
    squares: Array.from(squares),
    mass: Array.from(mass),
    total: { count: add(count), sum: add(sum), squares: add(squares) },
  };
}

/** Cov(log theta) from Cov(theta): divide entry (i, j) by theta_i theta_j; null without a covariance. */
function logCovariance(parameters: object, covariance: number[][] | null | undefined): number[][] | null {
  if (covariance === null || covariance === undefined) return null;
  const values = Object.values(parameters) as number[];
  return covariance.map((row, i) => row.map((value, j) => value / (values[i] * values[j])));
}

function quadraticForm(vector: readonly number[], matrix: readonly (readonly number[])[]): number {
  let total = 0;
  for (let i = 0; i < vector.length; i++) for (let j = 0; j < vector.length; j++) total += vector[i] * matrix[i][j] * vector[j];
  return total;
}

/** The model with its k-th parameter multiplied by e^step. */
function shifted<M extends { parameters: object }>(model: M, k: number, step: number): M {
  const parameters = model.parameters as Record<string, number>;
  const name = Object.keys(parameters)[k];
  // A copy with one value changed keeps the parameters' shape, so the model code stays monomorphic.
  return { ...model, parameters: { ...parameters, [name]: parameters[name] * Math.exp(step) } };
}

/**
 * Per segment, d m_s / d log(theta) for the purchase parameters: m_s = (1/n_s) sum c_i, and c_i is
 * proportional to the discounted purchases D_i(theta) = customerLifetimeValue(model, 1, ...), so
 * d m_s = (1/n_s) sum c_i d log D_i. Estimated by a systematic sample with probability proportional
 * to |c_i| (customers ordered by x, so the picks spread over frequencies), exact for small segments.
 */
function purchaseSensitivity(inputs: ClvIntervalInputs, sums: SegmentSums): number[][] {
  const { frequency, recency, T, predictedClv, segment, segmentCount, model, horizon } = inputs;
  const sample = inputs.sensitivitySample ?? sensitivityPicks(segmentCount);
  const k = Object.keys(model.parameters).length;
  const moved: PurchaseModel[] = Array.from({ length: k }, (_, j) => shifted<PurchaseModel>(model, j, LOG_STEP));
  /** sum over j of d log D_i / d log theta_j, added into `into` with weight `weight`. */
  const addLogSlope = (i: number, weight: number, into: number[]) => {
    const at = customerLifetimeValue(model, 1, frequency[i], recency[i], T[i], horizon);
    if (at === 0) return;
    for (let j = 0; j < k; j++) {
      into[j] += (weight * (customerLifetimeValue(moved[j], 1, frequency[i], recency[i], T[i], horizon) / at - 1)) / LOG_STEP;
    }
  };
  const gradients = Array.from({ length: segmentCount }, () => new Array<number>(k).fill(0));
  const order = orderBySegmentAndFrequency(segment, frequency, segmentCount);
  let start = 0;
  for (let s = 0; s < segmentCount; s++) {
    const count = sums.count[s];
    const end = start + count;
    const from = start;
    start = end;
    if (count <= sample) {
      for (let position = from; position < end; position++) addLogSlope(order[position], predictedClv[order[position]] / count, gradients[s]);
      continue;
    }
    if (sums.mass[s] === 0) continue;
    // Picks at the midpoints of `sample` equal slices of the cumulative |c|; each stands for mass / sample.
    const share = sums.mass[s] / sample;
    let cumulative = 0;
    let pick = 0;
    for (let position = from; position < end; position++) {
      const i = order[position];
      cumulative += Math.abs(predictedClv[i]);
      let picks = 0;
      while (pick < sample && (pick + 0.5) * share <= cumulative) {
        picks++;
        pick++;
      }
      if (picks > 0) addLogSlope(i, (Math.sign(predictedClv[i]) * picks * share) / count, gradients[s]);
    }
  }
  return gradients;
}

/** Customer indexes grouped by segment, and within a segment by frequency (capped), by counting sort. */
function orderBySegmentAndFrequency(segment: ArrayLike<number>, frequency: ArrayLike<number>, segmentCount: number): Int32Array {
  const strata = FREQUENCY_STRATA + 1;
  const n = segment.length;
  const keys = new Int32Array(n);
  const starts = new Int32Array(segmentCount * strata + 1);
  for (let i = 0; i < n; i++) {
    keys[i] = segment[i] * strata + Math.min(frequency[i], FREQUENCY_STRATA);
    starts[keys[i] + 1]++;
  }
  for (let b = 1; b < starts.length; b++) starts[b] += starts[b - 1];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[starts[keys[i]]++] = i;
  return order;
}

/**
 * Per segment, d m_s / d log(p, q, v): c_i is proportional to E[spend_i] = A(x) + B(x) mean_i (Fader,
 * Hardie & Lee 2005 "RFM and CLV" eq. 5 is linear in the mean spend), so d c_i = c_i d E[spend_i] /
 * E[spend_i], with d A and d B by forward differences of `conditionalExpectedSpend` once per distinct x.
 */
function spendSensitivity(inputs: ClvIntervalInputs, parameters: GammaGammaParameters, counts: readonly number[]): number[][] {
  const { frequency, monetaryValue, predictedClv, segment } = inputs;
  const n = predictedClv.length;
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, frequency[i]);
  // Per x, E[spend] = A + B mean at the estimates and the change of A and B per unit step of each log-parameter.
  const intercept = new Float64Array(largest + 1).fill(NaN);
  const slope = new Float64Array(largest + 1);
  const interceptChange = new Float64Array(3 * (largest + 1));
  const slopeChange = new Float64Array(3 * (largest + 1));
  const moved = [0, 1, 2].map((j) => shifted({ parameters }, j, LOG_STEP).parameters);
  const line = (at: GammaGammaParameters, x: number): [number, number] => {
    const base = conditionalExpectedSpend(at, x, 0);
    return [base, x === 0 ? 0 : conditionalExpectedSpend(at, x, 1) - base];
  };
  const sums = new Float64Array(3 * counts.length);
  for (let i = 0; i < n; i++) {
    const x = frequency[i];
    if (Number.isNaN(intercept[x])) {
      [intercept[x], slope[x]] = line(parameters, x);
      moved.forEach((at, j) => {
        const [a, b] = line(at, x);
        interceptChange[3 * x + j] = (a - intercept[x]) / LOG_STEP;
        slopeChange[3 * x + j] = (b - slope[x]) / LOG_STEP;
      });
    }
    const spend = x === 0 ? 0 : monetaryValue[i];
    const weight = predictedClv[i] / (intercept[x] + slope[x] * spend);
    const s = 3 * segment[i];
    for (let j = 0; j < 3; j++) sums[s + j] += weight * (interceptChange[3 * x + j] + slopeChange[3 * x + j] * spend);
  }
  return counts.map((count, s) => [0, 1, 2].map((j) => sums[3 * s + j] / count));
}
