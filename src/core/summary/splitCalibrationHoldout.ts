import { ensure } from "../errors";
import { isoDate } from "../transactions/days";
import type { TransactionTable } from "../transactions/parseTransactions";
import { type PeriodUnit, daysPerUnit } from "./periodUnit";
import { type CustomerSummary, summarizeWindow } from "./summarizeCustomers";

export interface CalibrationHoldoutOptions {
  /** Last day of the calibration (fit) window, in days since 1970-01-01 (e.g. `dayFromDate(1997, 9, 30)`). */
  calibrationEnd: number;
  /** Last day of the holdout window (days since 1970-01-01). Default: the table's observation end. */
  holdoutEnd?: number;
  unit: PeriodUnit;
}

export interface CalibrationHoldout {
  /** The summary of the calibration window: customers who bought by `calibrationEnd`, T measured to it. */
  calibration: CustomerSummary;
  /** Purchase days in (calibrationEnd, holdoutEnd] per calibration customer (same-day purchases count once, refunds not at all). */
  holdoutPurchases: Float64Array;
  /** Net revenue in the holdout per calibration customer. */
  holdoutRevenue: Float64Array;
  /** Length of the holdout window in `unit`. */
  holdoutLength: number;
  /** Customers whose first purchase falls in the holdout: not in `calibration`. */
  newInHoldout: number;
  /**
   * Repeat purchase days of the calibration customers on each day from the table's first day to
   * `holdoutEnd` (index day - table.firstDay), counted as `frequency` and `holdoutPurchases` count them.
   */
  repeatPurchasesByDay: Int32Array;
}

/**
 * Splits a transaction table at `calibrationEnd` for model checking (fit on the calibration
 * window, compare predicted with actual holdout purchases), as lifetimes'
 * `calibration_and_holdout_data(freq="D")` does: the calibration summary follows
 * `summarizeCustomers`; holdout purchases count purchase days, the same occasions as frequency.
 * Cost: that of `summarizeCustomers`.
 *
 * @throws ClvError `value` unless firstDay <= calibrationEnd < holdoutEnd <= the table's observation end
 * @example
 * // CDNOW sample, calibration to 1997-09-30, holdout to 1998-06-30: 1,882 holdout purchase days in all
 * splitCalibrationHoldout(table, { calibrationEnd: 10134, unit: "week" }).holdoutLength // 39
 */
export function splitCalibrationHoldout(table: TransactionTable, options: CalibrationHoldoutOptions): CalibrationHoldout {
  const { calibrationEnd, unit } = options;
  const holdoutEnd = options.holdoutEnd ?? table.observationEnd;
  const unitDays = daysPerUnit(unit);
  ensure(table.length > 0, "`splitCalibrationHoldout` requires at least one valid transaction");
  ensure(
    Number.isInteger(calibrationEnd) && calibrationEnd >= table.firstDay,
    `\`calibrationEnd\` must be a day number on or after the first transaction (${isoDate(table.firstDay)})`
  );
  ensure(
    Number.isInteger(holdoutEnd) && holdoutEnd > calibrationEnd && holdoutEnd <= table.observationEnd,
    `\`holdoutEnd\` must be a day number after \`calibrationEnd\` (${isoDate(calibrationEnd)}) and on or before the observation end (${isoDate(table.observationEnd)})`
  );
  const repeatPurchasesByDay = new Int32Array(holdoutEnd - table.firstDay + 1);
  const windows = summarizeWindow(table, unit, calibrationEnd, holdoutEnd, repeatPurchasesByDay);
  return {
    calibration: windows.summary,
    holdoutPurchases: windows.holdoutPurchases,
    holdoutRevenue: windows.holdoutRevenue,
    holdoutLength: (holdoutEnd - calibrationEnd) / unitDays,
    newInHoldout: windows.customersAfterEnd,
    repeatPurchasesByDay,
  };
}
