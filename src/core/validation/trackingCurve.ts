import { type PurchaseModel, expectedPurchases } from "../models/purchaseModel";
import { type PeriodUnit, daysPerUnit } from "../summary/periodUnit";

/** Cumulative repeat purchases at the end of each period, as observed and as the model expects them. */
export interface TrackingCurve {
  /** Last day of each period (days since 1970-01-01), increasing. */
  periodEnds: Int32Array;
  /** Repeat purchase days made by the end of each period (same-day purchases count once, as `frequency`). */
  actual: Float64Array;
  /** Expected repeat purchases by the end of each period, summed over the customers. */
  predicted: Float64Array;
}

/**
 * The tracking curve of Fader, Hardie & Lee (2005, "Counting your customers the easy way", figure 2):
 * by the end of period k, actual = repeat purchase days so far, predicted = sum over customers i of
 * E[X((end_k - firstDay_i) / days per unit)], the expected repeat purchases in a customer's first t
 * periods (FHL 2005 eq. 9, Schmittlein et al. 1987 eq. 17; 0 before the first purchase). Times run from
 * each customer's first purchase day as in the customer summary (T = end - first day), so at the end of
 * the calibration window the predicted value is the sum of E[X(T_i)]. E[X] is evaluated once per day
 * offset and convolved with the first-purchase days. Cost O(days x distinct first days).
 *
 * @param firstDays - each customer's first purchase day (days since 1970-01-01)
 * @param repeatPurchasesByDay - repeat purchase days of those customers per day, index day - `startDay`
 * @param periodEnds - last day of each period, increasing, none before `startDay`
 * @throws ClvError `value` for a model with non-positive parameters
 * @example trackingCurve(cdnowWeeksFit, calibration.firstDay, split.repeatPurchasesByDay, day19970101, ends, "week").actual[77] // 4339
 */
export function trackingCurve(
  model: PurchaseModel,
  firstDays: ArrayLike<number>,
  repeatPurchasesByDay: ArrayLike<number>,
  startDay: number,
  periodEnds: Int32Array,
  unit: PeriodUnit
): TrackingCurve {
  const unitDays = daysPerUnit(unit);
  const span = periodEnds.length === 0 ? 0 : periodEnds[periodEnds.length - 1] - startDay;
  const expected = Float64Array.from({ length: span + 1 }, (_, days) => expectedPurchases(model, days / unitDays));
  const births = new Float64Array(span + 1);
  for (let i = 0; i < firstDays.length; i++) births[firstDays[i] - startDay]++;
  const birthDays: number[] = [];
  births.forEach((count, day) => {
    if (count > 0) birthDays.push(day);
  });
  const curve: TrackingCurve = {
    periodEnds,
    actual: new Float64Array(periodEnds.length),
    predicted: new Float64Array(periodEnds.length),
  };
  let cumulative = 0;
  let day = 0;
  periodEnds.forEach((end, k) => {
    for (; day <= end - startDay; day++) cumulative += repeatPurchasesByDay[day] ?? 0;
    curve.actual[k] = cumulative;
    let predicted = 0;
    for (const birth of birthDays) {
      if (birth > end - startDay) break;
      predicted += births[birth] * expected[end - startDay - birth];
    }
    curve.predicted[k] = predicted;
  });
  return curve;
}
