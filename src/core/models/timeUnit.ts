import { ClvError } from "../errors";
import { PERIODS_PER_MONTH } from "./customerLifetimeValue";

/**
 * The time units a purchase model is fitted in: days, weeks (7 days) or months (365.25 / 12 = 30.4375
 * days, see {@link PERIODS_PER_MONTH}). The rate parameters (alpha, and beta of Pareto/NBD) are per unit,
 * so a model answers only for times in the unit it was fitted in.
 */
export type TimeUnit = keyof typeof PERIODS_PER_MONTH;

const UNITS = Object.keys(PERIODS_PER_MONTH) as TimeUnit[];

/**
 * Reads a time unit as a user types it: days, weeks or months, in any case, singular or plural, with
 * spaces around ignored. Cost O(1).
 *
 * @param name - the argument or label the text came from, for the message
 * @throws ClvError `value` for anything else, e.g. "unit is 'fortnights'; use days, weeks or months"
 * @example parseTimeUnit(" Week ", "unit") // "weeks"
 */
export function parseTimeUnit(text: string, name: string): TimeUnit {
  const word = text.trim().toLowerCase();
  const unit = UNITS.find((candidate) => word === candidate || word === candidate.slice(0, -1));
  if (unit === undefined) throw new ClvError("value", `${name} is '${text}'; use days, weeks or months`);
  return unit;
}

/**
 * Checks that times stated to be in `given` can go into a model fitted in `fitted`: a model fitted in
 * weeks reads recency 30 as 30 weeks, so times in days would be silently wrong by a factor of 7. Cost O(1).
 *
 * @param block - the name of the argument holding the fitted model, for the message
 * @throws ClvError `value` when the units differ, e.g. "params was fitted in weeks, but unit is days:
 *   give the times in weeks, or fit the model on times in days"
 * @example checkSameTimeUnit("weeks", "weeks", "params") // passes
 */
export function checkSameTimeUnit(fitted: TimeUnit, given: TimeUnit, block: string): void {
  if (fitted !== given) {
    throw new ClvError(
      "value",
      `${block} was fitted in ${fitted}, but unit is ${given}: give the times in ${fitted}, or fit the model on times in ${given}`
    );
  }
}
