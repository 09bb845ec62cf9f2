import { BOOK, bookAnalysis } from "../../test/reportFixture";
import { type ReportPlan, buildReportPlan, cellAddress, rangeAddress } from "../core/report";
import { FakeWorkbook, installFakeExcel } from "./fake";
import { WorkbookError, activateSheet, findReportSheets, writeReport } from ".";

// The hand-worked book of test/reportFixture.ts: segments Gold (A, C) and Burden (B, D), unit day.
const SHEETS = ["CLV Summary", "CLV Customers", "CLV Cohorts", "CLV Gold", "CLV Burden"];
const plan = buildReportPlan(bookAnalysis(), { cac: 50, source: "Data!A1:C7" });

let workbook: FakeWorkbook;
let uninstall: () => void;

beforeEach(() => {
  workbook = new FakeWorkbook();
  workbook.addSheet("Data");
  workbook.setValues("Data", "A1", BOOK);
  workbook.select("Data", "A1");
  uninstall = installFakeExcel(workbook);
});
afterEach(() => uninstall());

describe("writeReport: what a run writes", () => {
  test("every planned sheet after the user's, the summary shown, the data sheet untouched", async () => {
    const before = workbook.sheet("Data").snapshot();
    const result = await writeReport(plan, { replaceOwnSheets: false });
    expect(result).toEqual({ sheets: SHEETS, replaced: [], copy: 1 });
    expect(workbook.sheetNames()).toEqual(["Data", ...SHEETS]);
    expect(workbook.activeSheet?.name).toBe("CLV Summary");
    expect(workbook.sheet("Data").snapshot()).toEqual(before);
  });

  test("each sheet carries the add-in's hidden mark", async () => {
    await writeReport(plan, { replaceOwnSheets: false });
    for (const sheet of SHEETS) {
      expect(workbook.name("CLV_Owner", sheet)).toMatchObject({ formula: '="CLV Toolkit report"', visible: false });
    }
  });

  test("assumptions are workbook names on the summary's cells, with their values and formats", async () => {
    await writeReport(plan, { replaceOwnSheets: false });
    const summary = workbook.sheet("CLV Summary");
    // The assumptions block starts on row 5 (title, data line, blank, heading): Period, then B6 onwards.
    expect(["CLV_DiscountRate", "CLV_Margin", "CLV_Horizon", "CLV_TargetRatio", "CLV_CAC"].map((n) => workbook.name(n)?.formula)).toEqual([
      "='CLV Summary'!$B$6", "='CLV Summary'!$B$7", "='CLV Summary'!$B$8", "='CLV Summary'!$B$9", "='CLV Summary'!$B$10",
    ]);
    expect(summary.values("A5:B10")).toEqual([
      ["Period", "day"], ["Discount rate per day", 0.01], ["Gross margin", 0.5], ["Horizon (days)", 2], ["Target LTV:CAC", 3], ["CAC per customer", 50],
    ]);
    expect(summary.numberFormats("B6:B10").flat()).toEqual(["0.00%", "0.0%", "#,##0", "0.0", "#,##0.00"]);
    expect(summary.isBold("A1")).toBe(true);
  });

  test("the segment table: headers, values, CLV.* formulas, the totals row, formats (cells worked out from the plan's layout)", async () => {
    await writeReport(plan, { replaceOwnSheets: false });
    const summary = workbook.sheet("CLV Summary");
    // Header on row 15 (0-based 14), Gold and Burden on 16-17, totals on 18; 23 columns A:W.
    expect(workbook.table("CLV_Segments")).toMatchObject({ address: "'CLV Summary'!A15:W18", showTotals: true });
    expect(summary.values("A15:H17")).toEqual([
      ["Segment", "Customers", "Share of customers", "Orders", "Revenue", "Share of revenue", "Customer days", "Lapsed"],
      ["Gold", 2, 0.5, 4, 250, 250 / 300, 101, 1],
      ["Burden", 2, 0.5, 2, 50, 50 / 300, 31, 1],
    ]);
    expect(summary.formulas("M16:N17")).toEqual([
      ["=CLV_CAC", "=CLV.AOV([@Revenue],[@Orders])"],
      ["=CLV_CAC", "=CLV.AOV([@Revenue],[@Orders])"],
    ]);
    expect(summary.formula("A18")).toBe("All customers");
    expect(summary.formula("N18")).toBe("=CLV.AOV(CLV_Segments[[#Totals],[Revenue]],CLV_Segments[[#Totals],[Orders]])");
    expect(summary.numberFormats("A16:C16")).toEqual([["@", "#,##0", "0.0%"]]);
    expect(summary.numberFormat("P16")).toBe("0.00%"); // churn per day
  });

  test("every table holds exactly the plan: header, values (empty for null), formulas, totals", async () => {
    await writeReport(plan, { replaceOwnSheets: false });
    for (const sheet of plan.sheets) {
      for (const table of sheet.tables) {
        const written = workbook.table(table.name);
        const last = table.row + table.rows.length + (table.totals ? 1 : 0);
        expect(written?.address).toBe(`'${sheet.name}'!${rangeAddress(table.row, table.column, last - table.row + 1, table.columns.length)}`);
        expect(written?.headers).toEqual(table.columns.map((c) => c.name));
        const cells = workbook.sheet(sheet.name).formulas(rangeAddress(table.row + 1, table.column, table.rows.length, table.columns.length));
        const expected = table.rows.map((row) => row.map((cell, c) => table.columns[c].formula ?? cell ?? ""));
        expect([table.name, cells]).toEqual([table.name, expected]);
      }
    }
  });

  test("customers: ids as text, dates as date serials with a date format, header frozen", async () => {
    await writeReport(plan, { replaceOwnSheets: false });
    const customers = workbook.sheet("CLV Customers");
    // A: first purchase 2024-01-01 = serial 45292; C has no prediction: empty cells.
    expect(customers.values("A2:D2")).toEqual([["A", "Gold", 45292, 45371]]);
    expect(customers.numberFormats("A2:D2")).toEqual([["@", "@", "yyyy-mm-dd", "yyyy-mm-dd"]]);
    expect(customers.values("K4:M4")).toEqual([["", "", ""]]);
    expect(customers.frozenRows).toBe(1);
    // Every column autofitted: Customer, Segment, First and Last purchase, Orders, Revenue, AOV, R, F and M
    // scores, P(alive), Expected purchases, Predicted CLV = 13.
    expect(customers.autofitted.size).toBe(13);
  });

  test("text that Excel would read as a number or a date stays text: ids 007 and 2024-01", async () => {
    const rows = BOOK.map((row, i) => (i === 0 ? row : [row[0] === "A" ? "007" : row[0] === "B" ? "2024-01" : row[0], row[1], row[2]]));
    await writeReport(buildReportPlan(bookAnalysis({}, rows), { cac: 50 }), { replaceOwnSheets: false });
    expect(workbook.sheet("CLV Customers").values("A2:A3")).toEqual([["007"], ["2024-01"]]);
    // Cohort names too ("2024-01" would become the date 45292).
    expect(workbook.sheet("CLV Cohorts").value("A5")).toBe("2024-01");
  });

  test("charts: type, title, axis titles, series names and cells, position", async () => {
    await writeReport(plan, { replaceOwnSheets: false });
    const [clv, shares, ltv] = workbook.sheet("CLV Summary").charts;
    // Segment names A16:A17; NPV CLV is column S, mean predicted CLV I, shares C and F, CAC M.
    const categories = "'CLV Summary'!A16:A17";
    expect(clv).toMatchObject({
      type: "ColumnClustered",
      title: "CLV per customer by segment",
      categoryAxisTitle: "Segment",
      valueAxisTitle: "CLV per customer (currency of the data, 2 days)",
      series: [
        { name: "NPV CLV", values: "'CLV Summary'!S16:S17", categories },
        { name: "Mean predicted CLV", values: "'CLV Summary'!I16:I17", categories },
      ],
    });
    expect(shares.series.map((s) => s.values)).toEqual(["'CLV Summary'!C16:C17", "'CLV Summary'!F16:F17"]);
    expect(ltv.series.map((s) => [s.name, s.values])).toEqual([["LTV (NPV CLV)", "'CLV Summary'!S16:S17"], ["CAC", "'CLV Summary'!M16:M17"]]);
    const chart = plan.sheets[0].charts[0];
    expect([clv.from, clv.to]).toEqual([cellAddress(chart.top, chart.left), cellAddress(chart.bottom, chart.right)]);
    // The cohort chart: one line per cohort over Month 0..2 (header C4:E4), each a row of the table.
    const [retention] = workbook.sheet("CLV Cohorts").charts;
    expect(retention.type).toBe("Line");
    expect(retention.series).toEqual([
      { name: "2024-01", values: "'CLV Cohorts'!C5:E5", categories: "'CLV Cohorts'!C4:E4" },
      { name: "2024-02", values: "'CLV Cohorts'!C6:E6", categories: "'CLV Cohorts'!C4:E4" },
      { name: "2024-03", values: "'CLV Cohorts'!C7:E7", categories: "'CLV Cohorts'!C4:E4" },
    ]);
  });

  test("column width hints after autofit: 36 characters at 5.25 points", async () => {
    await writeReport(plan, { replaceOwnSheets: false });
    expect(workbook.sheet("CLV Summary").columnWidths.get(0)).toBe(189);
  });

  test("large tables are written in blocks of 5,000 rows, one sync each", async () => {
    const rows = Array.from({ length: 12_001 }, (_, i) => [`c${i}`, i]);
    const big: ReportPlan = {
      names: [],
      sheets: [{
        name: "Big", kind: "customers", blocks: [], charts: [], freezeRows: 1, columnWidths: [],
        tables: [{ name: "Big_Table", row: 0, column: 0, columns: [{ name: "Id", format: "@" }, { name: "N", format: "0" }], rows }],
      }],
    };
    const progress: number[] = [];
    await writeReport(big, { replaceOwnSheets: false, onProgress: (p) => progress.push(p.rowsWritten) });
    expect(progress).toEqual([5000, 10000, 12001]);
    expect(workbook.sheet("Big").values("A12002:B12002")).toEqual([["c12000", 12000]]);
    expect(workbook.table("Big_Table")?.address).toBe("Big!A1:B12002");
  });

  test("screen updating is suspended only where ExcelApi 1.9 is supported; 1.7 is the minimum", async () => {
    workbook.apiVersion = "1.7";
    await writeReport(plan, { replaceOwnSheets: false });
    expect(workbook.calls).toContain("Application.suspendApiCalculationUntilNextSync");
    expect(workbook.calls).not.toContain("Application.suspendScreenUpdatingUntilNextSync");
    workbook.apiVersion = "1.6";
    await expect(writeReport(plan, { replaceOwnSheets: true })).rejects.toMatchObject({ problem: { kind: "unsupported" } });
  });
});

