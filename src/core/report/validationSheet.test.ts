import { bookAnalysis } from "../../../test/reportFixture";
import { dayFromDate } from "../transactions/days";
import type { HoldoutValidation, SegmentClvIntervals } from "../validation";
import { type ReportPlan, type SheetPlan, type TablePlan, buildReportPlan, excelSerial, rangeAddress, reportInstance, resolveRange } from ".";
import { INTERVAL_NOTE } from "./summarySheet";
import { BY_FREQUENCY_TABLE, TRACKING_TABLE } from "./validationSheet";

const sheetOf = (plan: ReportPlan, name: string) => plan.sheets.find((s) => s.name === name) as SheetPlan;
const tableOf = (plan: ReportPlan, name: string) => plan.sheets.flatMap((s) => s.tables).find((t) => t.name === name) as TablePlan;
const column = (table: TablePlan, name: string) => table.rows.map((row) => row[table.columns.findIndex((c) => c.name === name)]);
const texts = (sheet: SheetPlan) => sheet.blocks.flatMap((b) => b.cells.flat()).filter((c): c is string => typeof c === "string");
/** The value and format beside a label in a label-value block. */
function labelled(sheet: SheetPlan, label: string): { cell: unknown; format: string | null | undefined } {
  const block = sheet.blocks.find((b) => b.cells.some((row) => row[0] === label));
  if (block === undefined) throw new Error(`no label ${label}`);
  const r = block.cells.findIndex((row) => row[0] === label);
  return { cell: block.cells[r][1], format: block.formats?.[r][1] };
}

// A hand-made check: three weeks from 1997-01-01 (ends on days 6, 13 and 20), the last one held out.
const start = dayFromDate(1997, 1, 1);
const VALIDATION: HoldoutValidation = {
  unit: "week",
  model: { kind: "bgnbd", parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, logLikelihood: -9582.4, converged: true, iterations: 21, warnings: [] },
  startDay: start,
  calibrationEnd: start + 13,
  holdoutEnd: start + 20,
  holdoutPeriods: 1,
  holdoutLength: 1,
  customers: 10,
  newInHoldout: 2,
  tracking: { periodEnds: Int32Array.of(start + 6, start + 13, start + 20), actual: Float64Array.of(1, 3, 4), predicted: Float64Array.of(1.5, 2.5, 5), calibrationPeriods: 2 },
  byFrequency: ["0", "1", "2", "3", "4", "5", "6", "7+"].map((label, from) => ({
    label,
    from,
    customers: from < 2 ? 5 : 0,
    actualMean: from === 0 ? 0.2 : from === 1 ? 0 : null,
    predictedMean: from === 0 ? 0.1 : from === 1 ? 0.4 : null,
  })),
  errors: { customers: 10, actual: 1, predicted: 2.5, percentageError: 1.5, meanAbsoluteError: 0.3 },
  warnings: ["the fit did not converge: an example"],
};

