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
import {
  type PurchaseModelKind,
  type TimeUnit,
  conditionalExpectedPurchases,
  conditionalExpectedSpend,
  customerLifetimeValue,
  fitGammaGamma,
  fitPurchaseModel,
  fitSbg,
  PERIODS_PER_MONTH,
  probabilityAlive,
  readGammaGammaBlock,
  readPurchaseModelBlock,
  sbgCustomerLifetimeValue,
  sbgRetention,
  sbgSurvival,
  writeParameterBlock,
} from "../core/models";
import {
  readGrid,
  readIds,
  readNumber,
  readNumbers,
  readOptionalNumber,
  readOptionalTimeUnit,
  readSeries,
  single,
} from "./cellArguments";
import { evaluate } from "./cellErrors";
import { readPurchaseHistories, readSpendHistories } from "./customerRanges";

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

// The model functions. A fit spills a parameter block (2 columns: label, value; see
// src/core/models/parameterBlock.ts) that the predictions read back, so the model kind and the time unit
// travel with the parameters. Customer arguments are columns (or rows) of one value per customer, and a
// prediction spills one value per customer in the same layout. README.md, "Predictive and subscription
// functions", has the conventions and worked examples.

/** The time unit of a purchase fit whose unit is left out: the unit of Fader & Hardie's CDNOW papers. */
const DEFAULT_TIME_UNIT: TimeUnit = "weeks";

/**
 * Fits the BG/NBD purchase model (Fader, Hardie & Lee 2005) to customers' purchase histories; spills its parameter block.
 * @customfunction BGNBD_FIT
 * @param frequency Repeat purchases of each customer (count of purchases after the first), one column.
 * @param recency Time from each customer's first to last purchase (in unit; 0 without repeat purchases), one column.
 * @param age Time from each customer's first purchase to the end of the data (T, in unit), one column.
 * @param unit Time unit of recency and age: "days", "weeks" or "months" (a month is 365.25/12 days). Weeks when left out.
 * @returns Block of labels and values: model, unit, r, alpha (per unit), a, b, log-likelihood, converged, warnings.
 * @example =CLV.BGNBD_FIT(B2:B2358, C2:C2358, D2:D2358) spills r 0.243, alpha 4.414, a 0.793, b 2.426 on CDNOW in weeks
 */
export function BGNBD_FIT(frequency: unknown[][], recency: unknown[][], age: unknown[][], unit?: unknown): unknown[][] {
  return evaluate("BGNBD_FIT", () => purchaseModelBlock("bgnbd", frequency, recency, age, unit));
}

/**
 * Fits the Pareto/NBD purchase model (Schmittlein, Morrison & Colombo 1987) to customers' purchase histories; spills its parameter block.
 * @customfunction PARETO_FIT
 * @param frequency Repeat purchases of each customer (count of purchases after the first), one column.
 * @param recency Time from each customer's first to last purchase (in unit; 0 without repeat purchases), one column.
 * @param age Time from each customer's first purchase to the end of the data (T, in unit), one column.
 * @param unit Time unit of recency and age: "days", "weeks" or "months" (a month is 365.25/12 days). Weeks when left out.
 * @returns Block of labels and values: model, unit, r, alpha (per unit), s, beta (per unit), log-likelihood, converged, warnings.
 * @example =CLV.PARETO_FIT(B2:B2358, C2:C2358, D2:D2358) spills r 0.553, alpha 10.58, s 0.606, beta 11.67 on CDNOW in weeks
 */
export function PARETO_FIT(frequency: unknown[][], recency: unknown[][], age: unknown[][], unit?: unknown): unknown[][] {
  return evaluate("PARETO_FIT", () => purchaseModelBlock("pareto", frequency, recency, age, unit));
}

/**
 * Fits the Gamma-Gamma spend model (Fader, Hardie & Lee 2005) to repeat buyers' mean spends; spills its parameter block.
 * @customfunction GG_FIT
 * @param frequency Repeat purchases of each customer (count); customers with 0 carry no spend information and are left out.
 * @param monetary Mean value of each customer's repeat purchases (currency; ignored when frequency is 0), one column.
 * @returns Block of labels and values: model, p, q, v (currency), log-likelihood, converged, warnings.
 * @example =CLV.GG_FIT(B2:B2358, E2:E2358) spills p 6.25, q 3.74, v 15.44 on CDNOW
 */
