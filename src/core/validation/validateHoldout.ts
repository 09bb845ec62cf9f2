import { ClvError, ensure } from "../errors";
import { type PurchaseModelFit, type PurchaseModelKind, fitPurchaseModel } from "../models/purchaseModel";
import { type PeriodUnit, daysPerUnit } from "../summary/periodUnit";
import { splitCalibrationHoldout } from "../summary/splitCalibrationHoldout";
import { isoDate } from "../transactions/days";
import type { TransactionTable } from "../transactions/parseTransactions";
import { type FrequencyBin, conditionalExpectations } from "./conditionalExpectations";
import { type HoldoutErrors, holdoutErrors } from "./holdoutErrors";
import { type TrackingCurve, trackingCurve } from "./trackingCurve";

/** What to check: the period unit, the purchase model, and how many periods to hold out. */
export interface HoldoutSettings {
  unit: PeriodUnit;
  model: PurchaseModelKind;
  /** Whole periods at the end of the window held out, 1 or more; default a third of the window (at least 1). */
  holdoutPeriods?: number;
}

/** The purchase model's forecast checked against a holdout period (see {@link validateHoldout}). */
export interface HoldoutValidation {
  unit: PeriodUnit;
  /** The model fitted on the calibration window alone. */
  model: PurchaseModelFit;
  /** First day of the data, last day of the calibration window and of the holdout (days since 1970-01-01). */
  startDay: number;
  calibrationEnd: number;
  holdoutEnd: number;
  /** Whole periods held out, and the holdout's exact length in periods (days / days per period). */
  holdoutPeriods: number;
  holdoutLength: number;
  /** Customers whose first purchase is in the calibration window (the ones checked), and those first seen in the holdout. */
  customers: number;
  newInHoldout: number;
  /** Per period, calibration and holdout; the first `calibrationPeriods` end on or before `calibrationEnd`. */
  tracking: TrackingCurve & { calibrationPeriods: number };
  /** Holdout purchases by calibration frequency 0 .. 6, 7+. */
  byFrequency: FrequencyBin[];
  errors: HoldoutErrors;
  /** The calibration fit's warnings. */
  warnings: string[];
}

/** Share of the window held out by default. */
export const DEFAULT_HOLDOUT_SHARE = 1 / 3;

/**
 * Checks the purchase model on data it has not seen, as Fader, Hardie & Lee (2005) do for CDNOW:
 * periods are counted back from the end of the window (the first may be partial), the last
 * `holdoutPeriods` are held out, the model is fitted on the customers' purchases up to the calibration
 * end, and its forecasts are set against the holdout: the tracking curve of cumulative repeat purchases
 * per period (`trackingCurve`), the expected holdout purchases by calibration frequency
 * (`conditionalExpectations`) and the error figures (`holdoutErrors`). Only customers whose first
 * purchase falls in the calibration window are checked; purchases count by day, as lifetimes does.
 * Cost: one customer summary, one fit and one expectation per customer.
 *
 * @throws ClvError `value` when the window is too short for the holdout (the calibration window needs
 *   a period of its own), the holdout is not a whole number of periods of 1 or more, or the
 *   calibration window cannot be fitted or its fit gives no finite forecast (too few customers)
 * @example validateHoldout(cdnowTable, { unit: "week", model: "bgnbd", holdoutPeriods: 39 }).errors // { actual: 1882, predicted: 1653.4, ... } (FHL 2005: 1,654)
 */
export function validateHoldout(table: TransactionTable, settings: HoldoutSettings): HoldoutValidation {
  const { unit } = settings;
  const unitDays = daysPerUnit(unit);
  const startDay = table.firstDay;
  const holdoutEnd = table.observationEnd;
  const periodEnds = endsOfPeriods(startDay, holdoutEnd, unitDays);
  const holdoutPeriods = settings.holdoutPeriods ?? Math.max(1, Math.round(periodEnds.length * DEFAULT_HOLDOUT_SHARE));
  ensure(Number.isInteger(holdoutPeriods) && holdoutPeriods >= 1, `The holdout must be a whole number of ${unit}s, 1 or more; got ${holdoutPeriods}`);
  const calibrationPeriods = periodEnds.length - holdoutPeriods;
  ensure(
    calibrationPeriods >= 1,
    `A holdout of ${holdoutPeriods} ${unit}s leaves no ${unit} to fit on: the data span ${periodEnds.length} ${unit}s ` +
      `(${isoDate(startDay)} to ${isoDate(holdoutEnd)}); hold out fewer`
  );
  const calibrationEnd = periodEnds[calibrationPeriods - 1];
  const split = splitCalibrationHoldout(table, { calibrationEnd, holdoutEnd, unit });
  const { calibration } = split;
  const model = fitPurchaseModel(settings.model, calibration);
  if (!Object.values(model.parameters).every(Number.isFinite)) {
    throw new ClvError("value", `The calibration window (to ${isoDate(calibrationEnd)}) cannot be fitted: ${model.warnings.join("; ")}`);
  }
  const forecast = <T>(compute: () => T): T => {
    try {
      return compute();
    } catch (error) {
      if (!(error instanceof ClvError)) throw error;
      throw new ClvError("value", `The model fitted on the calibration window (to ${isoDate(calibrationEnd)}) gives no forecast: ${error.message}`);
    }
  };
  const expectations = forecast(() => conditionalExpectations(model, calibration, split.holdoutPurchases, split.holdoutLength));
  const tracking = forecast(() => trackingCurve(model, calibration.firstDay, split.repeatPurchasesByDay, startDay, periodEnds, unit));
  return {
    unit,
    model,
    startDay,
    calibrationEnd,
    holdoutEnd,
    holdoutPeriods,
    holdoutLength: split.holdoutLength,
    customers: calibration.customerIds.length,
    newInHoldout: split.newInHoldout,
    tracking: { ...tracking, calibrationPeriods },
    byFrequency: expectations.bins,
    errors: holdoutErrors(split.holdoutPurchases, expectations.predicted),
    warnings: model.warnings,
  };
}

/**
 * Last day of each period of `unitDays` days, counted back from `end` (end, end - round(unitDays), ...)
 * while on or after `start`, in increasing order: the last period ends with the data, the first may be
 * partial.
 * @example endsOfPeriods(0, 545, 7).length // 78 (CDNOW: 1997-01-01 to 1998-06-30, 78 weeks)
 */
export function endsOfPeriods(start: number, end: number, unitDays: number): Int32Array {
  const ends: number[] = [];
  for (let back = 0; end - Math.round(back * unitDays) >= start; back++) ends.push(end - Math.round(back * unitDays));
  return Int32Array.from(ends.reverse());
}