describe("the CLV Validation sheet", () => {
  const plan = buildReportPlan({ ...bookAnalysis(), validation: VALIDATION }, { cac: 50 });
  const sheet = sheetOf(plan, "CLV Validation");

  test("written after the cohorts, before the segment sheets, only when the analysis checked a holdout", () => {
    expect(plan.sheets.map((s) => [s.name, s.kind])).toEqual([
      ["CLV Summary", "summary"],
      ["CLV Customers", "customers"],
      ["CLV Cohorts", "cohorts"],
      ["CLV Validation", "validation"],
      ["CLV Gold", "segment"],
      ["CLV Burden", "segment"],
    ]);
    expect(buildReportPlan(bookAnalysis(), { cac: 50 }).sheets.map((s) => s.name)).not.toContain("CLV Validation");
  });

  test("says what was fitted on and checked against, with the dates and periods", () => {
    const lines = texts(sheet);
    expect(lines[1]).toBe(
      "The BG/NBD purchase model was fitted again on the purchases from 1997-01-01 to 1997-01-14 (calibration: weeks 1 to 2), " +
        "and its forecast set against the purchases from 1997-01-15 to 1997-01-21 (holdout: week 3), " +
        "as Fader, Hardie & Lee (2005) check their model on CDNOW."
    );
    expect(lines[2]).toMatch(/^Checked: the 10 customers whose first purchase is in the calibration window; the 2 first seen in the holdout are left out\./);
    expect(lines).toContain("Calibration fit: the fit did not converge: an example");
  });

  test("the error figures, with their formats", () => {
    expect(labelled(sheet, "Repeat purchases in the holdout, actual")).toEqual({ cell: 1, format: "#,##0" });
    expect(labelled(sheet, "Repeat purchases in the holdout, predicted")).toEqual({ cell: 2.5, format: "0.00" });
    expect(labelled(sheet, "Difference (predicted - actual)").cell).toBe(1.5);
    expect(labelled(sheet, "Percentage error")).toEqual({ cell: 1.5, format: "0.00%" });
    expect(labelled(sheet, "Mean absolute error per customer").cell).toBe(0.3);
    expect(labelled(sheet, "  r").cell).toBe(0.243);
  });

  test("holdout purchases by calibration frequency: 0 .. 7+, empty bins blank", () => {
    const table = tableOf(plan, BY_FREQUENCY_TABLE);
    expect(table.columns.map((c) => c.name)).toEqual([
      "Repeat purchases in calibration", "Customers", "Actual mean holdout purchases", "Predicted mean holdout purchases",
    ]);
    expect(table.rows.slice(0, 3)).toEqual([["0", 5, 0.2, 0.1], ["1", 5, 0, 0.4], ["2", 0, null, null]]);
    expect(column(table, "Repeat purchases in calibration")).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
  });

  test("the tracking table: period, its last day, the window, actual and predicted cumulative repeat purchases; the holdout start noted", () => {
    const table = tableOf(plan, TRACKING_TABLE);
    expect(table.columns.map((c) => [c.name, c.format])).toEqual([
      ["Week", "#,##0"], ["Week ends", "yyyy-mm-dd"], ["Window", "@"],
      ["Actual cumulative repeat purchases", "#,##0"], ["Predicted cumulative repeat purchases", "0.00"],
    ]);
    expect(table.rows).toEqual([
      [1, excelSerial(start + 6), "calibration", 1, 1.5],
      [2, excelSerial(start + 13), "calibration", 3, 2.5],
      [3, excelSerial(start + 20), "holdout", 4, 5],
    ]);
    expect(excelSerial(start)).toBe(35431); // 1997-01-01
    expect(texts(sheet)).toContain('The holdout starts after week 2 (1997-01-14): week 3 is marked "holdout" in the Window column.');
  });

  test("two charts over the tables: clustered columns by frequency, lines over the weeks; beside their tables, not over them", () => {
    const [byFrequency, tracking] = sheet.charts;
    const address = (ref: Parameters<typeof resolveRange>[1]) => {
      const r = resolveRange(plan, ref);
      return rangeAddress(r.row, r.column, r.rowCount, r.columnCount);
    };
    const frequencyTable = tableOf(plan, BY_FREQUENCY_TABLE);
    const trackingTable = tableOf(plan, TRACKING_TABLE);
    expect(byFrequency).toMatchObject({ type: "ColumnClustered", title: "Holdout purchases per customer, by calibration repeat purchases" });
    expect(byFrequency.series.map((s) => [s.name, address(s.values)])).toEqual([
      ["Actual", rangeAddress(frequencyTable.row + 1, 2, 8, 1)],
      ["Predicted", rangeAddress(frequencyTable.row + 1, 3, 8, 1)],
    ]);
    expect(tracking).toMatchObject({ type: "Line", title: "Cumulative repeat purchases: actual vs BG/NBD (holdout from week 3)" });
    expect(address(tracking.categories)).toBe(rangeAddress(trackingTable.row + 1, 0, 3, 1));
    expect(tracking.series.map((s) => s.name)).toEqual(["Actual", "Predicted"]);
    for (const [chart, table] of [[byFrequency, frequencyTable], [tracking, trackingTable]] as const) {
      expect(chart.top).toBe(table.row);
      expect(chart.left).toBeGreaterThan(table.column + table.columns.length - 1);
    }
    // The tracking table starts below the first chart.
    expect(trackingTable.row).toBeGreaterThan(byFrequency.bottom);
  });

  test("a second copy renames the sheet, its tables and the charts' references", () => {
    const copy = reportInstance(plan, 2);
    const validation = sheetOf(copy, "CLV Validation (2)");
    expect(validation.tables.map((t) => t.name)).toEqual(["CLV_HoldoutByFrequency_2", "CLV_Tracking_2"]);
    expect(validation.charts[1].categories).toEqual({ table: "CLV_Tracking_2", column: "Week" });
  });
});

describe("the interval columns of the segment table", () => {
  const interval = (mean: number, half: number) => ({ mean, low: mean - half, high: mean + half, parameterError: half / 3, samplingError: half / 6 });
  const intervals: SegmentClvIntervals = { rows: [interval(60, 6), interval(5, 1.5)], total: interval(30, 3), notes: [] };
  const plan = buildReportPlan({ ...bookAnalysis(), intervals }, { cac: 50 });
  const table = tableOf(plan, "CLV_Segments");

  test("low and high beside the mean, in the money format, for each segment and in the totals row", () => {
    const names = table.columns.map((c) => c.name);
    const at = names.indexOf("Mean predicted CLV");
    expect(names.slice(at, at + 3)).toEqual(["Mean predicted CLV", "Predicted CLV low", "Predicted CLV high"]);
    expect(table.columns[at + 1].format).toBe("#,##0.00");
    expect(column(table, "Predicted CLV low")).toEqual([54, 3.5]);
    expect(column(table, "Predicted CLV high")).toEqual([66, 6.5]);
    expect(table.totals?.slice(at + 1, at + 3)).toEqual([27, 33]);
  });

  test("the summary says how the interval is made; a segment sheet shows it beside the mean", () => {
    expect(texts(plan.sheets[0])).toContain(INTERVAL_NOTE);
    expect(INTERVAL_NOTE).toMatch(/^Predicted CLV low \/ high: a 95% interval .* delta method/);
    expect(labelled(sheetOf(plan, "CLV Burden"), "Predicted CLV low")).toEqual({ cell: 3.5, format: "#,##0.00" });
    expect(labelled(sheetOf(plan, "CLV Burden"), "Predicted CLV high").cell).toBe(6.5);
  });

  test("without intervals the columns are blank, and the analysis' warnings (on the summary) say why", () => {
    const analysis = bookAnalysis();
    expect(analysis.intervals.rows).toBeNull(); // four customers cannot pin the purchase model's parameters down
    expect(column(tableOf(buildReportPlan(analysis, { cac: 50 }), "CLV_Segments"), "Predicted CLV low")).toEqual([null, null]);
    expect(analysis.warnings).toContain("The purchase model's parameters are not pinned down by the data: no interval");
    expect(texts(buildReportPlan(analysis, { cac: 50 }).sheets[0])).toContain("The purchase model's parameters are not pinned down by the data: no interval");
  });
});
