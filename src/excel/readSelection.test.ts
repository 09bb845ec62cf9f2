import { FakeWorkbook, installFakeExcel } from "./fake";
import { READ_CELLS_PER_SYNC, READ_ROWS_PER_SYNC, type ReadProgress, WorkbookError, readSelection } from ".";

let workbook: FakeWorkbook;
let uninstall: () => void;

beforeEach(() => {
  workbook = new FakeWorkbook();
  workbook.addSheet("Data");
  uninstall = installFakeExcel(workbook);
});
afterEach(() => uninstall());

/** Row i of a synthetic transaction log: id, date serial, amount, order. */
const row = (i: number) => [`c${i % 997}`, 45292 + (i % 365), (i % 50) + 0.5, `o${i}`];

describe("readSelection", () => {
  test("200,000 rows from one selected cell: its region, read in blocks of 10,000 rows", async () => {
    const ROWS = 200_000;
    workbook.setValues("Data", "A1", [["customer", "date", "amount", "order"], ...Array.from({ length: ROWS - 1 }, (_, i) => row(i))]);
    workbook.select("Data", "B7");
    const progress: ReadProgress[] = [];
    const syncsBefore = workbook.syncCount;
    const data = await readSelection((p) => progress.push(p));
    // 2 syncs find the range (selection and its tables; the region), then 200,000 / 10,000 = 20 blocks.
    expect(READ_ROWS_PER_SYNC).toBe(10_000);
    expect(workbook.syncCount - syncsBefore).toBe(2 + 20);
    expect(progress).toHaveLength(20);
    expect(progress[0]).toEqual({ rowsRead: 10_000, rowCount: ROWS });
    expect(progress[19]).toEqual({ rowsRead: ROWS, rowCount: ROWS });
    expect(data).toMatchObject({ address: "Data!A1:D200000", sheetName: "Data", firstRow: 1, firstColumn: 1, rowCount: ROWS, columnCount: 4, source: "region" });
    expect(data.values).toHaveLength(ROWS);
    expect(data.values[0]).toEqual(["customer", "date", "amount", "order"]);
    expect(data.values[1]).toEqual(row(0));
    expect(data.values[123_457]).toEqual(row(123_456));
    expect(data.values[ROWS - 1]).toEqual(row(ROWS - 2));
  });

  test("wide ranges read fewer rows per sync: 200,000 cells over 100 columns is 2,000 rows", async () => {
    workbook.setValues("Data", "A1", Array.from({ length: 4_500 }, (_, r) => Array.from({ length: 100 }, (_, c) => r * 100 + c)));
    workbook.select("Data", "A1");
    const progress: number[] = [];
    await readSelection((p) => progress.push(p.rowsRead));
    expect(READ_CELLS_PER_SYNC / 100).toBe(2_000);
    expect(progress).toEqual([2_000, 4_000, 4_500]);
  });

  test("a cell inside an Excel table reads the whole table, header included, totals row left out", async () => {
    workbook.setValues("Data", "B3", [["customer", "date", "amount"], ["a", 45292, 10], ["b", 45293, 20], ["c", 45294, 30]]);
    workbook.setValues("Data", "A10", [["unrelated"]]);
    const table = workbook.addTable("Data", "B3:D6", "Sales");
    workbook.select("Data", "C5");
    expect(await readSelection()).toMatchObject({
      address: "Data!B3:D6", firstRow: 3, firstColumn: 2, source: "table", tableName: "Sales",
      values: [["customer", "date", "amount"], ["a", 45292, 10], ["b", 45293, 20], ["c", 45294, 30]],
    });
    table.showTotals = true;
    workbook.setValues("Data", "D7", [[60]]);
    workbook.select("Data", "B4:C5");
    const withTotals = await readSelection();
    expect([withTotals.address, withTotals.rowCount]).toEqual(["Data!B3:D6", 4]);
  });

  test("the first 5 rows are also read as the sheet shows them, in the first block's sync: dates as dates", async () => {
    // 45292 is 2024-01-01 in Excel's 1900 date system (Microsoft, "DATEVALUE function"); 10.5 under #,##0.00 shows 10.50.
    workbook.setValues("Data", "A1", [["customer", "date", "amount"], ...Array.from({ length: 7 }, (_, i) => [`c${i}`, 45292 + i, 10.5])]);
    const sheet = workbook.sheet("Data");
    for (let r = 1; r <= 7; r++) [sheet.setFormat(r, 1, "yyyy-mm-dd"), sheet.setFormat(r, 2, "#,##0.00")];
    workbook.select("Data", "A1");
    const syncsBefore = workbook.syncCount;
    const data = await readSelection();
    expect(workbook.syncCount - syncsBefore).toBe(2 + 1);
    expect(data.values[1]).toEqual(["c0", 45292, 10.5]);
    expect(data.previewText).toEqual([
      ["customer", "date", "amount"],
      ["c0", "2024-01-01", "10.50"],
      ["c1", "2024-01-02", "10.50"],
      ["c2", "2024-01-03", "10.50"],
      ["c3", "2024-01-04", "10.50"],
    ]);
  });

  test("a selection of whole columns reads only the rows with data", async () => {
    workbook.setValues("Data", "A1", [["customer", "amount"], ["a", 1], ["b", 2]]);
    workbook.select("Data", "A1:B1048576");
    expect(await readSelection()).toMatchObject({ address: "Data!A1:B3", rowCount: 3, source: "selection" });
  });

  test("several areas: a clear error, nothing read", async () => {
    workbook.setValues("Data", "A1", [["customer", "amount"], ["a", 1]]);
    workbook.select("Data", "A1:A2", "C1:C2");
    const error: WorkbookError = await readSelection().catch((e) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect([error.problem.kind, error.message]).toEqual([
      "multipleAreas",
      "Select one block of cells (or one cell inside the transactions); several areas, a chart or a shape cannot be read",
    ]);
  });

  test("an empty cell with nothing around it, or an empty block: nothing to read", async () => {
    workbook.setValues("Data", "A1", [["x"]]);
    workbook.select("Data", "E9");
    await expect(readSelection()).rejects.toMatchObject({ problem: { kind: "emptySelection" } });
    workbook.select("Data", "E9:F20");
    await expect(readSelection()).rejects.toMatchObject({ problem: { kind: "emptySelection" } });
  });
});
