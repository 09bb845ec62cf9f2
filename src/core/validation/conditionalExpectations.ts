import type { CustomerData } from "../models/customerData";
import { perFrequencyAndAge } from "../models/perFrequencyAndAge";
import { type PurchaseModel, probabilitiesAlive, purchasesWhileAlive } from "../models/purchaseModel";

/** Customers grouped by their repeat purchases in the calibration window: 0, 1, ..., and the rest. */
export interface FrequencyBin {
  /** "0", "1", ... "7+". */
  label: string;
  /** Smallest calibration frequency in the bin. */
  from: number;
  customers: number;
  /** Mean repeat purchases in the holdout: observed, and expected by the model; null for an empty bin. */
  actualMean: number | null;
  predictedMean: number | null;
}

/** Bins 0 .. 6 and "7+", as in Fader, Hardie & Lee (2005) figure 3. */
export const OPEN_BIN_FROM = 7;

/**
 * The conditional expectations of Fader, Hardie & Lee (2005, "Counting your customers the easy way",
 * figure 3): each calibration customer's expected repeat purchases in the holdout, E[Y(t) | x, t_x, T]
 * (FHL 2005 eq. 10; Schmittlein et al. 1987 eq. 22) with t the holdout length, and per calibration
 * frequency (0 .. 6, 7+) the mean of those and of the holdout purchases observed. The expectation is
 * P(alive | x, t_x, T) E[Y(t) | x, T, alive]; the second factor is computed once per distinct (x, T)
 * (`perFrequencyAndAge`).
 * Cost O(customers) plus one expectation per distinct (x, T).
 *
 * @param calibration - the calibration window's customers: x, t_x and T in the model's time unit
 * @param holdoutPurchases - each calibration customer's repeat purchase days in the holdout
 * @param holdoutLength - t, in the model's time unit
 * @throws ClvError `value` for a model with non-positive parameters; `number` where it has no finite expectation
 * @example conditionalExpectations(cdnowWeeksFit, calibration, split.holdoutPurchases, 39).predicted.reduce((a, b) => a + b) // 1653.4 (FHL 2005: 1,654)
 */
export function conditionalExpectations(
  model: PurchaseModel,
  calibration: CustomerData,
  holdoutPurchases: ArrayLike<number>,
  holdoutLength: number
): { predicted: Float64Array; bins: FrequencyBin[] } {
  const x = calibration.frequency;
  const predicted = probabilitiesAlive(model, calibration); // times E[Y(t) | x, T, alive] below
  const whileAlive = perFrequencyAndAge(calibration, (x, T) => purchasesWhileAlive(model, holdoutLength, x, T), NaN);
  if (whileAlive.failure !== undefined) throw whileAlive.failure;
  const counts = new Float64Array(OPEN_BIN_FROM + 1);
  const actualSums = new Float64Array(OPEN_BIN_FROM + 1);
  const predictedSums = new Float64Array(OPEN_BIN_FROM + 1);
  for (let i = 0; i < x.length; i++) {
    predicted[i] *= whileAlive.values[whileAlive.group[i]];
    const bin = Math.min(x[i], OPEN_BIN_FROM);
    counts[bin]++;
    actualSums[bin] += holdoutPurchases[i];
    predictedSums[bin] += predicted[i];
  }
  const bins = Array.from(counts, (customers, from) => ({
    label: from === OPEN_BIN_FROM ? `${from}+` : String(from),
    from,
    customers,
    actualMean: customers > 0 ? actualSums[from] / customers : null,
    predictedMean: customers > 0 ? predictedSums[from] / customers : null,
  }));
  return { predicted, bins };
}
