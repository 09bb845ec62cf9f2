import { check, divide, isNonNegative } from "./checks";

const NAME = "churnRate";

/**
 * Churn rate of one period: the share of the customers present at its start that were lost during it,
 * (start + new - end) / start, as a fraction (0.1 = 10%) per period.
 *
 * Source: the standard period churn rate, customers lost over customers at the start; churn = 1 - retention
 * rate (Farris et al. 2010, Marketing Metrics, 2nd ed., ch. 5). Customers acquired in the period and lost in
 * it count as lost, so the rate can exceed 1 when more are lost than there were at the start. Cost O(1).
 *
 * @throws ClvError `value` for a negative or non-numeric count, or more customers at the end than at the
 *   start plus new ones; `divisionByZero` for 0 customers at the start.
 * @example churnRate(100, 90) // 0.1
 * @example churnRate(100, 100, 20) // 0.2
 */
export function churnRate(startCustomers: number, endCustomers: number, newCustomers = 0): number {
  check(NAME, isNonNegative(startCustomers), "customers at the start of 0 or more", startCustomers);
  check(NAME, isNonNegative(endCustomers), "customers at the end of 0 or more", endCustomers);
  check(NAME, isNonNegative(newCustomers), "new customers of 0 or more", newCustomers);
  check(
    NAME,
    endCustomers <= startCustomers + newCustomers,
    `customers at the end of at most start plus new customers (${startCustomers + newCustomers})`,
    endCustomers
  );
  return divide(NAME, startCustomers + newCustomers - endCustomers, startCustomers, "customers at the start");
}
