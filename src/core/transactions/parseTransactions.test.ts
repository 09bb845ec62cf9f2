import { parseCsv } from "../csv";
import { ClvError } from "../errors";
import type { CellValue } from "./cellGrid";
import { type ParseReport, parseTransactions } from "./parseTransactions";

// Independent reference for day numbers: JavaScript's Date.UTC (days since 1970-01-01).
const utcDay = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;

/** The row errors without their `problem` (which the "as data" test checks): sheet row, column and English reason. */
function reasons(report: ParseReport) {
  return report.errors.map(({ row, column, reason }) => ({ row, column, reason }));
}

/** Every data row is used, rejected, blank or after the end: nothing is dropped silently. */
function expectAllRowsAccounted(report: ParseReport) {
  expect(report.usedRows + report.rejectedRows + report.blankRows + report.afterEndRows).toBe(report.dataRows);
}

describe("an English table with every kind of row", () => {
  const rows: CellValue[][] = [
    ["Customer ID", "Order Date", "Amount", "Channel"], // sheet row 1
    ["c1", "2024-03-05", "$12.50", "web"], //           2: used, 2024-03-05, 12.5
    ["c2", 45_356, 30, "store"], //                     3: used, serial 45,356 = 2024-03-05
    ["c1", "2024-02-30", 5, "web"], //                  4: rejected, no 30 February
    [null, "", null, "  "], //                          5: blank
    ["c3", "March 6, 2024", "abc", "web"], //           6: rejected amount
    ["", "2024-03-07", 5, "web"], //                    7: rejected, no customer
    ["c2", "2024-03-08", "(4.00)", ""], //              8: used, refund -4, no segment
    [" c1 ", "20240310", "1,234.50", "web"], //         9: used, c1 again (trimmed), 1234.5
    [true, "2024-03-10", 1, "web"], //                 10: rejected, TRUE is no id
  ];
  const { table, report } = parseTransactions(rows);

  test("used, rejected and blank rows are counted", () => {
    expect(report.dataRows).toBe(9);
    expect(report.usedRows).toBe(4);
    expect(report.rejectedRows).toBe(4);
    expect(report.blankRows).toBe(1);
    expect(report.afterEndRows).toBe(0);
    expectAllRowsAccounted(report);
  });

  test("each rejected row names its sheet row, its column header and the reason", () => {
    expect(reasons(report)).toEqual([
      { row: 4, column: "Order Date", reason: '"2024-02-30" is not a real calendar date' },
      { row: 6, column: "Amount", reason: '"abc" is not an amount' },
      { row: 7, column: "Customer ID", reason: "the customer id is empty" },
      { row: 10, column: "Customer ID", reason: "TRUE is not a customer id" },
    ]);
  });

  test("each rejected row says what is wrong as data, the cell as describeCell shows it", () => {
    expect(report.errors.map((error) => error.problem)).toEqual([
      { kind: "date", issue: "noSuchDate", shown: '"2024-02-30"', system: 1900, mixedOrders: false },
      { kind: "amount", issue: "notANumber", shown: '"abc"', role: "amount" },
      { kind: "emptyCustomer" },
      { kind: "notCustomerId", shown: "TRUE" },
    ]);
  });

  test("the columns hold the used rows in sheet order", () => {
    expect(table.length).toBe(4);
    expect(table.customerIds).toEqual(["c1", "c2"]);
    expect(Array.from(table.customer)).toEqual([0, 1, 1, 0]);
    expect(Array.from(table.day)).toEqual([utcDay(2024, 3, 5), utcDay(2024, 3, 5), utcDay(2024, 3, 8), utcDay(2024, 3, 10)]);
    expect(Array.from(table.amount)).toEqual([12.5, 30, -4, 1234.5]);
    expect(table.segmentLabels).toEqual(["web", "store"]);
    expect(Array.from(table.segment ?? [])).toEqual([0, 1, -1, 0]);
    expect(table.order).toBeNull();
    expect(table.cost).toBeNull();
    expect(Array.from(table.sourceRow)).toEqual([2, 3, 8, 9]);
  });

  test("the window runs from the first to the latest transaction", () => {
    expect(table.firstDay).toBe(utcDay(2024, 3, 5));
    expect(table.lastDay).toBe(utcDay(2024, 3, 10));
    expect(table.observationEnd).toBe(utcDay(2024, 3, 10));
  });
});