export function GG_FIT(frequency: unknown[][], monetary: unknown[][]): unknown[][] {
  return evaluate("GG_FIT", () => {
    const fit = fitGammaGamma(readSpendHistories(frequency, monetary));
    return writeParameterBlock({ kind: "gammaGamma", parameters: fit.parameters }, fit);
  });
}

/**
 * Probability that each customer is still active ("alive"), from a BG/NBD or Pareto/NBD parameter block.
 * @customfunction PALIVE
 * @param params Parameter block spilled by CLV.BGNBD_FIT or CLV.PARETO_FIT (e.g. G2#).
 * @param frequency Repeat purchases of each customer (count), one column.
 * @param recency Time from each customer's first to last purchase, in the block's unit (its unit row), one column.
 * @param age Time from each customer's first purchase to the end of the data (T), in the block's unit, one column.
 * @param unit Time unit of recency and age: "days", "weeks" or "months"; refused unless it is the block's. Leave out to use the block's.
 * @returns P(alive) of each customer (a probability from 0 to 1), one per customer.
 * @example =CLV.PALIVE(G2#, 2, 30.43, 38.86) is 0.727 with the BG/NBD block of CDNOW in weeks
 */
export function PALIVE(
  params: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  age: unknown[][],
  unit?: unknown
): number[][] {
  return evaluate("PALIVE", () => {
    const model = readPurchaseModelBlock(params, "params", readOptionalTimeUnit(unit, "unit"));
    const customers = readPurchaseHistories(frequency, recency, age);
    return customers.spill((i) => probabilityAlive(model, customers.frequency[i], customers.recency[i], customers.T[i]));
  });
}

/**
 * Expected repeat purchases of each customer in the next t periods, from a BG/NBD or Pareto/NBD parameter block.
 * @customfunction EXPECTED_PURCHASES
 * @param params Parameter block spilled by CLV.BGNBD_FIT or CLV.PARETO_FIT (e.g. G2#).
 * @param t Horizon after the end of the data, in the block's unit (39 for 39 weeks), 0 or more.
 * @param frequency Repeat purchases of each customer (count), one column. A new customer is 0, 0, 0.
 * @param recency Time from each customer's first to last purchase, in the block's unit (its unit row), one column.
 * @param age Time from each customer's first purchase to the end of the data (T), in the block's unit, one column.
 * @param unit Time unit of t, recency and age: "days", "weeks" or "months"; refused unless it is the block's. Leave out to use the block's.
 * @returns Expected repeat purchases in the next t periods (count), one per customer.
 * @example =CLV.EXPECTED_PURCHASES(G2#, 39, 2, 30.43, 38.86) is 1.226 with the BG/NBD block of CDNOW in weeks
 */
export function EXPECTED_PURCHASES(
  params: unknown[][],
  t: unknown,
  frequency: unknown[][],
  recency: unknown[][],
  age: unknown[][],
  unit?: unknown
): number[][] {
  return evaluate("EXPECTED_PURCHASES", () => {
    const model = readPurchaseModelBlock(params, "params", readOptionalTimeUnit(unit, "unit"));
    const horizon = readNumber(t, "t");
    const customers = readPurchaseHistories(frequency, recency, age);
    return customers.spill((i) =>
      conditionalExpectedPurchases(model, horizon, customers.frequency[i], customers.recency[i], customers.T[i])
    );
  });
}

/**
 * Expected value of each customer's future purchases (Gamma-Gamma): a weighted mean of their own mean spend and the population's.
 * @customfunction EXPECTED_SPEND
 * @param gg_params Parameter block spilled by CLV.GG_FIT (e.g. K2#).
 * @param frequency Repeat purchases of each customer (count), one column.
 * @param monetary Mean value of each customer's repeat purchases (currency; ignored when frequency is 0), one column.
 * @returns Expected spend per purchase (currency), one per customer.
 * @example =CLV.EXPECTED_SPEND(K2#, 2, 22.35) is 24.66 with the Gamma-Gamma block of CDNOW
 */
