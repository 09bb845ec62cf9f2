import { analyzeTransactions } from "../core/analyze";
import { buildReportPlan } from "../core/report";
import { FakeWorkbook, installFakeExcel } from "../excel/fake";
import { officeGateway } from "./officeGateway";
import { SALES } from "./testing/transactions";

// SALES segmented by its Channel column: the report's sheets are the summary, customers, cohorts, Web and Store.
const SHEETS = ["CLV Summary", "CLV Customers", "CLV Cohorts", "CLV Web", "CLV Store"];
const plan = buildReportPlan(analyzeTransactions(SALES.values, { segmentBy: { kind: "column" } }), { cac: 10 });

let workbook: FakeWorkbook;
let uninstall: () => void;

beforeEach(() => {
  workbook = new FakeWorkbook();
  workbook.addSheet("Sales");
  workbook.setValues("Sales", "B3", SALES.values as (string | number)[][]);
  workbook.select("Sales", "C5"); // one cell: the block around it
  uninstall = installFakeExcel(workbook);
});
afterEach(() => uninstall());

test("reads the block around the selected cell", async () => {
  const read = await officeGateway.readSelection();
  expect(read).toMatchObject({ address: "Sales!B3:E9", sheetName: "Sales", firstRow: 3, firstColumn: 2, values: SALES.values });
});

describe("findReportSheets", () => {
  test("finds nothing before the first report", async () => {
    expect(await officeGateway.findReportSheets(plan, "Sales")).toEqual([]);
  });

  test("lists the add-in's sheets of an earlier report", async () => {
    await officeGateway.writeReport(plan, { replaceOwnSheets: false });
    expect(await officeGateway.findReportSheets(plan, "Sales")).toEqual(SHEETS);
  });

  test("lists nothing when a sheet of the user's has a report name: the report then goes to a copy, replacing nothing", async () => {
    await officeGateway.writeReport(plan, { replaceOwnSheets: false });
    workbook.deleteSheet(workbook.sheet("CLV Web"));
    workbook.addSheet("CLV Web"); // the user's, without the add-in's mark
    expect(await officeGateway.findReportSheets(plan, "Sales")).toEqual([]);
    expect(await officeGateway.writeReport(plan, { replaceOwnSheets: true })).toEqual(SHEETS.map((sheet) => `${sheet} (2)`));
  });

  test("lists nothing when the data themselves are on a report sheet", async () => {
    await officeGateway.writeReport(plan, { replaceOwnSheets: false });
    expect(await officeGateway.findReportSheets(plan, "clv customers")).toEqual([]);
  });
});

describe("writeReport", () => {
  test("writes every sheet and reports progress on the way", async () => {
    const progressed: string[] = [];
    const sheets = await officeGateway.writeReport(plan, { replaceOwnSheets: false, onProgress: (p) => progressed.push(p.sheet) });
    expect(sheets).toEqual(SHEETS);
    expect(workbook.sheetNames()).toEqual(["Sales", ...SHEETS]);
    expect(new Set(progressed)).toEqual(new Set(SHEETS));
  });

  test("an abort stops the write at its next chunk; the writer removes what it had created and says so", async () => {
    const abort = new AbortController();
    const written = officeGateway.writeReport(plan, { replaceOwnSheets: false, signal: abort.signal, onProgress: () => abort.abort() });
    await expect(written).rejects.toThrow(/the user cancelled it.*No half-written sheet was left/);
    expect(workbook.sheetNames()).toEqual(["Sales"]);
  });
});

test("activateSheet says whether the sheet is still there", async () => {
  await officeGateway.writeReport(plan, { replaceOwnSheets: false });
  expect(await officeGateway.activateSheet("CLV Web")).toBe(true);
  expect(workbook.activeSheet?.name).toBe("CLV Web");
  expect(await officeGateway.activateSheet("CLV Phone")).toBe(false);
});
