import { ensure } from "../errors";

/** How far a purchase model's holdout forecast fell from what happened, in purchases. */
export interface HoldoutErrors {
  customers: number;
  /** Repeat purchases in the holdout: observed, and the sum of the customers' expectations. */
  actual: number;
  predicted: number;
  /** (predicted - actual) / actual: negative when the model expected too few; null when actual is 0. */
  percentageError: number | null;
  /** Mean over customers of |actual_i - predicted_i|: a typical customer's forecast error, in purchases. */
  meanAbsoluteError: number;
}

/**
 * The holdout error figures: totals observed and predicted, the percentage error of the total,
 * (predicted - actual) / actual, and the mean absolute error per customer, (1/n) sum |actual_i -
 * predicted_i|. The first judges the forecast for the whole customer base (what a budget needs), the
 * second for individuals (what targeting needs). Cost O(customers).
 *
 * @throws ClvError `value` for columns of different lengths or no customers
 * @example holdoutErrors([0, 2, 1], [0.5, 1, 1]) // { customers: 3, actual: 3, predicted: 2.5, percentageError: -0.1667, meanAbsoluteError: 0.5 }
 */
export function holdoutErrors(actual: ArrayLike<number>, predicted: ArrayLike<number>): HoldoutErrors {
  const customers = actual.length;
  ensure(customers > 0 && predicted.length === customers, "`holdoutErrors` requires one prediction per customer, and at least one customer");
  let actualTotal = 0;
  let predictedTotal = 0;
  let absolute = 0;
  for (let i = 0; i < customers; i++) {
    actualTotal += actual[i];
    predictedTotal += predicted[i];
    absolute += Math.abs(actual[i] - predicted[i]);
  }
  return {
    customers,
    actual: actualTotal,
    predicted: predictedTotal,
    percentageError: actualTotal > 0 ? (predictedTotal - actualTotal) / actualTotal : null,
    meanAbsoluteError: absolute / customers,
  };
}
