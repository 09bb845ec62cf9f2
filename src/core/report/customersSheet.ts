import type { Analysis } from "../analyze";
import { excelSerial } from "./excelAddress";
import { NUMBER_FORMATS, type PlanValue, type SheetPlan, type TableColumnPlan } from "./reportPlan";
import { finiteOrNull } from "./segmentTable";
import { SheetLayout } from "./sheetLayout";

export const CUSTOMERS_TABLE = "CLV_Customers";

/** Rows an Excel sheet holds, less the table's header row. */
export const MAX_TABLE_ROWS = 1_048_575;

/**
 * The per-customer columns shared by the customer table and the segment sheets' top-customer tables.
 * @example customerColumns(analysis, "#,##0.00").predictedClv.name // "Predicted CLV (36 months)"
 */
export function customerColumns(analysis: Analysis, money: string): Record<CustomerColumnKey, TableColumnPlan> {
  const { unit, horizonPeriods } = analysis.settings;
  const { text, date, count, score, share, decimal } = NUMBER_FORMATS;
  return {
    customer: { name: "Customer", format: text },
    segment: { name: "Segment", format: text },
    first: { name: "First purchase", format: date },
    last: { name: "Last purchase", format: date },
    orders: { name: "Orders", format: count },
    revenue: { name: "Revenue", format: money },
    aov: { name: "AOV", format: money },
    recency: { name: "R score", format: score },
    frequency: { name: "F score", format: score },
    monetary: { name: "M score", format: score },
    probabilityAlive: { name: "P(alive)", format: share },
    expectedPurchases: { name: `Expected purchases (next ${horizonPeriods} ${unit}s)`, format: decimal },
    predictedClv: { name: `Predicted CLV (${horizonPeriods} ${unit}s)`, format: money },
  };
}

export type CustomerColumnKey =
  | "customer" | "segment" | "first" | "last" | "orders" | "revenue" | "aov"
  | "recency" | "frequency" | "monetary" | "probabilityAlive" | "expectedPurchases" | "predictedClv";

/**
 * Customer `i`'s cells for the given columns: dates as Excel serials, NaN predictions as empty cells.
 * @example customerRow(analysis, 0, ["customer", "first"]) // ["A", 45292] for customer A, first purchase 2024-01-01
 */
export function customerRow(analysis: Analysis, i: number, keys: readonly CustomerColumnKey[]): PlanValue[] {
  const { summary, rfm, segmentation, predictions } = analysis;
  const cell = (key: CustomerColumnKey): PlanValue => {
    switch (key) {
      case "customer": return summary.customerIds[i];
      case "segment": return segmentation.labels[segmentation.segment[i]];
      case "first": return excelSerial(summary.firstDay[i]);
      case "last": return excelSerial(summary.lastDay[i]);
      case "orders": return summary.orders[i];
      case "revenue": return summary.revenue[i];
      case "aov": return finiteOrNull(summary.aov[i]);
      case "recency": return rfm.recency[i];
      case "frequency": return rfm.frequency[i];
      case "monetary": return rfm.monetary[i];
      case "probabilityAlive": return finiteOrNull(predictions.probabilityAlive[i]);
      case "expectedPurchases": return finiteOrNull(predictions.expectedPurchases[i]);
      case "predictedClv": return finiteOrNull(predictions.predictedClv[i]);
    }
  };
  return keys.map(cell);
}

const ALL_KEYS: readonly CustomerColumnKey[] = [
  "customer", "segment", "first", "last", "orders", "revenue", "aov",
  "recency", "frequency", "monetary", "probabilityAlive", "expectedPurchases", "predictedClv",
];

/**
 * The `CLV Customers` sheet: table `CLV_Customers`, one row per customer in the summary's order
 * (first appearance in the data), header row frozen.
 * @example customersSheet(analysis, "CLV Customers", "#,##0.00").tables[0].columns[2].name // "First purchase"
 */
export function customersSheet(analysis: Analysis, name: string, money: string): SheetPlan {
  const layout = new SheetLayout(name, "customers");
  const columns = customerColumns(analysis, money);
  layout.table({
    name: CUSTOMERS_TABLE,
    columns: ALL_KEYS.map((key) => columns[key]),
    rows: analysis.summary.customerIds.map((_, i) => customerRow(analysis, i, ALL_KEYS)),
  });
  layout.sheet.freezeRows = 1;
  return layout.sheet;
}