test("a Chinese table with line items, segments and costs", () => {
  const { table, report } = parseTransactions([
    ["客户ID", "下单时间", "销售额", "订单号", "地区", "成本"],
    ["张三", "2024年3月5日", "¥1,234", "A1", "华东", 1000],
    ["张三", "2024年3月5日 14:30", "¥66", "A1", "华东", 50],
    ["李四", "2024/3/6", 20, "B7", "华北", "12"],
  ]);
  expect(report.columns.sources).toEqual({
    customer: "header",
    date: "header",
    amount: "header",
    order: "header",
    segment: "header",
    cost: "header",
  });
  expect(table.customerIds).toEqual(["张三", "李四"]);
  expect(Array.from(table.day)).toEqual([utcDay(2024, 3, 5), utcDay(2024, 3, 5), utcDay(2024, 3, 6)]);
  expect(Array.from(table.amount)).toEqual([1234, 66, 20]); // "¥1,234": a thousands comma
  expect(table.orderIds).toEqual(["A1", "B7"]);
  expect(Array.from(table.order ?? [])).toEqual([0, 0, 1]);
  expect(table.segmentLabels).toEqual(["华东", "华北"]);
  expect(Array.from(table.cost ?? [])).toEqual([1000, 50, 12]);
});

test("a margin column gives cost = amount - margin", () => {
  const { table } = parseTransactions([
    ["Customer", "Date", "Sales", "Profit"],
    ["c", "2024-03-05", 100, 30], // cost 100 - 30 = 70
    ["c", "2024-03-06", "-20", "-5"], // refund: cost -20 - (-5) = -15
  ]);
  expect(Array.from(table.cost ?? [])).toEqual([70, -15]);
});

test("an empty order id makes the row an order of its own", () => {
  const { table } = parseTransactions([
    ["Customer", "Date", "Amount", "Order"],
    ["c", "2024-03-05", 1, ""],
    ["c", "2024-03-05", 2, 77],
  ]);
  expect(table.orderIds).toEqual(["77"]);
  expect(Array.from(table.order ?? [])).toEqual([-1, 0]);
});

test("a date past Excel's last serial, a TRUE/FALSE amount, an empty profit and a TRUE/FALSE order id are rejected as such", () => {
  const { table, report } = parseTransactions([
    ["Customer", "Date", "Amount", "Order", "Profit"],
    ["c", 3_000_000, 1, "A1", 1], // serials end at 2,958,465 (9999-12-31)
    ["c", "2024-03-05", true, "A2", 1],
    ["c", "2024-03-05", 10, "A3", ""],
    ["c", "2024-03-05", 10, false, 2],
    ["c", "2024-03-05", 10, "A5", 2],
  ]);
  expect(table.length).toBe(1);
  expect(report.errors).toEqual([
    {
      row: 2,
      column: "Date",
      reason: "3000000 is outside Excel's dates (serial numbers 1..2958465, or YYYYMMDD)",
      problem: { kind: "date", issue: "outOfRange", shown: "3000000", system: 1900, mixedOrders: false },
    },
    { row: 3, column: "Amount", reason: "TRUE is TRUE/FALSE, not an amount", problem: { kind: "amount", issue: "logical", shown: "TRUE", role: "amount" } },
    { row: 4, column: "Profit", reason: "the margin is empty", problem: { kind: "amount", issue: "empty", shown: '""', role: "margin" } },
    { row: 5, column: "Order", reason: "FALSE is not an order id", problem: { kind: "notOrderId", shown: "FALSE" } },
  ]);
});

