import type { Analysis } from "../analyze";
import type { SegmentRow } from "../segments";
import type { ClvInterval } from "../validation";
import { NUMBER_FORMATS, type PlanValue, type TablePlan } from "./reportPlan";
import { tableColumn, tableTotal, thisRow } from "./structuredReference";

/** The segment table's name; segment sheets look their figures up in it. */
export const SEGMENTS_TABLE = "CLV_Segments";

/** Workbook names of the assumption cells that the segment table's formulas read. */
export const ASSUMPTION_NAMES = {
  discountRate: "CLV_DiscountRate",
  margin: "CLV_Margin",
  horizon: "CLV_Horizon",
  targetRatio: "CLV_TargetRatio",
  /** Only when one CAC applies to every segment. */
  cac: "CLV_CAC",
} as const;

/** Columns of the segment table: values from the engine first, then formulas, then notes. */
export const SEGMENT_COLUMN_KEYS = [
  "segment", "customers", "customerShare", "orders", "revenue", "revenueShare", "exposure", "lapsed",
  "meanPredictedClv", "meanPredictedClvLow", "meanPredictedClvHigh", "meanProbabilityAlive", "cac",
  "aov", "apf", "churn", "acl", "basicClv", "npvClv", "ltvToCac", "payback", "maxCac",
  "notes",
] as const;
export type SegmentColumnKey = (typeof SEGMENT_COLUMN_KEYS)[number];
type DerivedKey = "aov" | "apf" | "churn" | "acl" | "basicClv" | "npvClv" | "ltvToCac" | "payback" | "maxCac";

/**
 * Header text of each segment-table column; times in `unit`s ("month" gives "Churn per month").
 * @example segmentHeaders("month").exposure // "Customer months"
 */
export function segmentHeaders(unit: string): Record<SegmentColumnKey, string> {
  return {
    segment: "Segment",
    customers: "Customers",
    customerShare: "Share of customers",
    orders: "Orders",
    revenue: "Revenue",
    revenueShare: "Share of revenue",
    exposure: `Customer ${unit}s`,
    lapsed: "Lapsed",
    meanPredictedClv: "Mean predicted CLV",
    meanPredictedClvLow: "Predicted CLV low",
    meanPredictedClvHigh: "Predicted CLV high",
    meanProbabilityAlive: "Mean P(alive)",
    cac: "CAC",
    aov: "AOV",
    apf: `APF per ${unit}`,
    churn: `Churn per ${unit}`,
    acl: `ACL (${unit}s)`,
    basicClv: "Basic CLV",
    npvClv: "NPV CLV",
    ltvToCac: "LTV:CAC",
    payback: `Payback (${unit}s)`,
    maxCac: "Max CAC",
    notes: "Notes",
  };
}

/**
 * Number format of each column; `money` is the caller's money format.
 * @example segmentFormats("#,##0.00").churn // "0.00%"
 */
export function segmentFormats(money: string): Record<SegmentColumnKey, string> {
  const { text, count, share, rate, decimal, ratio, periods, frequency } = NUMBER_FORMATS;
  return {
    segment: text, customers: count, customerShare: share, orders: count, revenue: money, revenueShare: share,
    exposure: periods, lapsed: count, meanPredictedClv: money, meanPredictedClvLow: money, meanPredictedClvHigh: money,
    meanProbabilityAlive: share, cac: money,
    aov: money, apf: frequency, churn: rate, acl: ratio, basicClv: money, npvClv: money, ltvToCac: decimal,
    payback: ratio, maxCac: money, notes: text,
  };
}

/**
 * The formulas of the derived columns, each reading other columns through `cell` (this row's cell in a
 * data row, the totals cell in the totals row) and the assumption names. They restate `segmentMetrics`
 * with the CLV.* functions, so editing an assumption or a CAC recalculates them:
 * - churn = lapsed / customer-periods at risk, written CLV.CHURN(exposure, exposure - lapsed) =
 *   (exposure - (exposure - lapsed)) / exposure; the engine's min(1, ...) never binds, since each lapsed
 *   customer adds at least one period at risk;
 * - APF = orders / customer-periods, ACL = 1 / churn, basic CLV = AOV x APF x ACL (revenue, no margin);
 * - NPV CLV = CLV.RETENTION_CLV(AOV x APF x margin, 1 - churn, discount rate, horizon);
 * - LTV:CAC, payback (with retention and discounting) and max CAC use the NPV CLV and the CAC column.
 * Where the engine gives null the formula gives "" (an empty-looking cell) on the same condition:
 * no time at risk (APF, churn and all after them) or no lapsed customer (ACL, basic CLV). A real error
 * (a CAC typed as text, a payback never reached: #NUM!) still shows, with the function's message.
 */
