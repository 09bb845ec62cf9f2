import { check, checkList, divide, isNonNegative, sum } from "./checks";

const NAME = "averageOrderValue";

/**
 * Average order value (AOV): revenue per order, in the currency of the revenue.
 * - `averageOrderValue(revenue, transactions)` = revenue / transactions;
 * - `averageOrderValue(orderAmounts)` = the mean of the amounts, one per order.
 *
 * Source: the standard e-commerce definition, total revenue over number of orders. Amounts must be net of
 * returns: none may be negative. Cost O(n).
 *
 * @throws ClvError `value` for a negative or non-numeric revenue, amount or count, or a count given with a
 *   list; `divisionByZero` for 0 transactions or an empty list.
 * @example averageOrderValue(5000, 50) // 100
 * @example averageOrderValue([80, 120, 100]) // 100
 */
export function averageOrderValue(revenue: number, transactions: number): number;
export function averageOrderValue(orderAmounts: readonly number[]): number;
export function averageOrderValue(revenueOrAmounts: number | readonly number[], transactions?: number): number {
  if (Array.isArray(revenueOrAmounts)) {
    check(NAME, transactions === undefined, "no count of transactions beside a list of order amounts", transactions);
    checkList(NAME, revenueOrAmounts, isNonNegative, "order amounts of 0 or more");
    return divide(NAME, sum(revenueOrAmounts), revenueOrAmounts.length, "at least one order amount");
  }
  check(NAME, isNonNegative(revenueOrAmounts), "revenue of 0 or more", revenueOrAmounts);
  check(NAME, isNonNegative(transactions), "a number of transactions of 0 or more", transactions);
  return divide(NAME, revenueOrAmounts, transactions, "a positive number of transactions");
}
