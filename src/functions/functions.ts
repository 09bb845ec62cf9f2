import {
  averageCustomerLifespan,
  averageOrderValue,
  averagePurchaseFrequency,
  basicClv,
  churnRate,
  ltvToCacRatio,
  maxAcquisitionCost,
  npvClv,
  paybackPeriods,
  retentionClv,
} from "../core/metrics";
import { readIds, readNumber, readNumbers, readOptionalNumber, readSeries, single } from "./cellArguments";
import { evaluate } from "./cellErrors";

// The CLV.* cell functions. Each JSDoc is the function's Excel metadata (custom-functions-metadata-plugin);
// each body only reads its arguments and calls the engine in src/core/metrics, which does all arithmetic.
// Function and parameter names are the ones users see in Excel. Ranges are `unknown[][]` (any[][]); single
// values are `unknown` (any), not `number`, so that text or TRUE get a message naming the argument rather
// than a bare #VALUE!. Type aliases and unions are not used: the metadata generator rejects aliases and reads
// a union as a scalar `any`; a left-out optional argument arrives as null, whatever its TypeScript type.
// Error codes, messages and worked examples: README.md, "The cell functions" and "Errors".

/**
 * Average order value: revenue / transactions, or the mean of a range of order amounts.
 * @customfunction AOV
 * @param revenue Total revenue (currency), or a range of order amounts (currency) when transactions is left out.
 * @param transactions Number of orders (count). Leave out to average the order amounts in revenue.
 * @returns Average order value (currency per order).
 * @example =CLV.AOV(5000, 50) is 100
 */
export function AOV(revenue: unknown[][], transactions?: unknown): number {
  return evaluate("AOV", () => {
    const count = readOptionalNumber(transactions, "transactions");
    const amounts = readNumbers(revenue, "revenue");
    return count === undefined
      ? averageOrderValue(amounts)
      : averageOrderValue(single(amounts, "revenue", "transactions"), count);
  });
}

/**
 * Average purchase frequency: transactions / customers, or orders per distinct id in a range of customer ids.
 * @customfunction APF
 * @param transactions_or_ids Number of orders (count); or, without customers, a range of customer ids, one per order.
 * @param customers Number of distinct customers (count). Leave out to count the ids in transactions_or_ids.
 * @returns Average purchase frequency (orders per customer).
 * @example =CLV.APF(300, 150) is 2
 */
export function APF(transactions_or_ids: unknown[][], customers?: unknown): number {
  return evaluate("APF", () => {
    const count = readOptionalNumber(customers, "customers");
    return count === undefined
      ? averagePurchaseFrequency(readIds(transactions_or_ids, "transactions_or_ids"))
      : averagePurchaseFrequency(
          single(readNumbers(transactions_or_ids, "transactions_or_ids"), "transactions_or_ids", "customers"),
          count
        );
  });
}

/**
 * Churn rate of one period: (start + new - end) / start.
 * @customfunction CHURN
 * @param start_customers Customers at the start of the period (count).
 * @param end_customers Customers at the end of the period (count).
 * @param new_customers Customers acquired during the period (count); 0 when left out.
 * @returns Churn rate (fraction per period, 0.1 = 10%).
 * @example =CLV.CHURN(100, 90) is 0.1
 */
export function CHURN(start_customers: unknown, end_customers: unknown, new_customers?: unknown): number {
  return evaluate("CHURN", () =>
    churnRate(
      readNumber(start_customers, "start_customers"),
      readNumber(end_customers, "end_customers"),
      readOptionalNumber(new_customers, "new_customers")
    )
  );
}

/**
 * Average customer lifespan: 1 / churn for a single churn rate, or the mean of a range of lifespans.
 * @customfunction ACL
 * @param churn_or_lifespans One churn rate (fraction per period, 0 to 1), or a range of observed lifespans (periods).
 * @returns Average customer lifespan (periods).
 * @example =CLV.ACL(0.1) is 10
 */
export function ACL(churn_or_lifespans: unknown[][]): number {
  return evaluate("ACL", () => {
    const values = readNumbers(churn_or_lifespans, "churn_or_lifespans");
    const isOneCell = churn_or_lifespans.length === 1 && churn_or_lifespans[0].length === 1;
    return isOneCell && values.length === 1 ? averageCustomerLifespan(values[0]) : averageCustomerLifespan(values);
  });
}

/**
 * Basic customer lifetime value: AOV x APF x ACL, times the gross margin when given.
 * @customfunction BASIC
 * @param aov Average order value (currency per order).
 * @param apf Average purchase frequency (orders per period).
 * @param acl Average customer lifespan (periods).
 * @param margin Gross margin (fraction, at most 1; 0.3 = 30%). Leave out for revenue rather than profit.
 * @returns Customer lifetime value (currency).
 * @example =CLV.BASIC(100, 2, 20) is 4000
 */
