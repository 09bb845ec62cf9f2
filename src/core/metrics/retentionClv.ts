import { ClvError } from "../errors";
import { check, checkDiscountRate, checkRetentionRate, isFiniteNumber } from "./checks";

const NAME = "retentionClv";

/**
 * Retention-based customer lifetime value: the present value of a margin `m` earned each period by the
 * share of customers still retained, sum over t = 1..n of m r^t / (1 + d)^t; without `periods` the infinite
 * sum m r / (1 + d - r) (the "margin multiple").
 *
 * The first margin comes at the end of period 1 from the customers retained into it (hence r^1), so the
 * value is of a customer just acquired, acquisition cost not included. Units: `marginPerPeriod` in currency
 * per period (either sign); `retentionRate` a fraction per period from 0 to 1; `discountRate` a fraction per
 * period above -1; `periods` a whole number, 0 or more. Source: Gupta & Lehmann (2003), "Customers as
 * assets", Journal of Interactive Marketing 17(1), and Farris et al. (2010), Marketing Metrics, 2nd ed.,
 * ch. 5: CLV = m r / (1 + d - r). The finite sum uses the geometric series closed form. Cost O(1).
 *
 * @throws ClvError `value` for a retention outside [0, 1], a discount rate of -1 or less, a fractional or
 *   negative number of periods, or a non-numeric input; `number` without `periods` when the sum has no
 *   finite value (retention >= 1 + discount rate, e.g. full retention and no discounting).
 * @example retentionClv(100, 0.8, 0.1) // 266.666... = 100 * 0.8 / 0.3
 * @example retentionClv(100, 0.5, 0, 2) // 75 = 100 * 0.5 + 100 * 0.25
 */
export function retentionClv(
  marginPerPeriod: number,
  retentionRate: number,
  discountRate: number,
  periods?: number
): number {
  check(NAME, isFiniteNumber(marginPerPeriod), "a margin per period that is a number", marginPerPeriod);
  checkRetentionRate(NAME, retentionRate);
  checkDiscountRate(NAME, discountRate);
  if (periods === undefined) {
    if (retentionRate >= 1 + discountRate) {
      throw new ClvError(
        "number",
        `\`${NAME}\` has no finite value over an unlimited horizon when retention (${retentionRate}) ` +
          "is at least 1 + the discount rate; give a number of periods"
      );
    }
    return (marginPerPeriod * retentionRate) / (1 + discountRate - retentionRate);
  }
  check(NAME, Number.isInteger(periods) && periods >= 0, "a whole number of periods, 0 or more", periods);
  // Geometric series with ratio q = r / (1 + d): m q (1 - q^n) / (1 - q), or m n when q = 1.
  const ratio = retentionRate / (1 + discountRate);
  if (ratio === 1) return marginPerPeriod * periods;
  return (marginPerPeriod * ratio * (1 - ratio ** periods)) / (1 - ratio);
}
