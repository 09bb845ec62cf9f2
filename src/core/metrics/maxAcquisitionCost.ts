import { check, divide, isFiniteNumber, isNonNegative } from "./checks";

const NAME = "maxAcquisitionCost";

/** LTV : CAC ratio that acquisition spending is commonly held to (D. Skok, "SaaS Metrics 2.0"). */
export const DEFAULT_TARGET_LTV_TO_CAC = 3;

/**
 * The most one may pay to acquire a customer and still meet a target LTV : CAC ratio: clv / targetRatio,
 * in the currency of the CLV. A negative CLV gives a negative result: no acquisition spending pays off.
 * Source: the LTV : CAC ratio solved for CAC. Cost O(1).
 *
 * @throws ClvError `value` for a non-numeric CLV or a negative or non-numeric target; `divisionByZero` for a
 *   target of 0.
 * @example maxAcquisitionCost(4000) // 1333.33... = 4000 / 3
 * @example maxAcquisitionCost(4000, 4) // 1000
 */
export function maxAcquisitionCost(clv: number, targetRatio = DEFAULT_TARGET_LTV_TO_CAC): number {
  check(NAME, isFiniteNumber(clv), "a customer lifetime value that is a number", clv);
  check(NAME, isNonNegative(targetRatio), "a target LTV:CAC ratio of 0 or more", targetRatio);
  return divide(NAME, clv, targetRatio, "a positive target LTV:CAC ratio");
}