export function EXPECTED_SPEND(gg_params: unknown[][], frequency: unknown[][], monetary: unknown[][]): number[][] {
  return evaluate("EXPECTED_SPEND", () => {
    const spendModel = readGammaGammaBlock(gg_params, "gg_params");
    const customers = readSpendHistories(frequency, monetary);
    return customers.spill((i) => conditionalExpectedSpend(spendModel, customers.frequency[i], customers.meanSpend[i]));
  });
}

/**
 * Predicted customer lifetime value over the next months: each month's expected purchases x expected spend, discounted.
 * @customfunction PREDICTED_CLV
 * @param params Parameter block spilled by CLV.BGNBD_FIT or CLV.PARETO_FIT (e.g. G2#).
 * @param gg_params Parameter block spilled by CLV.GG_FIT (e.g. K2#).
 * @param frequency Repeat purchases of each customer (count), one column.
 * @param recency Time from each customer's first to last purchase, in the block's unit (its unit row), one column.
 * @param age Time from each customer's first purchase to the end of the data (T), in the block's unit, one column.
 * @param monetary Mean value of each customer's repeat purchases (currency; ignored when frequency is 0), one column.
 * @param months Horizon in months (whole number), whatever the block's unit; a month is 365.25/12 days.
 * @param monthly_discount Discount rate per month (fraction, above -1; 0.01 = 1%).
 * @param unit Time unit of recency and age: "days", "weeks" or "months"; refused unless it is the block's. Leave out to use the block's.
 * @returns Predicted lifetime value over the horizon (currency: revenue; multiply by a margin for profit), one per customer.
 * @example =CLV.PREDICTED_CLV(G2#, K2#, 0, 0, 0, 0, 2, 0) is 6.67 = 10 x 2/3 for a new customer, Pareto/NBD r 1, alpha 1, s 2, beta 1 in months, Gamma-Gamma p 1, q 2, v 10
 */
export function PREDICTED_CLV(
  params: unknown[][],
  gg_params: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  age: unknown[][],
  monetary: unknown[][],
  months: unknown,
  monthly_discount: unknown,
  unit?: unknown
): number[][] {
  return evaluate("PREDICTED_CLV", () => {
    const model = readPurchaseModelBlock(params, "params", readOptionalTimeUnit(unit, "unit"));
    const spendModel = readGammaGammaBlock(gg_params, "gg_params");
    const horizon = {
      months: readNumber(months, "months"),
      monthlyDiscountRate: readNumber(monthly_discount, "monthly_discount"),
      periodsPerMonth: PERIODS_PER_MONTH[model.unit],
    };
    const customers = readPurchaseHistories(frequency, recency, age);
    const spends = readSpendHistories(frequency, monetary);
    return customers.spill((i) => {
      const x = customers.frequency[i];
      const spend = conditionalExpectedSpend(spendModel, x, spends.meanSpend[i]);
      return customerLifetimeValue(model, spend, x, customers.recency[i], customers.T[i], horizon);
    });
  });
}

/**
 * Fits the shifted-beta-geometric retention model (Fader & Hardie 2007) to a cohort's active customers by period; spills its parameter block.
 * @customfunction SBG_FIT
 * @param active_by_period Customers (or % of the cohort) still active at the start (period 0) and after each period, never rising; a row or column.
 * @returns Block of labels and values: model, alpha, beta, log-likelihood, converged, warnings.
 * @example =CLV.SBG_FIT({100,63.1,46.8,38.2,32.6,28.9,26.2,24.1}) spills alpha 0.704, beta 1.182 (Fader & Hardie 2007)
 */
export function SBG_FIT(active_by_period: unknown[][]): unknown[][] {
  return evaluate("SBG_FIT", () => {
    const fit = fitSbg(readSeries(active_by_period, "active_by_period"));
    return writeParameterBlock({ kind: "sbg", parameters: fit.parameters }, fit);
  });
}