export function BASIC(aov: unknown, apf: unknown, acl: unknown, margin?: unknown): number {
  return evaluate("BASIC", () =>
    basicClv(
      readNumber(aov, "aov"),
      readNumber(apf, "apf"),
      readNumber(acl, "acl"),
      readOptionalNumber(margin, "margin")
    )
  );
}

/**
 * Customer lifetime value as the net present value of revenues less costs, as Excel's NPV, less the acquisition cost.
 * @customfunction NPV_CLV
 * @param discount_rate Discount rate (fraction per period, above -1; 0.1 = 10%).
 * @param revenues Revenue of each period, first period first (currency); a range or one value.
 * @param costs Cost of each period, one per revenue (currency); 0 when left out.
 * @param acquisition_cost Acquisition cost paid at the start, not discounted (currency); 0 when left out.
 * @returns Net present value of the customer (currency).
 * @example =CLV.NPV_CLV(10%, B2:B3) is 200 for B2:B3 = 110, 121
 */
export function NPV_CLV(
  discount_rate: unknown,
  revenues: unknown[][],
  costs?: unknown[][],
  acquisition_cost?: unknown
): number {
  return evaluate("NPV_CLV", () =>
    npvClv(
      readNumber(discount_rate, "discount_rate"),
      readSeries(revenues, "revenues"),
      costs == null ? undefined : readSeries(costs, "costs"),
      readOptionalNumber(acquisition_cost, "acquisition_cost")
    )
  );
}

/**
 * Retention-based customer lifetime value: the sum over periods t of margin x retention^t / (1 + discount rate)^t.
 * @customfunction RETENTION_CLV
 * @param margin Margin per customer per period (currency).
 * @param retention Retention rate (fraction per period, 0 to 1; 0.8 = 80%).
 * @param discount_rate Discount rate (fraction per period, above -1; 0.1 = 10%).
 * @param periods Number of periods (whole number). Leave out for an unlimited horizon: margin x r / (1 + d - r).
 * @returns Customer lifetime value (currency).
 * @example =CLV.RETENTION_CLV(100, 80%, 10%) is 266.67
 */
export function RETENTION_CLV(
  margin: unknown,
  retention: unknown,
  discount_rate: unknown,
  periods?: unknown
): number {
  return evaluate("RETENTION_CLV", () =>
    retentionClv(
      readNumber(margin, "margin"),
      readNumber(retention, "retention"),
      readNumber(discount_rate, "discount_rate"),
      readOptionalNumber(periods, "periods")
    )
  );
}

/**
 * LTV:CAC ratio: customer lifetime value over customer acquisition cost.
 * @customfunction LTV_CAC
 * @param clv Customer lifetime value (currency).
 * @param cac Customer acquisition cost (currency).
 * @returns LTV:CAC ratio (a pure number; 3 or more is the usual target).
 * @example =CLV.LTV_CAC(4000, 1000) is 4
 */
export function LTV_CAC(clv: unknown, cac: unknown): number {
  return evaluate("LTV_CAC", () => ltvToCacRatio(readNumber(clv, "clv"), readNumber(cac, "cac")));
}

/**
 * CAC payback: periods until the cumulative (retained, discounted) margin covers the acquisition cost.
 * @customfunction PAYBACK
 * @param cac Customer acquisition cost (currency).
 * @param margin_per_period Margin per customer per period (currency).
 * @param retention Retention rate (fraction per period, 0 to 1); 1 (no churn) when left out.
 * @param discount_rate Discount rate (fraction per period, above -1); 0 when left out.
 * @returns Payback time (periods, interpolated within the period).
 * @example =CLV.PAYBACK(1000, 300) is 3.33
 */
export function PAYBACK(
  cac: unknown,
  margin_per_period: unknown,
  retention?: unknown,
  discount_rate?: unknown
): number {
  return evaluate("PAYBACK", () =>
    paybackPeriods(
      readNumber(cac, "cac"),
      readNumber(margin_per_period, "margin_per_period"),
      readOptionalNumber(retention, "retention"),
      readOptionalNumber(discount_rate, "discount_rate")
    )
  );
}

/**
 * Maximum customer acquisition cost that keeps a target LTV:CAC ratio: clv / target ratio.
 * @customfunction MAX_CAC
 * @param clv Customer lifetime value (currency).
 * @param target_ratio Target LTV:CAC ratio (a pure number); 3 when left out.
 * @returns Maximum acquisition cost (currency).
 * @example =CLV.MAX_CAC(4000) is 1333.33
 */
export function MAX_CAC(clv: unknown, target_ratio?: unknown): number {
  return evaluate("MAX_CAC", () => maxAcquisitionCost(readNumber(clv, "clv"), readOptionalNumber(target_ratio, "target_ratio")));
}