describe("without a header", () => {
  // Nine good rows and one bad: content detection needs 90 % of a column to agree.
  const rows: CellValue[][] = Array.from({ length: 9 }, (_, index) => [`C00${index + 1}`, `2024-03-0${index + 1}`, 12.5]);
  rows.push(["C010", "nope", 1]);

  test("columns come from content and errors name column letters", () => {
    const { table, report } = parseTransactions(rows);
    expect(report.columns.hasHeader).toBe(false);
    expect(report.columns.mapping).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(report.dataRows).toBe(10);
    expect(table.customerIds).toHaveLength(9);
    expect(reasons(report)).toEqual([{ row: 10, column: "B", reason: '"nope" is not a date' }]);
  });

  test("row numbers and letters follow the sheet position of the range", () => {
    const { report } = parseTransactions(rows, { firstRow: 10, firstColumn: 3 });
    expect(reasons(report)).toEqual([{ row: 19, column: "D", reason: '"nope" is not a date' }]);
  });

  test("a mapping the content cannot settle is an error naming the columns", () => {
    const rows = [
      ["00004", "0001", "19970101", "2", "29.33"],
      ["00021", "0002", "19970101", "3", "63.34"],
    ];
    expect(() => parseTransactions(rows)).toThrow(ClvError);
    expect(() => parseTransactions(rows)).toThrow(
      '`parseTransactions` cannot tell which column holds the customer (columns "A", "B" all look like customer ids; choose one): choose the column by hand'
    );
    const { table } = parseTransactions(rows, { columns: { customer: 1 } });
    expect(table.customerIds).toEqual(["0001", "0002"]);
    expect(Array.from(table.amount)).toEqual([29.33, 63.34]);
  });
});

describe("date formats in one column", () => {
  test("serials, YYYYMMDD, ISO, text and Date objects", () => {
    const { table, report } = parseTransactions([
      ["Customer", "Date", "Amount"],
      ["c", 45_356, 1], // Excel serial
      ["c", 20_240_306, 1], // YYYYMMDD number
      ["c", "2024-03-07T18:00:00", 1],
      ["c", "8 Mar 2024", 1],
      ["c", "March 9, 2024", 1],
      ["c", "2024/3/10", 1],
      ["c", "2024年3月11日", 1],
      ["c", new Date(Date.UTC(2024, 2, 12)), 1],
      ["c", "25/03/2024", 1], // only valid day first
    ]);
    expect(reasons(report)).toEqual([]);
    expect(Array.from(table.day)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 25].map((day) => utcDay(2024, 3, day)));
  });

  test("the 1904 date system", () => {
    const { table } = parseTransactions([["Customer", "Date", "Amount"], ["c", 43_894, 1]], { dateSystem: 1904 });
    expect(table.day[0]).toBe(utcDay(2024, 3, 5)); // 43,894 + 1,462 = 45,356 in the 1900 system
  });

  test("Excel's fictitious 1900-02-29 is a row error", () => {
    const { report } = parseTransactions([["Customer", "Date", "Amount"], ["c", 60, 1]]);
    expect(reasons(report)[0]).toEqual({ row: 2, column: "Date", reason: "60 is Excel's 1900-02-29, a day that does not exist" });
  });

  test("ambiguous dates with nothing in the column to settle them are row errors", () => {
    const { table, report } = parseTransactions([
      ["Customer", "Date", "Amount"],
      ["a", "03/05/2024", 1],
      ["b", "04/06/2024", 2],
    ]);
    expect(table.length).toBe(0);
    expect(report.dateOrder).toBeNull();
    expect(reasons(report)).toEqual([
      {
        row: 2,
        column: "Date",
        reason: '"03/05/2024" could be day/month or month/day and no date in this column settles it; choose the date order',
      },
      {
        row: 3,
        column: "Date",
        reason: '"04/06/2024" could be day/month or month/day and no date in this column settles it; choose the date order',
      },
    ]);
  });

  test("the caller's date order reads them", () => {
    const { table } = parseTransactions(
      [
        ["Customer", "Date", "Amount"],
        ["a", "03/05/2024", 1],
      ],
      { dateOrder: "dayFirst" }
    );
    expect(table.day[0]).toBe(utcDay(2024, 5, 3));
  });

  test("one unambiguous date settles the order for the whole column, before and after it", () => {
    const { table, report } = parseTransactions([
      ["Customer", "Date", "Amount"],
      ["a", "03/05/2024", 1], // read day first: 3 May
      ["b", "25/03/2024", 2], // the evidence: only valid day first
      ["c", "04/06/2024", 3], // 4 June
    ]);
    expect(report.dateOrder).toBe("dayFirst");
    expect(Array.from(table.day)).toEqual([utcDay(2024, 5, 3), utcDay(2024, 3, 25), utcDay(2024, 6, 4)]);
  });

  test("a column mixing day-first and month-first dates is reported", () => {
    const { table, report } = parseTransactions([
      ["Customer", "Date", "Amount"],
      ["a", "25/03/2024", 1],
      ["b", "03/25/2024", 2],
      ["c", "03/05/2024", 3],
    ]);
    expect(report.warnings).toEqual([
      {
        kind: "mixedDateOrders",
        column: "Date",
        proofs: { dayFirst: { count: 1, row: 2, shown: '"25/03/2024"' }, monthFirst: { count: 1, row: 3, shown: '"03/25/2024"' } },
        message:
          'Column "Date" mixes day-first dates (1 like row 2: "25/03/2024") and month-first dates (1 like row 3: "03/25/2024"), ' +
          "so dates such as 03/05/2024 are rejected; if one order is right, choose the date order",
      },
    ]);
    expect(Array.from(table.day)).toEqual([utcDay(2024, 3, 25), utcDay(2024, 3, 25)]);
    expect(reasons(report)).toEqual([
      {
        row: 4,
        column: "Date",
        reason: '"03/05/2024" could be day/month or month/day, and this column has dates in both orders',
      },
    ]);
  });
});