/**
 * Share of a cohort still active after t periods under the sBG model: B(alpha, beta + t) / B(alpha, beta).
 * @customfunction SBG_SURVIVAL
 * @param alpha sBG alpha (positive; the alpha row of CLV.SBG_FIT).
 * @param beta sBG beta (positive; the beta row of CLV.SBG_FIT).
 * @param t Periods since acquisition (the contract's periods, 0 or more); one value or a range, answered cell by cell.
 * @returns Survival S(t) (fraction of the cohort, 0 to 1), in the shape of t.
 * @example =CLV.SBG_SURVIVAL(1, 1, 3) is 0.25
 */
export function SBG_SURVIVAL(alpha: unknown, beta: unknown, t: unknown[][]): number[][] {
  return evaluate("SBG_SURVIVAL", () => {
    const parameters = { alpha: readNumber(alpha, "alpha"), beta: readNumber(beta, "beta") };
    return readGrid(t, "t").map((periods) => periods.map((period) => sbgSurvival(parameters, period)));
  });
}

/**
 * Retention rate in period t under the sBG model: the share of customers active at t - 1 who renew at t.
 * @customfunction SBG_RETENTION
 * @param alpha sBG alpha (positive; the alpha row of CLV.SBG_FIT).
 * @param beta sBG beta (positive; the beta row of CLV.SBG_FIT).
 * @param t Period (the contract's periods, 1 or more); one value or a range, answered cell by cell.
 * @returns Retention rate r(t) = (beta + t - 1) / (alpha + beta + t - 1) (fraction, 0 to 1), in the shape of t.
 * @example =CLV.SBG_RETENTION(1, 1, 1) is 0.5
 */
export function SBG_RETENTION(alpha: unknown, beta: unknown, t: unknown[][]): number[][] {
  return evaluate("SBG_RETENTION", () => {
    const parameters = { alpha: readNumber(alpha, "alpha"), beta: readNumber(beta, "beta") };
    return readGrid(t, "t").map((periods) => periods.map((period) => sbgRetention(parameters, period)));
  });
}

/**
 * Subscription customer value under the sBG model: margin x discounted expected lifetime (DEL), or residual lifetime (DERL) after renewals (Fader & Hardie 2010).
 * @customfunction SBG_CLV
 * @param alpha sBG alpha (positive; the alpha row of CLV.SBG_FIT).
 * @param beta sBG beta (positive; the beta row of CLV.SBG_FIT).
 * @param margin Margin per customer per period (currency), paid at the start of each period the customer is active.
 * @param discount_rate Discount rate per period (fraction, above 0; 0.1 = 10%).
 * @param renewals_so_far Renewals the customer has made (whole number). Leave out for a customer just acquired.
 * @returns Expected discounted value of the customer (currency); with a margin of 1, DEL or DERL in periods.
 * @example =CLV.SBG_CLV(0.704, 1.182, 1, 10%) is 3.695 (Fader & Hardie 2010)
 */
export function SBG_CLV(
  alpha: unknown,
  beta: unknown,
  margin: unknown,
  discount_rate: unknown,
  renewals_so_far?: unknown
): number {
  return evaluate("SBG_CLV", () => {
    const parameters = { alpha: readNumber(alpha, "alpha"), beta: readNumber(beta, "beta") };
    const value = readNumber(margin, "margin");
    const rate = readNumber(discount_rate, "discount_rate");
    const renewals = readOptionalNumber(renewals_so_far, "renewals_so_far");
    return sbgCustomerLifetimeValue(parameters, value, rate, renewals);
  });
}

/** The parameter block of a purchase model fitted to cell ranges in `unit` (weeks when left out). */
function purchaseModelBlock(
  kind: PurchaseModelKind,
  frequency: unknown[][],
  recency: unknown[][],
  age: unknown[][],
  unit: unknown
): unknown[][] {
  const timeUnit = readOptionalTimeUnit(unit, "unit") ?? DEFAULT_TIME_UNIT;
  const fit = fitPurchaseModel(kind, readPurchaseHistories(frequency, recency, age));
  return writeParameterBlock({ ...fit, unit: timeUnit }, fit);
}
