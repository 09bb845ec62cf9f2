import { ClvError, ensure } from "../errors";

// Input checks shared by the metric functions. Each failure names the function, what it needs and the
// value it got, in one message format: "`churnRate` requires customers at the start of 0 or more; got -5".

/** True for a number that is not NaN or infinite (text such as "5" is not a number here). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** True for a finite number of 0 or more. */
export function isNonNegative(value: unknown): value is number {
  return isFiniteNumber(value) && value >= 0;
}

/** How a bad input reads in a message: numbers as written, anything else as JSON (`"abc"`, `true`). */
function shown(value: unknown): string {
  return typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
}

/** Throws a `value` error "`name` requires need; got value" unless `condition` holds. */
export function check(name: string, condition: boolean, need: string, value: unknown): asserts condition {
  ensure(condition, `\`${name}\` requires ${need}; got ${shown(value)}`);
}

/** Checks that `values` is a list whose every item passes `isValid`; the message shows the first bad item. */
export function checkList(
  name: string,
  values: unknown,
  isValid: (item: unknown) => boolean,
  need: string
): void {
  check(name, Array.isArray(values), `a list of ${need}`, values);
  const items = values as unknown[];
  const bad = items.findIndex((item) => !isValid(item));
  check(name, bad === -1, need, items[bad]);
}

/** Checks a discount rate per period: a fraction above -1, where the discount factor 1 / (1 + d) is finite. */
export function checkDiscountRate(name: string, discountRate: number): void {
  const isRate = isFiniteNumber(discountRate) && discountRate > -1;
  check(name, isRate, "a discount rate above -1 (0.1 for 10%)", discountRate);
}

/** Checks a retention rate per period: a fraction from 0 to 1. */
export function checkRetentionRate(name: string, retentionRate: number): void {
  const isFraction = isFiniteNumber(retentionRate) && retentionRate >= 0 && retentionRate <= 1;
  check(name, isFraction, "a retention rate from 0 to 1 (0.8 for 80%)", retentionRate);
}

/** `numerator / denominator`, or a `divisionByZero` error saying what must not be zero. */
export function divide(name: string, numerator: number, denominator: number, need: string): number {
  if (denominator === 0) throw new ClvError("divisionByZero", `\`${name}\` requires ${need}; got 0`);
  return numerator / denominator;
}

/** Sum of a list of numbers. */
export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
