import { ClvError } from "../errors";
import { gridFromRows } from "./cellGrid";
import { type ColumnDetection, columnLetter, detectColumns } from "./detectColumns";

const detect = (rows: unknown[][], options = {}) => detectColumns(gridFromRows(rows as never), options);

/** The notes by role and English message (their data is checked in "notes as data"). */
function messages(found: ColumnDetection) {
  return found.notes.map(({ role, message }) => ({ role, message }));
}

describe("header names", () => {
  test("English names, any case, spaces and underscores", () => {
    const found = detect([
      ["Order_ID", "customer id", "ORDER DATE", "Sales", "Region", "Total Cost"],
      ["o1", "c1", "2024-03-05", 10, "N", 4],
    ]);
    expect(found.hasHeader).toBe(true);
    expect(found.headerRow).toBe(0);
    expect(found.mapping).toEqual({ order: 0, customer: 1, date: 2, amount: 3, segment: 4, cost: 5 });
    expect(found.sources.amount).toBe("header");
    expect(found.missing).toEqual([]);
    expect(found.labels).toEqual(["Order_ID", "customer id", "ORDER DATE", "Sales", "Region", "Total Cost"]);
  });

  test("Chinese names", () => {
    const found = detect([
      ["客户ID", "下单时间", "金额", "订单号", "渠道", "成本"],
      ["张三", "2024年3月5日", 10, "A1", "线上", 4],
    ]);
    expect(found.mapping).toEqual({ customer: 0, date: 1, amount: 2, order: 3, segment: 4, cost: 5 });
  });

  test.each([["客户"], ["会员"], ["Client"], ["User ID"], ["customer_id"]])("%s is a customer column", (name) => {
    expect(detect([[name, "日期", "销售额"], ["x", "2024-03-05", 1]]).mapping.customer).toBe(0);
  });

  test("a margin column is recognised as such (cost = amount - margin is parseTransactions' job)", () => {
    expect(detect([["Customer", "Date", "Revenue", "Margin"], ["c", "2024-03-05", 10, 3]]).mapping.margin).toBe(3);
  });

  test("when two columns fit one role, the earlier name in the list wins and a note names the other", () => {
    const found = detect([["Customer", "Date", "Total", "Amount"], ["c", "2024-03-05", 10, 3]]);
    expect(found.mapping.amount).toBe(3); // "amount" ranks above "total"
    expect(messages(found)).toEqual([{ role: "amount", message: 'using "Amount"; "Total" also fit' }]);
  });
});

describe("header detection", () => {
  test("a first row of numbers or dates is data", () => {
    expect(detect([["c1", "2024-03-05", 10], ["c2", "2024-03-06", 12.5]]).hasHeader).toBe(false);
  });

  test("unknown names above values are still a header; the columns then come from content", () => {
    const found = detect([
      ["Kunde", "Datum", "Betrag"],
      ["k1", "05.03.2024", "12,50"],
    ]);
    expect(found.hasHeader).toBe(true);
    expect(found.mapping).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(found.sources).toEqual({ customer: "content", date: "content", amount: "content" });
  });

  test("blank rows before the header are skipped", () => {
    const found = detect([[null, ""], ["Customer", "Date", "Amount"], ["c", "2024-03-05", 1.5]]);
    expect(found.headerRow).toBe(1);
  });

  test("the caller can say there is no header", () => {
    const found = detect([["Customer", "Date", "Amount"], ["c", "2024-03-05", 1.5]], { hasHeader: false });
    expect(found.hasHeader).toBe(false);
    expect(found.labels).toEqual(["A", "B", "C"]);
  });
});

