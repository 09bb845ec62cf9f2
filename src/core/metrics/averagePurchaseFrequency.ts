import { check, checkList, divide, isFiniteNumber, isNonNegative } from "./checks";

const NAME = "averagePurchaseFrequency";

/** A customer's identifier: text or a number, compared exactly ("C1" and "c1", 7 and "7" are different). */
export type CustomerId = string | number;

function isCustomerId(value: unknown): value is CustomerId {
  return (typeof value === "string" && value !== "") || isFiniteNumber(value);
}

/**
 * Average purchase frequency (APF): orders per customer over the period the data cover.
 * - `averagePurchaseFrequency(transactions, customers)` = transactions / customers;
 * - `averagePurchaseFrequency(customerIds)`, one id per order = number of orders / number of distinct ids.
 *
 * Source: the standard definition, total orders over unique customers. Ids are compared exactly, without
 * trimming or case folding. Cost O(n).
 *
 * @throws ClvError `value` for a negative or non-numeric count, an id that is neither non-empty text nor a
 *   number, or a count of customers given with a list; `divisionByZero` for 0 customers or an empty list.
 * @example averagePurchaseFrequency(300, 150) // 2
 * @example averagePurchaseFrequency(["C1", "C2", "C1", "C3", "C1", "C2"]) // 2
 */
export function averagePurchaseFrequency(transactions: number, customers: number): number;
export function averagePurchaseFrequency(customerIds: readonly CustomerId[]): number;
export function averagePurchaseFrequency(
  transactionsOrIds: number | readonly CustomerId[],
  customers?: number
): number {
  if (Array.isArray(transactionsOrIds)) {
    check(NAME, customers === undefined, "no count of customers beside a list of customer ids", customers);
    checkList(NAME, transactionsOrIds, isCustomerId, "customer ids that are non-empty text or numbers");
    return divide(NAME, transactionsOrIds.length, new Set(transactionsOrIds).size, "at least one customer id");
  }
  check(NAME, isNonNegative(transactionsOrIds), "a number of transactions of 0 or more", transactionsOrIds);
  check(NAME, isNonNegative(customers), "a number of customers of 0 or more", customers);
  return divide(NAME, transactionsOrIds, customers, "a positive number of customers");
}
