import { FakeRequestContext, FakeWorkbook } from ".";

// The fake keeps Office.js's rules, so code that passes against it does not rely on what Excel refuses.

describe("the fake Excel", () => {
  let workbook: FakeWorkbook;
  let context: FakeRequestContext;
  beforeEach(() => {
    workbook = new FakeWorkbook();
    workbook.addSheet("Data");
    context = new FakeRequestContext(workbook);
  });

  test("a property is read only after load and sync", async () => {
    const range = context.workbook.worksheets.getItem("Data").getRange("B2:C3");
    expect(() => range.address).toThrow(/'address' is not available/);
    range.load("address");
    expect(() => range.address).toThrow(/not available/);
    await context.sync();
    expect(range.address).toBe("Data!B2:C3");
    expect(() => range.values).toThrow(/'values' is not available/);
  });

  test("Range.text is each cell as Excel shows it under its number format; a blank as empty text", async () => {
    // An ISO date typed in a cell becomes its serial (2024-02-20 is 45342, as in Excel's 1900 date system)
    // and shows under yyyy-mm-dd as typed; 1234.5 under #,##0.00 shows 1,234.50; TRUE as TRUE.
    const range = context.workbook.worksheets.getItem("Data").getRange("A1:D1");
    range.values = [["2024-02-20", 1234.5, true, ""]];
    range.numberFormat = [["yyyy-mm-dd", "#,##0.00", "General", "General"]];
    range.load("values, text");
    await context.sync();
    expect(range.values).toEqual([[45342, 1234.5, true, ""]]);
    expect(range.text).toEqual([["2024-02-20", "1,234.50", "TRUE", ""]]);
  });

  test("after a failed operation the rest of the batch is not applied, and the next sync throws", async () => {
    const sheet = context.workbook.worksheets.getItem("Data");
    sheet.getRange("A1").values = [["before"]];
    context.workbook.worksheets.add("Data"); // exists: fails
    sheet.getRange("A2").values = [["after"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(workbook.sheet("Data").values("A1:A2")).toEqual([["before"], [""]]);
    await expect(context.sync()).resolves.toBeUndefined();
  });

  test("an injected failure hits the given call of an operation", async () => {
    workbook.failOn("Worksheets.add", 2, "AccessDenied");
    context.workbook.worksheets.add("One");
    await context.sync();
    context.workbook.worksheets.add("Two");
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(workbook.sheetNames()).toEqual(["Data", "One"]);
  });

  test("text is typed as Excel types it, unless the cell is formatted as text", async () => {
    const range = context.workbook.worksheets.getItem("Data").getRange("A1:D2");
    range.values = [["00123", "2024-01", "=1+1", "abc"], ["", "", "", ""]];
    const text = context.workbook.worksheets.getItem("Data").getRange("A2:D2");
    text.numberFormat = [["@", "@", "@", "@"]];
    text.values = [["00123", "2024-01", "=1+1", "abc"]];
    await context.sync();
    const data = workbook.sheet("Data");
    expect(data.values("A1:D1")).toEqual([[123, 45292, "", "abc"]]);
    expect(data.formula("C1")).toBe("=1+1");
    expect(data.values("A2:D2")).toEqual([["00123", "2024-01", "=1+1", "abc"]]);
    expect([data.hasFormula(0, 2), data.hasFormula(1, 2)]).toEqual([true, false]); // C1 a formula, C2 text
  });

  test('a typed percentage is its fraction, as Excel reads "40%" (0.4); "12.5 %" is 0.125; "40 % off" stays text', async () => {
    context.workbook.worksheets.getItem("Data").getRange("A1:C1").values = [["40%", "12.5 %", "40 % off"]];
    await context.sync();
    expect(workbook.sheet("Data").values("A1:C1")).toEqual([[0.4, 0.125, "40 % off"]]);
  });

  test("structured references must name an existing table and column, or sit in a table", async () => {
    const sheet = context.workbook.worksheets.getItem("Data");
    sheet.getRange("A1:B1").values = [["Revenue", "AOV"]];
    sheet.getRange("B2").formulas = [["=[@Revenue]"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    const table = context.workbook.tables.add(sheet.getRange("A1:B2"), true);
    table.name = "T";
    sheet.getRange("B2").formulas = [["=[@Revenue]*2"]];
    sheet.getRange("D1").formulas = [["=SUM(T[Revenue])"]];
    await context.sync();
    sheet.getRange("D2").formulas = [["=SUM(T[Cost])"]];
    await expect(context.sync()).rejects.toThrow("=SUM(T[Cost]): table T has no column Cost");
  });

  test("deleting a sheet breaks the workbook names that point at it, and takes its tables", async () => {
    const sheet = context.workbook.worksheets.add("My sheet");
    context.workbook.names.add("Rate", sheet.getRange("B6"), "");
    context.workbook.tables.add(sheet.getRange("A1:A2"), true);
    await context.sync();
    expect(workbook.name("Rate")?.formula).toBe("='My sheet'!$B$6");
    context.workbook.worksheets.getItem("My sheet").delete();
    await context.sync();
    expect(workbook.name("Rate")?.formula).toBe("=#REF!$B$6");
    expect(workbook.tables).toEqual([]);
  });
});