describe("writeReport: sheets that exist already", () => {
  test("a user's sheet of the same name is kept and the report becomes copy 2, names and formulas included", async () => {
    workbook.addSheet("CLV Summary");
    workbook.setValues("CLV Summary", "A1", [["my notes"]]);
    const before = workbook.sheet("CLV Summary").snapshot();
    const result = await writeReport(plan, { replaceOwnSheets: true });
    expect(result.copy).toBe(2);
    expect(result.sheets).toEqual(SHEETS.map((s) => `${s} (2)`));
    expect(workbook.sheet("CLV Summary").snapshot()).toEqual(before);
    expect(workbook.name("CLV_Margin_2")?.formula).toBe("='CLV Summary (2)'!$B$7");
    expect(workbook.name("CLV_Margin")).toBeUndefined();
    expect(workbook.sheet("CLV Summary (2)").formula("S16")).toBe(
      '=IF([@[Churn per day]]="","",CLV.RETENTION_CLV([@AOV]*[@[APF per day]]*CLV_Margin_2,1-[@[Churn per day]],CLV_DiscountRate_2,CLV_Horizon_2))'
    );
    expect(workbook.sheet("CLV Gold (2)").formula("B12")).toBe('=INDEX(CLV_Segments_2[AOV],MATCH("Gold",CLV_Segments_2[Segment],0))');
  });

  test("the add-in's own sheets: a new copy unless the caller confirmed, then replaced in place", async () => {
    await writeReport(plan, { replaceOwnSheets: false });
    expect(await findReportSheets(plan)).toEqual(SHEETS.map((name) => ({ name, ownedByAddin: true })));

    const second = await writeReport(plan, { replaceOwnSheets: false });
    expect(second.copy).toBe(2);
    expect(workbook.sheetNames()).toHaveLength(1 + 2 * SHEETS.length);

    const third = await writeReport(plan, { replaceOwnSheets: true });
    expect(third).toEqual({ sheets: SHEETS, replaced: SHEETS, copy: 1 });
    expect(workbook.sheetNames()).toEqual(["Data", ...SHEETS.map((s) => `${s} (2)`), ...SHEETS]);
    expect(workbook.name("CLV_Margin")?.formula).toBe("='CLV Summary'!$B$7");
    expect([...workbook.names.values()].filter((n) => n.formula.includes("#REF!"))).toEqual([]);
  });

  test("replacing is refused for the whole report when one sheet is the user's", async () => {
    await writeReport(plan, { replaceOwnSheets: false });
    uninstall();
    const other = new FakeWorkbook();
    other.addSheet("Data");
    other.addSheet("CLV Cohorts");
    uninstall = installFakeExcel(other);
    expect(await findReportSheets(plan)).toEqual([{ name: "CLV Cohorts", ownedByAddin: false }]);
    expect((await writeReport(plan, { replaceOwnSheets: true })).copy).toBe(2);
    expect(other.sheetNames().slice(0, 3)).toEqual(["Data", "CLV Cohorts", "CLV Summary (2)"]);
  });

  test("the sheet holding the analysed data is never replaced", async () => {
    await writeReport(plan, { replaceOwnSheets: false });
    const result = await writeReport(plan, { replaceOwnSheets: true, sourceSheet: "CLV Customers" });
    expect(result.copy).toBe(2);
    expect(workbook.sheetNames()).toContain("CLV Customers");
  });

  test("findReportSheets finds nothing in a fresh workbook; activateSheet shows a sheet", async () => {
    expect(await findReportSheets(plan)).toEqual([]);
    await writeReport(plan, { replaceOwnSheets: false });
    expect(await activateSheet("CLV Gold")).toBe(true);
    expect(workbook.activeSheet?.name).toBe("CLV Gold");
    expect(await activateSheet("Nope")).toBe(false);
  });
});

