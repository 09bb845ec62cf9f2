import type { Analysis } from "../analyze";
import { type CustomerColumnKey, customerColumns, customerRow } from "./customersSheet";
import { cellAddress } from "./excelAddress";
import { NUMBER_FORMATS, type PlanCell, type SheetPlan } from "./reportPlan";
import { SEGMENTS_TABLE, type SegmentColumnKey, finiteOrNull, segmentFormats, segmentHeaders } from "./segmentTable";
import { type LabelledCell, SheetLayout } from "./sheetLayout";
import { tableColumn } from "./structuredReference";

/** Periods of the implied survival curve on a segment sheet (0 to this many). */
export const SURVIVAL_PERIODS = 24;

const TOP_KEYS: readonly CustomerColumnKey[] = ["customer", "first", "last", "orders", "revenue", "probabilityAlive", "expectedPurchases", "predictedClv"];

/** What a segment sheet needs besides the analysis. */
export interface SegmentSheetInputs {
  name: string;
  /** Index of the segment in the analysis' segment table. */
  segment: number;
  /** Name of its top-customers table (workbook-unique). */
  topTable: string;
  topCustomers: number;
  money: string;
}

/**
 * `text` as a MATCH lookup value: a quoted string whose wildcards (* ? ~) are escaped with ~, so that
 * MATCH(..., 0) finds exactly this label (case aside, as MATCH ignores case).
 * @example matchLiteral("Top 20%*") // "\"Top 20%~*\""
 */
export function matchLiteral(text: string): string {
  return `"${text.replace(/[~*?]/g, "~$&").replace(/"/g, '""')}"`;
}

/**
 * One segment's sheet: its figures (the counts as values; the CLV figures looked up by label in the
 * segment table, so they follow the summary's assumptions), the survival curve implied by its churn
 * rate, (1 - churn)^t, its notes, and its top customers by predicted CLV (by revenue when the model
 * gave no prediction). The engine has no cohort retention per segment: the sheet says so and points
 * to the cohorts sheet rather than showing a curve it cannot back.
 * @example segmentSheet(analysis, { name: "CLV Gold", segment: 0, topTable: "CLV_Top1", topCustomers: 20, money: "#,##0.00" }).tables[0].name // "CLV_Top1"
 */
export function segmentSheet(analysis: Analysis, inputs: SegmentSheetInputs): SheetPlan {
  const { unit } = analysis.settings;
  const row = analysis.segments.rows[inputs.segment];
  const interval = analysis.intervals.rows?.[inputs.segment] ?? null;
  const headers = segmentHeaders(unit);
  const formats = segmentFormats(inputs.money);
  const layout = new SheetLayout(inputs.name, "segment");

  layout.cells([["Segment", row.label]], { style: "title", formats: [[null, NUMBER_FORMATS.text]], gap: 0 });
  layout.text("Counts are from the data; the CLV figures are looked up in the segment table of the summary sheet and follow its assumptions.", undefined, 1);

  const lookup = (key: SegmentColumnKey): PlanCell => ({
    formula: `=INDEX(${tableColumn(SEGMENTS_TABLE, headers[key])},MATCH(${matchLiteral(row.label)},${tableColumn(SEGMENTS_TABLE, headers.segment)},0))`,
  });
  const metric = (key: SegmentColumnKey, cell: PlanCell): LabelledCell => [headers[key], cell, formats[key]];
  const metrics: LabelledCell[] = [
    metric("customers", row.customers),
    metric("customerShare", row.customerShare),
    metric("orders", row.orders),
    metric("revenue", row.revenue),
    metric("revenueShare", row.revenueShare),
    metric("exposure", row.exposure),
    metric("lapsed", row.lapsed),
    ...(["aov", "apf", "churn", "acl", "basicClv", "npvClv"] as const).map((key) => metric(key, lookup(key))),
    metric("meanPredictedClv", finiteOrNull(row.meanPredictedClv)),
    metric("meanPredictedClvLow", finiteOrNull(interval?.low ?? null)),
    metric("meanPredictedClvHigh", finiteOrNull(interval?.high ?? null)),
    metric("meanProbabilityAlive", finiteOrNull(row.meanProbabilityAlive)),
    ...(["cac", "ltvToCac", "payback", "maxCac"] as const).map((key) => metric(key, lookup(key))),
  ];
  const top = layout.row;
  layout.text("Figures", "heading");
  const block = layout.labelled(metrics, 0);
  const churnCell = cellAddress(block.row + metrics.findIndex(([label]) => label === headers.churn), 1, true);

  const survivalColumn = 3;
  layout.cellsAt(top, survivalColumn, [[`Share still active after t ${unit}s, implied by the churn rate`]], { style: "heading" });
  const survival: PlanCell[][] = [[`t (${unit}s)`, "Share still active"]];
  for (let t = 0; t <= SURVIVAL_PERIODS; t++) {
    const periods = cellAddress(top + 1 + survival.length, survivalColumn);
    survival.push([t, { formula: `=IF(${churnCell}="","",(1-${churnCell})^${periods})` }]);
  }
  layout.cellsAt(top + 1, survivalColumn, survival, {
    formats: survival.map((_, r) => (r === 0 ? [null, null] : [NUMBER_FORMATS.count, NUMBER_FORMATS.share])),
  });
  layout.row = Math.max(layout.row, top + 1 + survival.length) + 1;

  layout.lines([
    ...row.notes,
    "The survival curve assumes the same churn every period (a geometric lifetime); it is not observed.",
    "Observed retention by acquisition cohort, for all customers, is on the cohorts sheet: the analysis does not split cohorts by segment.",
  ]);

  if (inputs.topCustomers > 0) {
    const members = topCustomers(analysis, inputs.segment, inputs.topCustomers);
    layout.text(`Top ${members.customers.length} customers by ${members.byPrediction ? "predicted CLV" : "revenue (the model gave no prediction)"}`, "heading");
    const columns = customerColumns(analysis, inputs.money);
    layout.table({
      name: inputs.topTable,
      columns: TOP_KEYS.map((key) => columns[key]),
      rows: members.customers.map((i) => customerRow(analysis, i, TOP_KEYS)),
    });
  }
  layout.sheet.freezeRows = 1;
  layout.sheet.columnWidths.push({ column: 0, characters: 24 }, { column: survivalColumn, characters: 12 });
  return layout.sheet;
}

/**
 * The `count` customers of segment `segment` with the highest predicted CLV (ties: first in the data);
 * customers without a prediction are left out. When no customer of the segment has one, by revenue.
 */
function topCustomers(analysis: Analysis, segment: number, count: number): { customers: number[]; byPrediction: boolean } {
  const { predictedClv } = analysis.predictions;
  const members: number[] = [];
  analysis.segmentation.segment.forEach((s, i) => {
    if (s === segment) members.push(i);
  });
  const predicted = members.filter((i) => Number.isFinite(predictedClv[i]));
  const byPrediction = predicted.length > 0;
  const key = byPrediction ? predictedClv : analysis.summary.revenue;
  const ranked = (byPrediction ? predicted : members).sort((a, b) => key[b] - key[a] || a - b);
  return { customers: ranked.slice(0, count), byPrediction };
}
