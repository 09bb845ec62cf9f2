/**
 * The wizard's path end to end against the in-memory Excel stand-in, as the pane runs it: read the
 * selection through the gateway (chunked), analyse and lay out the report with the worker's own
 * handler, write through the gateway. On the CDNOW sample (2,357 customers; published fits) and on a
 * 200,000-row synthetic range.
 */
import * as fs from "fs";
import * as path from "path";
import { simulateTransactionLog } from "../src/core/simulation";
import { dayFromDate, isoDate } from "../src/core/transactions";
import { FakeWorkbook, installFakeExcel } from "../src/excel/fake";
import { type WorkerRequest, type WorkerResponse, handleRequest } from "../src/taskpane/analysis/protocol";
import { officeGateway } from "../src/taskpane/officeGateway";

const DATA = path.resolve(__dirname, "..", "..", "shared", "data");
const hasData = fs.existsSync(path.join(DATA, "CDNOW_sample.txt"));
if (!hasData) console.warn(`CDNOW wizard test skipped: ${DATA} is absent`);

/** Runs one analyse request through the worker's handler; returns its final response and the stages seen. */
function analyse(request: WorkerRequest) {
  const responses: WorkerResponse[] = [];
  handleRequest(request, (response) => responses.push(response));
  const last = responses[responses.length - 1];
  if (last.kind !== "analysed") throw new Error(`analysis failed: ${JSON.stringify(last)}`);
  return { ...last, stages: responses.filter((r) => r.kind === "stage").map((r) => (r as { stage: string }).stage) };
}

async function runWizard(sheetName: string, rows: (string | number)[][], unit: "week" | "month", end?: string) {
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
      options: { firstRow: selection.firstRow, unit, observationEnd: end, segmentBy: { kind: "fourway" } },
      report: { cac: 20 },
    });
    const written = await officeGateway.writeReport(plan, { replaceOwnSheets: false, sourceSheet: selection.sheetName });
    return { workbook, selection, progress, outcome, stages, written };
  } finally {
    uninstall();
  }
}

(hasData ? describe : describe.skip)("wizard on the CDNOW sample, weeks, calibration to 1997-09-30", () => {
  // CDNOW_sample.txt: id_total id_sample YYYYMMDD cds dollars; a header row is added as a user would have one.
  const lines = fs.readFileSync(path.join(DATA, "CDNOW_sample.txt"), "utf8").trim().split(/\r?\n/);
  const rows: (string | number)[][] = [["Customer", "Date", "Amount"]];
  for (const line of lines) {
    const [, id, date, , dollars] = line.trim().split(/\s+/);
    rows.push([id, Number(date), Number(dollars)]);
  }
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

  test("walks every stage of the run", () => {
    expect(run.stages).toEqual(["parsing", "summarising", "segmenting", "fittingPurchases", "fittingSpend", "predicting", "tabulating", "planning"]);
  });
});

describe("wizard on a 200,000-row synthetic range", () => {
  const log = simulateTransactionLog({
    customers: 69_000,
    model: { kind: "bgnbd", parameters: { r: 0.2426, alpha: 30.9, a: 0.793, b: 2.426 } },
    spend: { p: 6.25, q: 3.74, v: 15.44 },
    firstDay: dayFromDate(2024, 1, 1),
    acquisitionDays: 90,
    lastDay: dayFromDate(2025, 6, 30),
    seed: 11,
  });
  const rows: (string | number)[][] = [["Customer", "Order date", "Revenue"]];
  for (let i = 0; i < log.length; i++) rows.push([`C${log.customer[i] + 1}`, isoDate(log.day[i]), log.amount[i]]);
  let run: Awaited<ReturnType<typeof runWizard>>;
  beforeAll(async () => {
    run = await runWizard("Sales", rows, "month");
  });

  test("reads the whole range in blocks and uses every row", () => {
    expect(rows.length).toBeGreaterThan(190_000);
    expect(run.progress.length).toBeGreaterThan(10);
    expect(run.progress[run.progress.length - 1]).toBe(rows.length);
    expect(run.outcome.usedRows).toBe(log.length);
    expect(run.outcome.rejectedRows).toBe(0);
  });

  test("writes one customer row per customer", () => {
    const customers = run.workbook.tables.find((table) => table.sheet.name === "CLV Customers");
    expect(customers?.rowCount).toBe(run.outcome.customers + 1); // with its header row
    expect(run.outcome.customers).toBe(69_000);
  });
});
