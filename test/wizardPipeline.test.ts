/**
 * The wizard's path end to end against the in-memory Excel stand-in, as the pane runs it: read the
 * selection through the gateway (chunked), analyse and lay out the report with the worker's own
 * handler, write through the gateway. On the CDNOW sample (2,357 customers; published fits) and on a
 * 200,000-row synthetic range.
 */
import { CDNOW_IN_DAYS, simulateTransactionLog } from "../src/core/simulation";
import { dayFromDate, isoDate } from "../src/core/transactions";
import { FakeWorkbook, installFakeExcel } from "../src/excel/fake";
import { type RunOptions, type WorkerRequest, type WorkerResponse, handleRequest } from "../src/taskpane/analysis/protocol";
import { officeGateway } from "../src/taskpane/officeGateway";
import { describeWithSharedData, readSharedFields } from "./sharedData";

/** CDNOW_sample.txt (id_total id_sample YYYYMMDD cds dollars) as a user's range: a header row, then customer, date, amount. */
function cdnowSampleRows(): (string | number)[][] {
  const rows = readSharedFields("CDNOW_sample.txt").map(([, id, date, , dollars]) => [id, Number(date), Number(dollars)]);
  return [["Customer", "Date", "Amount"], ...rows];
}

/** Runs one analyse request through the worker's handler; returns its final response and the stages seen. */
function analyse(request: WorkerRequest) {
  const responses: WorkerResponse[] = [];
  handleRequest(request, (response) => responses.push(response));
  const last = responses[responses.length - 1];
  if (last.kind !== "analysed") throw new Error(`analysis failed: ${JSON.stringify(last)}`);
  return { ...last, stages: responses.filter((r) => r.kind === "stage").map((r) => (r as { stage: string }).stage) };
}

async function runWizard(sheetName: string, rows: (string | number)[][], unit: "week" | "month", end?: string, more: Partial<RunOptions> = {}) {
  const workbook = new FakeWorkbook();
  workbook.addSheet(sheetName);
  workbook.setValues(sheetName, "A1", rows);
  workbook.select(sheetName, "B2");
  const uninstall = installFakeExcel(workbook);
  try {
    const progress: number[] = [];
    const selection = await officeGateway.readSelection((p) => progress.push(p.rowsRead));
    const { plan, outcome, stages } = analyse({
      kind: "analyse",
      id: 1,
      cells: selection.values,
      options: { firstRow: selection.firstRow, unit, observationEnd: end, segmentBy: { kind: "fourway" }, ...more },
      report: { cac: 20 },
    });
    const written = await officeGateway.writeReport(plan, { replaceOwnSheets: false, sourceSheet: selection.sheetName });
    return { workbook, selection, progress, outcome, stages, written };
  } finally {
    uninstall();
  }
}

describeWithSharedData("wizard on the CDNOW sample, weeks, calibration to 1997-09-30", ["CDNOW_sample.txt"], () => {
  const rows = cdnowSampleRows();
  let run: Awaited<ReturnType<typeof runWizard>>;
  beforeAll(async () => {
    run = await runWizard("Orders", rows, "week", "1997-09-30");
  });

  test("reads all 6,920 rows and keeps the source sheet untouched", () => {
    expect(run.selection.values).toHaveLength(6920);
    expect(run.workbook.sheet("Orders").values("A1:C6920")).toEqual(rows);
    expect(run.written).toEqual(expect.arrayContaining(["CLV Summary", "CLV Customers", "CLV Cohorts"]));
    expect(run.written).not.toContain("Orders");
  });

  test("fits the published BG/NBD (r 0.243, alpha 4.414, a 0.793, b 2.426) on 2,357 customers", () => {
    expect(run.outcome.customers).toBe(2357);
    const { r, alpha, a, b } = run.outcome.purchaseModel.parameters;
    expect([r, alpha, a, b].map((v) => Number(v.toPrecision(3)))).toEqual([0.243, 4.41, 0.793, 2.43]);
  });

  test("walks every stage of the run (no holdout check asked for)", () => {
    expect(run.stages).toEqual([
      "parsing", "summarising", "segmenting", "fittingPurchases", "fittingSpend", "predicting", "estimatingIntervals", "tabulating", "planning",
    ]);
    expect(run.written).not.toContain("CLV Validation");
  });
});

/** The rows of a written table, header first, as values. */
function tableValues(workbook: FakeWorkbook, name: string): (string | number | boolean)[][] {
  const table = workbook.table(name);
  if (table === undefined) throw new Error(`no table ${name}`);
  return table.sheet.values(table.address.split("!")[1]) as (string | number | boolean)[][];
}

/** The value beside a label in column A of a sheet's first 60 rows. */
function besideLabel(workbook: FakeWorkbook, sheet: string, label: string): unknown {
  const row = workbook.sheet(sheet).values("A1:B60").find((cells) => cells[0] === label);
  if (row === undefined) throw new Error(`no label ${label} on ${sheet}`);
  return row[1];
}