describe("amount text", () => {
  test("refunds, currencies and separators", () => {
    const { table } = parseTransactions([
      ["Customer", "Date", "Amount"],
      ["c", "2024-03-05", "$1,234.50"],
      ["c", "2024-03-05", "€ 12"],
      ["c", "2024-03-05", "(12.00)"],
      ["c", "2024-03-05", -3],
      ["c", "2024-03-05", "1 234,50"],
    ]);
    expect(Array.from(table.amount)).toEqual([1234.5, 12, -12, -3, 1234.5]);
  });

  test("decimal commas elsewhere in the column make 1.234 a thousand and 1,234 one", () => {
    const { table, report } = parseTransactions([
      ["Kunde", "Datum", "Betrag"],
      ["k1", "2024-03-05", "1.234"], // 1234 once the column shows decimal commas
      ["k2", "2024-03-05", "12,50"], // the evidence
      ["k3", "2024-03-05", "1,234"], // 1.234
    ]);
    expect(report.decimalSeparator).toBe(",");
    expect(Array.from(table.amount)).toEqual([1234, 12.5, 1.234]);
  });

  test("without evidence, 1,234 is one thousand two hundred and thirty-four", () => {
    const { table, report } = parseTransactions([["Customer", "Date", "Amount"], ["c", "2024-03-05", "1,234"]]);
    expect(report.decimalSeparator).toBe(".");
    expect(Array.from(table.amount)).toEqual([1234]);
  });

  test("a column with both conventions rejects the ambiguous amounts and says so", () => {
    const { table, report } = parseTransactions([
      ["Customer", "Date", "Amount"],
      ["a", "2024-03-05", "12.50"],
      ["b", "2024-03-05", "12,50"],
      ["c", "2024-03-05", "1,234"],
    ]);
    expect(Array.from(table.amount)).toEqual([12.5, 12.5]);
    expect(report.decimalSeparator).toBeNull();
    expect(report.warnings).toEqual([
      {
        kind: "mixedDecimalSeparators",
        column: "Amount",
        proofs: { ".": { count: 1, row: 2, shown: '"12.50"' }, ",": { count: 1, row: 3, shown: '"12,50"' } },
        message:
          'Column "Amount" mixes decimal points (1 like row 2: "12.50") and decimal commas (1 like row 3: "12,50"), ' +
          "so amounts such as 1,234 are rejected; if one separator is right, choose the decimal separator",
      },
    ]);
    expect(reasons(report)).toEqual([
      {
        row: 4,
        column: "Amount",
        reason: '"1,234" could use "," or "." as the decimal separator, and this column has both; choose the decimal separator',
      },
    ]);
  });

  test("empty amounts and costs are row errors", () => {
    const { report } = parseTransactions([
      ["Customer", "Date", "Amount", "Cost"],
      ["a", "2024-03-05", "", 1],
      ["b", "2024-03-05", 5, null],
    ]);
    expect(reasons(report)).toEqual([
      { row: 2, column: "Amount", reason: "the amount is empty" },
      { row: 3, column: "Cost", reason: "the cost is empty" },
    ]);
  });
});