function derivedFormulas(cell: (key: SegmentColumnKey) => string): Record<DerivedKey, string> {
  const { discountRate, margin, horizon, targetRatio } = ASSUMPTION_NAMES;
  const [exposure, lapsed, churn, npv] = [cell("exposure"), cell("lapsed"), cell("churn"), cell("npvClv")];
  const marginPerPeriod = `${cell("aov")}*${cell("apf")}*${margin}`;
  return {
    aov: `=CLV.AOV(${cell("revenue")},${cell("orders")})`,
    apf: `=IF(${exposure}=0,"",CLV.APF(${cell("orders")},${exposure}))`,
    churn: `=IF(${exposure}=0,"",CLV.CHURN(${exposure},${exposure}-${lapsed}))`,
    acl: `=IF(${lapsed}=0,"",CLV.ACL(${churn}))`,
    basicClv: `=IF(${cell("acl")}="","",CLV.BASIC(${cell("aov")},${cell("apf")},${cell("acl")}))`,
    npvClv: `=IF(${churn}="","",CLV.RETENTION_CLV(${marginPerPeriod},1-${churn},${discountRate},${horizon}))`,
    ltvToCac: `=IF(${npv}="","",CLV.LTV_CAC(${npv},${cell("cac")}))`,
    payback: `=IF(${churn}="","",CLV.PAYBACK(${cell("cac")},${marginPerPeriod},1-${churn},${discountRate}))`,
    maxCac: `=IF(${npv}="","",CLV.MAX_CAC(${npv},${targetRatio}))`,
  };
}

/**
 * A finite number, else null (an empty cell).
 * @example finiteOrNull(NaN) // null
 */
export function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * The segment table `CLV_Segments`: one row per segment, the counts, model means and the 95 % interval
 * of the mean predicted CLV (`analysis.intervals`, blank without one) as values, the CLV figures as
 * formulas (see `derivedFormulas`), and a totals row "All customers" whose counts are the engine's
 * totals and whose figures use the same formulas on the totals cells. `cac` holds one CAC per segment
 * (a value column the user may edit) or null when one CAC, the name `CLV_CAC`, applies to all.
 * @example segmentsTable(analysis, null, "#,##0.00").columns[13] // { name: "AOV", format: "#,##0.00", formula: "=CLV.AOV([@Revenue],[@Orders])" }
 */
export function segmentsTable(analysis: Analysis, cac: readonly number[] | null, money: string): Omit<TablePlan, "row" | "column"> {
  const headers = segmentHeaders(analysis.settings.unit);
  const formats = segmentFormats(money);
  const rowFormulas = derivedFormulas((key) => thisRow(headers[key]));
  const totalFormulas = derivedFormulas((key) => tableTotal(SEGMENTS_TABLE, headers[key]));
  const uniformCac = `=${ASSUMPTION_NAMES.cac}`;
  const formulaOf = (key: SegmentColumnKey): string | undefined =>
    key === "cac" ? (cac === null ? uniformCac : undefined) : (rowFormulas as Partial<Record<SegmentColumnKey, string>>)[key];

  const values = (row: SegmentRow, rowCac: number | null, interval: ClvInterval | null): Record<SegmentColumnKey, PlanValue> => ({
    segment: row.label, customers: row.customers, customerShare: row.customerShare, orders: row.orders,
    revenue: row.revenue, revenueShare: row.revenueShare, exposure: row.exposure, lapsed: row.lapsed,
    meanPredictedClv: finiteOrNull(row.meanPredictedClv),
    meanPredictedClvLow: finiteOrNull(interval?.low ?? null),
    meanPredictedClvHigh: finiteOrNull(interval?.high ?? null),
    meanProbabilityAlive: finiteOrNull(row.meanProbabilityAlive),
    cac: rowCac, aov: null, apf: null, churn: null, acl: null, basicClv: null, npvClv: null, ltvToCac: null,
    payback: null, maxCac: null, notes: row.notes.length > 0 ? row.notes.join("; ") : null,
  });
  const { rows, total } = analysis.segments;
  const { intervals } = analysis;
  const totalValues = values(total, null, intervals.total);
  // With CACs per segment, the blended CAC of all customers is their customer-weighted mean.
  const totalCac =
    cac === null
      ? uniformCac
      : `=SUMPRODUCT(${tableColumn(SEGMENTS_TABLE, headers.cac)},${tableColumn(SEGMENTS_TABLE, headers.customers)})/${tableTotal(SEGMENTS_TABLE, headers.customers)}`;
  return {
    name: SEGMENTS_TABLE,
    columns: SEGMENT_COLUMN_KEYS.map((key) => {
      const formula = formulaOf(key);
      return formula === undefined ? { name: headers[key], format: formats[key] } : { name: headers[key], format: formats[key], formula };
    }),
    rows: rows.map((row, s) => {
      const cells = values(row, cac === null ? null : cac[s], intervals.rows?.[s] ?? null);
      return SEGMENT_COLUMN_KEYS.map((key) => cells[key]);
    }),
    totals: SEGMENT_COLUMN_KEYS.map((key) => {
      if (key === "cac") return { formula: totalCac };
      const formula = (totalFormulas as Partial<Record<SegmentColumnKey, string>>)[key];
      return formula === undefined ? totalValues[key] : { formula };
    }),
  };
}
