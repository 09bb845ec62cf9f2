import { check, divide, isFiniteNumber, isNonNegative } from "./checks";

const NAME = "ltvToCacRatio";

/**
 * LTV : CAC ratio, customer lifetime value over the cost of acquiring the customer (a pure number; 3 or more
 * is the usual target). Source: D. Skok, "SaaS Metrics 2.0" (forEntrepreneurs.com): LTV > 3 x CAC.
 * The CLV may be negative; the acquisition cost may not. Cost O(1).
 *
 * @throws ClvError `value` for a non-numeric CLV or a negative or non-numeric acquisition cost;
 *   `divisionByZero` for an acquisition cost of 0.
 * @example ltvToCacRatio(4000, 1000) // 4
 */
export function ltvToCacRatio(clv: number, acquisitionCost: number): number {
  check(NAME, isFiniteNumber(clv), "a customer lifetime value that is a number", clv);
  check(NAME, isNonNegative(acquisitionCost), "an acquisition cost of 0 or more", acquisitionCost);
  return divide(NAME, clv, acquisitionCost, "a positive acquisition cost");
}
