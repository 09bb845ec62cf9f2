import type { PurchaseModelKind } from "../../core/models";
import { type PeriodUnit, daysPerUnit } from "../../core/summary/periodUnit";
import type { SegmentChoice } from "../analysis/segmentChoices";
import type { TextKey } from "../i18n/messages";

/**
 * The assumptions as typed in the form. Numbers stay text until checked, so a half-typed value is
 * kept as the user wrote it. Durations are in fixed, familiar units (annual rate, months, days) and
 * converted to the chosen period by {@link periodAssumptions}.
 */
export interface AssumptionsForm {
  /** null: the default, the segment column when one is chosen, else RFM. */
  segmentBy: SegmentChoice | null;
  unit: PeriodUnit;
  /** Annual discount rate in percent. */
  discountRate: string;
  /** Gross margin in percent of revenue. */
  margin: string;
  /** Acquisition cost of one customer, in the data's currency. */
  cac: string;
  cacPerSegment: boolean;
  /** Per-segment acquisition costs by segment label; blank: `cac`. */
  segmentCac: Record<string, string>;
  horizonMonths: string;
  model: PurchaseModelKind;
  inactivityDays: string;
  /** Check the purchase model's forecast on the last part of the data (a CLV Validation sheet). */
  holdout: boolean;
  /** Periods held out, in the chosen unit; blank: the last third of the data. */
  holdoutPeriods: string;
}

/**
 * Defaults: monthly periods, 10 % a year (a common cost of capital), 100 % margin (CLV as revenue
 * until the user gives a margin), 36 months ahead and 90 days to lapse (the engine's own defaults),
 * BG/NBD, and the forecast checked on the last third of the data. The acquisition cost has no
 * sensible default: it depends on the business and currency.
 */
export const DEFAULT_ASSUMPTIONS: AssumptionsForm = {
  segmentBy: null,
  unit: "month",
  discountRate: "10",
  margin: "100",
  cac: "",
  cacPerSegment: false,
  segmentCac: {},
  horizonMonths: "36",
  model: "bgnbd",
  inactivityDays: "90",
  holdout: true,
  holdoutPeriods: "",
};

/** The form's number fields. */
export type NumberField = "discountRate" | "margin" | "cac" | "horizonMonths" | "inactivityDays" | "holdoutPeriods";

/** A field the wizard can flag: a number field, the segment choice, or one segment's cost (`cac:` + label). */
export type AssumptionField = NumberField | "segmentBy" | `cac:${string}`;

/** Checks of each number field: the range it must fall in and the message when it does not. */
const NUMBER_RULES: Record<NumberField, { valid: (value: number) => boolean; problem: TextKey }> = {
  discountRate: { valid: (v) => v >= 0 && v <= 100, problem: "problemDiscountRange" },
  margin: { valid: (v) => v > 0 && v <= 100, problem: "problemMarginRange" },
  cac: { valid: (v) => v >= 0, problem: "problemCacRange" },
  horizonMonths: { valid: (v) => Number.isInteger(v) && v >= 1 && v <= 1200, problem: "problemHorizonRange" },
  inactivityDays: { valid: (v) => Number.isInteger(v) && v >= 1, problem: "problemInactivityRange" },
  holdoutPeriods: { valid: (v) => Number.isInteger(v) && v >= 1, problem: "problemHoldoutRange" },
};

/**
 * A number as typed: digits with an optional sign, one decimal point or comma, thousands spaces,
 * and a trailing "%" (the fields are already in percent, so "10%" is 10). Null for anything else.
 *
 * @example readNumber(" 7,5 % ") // 7.5
 * @example readNumber("1e3") // null
 */
export function readNumber(text: string): number | null {
  const cleaned = text.trim().replace(/\s*%$/, "").replace(/[\s\u00a0]/g, "");
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(cleaned)) return null;
  return Number(cleaned.replace(",", "."));
}

/**
 * The message for one number field's text, or null when it is valid.
 *
 * @example numberProblem("margin", "120") // "problemMarginRange"
 */
export function numberProblem(field: NumberField, text: string): TextKey | null {
  const value = readNumber(text);
  if (value === null) return "problemNumber";
  return NUMBER_RULES[field].valid(value) ? null : NUMBER_RULES[field].problem;
}

/**
 * A rate per `unit` equivalent to an annual rate, compounding: (1 + annual)^(days per unit / 365.25) - 1,
 * with a year of 365.25 days (so 12 months of 30.4375 days make one year).
 *
 * @example ratePerPeriod(0.1, "month") // 0.0079741404 (1.1^(1/12) - 1)
 */
export function ratePerPeriod(annualRate: number, unit: PeriodUnit): number {
  return Math.pow(1 + annualRate, daysPerUnit(unit) / 365.25) - 1;
}

/**
 * The message for the holdout length, or null when it is valid: blank (the default third) or a whole
 * number of periods, 1 or more; not checked when the holdout is off.
 *
 * @example holdoutProblem({ ...DEFAULT_ASSUMPTIONS, holdoutPeriods: "0" }) // "problemHoldoutRange"
 */
export function holdoutProblem(form: AssumptionsForm): TextKey | null {
  return !form.holdout || form.holdoutPeriods.trim() === "" ? null : numberProblem("holdoutPeriods", form.holdoutPeriods);
}

/** The engine's per-period assumptions. */
export interface PeriodAssumptions {
  /** Discount rate per period (0.01 = 1 %). */
  discountRate: number;
  /** Fraction of revenue (0.3 = 30 %). */
  margin: number;
  /** Whole periods, rounded to the nearest. */
  horizonPeriods: number;
  /** Periods, fractional. */
  inactivityPeriods: number;
  /** With the holdout check: the periods held out (absent: the engine's default third). */
  holdout?: { periods?: number };
}

/**
 * The form's annual rate, percentages, months and days as the engine's per-period values, for a
 * valid form (see {@link numberProblem}): months are 365.25 / 12 days.
 *
 * @example periodAssumptions({ ...DEFAULT_ASSUMPTIONS, unit: "week" }).horizonPeriods // 157 (36 x 30.4375 / 7 = 156.5)
 */
export function periodAssumptions(form: AssumptionsForm): PeriodAssumptions {
  const value = (field: NumberField) => readNumber(form[field]) as number;
  const unitDays = daysPerUnit(form.unit);
  return {
    discountRate: ratePerPeriod(value("discountRate") / 100, form.unit),
    margin: value("margin") / 100,
    horizonPeriods: Math.round((value("horizonMonths") * daysPerUnit("month")) / unitDays),
    inactivityPeriods: value("inactivityDays") / unitDays,
    ...(form.holdout ? { holdout: form.holdoutPeriods.trim() === "" ? {} : { periods: value("holdoutPeriods") } } : {}),
  };
}

/**
 * The acquisition cost to report: one number, or (per segment) one per label, a blank segment
 * taking the common cost. For a valid form.
 *
 * @example cacFor({ ...DEFAULT_ASSUMPTIONS, cac: "50", cacPerSegment: true, segmentCac: { Gold: "80" } }, ["Gold", "Burden"])
 * // { Gold: 80, Burden: 50 }
 */
export function cacFor(form: AssumptionsForm, segments: readonly string[] | undefined): number | Record<string, number> {
  const common = readNumber(form.cac) as number;
  if (!form.cacPerSegment || segments === undefined) return common;
  return Object.fromEntries(
    segments.map((label) => {
      const text = form.segmentCac[label] ?? "";
      return [label, text.trim() === "" ? common : (readNumber(text) as number)];
    })
  );
}
