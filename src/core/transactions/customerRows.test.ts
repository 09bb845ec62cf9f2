import { customerRows } from "./customerRows";
import { parseTransactions } from "./parseTransactions";

describe("customerRows", () => {
  // Rows in sheet order: b on day 5, a on day 9, b on day 1, a on day 9 again, b on day 3.
  const { table } = parseTransactions([
    ["customer", "date", "amount"],
    ["b", "1970-01-06", 1],
    ["a", "1970-01-10", 2],
    ["b", "1970-01-02", 3],
    ["a", "1970-01-10", 4],
    ["b", "1970-01-04", 5],
  ]);

  test("each customer's rows together, in the customers' order (b first), sorted by day, ties in sheet order", () => {
    const rows = customerRows(table);
    expect(Array.from(rows.starts)).toEqual([0, 3, 5]);
    expect(Array.from(rows.day)).toEqual([1, 3, 5, 9, 9]);
    expect(Array.from(rows.amount)).toEqual([3, 5, 1, 2, 4]);
    expect(rows.largestBlock).toBe(3);
  });

  test("grouped once per table: a second call gives the same grouping", () => {
    expect(customerRows(table)).toBe(customerRows(table));
  });
});
