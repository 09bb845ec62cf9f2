import { check, checkList, divide, isFiniteNumber, isNonNegative, sum } from "./checks";

const NAME = "averageCustomerLifespan";

/**
 * Average customer lifespan (ACL), in periods.
 * - `averageCustomerLifespan(churnRate)` = 1 / churn rate: the mean number of periods a customer stays when
 *   a constant share churns each period (the mean of a geometric distribution); monthly churn gives months;
 * - `averageCustomerLifespan(lifespans)` = the mean of observed lifespans, in their unit.
 * A single number is always a churn rate and must lie in (0, 1]; a list, even of one item, is lifespans.
 *
 * Source: expected lifetime = 1 / (1 - retention rate) (Farris et al. 2010, Marketing Metrics, 2nd ed.,
 * ch. 5). Cost O(n).
 *
 * @throws ClvError `value` for a churn rate outside [0, 1], a negative or non-numeric lifespan;
 *   `divisionByZero` for a churn rate of 0 (customers never leave) or an empty list.
 * @example averageCustomerLifespan(0.1) // 10
 * @example averageCustomerLifespan([2, 3, 7]) // 4
 */
export function averageCustomerLifespan(churnRate: number): number;
export function averageCustomerLifespan(lifespans: readonly number[]): number;
export function averageCustomerLifespan(churnOrLifespans: number | readonly number[]): number {
  if (Array.isArray(churnOrLifespans)) {
    checkList(NAME, churnOrLifespans, isNonNegative, "lifespans of 0 or more");
    return divide(NAME, sum(churnOrLifespans), churnOrLifespans.length, "at least one lifespan");
  }
  const churn = churnOrLifespans;
  const isChurnRate = isFiniteNumber(churn) && churn >= 0 && churn <= 1;
  check(NAME, isChurnRate, "a single churn rate from 0 to 1 (0.1 for 10%), or a list of lifespans", churn);
  return divide(NAME, 1, churn, "a churn rate above 0");
}
