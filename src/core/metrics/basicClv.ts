import { check, isFiniteNumber, isNonNegative } from "./checks";

const NAME = "basicClv";

/**
 * Basic (historical) customer lifetime value: AOV x APF x ACL, times the gross margin when given.
 * Revenue per customer lifetime without margin; profit per lifetime with it. Undiscounted.
 *
 * Units: `averageOrderValue` in currency per order, `purchaseFrequency` in orders per period,
 * `lifespan` in the same periods; `grossMargin` a fraction (0.3 for 30%), at most 1, and negative for
 * customers served at a loss. Source: the standard simple CLV formula, value per order x orders per
 * period x periods per customer. Cost O(1).
 *
 * @throws ClvError `value` for a negative or non-numeric AOV, APF or ACL, or a margin above 1 or not a number.
 * @example basicClv(100, 2, 20) // 4000
 * @example basicClv(100, 2, 20, 0.3) // 1200
 */
export function basicClv(
  averageOrderValue: number,
  purchaseFrequency: number,
  lifespan: number,
  grossMargin = 1
): number {
  check(NAME, isNonNegative(averageOrderValue), "an average order value of 0 or more", averageOrderValue);
  check(NAME, isNonNegative(purchaseFrequency), "a purchase frequency of 0 or more", purchaseFrequency);
  check(NAME, isNonNegative(lifespan), "a customer lifespan of 0 or more", lifespan);
  const isMargin = isFiniteNumber(grossMargin) && grossMargin <= 1;
  check(NAME, isMargin, "a gross margin of at most 1 (0.3 for 30%)", grossMargin);
  return averageOrderValue * purchaseFrequency * lifespan * grossMargin;
}
