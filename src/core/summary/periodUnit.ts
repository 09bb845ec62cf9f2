import { ensure } from "../errors";

/** The unit in which model inputs (recency, T) and horizons are expressed. */
export type PeriodUnit = "day" | "week" | "month";

/**
 * Days per period unit: a week is 7 days, a month is an average Gregorian month of 365.25 / 12 =
 * 30.4375 days. Times are fractional (Fader & Hardie's CDNOW weeks, e.g. 213 days = 30.43 weeks),
 * unlike lifetimes' `freq="W"`/`"M"`, which counts calendar periods.
 */
export const DAYS_PER_UNIT: Readonly<Record<PeriodUnit, number>> = { day: 1, week: 7, month: 365.25 / 12 };

/**
 * Days in one period of `unit`.
 *
 * @throws ClvError `value` for an unknown unit
 * @example daysPerUnit("week") // 7
 */
export function daysPerUnit(unit: PeriodUnit): number {
  ensure(Object.hasOwn(DAYS_PER_UNIT, unit), `\`unit\` must be "day", "week" or "month", not ${JSON.stringify(unit)}`);
  return DAYS_PER_UNIT[unit];
}
