import { parseCsv } from "../csv";
import { type CellValue, gridFromRows } from "./cellGrid";
import { cellReader } from "./cellReader";
import { KeyTable } from "./keyTable";
import { parseTransactions } from "./parseTransactions";
import { plainDecimal } from "./readAmount";
import { readMachineDay } from "./readDay";

// Independent reference for day numbers: JavaScript's Date.UTC (days since 1970-01-01).
const utcDay = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;

describe("reading cells in place", () => {
  test("machine dates inside a longer text's UTF-8 bytes: 2024-03-05, 19970101, with a time; other formats are left to readDay", () => {
    const text = new TextEncoder().encode("c1,2024-03-05,19970101,2024-03-05T10:30:00Z,5 Mar 2024,2024-02-30");
    expect(readMachineDay(text, 3, 13)).toBe(utcDay(2024, 3, 5));
    expect(readMachineDay(text, 14, 22)).toBe(utcDay(1997, 1, 1));
    expect(readMachineDay(text, 23, 43)).toBe(utcDay(2024, 3, 5));
    expect(readMachineDay(text, 44, 54)).toBeUndefined();
    expect(readMachineDay(text, 55, 65)).toBe("noSuchDate");
  });

  test("plain decimals inside a longer text's UTF-8 bytes: -12.50, 7; 1.234 (maybe thousands), 1e3 and an empty range are not read", () => {
    const text = new TextEncoder().encode("x,-12.50,7,1.234,1e3,");
    expect(plainDecimal(text, 2, 8)).toBe(-12.5);
    expect(plainDecimal(text, 9, 10)).toBe(7);
    expect(plainDecimal(text, 11, 16)).toBeNaN();
    expect(plainDecimal(text, 17, 20)).toBeNaN();
    expect(plainDecimal(text, 21, 21)).toBeNaN();
  });

  test("a CSV grid's reader gives what the cell functions give on the same cells", () => {
    const grid = parseCsv('id,date,amount\n c1 ,2024-03-05,12.50\n"a ""b""",\u00a02024-03-06,"1,234.50"\n,  ,\n');
    const cells = cellReader(grid);
    const keys = new KeyTable();
    const trimmed = (value: CellValue) => String(value).trim();
    expect([1, 2, 3].map((row) => cells.isBlank(row, 0))).toEqual([false, false, true]);
    const ids = new Int32Array(3);
    cells.keyColumn(Int32Array.of(1, 2, 3), 0, keys, trimmed, ids);
    expect(Array.from(ids)).toEqual([0, 1, -1]);
    expect(keys.keys).toEqual(["c1", 'a "b"']);
    expect([1, 2, 3].map((row) => cells.day(row, 1, 1900, null))).toEqual([utcDay(2024, 3, 5), utcDay(2024, 3, 6), "empty"]);
    expect([1, 2, 3].map((row) => cells.amount(row, 2, null))).toEqual([12.5, 1234.5, "empty"]);
  });

  test("a column of ids read together numbers them as reading them one by one does, quoted and padded ones included", () => {
    const grid = parseCsv('id\nc1\n c2 \nc1\n"c""3"\nc4\n c2 \nc4\n');
    const rows = Int32Array.from([7, 1, 2, 3, 4, 5, 6]);
    const trimmed = (value: CellValue) => String(value).trim();
    const oneByOne = new KeyTable();
    const expected = Array.from(rows, (row) => oneByOne.indexOf(trimmed(grid.cell(row, 0))));
    const together = new KeyTable();
    const out = new Int32Array(rows.length);
    cellReader(grid).keyColumn(rows, 0, together, trimmed, out);
    expect(Array.from(out)).toEqual(expected);
    expect(together.keys).toEqual(["c4", "c1", "c2", 'c"3']);
    expect(oneByOne.keys).toEqual(together.keys);
  });

  test("10,000 ids read together, in runs broken by padded cells, are numbered as a Map numbers their trimmed text", () => {
    // Runs longer than the reader's batch of ranges (4,096), and padded cells (read one by one) at uneven places.
    const ids = Array.from({ length: 10_000 }, (_, i) => (i % 997 === 5 ? ` c${(i * 31) % 3_000} ` : `c${(i * 31) % 3_000}`));
    const grid = parseCsv(`id\n${ids.join("\n")}\n`);
    const rows = Int32Array.from(ids, (_, i) => i + 1);
    const reference = new Map<string, number>();
    const expected = ids.map((id) => {
      if (!reference.has(id.trim())) reference.set(id.trim(), reference.size);
      return reference.get(id.trim());
    });
    const table = new KeyTable(100_000);
    const out = new Int32Array(rows.length).fill(-1);
    cellReader(grid).keyColumn(rows, 0, table, (value) => String(value).trim(), out);
    expect(Array.from(out)).toEqual(expected);
    expect(table.keys).toEqual([...reference.keys()]);
  });

  test("a date equal to the previous one is read as it (remembered); other dates, and invalid ones, are read afresh", () => {
    const grid = parseCsv("2024-03-05\n2024-03-05\n2024-03-06\n2024-02-30\n2024-02-30\n20240306\n2024-03-05\n");
    const cells = cellReader(grid);
    expect([0, 1, 2, 3, 4, 5, 6].map((row) => cells.day(row, 0, 1900, null))).toEqual([
      utcDay(2024, 3, 5),
      utcDay(2024, 3, 5),
      utcDay(2024, 3, 6),
      "noSuchDate",
      "noSuchDate",
      utcDay(2024, 3, 6),
      utcDay(2024, 3, 5),
    ]);
  });
});

