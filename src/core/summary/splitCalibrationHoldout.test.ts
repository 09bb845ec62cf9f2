import type { CellValue } from "../transactions/cellGrid";
import { parseTransactions } from "../transactions/parseTransactions";
import { splitCalibrationHoldout } from "./splitCalibrationHoldout";

// Days are counted from 2024-01-01 (day 0); calibration ends on day 10, the holdout on day 21.
const rows: CellValue[][] = [
  ["Customer", "Date", "Amount", "Order"],
  ["A", "2024-01-01", 10, "A1"], //   day 0
  ["A", "2024-01-08", 5, "A2"], //    day 7, one occasion of 5 + 7 = 12
  ["A", "2024-01-08", 7, "A3"],
  ["B", "2024-01-04", 30, "B1"], //   day 3, one order of 50
  ["B", "2024-01-04", 20, "B1"],
  ["A", "2024-01-15", 20, "A4"], //   day 14: holdout purchase
  ["A", "2024-01-17", -8, "A5"], //   day 16: holdout refund, not a purchase
  ["B", "2024-01-11", 15, "B2"], //   day 10: still calibration
  ["C", "2024-01-05", -9, "C1"], //   only a refund
  ["D", "2024-01-13", 40, "D1"], //   day 12: first purchase in the holdout
  ["D", "2024-01-22", 1, "D2"], //    day 21
];
const { table } = parseTransactions(rows);
const firstOfJanuary = Date.UTC(2024, 0, 1) / 86_400_000;

test("calibration summary and holdout purchases, hand-worked", () => {
  const split = splitCalibrationHoldout(table, { calibrationEnd: firstOfJanuary + 10, unit: "day" });
  // A: calibration days 0, 7 -> frequency 1, recency 7, T 10, monetary 12, revenue 22;
  //    holdout: a purchase on day 14 (20) and a refund (-8) -> 1 purchase, revenue 12.
  // B: calibration days 3, 10 -> frequency 1, recency 7, T 7, monetary 15, revenue 65; no holdout purchase.
  expect(split.calibration.customerIds).toEqual(["A", "B"]);
  expect(Array.from(split.calibration.frequency)).toEqual([1, 1]);
  expect(Array.from(split.calibration.recency)).toEqual([7, 7]);
  expect(Array.from(split.calibration.T)).toEqual([10, 7]);
  expect(Array.from(split.calibration.monetaryValue)).toEqual([12, 15]);
  expect(Array.from(split.calibration.revenue)).toEqual([22, 65]);
  expect(split.calibration.refundOnlyCustomers).toEqual(["C"]);
  expect(Array.from(split.holdoutPurchases)).toEqual([1, 0]);
  expect(Array.from(split.holdoutRevenue)).toEqual([12, 0]);
  expect(split.newInHoldout).toBe(1); // D
  expect(split.holdoutLength).toBe(11); // days 11..21
});

test("a shorter holdout and weeks", () => {
  const split = splitCalibrationHoldout(table, { calibrationEnd: firstOfJanuary + 10, holdoutEnd: firstOfJanuary + 13, unit: "week" });
  // A's day-14 purchase now falls after the holdout; D's first purchase (day 12) is still new.
  expect(Array.from(split.holdoutPurchases)).toEqual([0, 0]);
  expect(split.holdoutLength).toBe(3 / 7);
  expect(Array.from(split.calibration.T)).toEqual([10 / 7, 1]);
});

test("windows out of order are errors", () => {
  expect(() => splitCalibrationHoldout(table, { calibrationEnd: firstOfJanuary - 1, unit: "day" })).toThrow(
    "`calibrationEnd` must be a day number on or after the first transaction (2024-01-01)"
  );
  expect(() => splitCalibrationHoldout(table, { calibrationEnd: firstOfJanuary + 21, unit: "day" })).toThrow(
    "`holdoutEnd` must be a day number after `calibrationEnd` (2024-01-22) and on or before the observation end (2024-01-22)"
  );
  expect(() =>
    splitCalibrationHoldout(table, { calibrationEnd: firstOfJanuary + 5, holdoutEnd: firstOfJanuary + 30, unit: "day" })
  ).toThrow("`holdoutEnd` must be a day number after");
});

test("repeat purchase days by day: A on days 7 and 14, B on day 10; D's are not counted (new in the holdout)", () => {
  const split = splitCalibrationHoldout(table, { calibrationEnd: firstOfJanuary + 10, unit: "day" });
  const expected = new Array(22).fill(0);
  expected[7] = expected[10] = expected[14] = 1;
  expect(Array.from(split.repeatPurchasesByDay)).toEqual(expected);
});