describe("observation end", () => {
  const rows: CellValue[][] = [
    ["Customer", "Date", "Amount"],
    ["a", "2024-03-05", 1],
    ["b", "2024-03-07", 2], // after the end
    ["c", "2024-03-08", "abc"], // after the end: not checked further
    ["a", "2024-03-06", 3],
  ];

  test("rows after a given end are counted, not used", () => {
    const { table, report } = parseTransactions(rows, { observationEnd: "2024-03-06" });
    expect(report.afterEndRows).toBe(2);
    expect(report.rejectedRows).toBe(0);
    expect(table.customerIds).toEqual(["a"]);
    expect(table.observationEnd).toBe(utcDay(2024, 3, 6));
    expectAllRowsAccounted(report);
  });

  test("the end may lie after the last transaction", () => {
    const { table } = parseTransactions(rows.slice(0, 2), { observationEnd: 45_400 }); // serial 45,400 = 2024-04-18
    expect(table.observationEnd).toBe(utcDay(2024, 4, 18));
    expect(table.lastDay).toBe(utcDay(2024, 3, 5));
  });

  test("an end that is not a date is an error", () => {
    expect(() => parseTransactions(rows, { observationEnd: "soon" })).toThrow(
      '`observationEnd` must be a date such as "1997-09-30": "soon" is not a date'
    );
  });
});

test("errors are capped but all are counted", () => {
  const rows: CellValue[][] = [["Customer", "Date", "Amount"]];
  for (let index = 0; index < 5; index++) rows.push(["c", "bad", 1]);
  const { report } = parseTransactions(rows, { maxErrors: 2 });
  expect(report.errors.map((error) => error.row)).toEqual([2, 3]);
  expect(report.rejectedRows).toBe(5);
});

test("an empty table gives an empty transaction table", () => {
  const { table, report } = parseTransactions([["Customer", "Date", "Amount"]]);
  expect(table.length).toBe(0);
  expect(table.firstDay).toBeNaN();
  expect(report.dataRows).toBe(0);
});

test("customers are numbered in order of first appearance among used rows: a rejected row's id does not count", () => {
  // Hand-worked: row 2 (c2) is rejected, so c1 (row 3) is customer 0 and c2 (row 4) customer 1.
  const text = "Customer,Date,Amount\nc2,2024-02-30,5\nc1,2024-03-05,1\nc2,2024-03-05,2\nc1,2024-03-06,3\n";
  for (const { table } of [parseTransactions(parseCsv(text)), parseTransactions(text.trim().split("\n").map((line) => line.split(",")))]) {
    expect(table.customerIds).toEqual(["c1", "c2"]);
    expect(Array.from(table.customer)).toEqual([0, 1, 0]);
  }
});

test("ids that Excel saved in scientific notation (digits lost) are reported per column, counted once each", () => {
  // Hand-made: customers 123456789012 and 123457000001 both saved as "1.23457E+11" (one id now), customer
  // 2E+12 (so 2 distinct such customer ids) and order 9.87654E+11; "1E5x" and "C1.5E+3" are not numbers in that notation.
  const text = [
    "Customer,Date,Amount,Order",
    "123456789012,2024-03-05,1,o1",
    "1.23457E+11,2024-03-05,1,9.87654E+11",
    "1.23457E+11,2024-03-06,1,o2",
    "2E+12,2024-03-06,1,o3",
    "1E5x,2024-03-07,1,o4",
    "C1.5E+3,2024-03-07,1,o5",
  ].join("\n");
  const { report } = parseTransactions(parseCsv(text));
  expect(report.warnings).toEqual([
    {
      kind: "scientificIds",
      column: "Customer",
      count: 2,
      example: "1.23457E+11",
      message:
        'Column "Customer" has 2 ids written like numbers in scientific notation (such as 1.23457E+11), as Excel saves ' +
        "long numbers in a CSV file: digits are lost, so distinct ids may have become one; format the column as text in Excel before saving",
    },
    expect.objectContaining({ kind: "scientificIds", column: "Order", count: 1, example: "9.87654E+11" }),
  ]);
});

test("a table whose every row is empty says so, rather than that no column looks like the customer, date or amount", () => {
  for (const rows of [[], [[], [null, "  ", ""]]] as CellValue[][][]) {
    expect(() => parseTransactions(rows)).toThrow("The table has no data: every row is empty");
  }
});