describe("content", () => {
  test("no header: the date column, the amount column with cents and the id column", () => {
    const found = detect([
      ["C001", "2024-03-05", 12.5],
      ["C002", "2024-03-06", 7],
    ]);
    expect(found.mapping).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(found.labels).toEqual(["A", "B", "C"]);
  });

  test("Excel serial dates and integer customer ids", () => {
    const found = detect([
      [17, 45_356, 12.5],
      [18, 45_357, 3],
    ]);
    expect(found.mapping).toEqual({ customer: 0, date: 1, amount: 2 });
  });

  test("two zero-padded id columns: the customer column is left to the caller, with a note", () => {
    // CDNOW_sample.txt's layout: id_total, id_sample, date, cds, dollars
    const found = detect([
      ["00004", "0001", "19970101", "2", "29.33"],
      ["00021", "0002", "19970101", "3", "63.34"],
    ]);
    expect(found.mapping).toEqual({ date: 2, amount: 4 });
    expect(found.missing).toEqual(["customer"]);
    expect(messages(found)).toEqual([{ role: "customer", message: 'columns "A", "B" all look like customer ids; choose one' }]);
  });

  test("two date columns are not guessed between", () => {
    const found = detect([
      ["c1", "2024-03-05", "2024-03-07", 1.5],
      ["c2", "2024-03-06", "2024-03-08", 2.5],
    ]);
    expect(found.missing).toEqual(["date"]);
    expect(messages(found)).toEqual([{ role: "date", message: 'columns "B", "C" all look like dates; choose one' }]);
  });

  test("whole-number amounts are not recognised by content", () => {
    const found = detect([
      ["c1", "2024-03-05", 100],
      ["c2", "2024-03-06", 200],
    ]);
    expect(found.missing).toEqual(["amount"]);
  });

  test("a column is judged by 90 % of its cells, so a stray bad value does not hide it", () => {
    const rows: unknown[][] = Array.from({ length: 9 }, (_, index) => [`c${index}`, `2024-03-0${index + 1}`, 1.5]);
    expect(detect([...rows, ["c9", "n/a", 2]]).mapping.date).toBe(1); // 9 of 10 are dates
    expect(detect([...rows.slice(0, 8), ["c8", "n/a", 2], ["c9", "n/a", 2]]).mapping.date).toBeUndefined(); // 8 of 10
  });

  test("the sheet's first column sets the letters", () => {
    expect(detect([["c1", "2024-03-05", 1.5]], { firstColumn: 3 }).labels).toEqual(["C", "D", "E"]);
  });
});

// Each note's message is the English detectColumns wrote before notes were data (commit 7f71460:
// `using "X"; "Y", "Z" also fit`, `columns "X", "Y" all look like <what>; choose one`,
// `no column looks like <what>; choose one`), filled in by hand for these tables.
describe("notes as data", () => {
  test("two other headers fit the amount: the chosen header and the others, in rank order", () => {
    // HEADER_NAMES.amount ranks "amount" (0) above "total" (3) above "value" (4).
    const found = detect([["Customer", "Date", "Value", "Total", "Amount"], ["c", "2024-03-05", 1, 2, 3]]);
    expect(found.mapping.amount).toBe(4);
    expect(found.notes).toEqual([
      { role: "amount", kind: "alsoFit", chosen: "Amount", others: ["Total", "Value"], message: 'using "Amount"; "Total", "Value" also fit' },
    ]);
  });

  test("two date columns without a header: their letters", () => {
    const found = detect([["c1", "2024-03-05", "2024-03-07", 1.5], ["c2", "2024-03-06", "2024-03-08", 2.5]]);
    expect(found.notes).toEqual([
      { role: "date", kind: "several", columns: ["B", "C"], message: 'columns "B", "C" all look like dates; choose one' },
    ]);
  });

  test("a lone column of amounts with cents: no column for the date or the customer", () => {
    const found = detect([[1.5], [2.25]]);
    expect(found.mapping).toEqual({ amount: 0 });
    expect(found.notes).toEqual([
      { role: "date", kind: "none", message: "no column looks like dates; choose one" },
      { role: "customer", kind: "none", message: "no column looks like customer ids; choose one" },
    ]);
  });

  test("whole-number amounts: no column for the amount", () => {
    const found = detect([["c1", "2024-03-05", 100], ["c2", "2024-03-06", 200]]);
    expect(found.notes).toEqual([
      { role: "amount", kind: "none", message: "no column looks like amounts (numbers with cents or currency signs); choose one" },
    ]);
  });
});

describe("overrides", () => {
  test("take precedence over names and content, and null removes a role", () => {
    const found = detect(
      [
        ["Customer", "Date", "Amount", "Channel", "Net"],
        ["c", "2024-03-05", 10, "web", 9],
      ],
      { columns: { amount: 4, segment: null } }
    );
    expect(found.mapping).toEqual({ customer: 0, date: 1, amount: 4 });
    expect(found.sources.amount).toBe("override");
  });

  test("an index outside the table, or one column for two roles, is an error", () => {
    const rows = [["Customer", "Date", "Amount"], ["c", "2024-03-05", 10]];
    expect(() => detect(rows, { columns: { amount: 3 } })).toThrow(ClvError);
    expect(() => detect(rows, { columns: { amount: 3 } })).toThrow("`columns.amount` must be a column index from 0 to 2, not 3");
    expect(() => detect(rows, { columns: { customer: 0, order: 0 } })).toThrow(
      "`columns.customer` and `columns.order` cannot both be column 0"
    );
  });
});

test.each([
  [1, "A"],
  [26, "Z"],
  [27, "AA"],
  [28, "AB"],
  [702, "ZZ"],
  [703, "AAA"],
])("column %i is %s", (column, letters) => {
  expect(columnLetter(column)).toBe(letters);
});
