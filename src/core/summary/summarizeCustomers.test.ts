import { ClvError } from "../errors";
import type { CellValue } from "../transactions/cellGrid";
import { parseTransactions } from "../transactions/parseTransactions";
import { DAYS_PER_UNIT } from "./periodUnit";
import { summarizeCustomers } from "./summarizeCustomers";

// Days are counted from 2024-01-01 (day 0 below); the window ends 2024-01-22 (day 21).
const rows: CellValue[][] = [
  ["Customer", "Date", "Amount", "Order", "Segment", "Cost"],
  ["A", "2024-01-01", 10, "A1", "web", 4], //    day 0
  ["A", "2024-01-08", 5, "A2", "web", 2], //     day 7, two orders on one day:
  ["A", "2024-01-08", 7, "A3", "store", 3], //   one purchase occasion of 12
  ["B", "2024-01-04", 30, "B1", "store", 10], // day 3, order B1 has two lines:
  ["B", "2024-01-04", 20, "B1", "store", 5], //  one order of 50
  ["A", "2024-01-15", 20, "A4", "store", 8], //  day 14
  ["A", "2024-01-17", -8, "A5", "store", -3], // day 16, a refund
  ["B", "2024-01-11", 15, "B2", "web", 6], //    day 10, order B2 nets to 0:
  ["B", "2024-01-11", -15, "B2", "web", -6], //  still an order (CDNOW has $0 orders)
  ["C", "2024-01-05", -9, "C1", "web", 0], //    only a refund
];
const { table } = parseTransactions(rows, { observationEnd: "2024-01-22" });
const firstOfJanuary = Date.UTC(2024, 0, 1) / 86_400_000;

describe("hand-worked table with line items, refunds, segments and costs", () => {
  const days = summarizeCustomers(table, "day");

  test("customers with a purchase, in order of appearance; refund-only customers listed apart", () => {
    expect(days.customerIds).toEqual(["A", "B"]);
    expect(days.refundOnlyCustomers).toEqual(["C"]);
    expect(days.observationEnd).toBe(firstOfJanuary + 21);
  });

  test("orders, revenue, AOV and cost", () => {
    // A: orders 10, 5, 7, 20 (A5 is a refund); revenue 10 + 5 + 7 + 20 - 8 = 34; AOV 34 / 4 = 8.5;
    //    cost 4 + 2 + 3 + 8 - 3 = 14.
    // B: orders B1 = 30 + 20 = 50 and B2 = 15 - 15 = 0; revenue 50; AOV 25; cost 10 + 5 + 6 - 6 = 15.
    expect(Array.from(days.orders)).toEqual([4, 2]);
    expect(Array.from(days.revenue)).toEqual([34, 50]);
    expect(Array.from(days.aov)).toEqual([8.5, 25]);
    expect(Array.from(days.cost ?? [])).toEqual([14, 15]);
  });

  test("model inputs in days", () => {
    // A: purchase days 0, 7, 14 -> frequency 2, recency 14, T 21 - 0 = 21, monetary (12 + 20) / 2 = 16.
    // B: purchase days 3, 10 -> frequency 1, recency 7, T 21 - 3 = 18, monetary 0 (day 10 totals 0).
    expect(Array.from(days.firstDay)).toEqual([firstOfJanuary, firstOfJanuary + 3]);
    expect(Array.from(days.lastDay)).toEqual([firstOfJanuary + 14, firstOfJanuary + 10]);
    expect(Array.from(days.frequency)).toEqual([2, 1]);
    expect(Array.from(days.recency)).toEqual([14, 7]);
    expect(Array.from(days.T)).toEqual([21, 18]);
    expect(Array.from(days.monetaryValue)).toEqual([16, 0]);
  });

  test("weeks of 7 days and months of 365.25 / 12 = 30.4375 days", () => {
    const weeks = summarizeCustomers(table, "week");
    expect(Array.from(weeks.recency)).toEqual([2, 1]);
    expect(Array.from(weeks.T)).toEqual([3, 18 / 7]);
    expect(Array.from(weeks.frequency)).toEqual([2, 1]); // counts do not change with the unit
    const months = summarizeCustomers(table, "month");
    expect(DAYS_PER_UNIT.month).toBe(30.4375);
    expect(Array.from(months.recency)).toEqual([14 / 30.4375, 7 / 30.4375]);
    expect(Array.from(months.T)).toEqual([21 / 30.4375, 18 / 30.4375]);
  });

  test("segment: the most frequent label; a tie goes to the label seen first by date", () => {
    // A: web on rows A1, A2; store on A3, A4, A5 -> store. B: store twice (day 3), web twice (day 10) -> store.
    expect(days.segmentLabels).toEqual(["web", "store"]);
    expect(Array.from(days.segment ?? [])).toEqual([1, 1]);
  });
});