describe("parseTransactions reads a CSV grid as it reads the same cells in an array", () => {
  // Reference: the array path, which reads every cell through readDay, readAmount and trimming.
  const text = [
    "Customer,Date,Amount,Order,Channel",
    "c1,2024-03-05,$12.50,o1,web",
    " c2 ,19970101,30,o2, store ",
    'c1,"2024-03-06",-4.00,o1,"we""b"',
    "c3,2024-02-30,5,o3,web",
    ",,,,",
    "c4,March 6 2024,1 234.50,,app",
    "c5,2024-03-07,abc,o5,web",
    "\u00a0c6\u00a0,2024-03-07T08:00:00,7,o6,\u00a0",
    ",2024-03-07,7,o7,web",
  ].join("\r\n");
  const csv = parseCsv(text);
  const rows = Array.from({ length: csv.rowCount }, (_, row) => Array.from({ length: csv.width(row) }, (_, column) => csv.cell(row, column)));
  const fromCsv = parseTransactions(csv);
  const fromArray = parseTransactions(gridFromRows(rows));

  test("the same table: ids, days, amounts, orders, segments", () => {
    expect(fromCsv.table).toEqual(fromArray.table);
    expect(fromCsv.table.customerIds).toEqual(["c1", "c2", "c4", "c6"]);
    expect(Array.from(fromCsv.table.amount)).toEqual([12.5, 30, -4, 1234.5, 7]);
    // Used rows c1, c2, c1, c4, c6: c4's order id is empty (an order of its own), c6's channel only a no-break space (blank).
    expect([fromCsv.table.orderIds, Array.from(fromCsv.table.order ?? [])]).toEqual([["o1", "o2", "o6"], [0, 1, 0, -1, 2]]);
    expect([fromCsv.table.segmentLabels, Array.from(fromCsv.table.segment ?? [])]).toEqual([["web", "store", 'we"b', "app"], [0, 1, 2, 3, -1]]);
  });

  test("the same report: rejected rows and reasons, blank rows", () => {
    expect(fromCsv.report).toEqual(fromArray.report);
    expect(fromCsv.report).toMatchObject({ usedRows: 5, rejectedRows: 3, blankRows: 1 });
  });
});