describeWithSharedData("wizard on the whole CDNOW sample with the holdout check: weeks 1-39 calibration, 40-78 holdout", ["CDNOW_sample.txt"], () => {
  const rows = cdnowSampleRows();
  let run: Awaited<ReturnType<typeof runWizard>>;
  beforeAll(async () => {
    run = await runWizard("Orders", rows, "week", undefined, { holdout: { periods: 39 }, horizonPeriods: 12 });
  });

  test("checks the forecast after the intervals and the segment table", () => {
    expect(run.stages).toEqual([
      "parsing", "summarising", "segmenting", "fittingPurchases", "fittingSpend", "predicting", "estimatingIntervals", "tabulating", "validating", "planning",
    ]);
    expect(run.written).toEqual(["CLV Summary", "CLV Customers", "CLV Cohorts", "CLV Validation", "CLV Gold", "CLV Meteor", "CLV Stream", "CLV Burden"]);
  });

  test("the validation sheet: 1,882 actual and 1,653.4 predicted holdout purchases (FHL 2005: 1,654; lifetimes 0.11.3: 1,653.41)", () => {
    expect(besideLabel(run.workbook, "CLV Validation", "Repeat purchases in the holdout, actual")).toBe(1882);
    const predicted = besideLabel(run.workbook, "CLV Validation", "Repeat purchases in the holdout, predicted") as number;
    expect(Math.abs(predicted - 1653.41)).toBeLessThan(1e-4 * 1653.41);
  });

  test("the validation sheet has both charts, each over its table: clustered columns by frequency and lines over 78 weeks", () => {
    const tracking = tableValues(run.workbook, "CLV_Tracking");
    expect(tracking).toHaveLength(79); // header + 78 weeks
    // Week 39 ends on 1997-09-30 = serial 35431 (1997-01-01) + 272; lifetimes: 2,457 repeat purchases by then.
    expect(tracking[39].slice(0, 4)).toEqual([39, 35431 + 272, "calibration", 2457]);
    expect(tracking[78].slice(2, 4)).toEqual(["holdout", 2457 + 1882]);
    expect(tableValues(run.workbook, "CLV_HoldoutByFrequency")).toHaveLength(9); // header + 0..6, 7+
    const charts = run.workbook.sheet("CLV Validation").charts;
    expect(charts.map((chart) => chart.type)).toEqual(["ColumnClustered", "Line"]);
    const trackingTable = run.workbook.table("CLV_Tracking")!;
    expect(charts[1].series.map((series) => series.name)).toEqual(["Actual", "Predicted"]);
    expect(charts[1].series[0].values).toBe(`'CLV Validation'!D${trackingTable.row + 2}:D${trackingTable.row + 79}`);
    expect(charts[0].series.map((series) => series.name)).toEqual(["Actual", "Predicted"]);
  });

  test("the segment table has a 95 % interval around every segment's mean predicted CLV", () => {
    const [header, ...body] = tableValues(run.workbook, "CLV_Segments");
    const at = (name: string) => header.indexOf(name);
    expect(at("Predicted CLV low")).toBe(at("Mean predicted CLV") + 1);
    expect(at("Predicted CLV high")).toBe(at("Mean predicted CLV") + 2);
    for (const row of body) {
      const [mean, low, high] = [row[at("Mean predicted CLV")], row[at("Predicted CLV low")], row[at("Predicted CLV high")]] as number[];
      expect(low).toBeLessThan(mean);
      expect(high).toBeGreaterThan(mean);
    }
  });
});

describe("wizard on a 200,000-row synthetic range", () => {
  const log = simulateTransactionLog({
    customers: 69_000,
    ...CDNOW_IN_DAYS,
    firstDay: dayFromDate(2024, 1, 1),
    acquisitionDays: 90,
    lastDay: dayFromDate(2025, 6, 30),
    seed: 11,
  });
  const rows: (string | number)[][] = [["Customer", "Order date", "Revenue"]];
  for (let i = 0; i < log.length; i++) rows.push([`C${log.customer[i] + 1}`, isoDate(log.day[i]), log.amount[i]]);
  let run: Awaited<ReturnType<typeof runWizard>>;
  beforeAll(async () => {
    run = await runWizard("Sales", rows, "month", undefined, { holdout: {} });
  });

  test("reads the whole range in blocks and uses every row", () => {
    expect(rows.length).toBeGreaterThan(190_000);
    expect(run.progress.length).toBeGreaterThan(10);
    expect(run.progress[run.progress.length - 1]).toBe(rows.length);
    expect(run.outcome.usedRows).toBe(log.length);
    expect(run.outcome.rejectedRows).toBe(0);
  });

  test("checks the forecast on the default holdout, the last third: 6 of the 18 months", () => {
    const tracking = tableValues(run.workbook, "CLV_Tracking");
    expect(tracking).toHaveLength(19);
    expect(tracking.filter((row) => row[2] === "holdout")).toHaveLength(6);
    expect(run.workbook.sheet("CLV Validation").charts).toHaveLength(2);
  });

  test("writes one customer row per customer", () => {
    const customers = run.workbook.tables.find((table) => table.sheet.name === "CLV Customers");
    expect(customers?.rowCount).toBe(run.outcome.customers + 1); // with its header row
    expect(run.outcome.customers).toBe(69_000);
  });
});