describe("writeReport: a failure midway", () => {
  test("the second chart of the summary fails: no half-written sheet or name is left", async () => {
    const before = workbook.sheet("Data").snapshot();
    workbook.failOn("Charts.add", 2);
    const error: WorkbookError = await writeReport(plan, { replaceOwnSheets: false }).catch((e) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.problem.kind).toBe("writeFailed");
    expect(error.message).toBe("Writing the report failed: Injected failure of Charts.add. No half-written sheet was left.");
    expect(error.problem).toMatchObject({ remainingSheets: [], deletedSheets: [] });
    expect(workbook.sheetNames()).toEqual(["Data"]);
    expect([...workbook.names.keys()]).toEqual([]);
    expect(workbook.tables).toEqual([]);
    expect(workbook.sheet("Data").snapshot()).toEqual(before);
  });

  test("a failure on a later sheet removes the sheets already finished too", async () => {
    // Tables are added in plan order: CLV_Segments, CLV_Customers, CLV_Cohorts (the 3rd), ...
    workbook.failOn("Tables.add", 3);
    await expect(writeReport(plan, { replaceOwnSheets: false })).rejects.toMatchObject({ problem: { kind: "writeFailed", remainingSheets: [] } });
    expect(workbook.sheetNames()).toEqual(["Data"]);
  });

  test("a sheet the clean-up cannot delete is reported", async () => {
    workbook.failOn("Tables.add", 2); // fails on CLV Customers, after CLV Summary is complete
    workbook.failOn("Worksheet.delete", 1); // the clean-up's first deletion: CLV Summary
    const error: WorkbookError = await writeReport(plan, { replaceOwnSheets: false }).catch((e) => e);
    expect(error.problem).toMatchObject({ remainingSheets: ["CLV Summary"] });
    expect(error.message).toMatch(/These sheets could not be removed: CLV Summary\.$/);
    expect(workbook.sheetNames()).toEqual(["Data", "CLV Summary"]);
  });

  test("when replacing, the error says the earlier report was already deleted", async () => {
    await writeReport(plan, { replaceOwnSheets: false });
    workbook.failOn("Tables.add", 1);
    const error: WorkbookError = await writeReport(plan, { replaceOwnSheets: true }).catch((e) => e);
    expect(error.message).toMatch(/The earlier report sheets CLV Summary, CLV Customers, CLV Cohorts, CLV Gold, CLV Burden had already been deleted\.$/);
    expect(error.problem).toMatchObject({ deletedSheets: ["CLV Summary", "CLV Customers", "CLV Cohorts", "CLV Gold", "CLV Burden"] });
    expect(workbook.sheetNames()).toEqual(["Data"]);
  });
});