test("rows in any order give the same summary (blocks sorted by day)", () => {
  // One customer buys on days 0..39 an amount of day + 1; the rows are shuffled.
  // orders 40; revenue 1 + ... + 40 = 820; frequency 39; recency 39; T 39;
  // monetary = mean of 2..40 = 21.
  const shuffled: CellValue[][] = [["Customer", "Date", "Amount"]];
  const order = Array.from({ length: 40 }, (_, day) => (day * 17) % 40); // 17 is coprime with 40: a permutation
  for (const day of order) shuffled.push(["x", firstOfJanuary + day + 25_569, day + 1]);
  // plus a second customer with three shuffled rows, sorted by insertion: days 5, 1, 3 -> 1, 3, 5.
  shuffled.push(["y", firstOfJanuary + 5 + 25_569, 7], ["y", firstOfJanuary + 1 + 25_569, 2], ["y", firstOfJanuary + 3 + 25_569, 4]);
  const summary = summarizeCustomers(parseTransactions(shuffled).table, "day");
  expect(summary.customerIds).toEqual(["x", "y"]);
  expect(Array.from(summary.orders)).toEqual([40, 3]);
  expect(Array.from(summary.revenue)).toEqual([820, 13]);
  expect(Array.from(summary.frequency)).toEqual([39, 2]);
  expect(Array.from(summary.recency)).toEqual([39, 4]);
  expect(Array.from(summary.T)).toEqual([39, 38]);
  // y: repeat days 3 and 5 spend 4 and 7 -> 5.5 (all sums of small integers: exact)
  expect(Array.from(summary.monetaryValue)).toEqual([21, 5.5]);
});

test("without order ids every row is an order; same-day rows are one purchase occasion", () => {
  // c1 buys 10 on day 0, 5 and 7 on day 7, 20 on day 14; the window ends on day 21.
  const { table: plain } = parseTransactions(
    [
      ["Customer", "Date", "Amount"],
      ["c1", "2024-01-01", 10],
      ["c1", "2024-01-08", 5],
      ["c1", "2024-01-08", 7],
      ["c1", "2024-01-15", 20],
    ],
    { observationEnd: "2024-01-22" }
  );
  const weeks = summarizeCustomers(plain, "week");
  expect(Array.from(weeks.orders)).toEqual([4]);
  expect(Array.from(weeks.frequency)).toEqual([2]);
  expect(Array.from(weeks.recency)).toEqual([2]);
  expect(Array.from(weeks.T)).toEqual([3]);
  expect(Array.from(weeks.monetaryValue)).toEqual([16]);
  expect(Array.from(weeks.revenue)).toEqual([42]);
  expect(weeks.cost).toBeNull();
  expect(weeks.segment).toBeNull();
});

test("an empty table or an unknown unit is an error", () => {
  const { table: empty } = parseTransactions([["Customer", "Date", "Amount"]]);
  expect(() => summarizeCustomers(empty, "day")).toThrow(ClvError);
  expect(() => summarizeCustomers(empty, "day")).toThrow("`summarizeCustomers` requires at least one valid transaction");
  expect(() => summarizeCustomers(table, "year" as never)).toThrow('`unit` must be "day", "week" or "month", not "year"');
});
