import { check, checkDiscountRate, checkList, isFiniteNumber, isNonNegative } from "./checks";

const NAME = "npvClv";

/**
 * Customer lifetime value as the net present value of a customer's margins, in Excel's NPV convention:
 * sum over periods i = 1..n of (revenue_i - cost_i) / (1 + discountRate)^i, less the acquisition cost,
 * which is paid at t = 0 and so not discounted. Equals Excel's `NPV(d, revenues - costs) - acquisitionCost`.
 *
 * Units: cash flows and acquisition cost in one currency; `discountRate` a fraction per period (0.1 for
 * 10%), above -1; one revenue (and one cost, when given) per period, first period first; revenues and costs
 * may have either sign. Source: Microsoft, "NPV function" (Excel help): cash flows at the end of each period.
 * Cost O(n).
 *
 * @throws ClvError `value` for a discount rate of -1 or less, a non-numeric cash flow, no revenues, a cost
 *   list whose length differs from the revenues', or a negative acquisition cost.
 * @example npvClv(0.1, [110, 121]) // 200
 * @example npvClv(0.1, [110, 121], [0, 0], 50) // 150
 */
export function npvClv(
  discountRate: number,
  revenues: readonly number[],
  costs?: readonly number[],
  acquisitionCost = 0
): number {
  checkDiscountRate(NAME, discountRate);
  checkList(NAME, revenues, isFiniteNumber, "revenues that are numbers");
  check(NAME, revenues.length > 0, "at least one period of revenue", revenues.length);
  if (costs !== undefined) {
    checkList(NAME, costs, isFiniteNumber, "costs that are numbers");
    check(NAME, costs.length === revenues.length, `one cost per period of revenue (${revenues.length})`, costs.length);
  }
  check(NAME, isNonNegative(acquisitionCost), "an acquisition cost of 0 or more", acquisitionCost);
  const presentValue = revenues.reduce(
    (total, revenue, index) => total + (revenue - (costs?.[index] ?? 0)) / (1 + discountRate) ** (index + 1),
    0
  );
  return presentValue - acquisitionCost;
}
