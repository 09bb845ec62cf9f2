import { ensure } from "../errors";
import { basicClv, retentionClv } from "../metrics";
import { type CustomerSummary, daysPerUnit } from "../summary";
import type { Segmentation } from "./segmentCustomers";

/** Assumptions of the per-segment CLV figures; rates and horizons are per period of the summary's unit. */
export interface SegmentAssumptions {
  /** A customer without a purchase in the last `inactivityPeriods` periods of the window has lapsed. */
  inactivityPeriods: number;
  /** Discount rate per period (0.01 = 1 %). */
  discountRate: number;
  /** Gross margin as a fraction of revenue (0.3 = 30 %). */
  margin: number;
  /** Periods of margin counted in the NPV CLV; omitted: all future periods (closed form). */
  horizonPeriods?: number;
}

/** Per-customer model outputs to average per segment. */
export interface ModelPredictions {
  probabilityAlive: Float64Array;
  predictedClv: Float64Array;
}

/** One line of the segment table. Figures that cannot be estimated are null (see `notes`). */
export interface SegmentRow {
  label: string;
  customers: number;
  orders: number;
  revenue: number;
  customerShare: number;
  orderShare: number;
  revenueShare: number;
  /** Revenue / orders. */
  aov: number;
  /** Customer-periods observed (the churn estimate's denominator). */
  exposure: number;
  /** Orders per customer per period: orders / exposure. */
  apf: number;
  /** Customers without a purchase in the last `inactivityPeriods` periods. */
  lapsed: number;
  /** Churn per period: lapsed / exposure; null when the segment has no exposure. */
  churn: number | null;
  /** Average customer lifespan in periods, 1 / churn; null when no customer lapsed. */
  acl: number | null;
  /** AOV x APF x ACL (revenue, before margin); null without an ACL. */
  basicClv: number | null;
  /** Margin per period (AOV x APF x margin) over the periods a customer is retained (retention = 1 - churn), discounted. */
  npvClv: number | null;
  meanPredictedClv: number | null;
  meanProbabilityAlive: number | null;
  notes: string[];
}

export interface SegmentTable {
  rows: SegmentRow[];
  /** The same figures over all customers. */
  total: SegmentRow;
  /** The churn convention in words, to show with the results. */
  churnRule: string;
}

/**
 * Per-segment CLV table. Churn from transactions treats customers still active at the end of the
 * window as censored, with a discrete-time (geometric) lifetime estimate:
 * - customer i has lapsed when (window end - last purchase) > `inactivityPeriods`;
 * - exposure_i, the periods in which i could have lapsed, is (last - first purchase) + 1 for a
 *   lapsed customer (the period of the last purchase included) and (window end - first purchase)
 *   for an active one (censored: still at risk);
 * - churn per period = lapsed customers / sum of exposure (the maximum-likelihood estimate of a
 *   geometric lifetime with right censoring); ACL = 1 / churn periods;
 * - APF per period = orders / sum of exposure, so AOV x APF x ACL = revenue / lapsed customers.
 * NPV CLV = `retentionClv(AOV x APF x margin, 1 - churn, discountRate, horizonPeriods)`.
 * Cost O(customers).
 *
 * @throws ClvError `value` for a negative inactivity threshold, margin above 1 or discount rate <= -1
 */
export function segmentMetrics(
  summary: CustomerSummary,
  segmentation: Segmentation,
  assumptions: SegmentAssumptions,
  predictions?: ModelPredictions
): SegmentTable {
  const { inactivityPeriods, discountRate, margin, horizonPeriods } = assumptions;
  ensure(Number.isFinite(inactivityPeriods) && inactivityPeriods >= 0, "The inactivity threshold must be 0 or more periods");
  const unitDays = daysPerUnit(summary.unit);
  const segments = segmentation.labels.length;
  const sums = Array.from({ length: segments + 1 }, () => ({
    customers: 0, orders: 0, revenue: 0, exposure: 0, lapsed: 0, predictedClv: 0, probabilityAlive: 0,
  }));
  const { firstDay, lastDay, orders, revenue, observationEnd } = summary;
  for (let i = 0; i < firstDay.length; i++) {
    const lapsed = (observationEnd - lastDay[i]) / unitDays > inactivityPeriods;
    const exposure = lapsed ? (lastDay[i] - firstDay[i]) / unitDays + 1 : (observationEnd - firstDay[i]) / unitDays;
    for (const s of [segmentation.segment[i], segments]) {
      const sum = sums[s];
      sum.customers++;
      sum.orders += orders[i];
      sum.revenue += revenue[i];
      sum.exposure += exposure;
      if (lapsed) sum.lapsed++;
      if (predictions) {
        sum.predictedClv += predictions.predictedClv[i];
        sum.probabilityAlive += predictions.probabilityAlive[i];
      }
    }
  }
  const all = sums[segments];
  const row = (label: string, s: (typeof sums)[number]): SegmentRow => {
    const notes: string[] = [];
    const aov = s.revenue / s.orders;
    const apf = s.exposure > 0 ? s.orders / s.exposure : 0;
    const churn = s.exposure > 0 ? Math.min(1, s.lapsed / s.exposure) : null;
    const acl = churn !== null && churn > 0 ? 1 / churn : null;
    if (acl === null) notes.push("No customer lapsed in the window: lifespan (ACL) and basic CLV cannot be estimated yet");
    const marginPerPeriod = aov * apf * margin;
    let npvClv: number | null = null;
    if (churn !== null && (churn > 0 || horizonPeriods !== undefined)) {
      npvClv = retentionClv(marginPerPeriod, 1 - churn, discountRate, horizonPeriods);
    }
    return {
      label,
      customers: s.customers,
      orders: s.orders,
      revenue: s.revenue,
      customerShare: s.customers / all.customers,
      orderShare: s.orders / all.orders,
      revenueShare: s.revenue / all.revenue,
      aov,
      exposure: s.exposure,
      apf,
      lapsed: s.lapsed,
      churn,
      acl,
      basicClv: acl === null ? null : basicClv(aov, apf, acl),
      npvClv,
      meanPredictedClv: predictions ? s.predictedClv / s.customers : null,
      meanProbabilityAlive: predictions ? s.probabilityAlive / s.customers : null,
      notes,
    };
  };
  const unit = summary.unit;
  // 90 days in months is 2.9568...: shown to three significant digits, with the days it stands for.
  const inactivity = `${Number(inactivityPeriods.toPrecision(3))} ${unit}s` + (unit === "day" ? "" : ` (${Math.round(inactivityPeriods * unitDays)} days)`);
  return {
    rows: segmentation.labels.map((label, s) => row(label, sums[s])),
    total: row("All customers", all),
    churnRule:
      `Lapsed = no purchase in the last ${inactivity} of the window. ` +
      `Churn per ${unit} = lapsed customers / ${unit}s at risk (first purchase to last purchase + 1 for lapsed ` +
      `customers, to the end of the window for active ones); ACL = 1 / churn.`,
  };
}
