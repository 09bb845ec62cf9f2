import { describeWithSharedData, readNumericCsv, readSharedJson, readSharedText } from "../../../test/sharedData";
import { parseCsv } from "../csv";
import { dayFromDate } from "../transactions/days";
import { parseTransactions } from "../transactions/parseTransactions";
import { splitCalibrationHoldout } from "./splitCalibrationHoldout";
import { summarizeCustomers } from "./summarizeCustomers";

// References: lifetimes 0.11.3's summary_data_from_transaction_data(freq="D", observation_period_end
// "1997-09-30") on CDNOW_sample.txt (shared/data/reference/lifetimes_cdnow_sample.json and
// lifetimes_cdnow_sample_per_customer.csv) and Fader & Hardie's weekly summary
// (shared/data/cdnow_customers_summary_with_transactions.csv), as described in shared/data/README.md.

/** Sums of money added in another order than lifetimes/pandas: relative slack. */
const MONEY_RELATIVE_TOLERANCE = 1e-12;
/** The per-customer CSV writes 10 significant digits. */
const CSV_RELATIVE_TOLERANCE = 1e-9;
/** The weekly file rounds to 2 decimals: half a cent, plus floating slack. */
const TWO_DECIMALS_TOLERANCE = 0.005 + 1e-9;

const expectRelativelyClose = (actual: number, expected: number, tolerance: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));

const SAMPLE_FILES = [
  "CDNOW_sample.txt",
  "reference/lifetimes_cdnow_sample.json",
  "reference/lifetimes_cdnow_sample_per_customer.csv",
  "cdnow_customers_summary_with_transactions.csv",
];

describeWithSharedData("CDNOW sample, calibration to 1997-09-30", SAMPLE_FILES, () => {
  // No header; columns id_total, id_sample, date (YYYYMMDD), cds, dollars. lifetimes keys customers by id_sample.
  const grid = parseCsv(readSharedText("CDNOW_sample.txt"));
  const parsed = parseTransactions(grid, { columns: { customer: 1 }, observationEnd: "1997-09-30" });

  test("rows: 6,919 in all, those after 1997-09-30 counted apart, none rejected", () => {
    const report = parsed.report;
    expect(report.dataRows).toBe(6_919);
    expect(report.rejectedRows).toBe(0);
    expect(report.blankRows).toBe(0);
    expect(report.usedRows + report.afterEndRows).toBe(6_919);
    expect(report.columns.mapping).toEqual({ customer: 1, date: 2, amount: 4 });
    expect(parsed.table.observationEnd).toBe(dayFromDate(1997, 9, 30));
  });

  test("in days: aggregates equal lifetimes' (summary_aggregate)", () => {
    const reference = readSharedJson("reference/lifetimes_cdnow_sample.json").summary_aggregate;
    const summary = summarizeCustomers(parsed.table, "day");
    const sum = (values: Float64Array) => values.reduce((total, value) => total + value, 0);
    expect(summary.customerIds.length).toBe(reference.n_customers); // 2,357
    expect(summary.frequency.filter((value) => value > 0).length).toBe(reference.n_repeat_customers); // 946
    expect(sum(summary.frequency)).toBe(reference.frequency.sum); // 2,457
    expect(sum(summary.recency)).toBe(reference.recency.sum); // 112,949
    expect(sum(summary.T)).toBe(reference.T.sum); // 539,779
    expectRelativelyClose(sum(summary.monetaryValue), reference.monetary_value_all.sum, MONEY_RELATIVE_TOLERANCE); // 33,183.64...
    expect(Math.max(...summary.monetaryValue)).toBeCloseTo(reference.monetary_value_all.max, 10); // 299.63...
    expect(summary.refundOnlyCustomers).toEqual([]);
  });

  test("in days: the first 20 customers equal lifetimes' (summary_first20_by_id)", () => {
    const reference: { customer_id: number; frequency: number; recency: number; T: number; monetary_value: number }[] =
      readSharedJson("reference/lifetimes_cdnow_sample.json").summary_first20_by_id;
    const summary = summarizeCustomers(parsed.table, "day");
    reference.forEach((expected, index) => {
      expect(Number(summary.customerIds[index])).toBe(expected.customer_id);
      expect(summary.frequency[index]).toBe(expected.frequency);
      expect(summary.recency[index]).toBe(expected.recency);
      expect(summary.T[index]).toBe(expected.T);
      expectRelativelyClose(summary.monetaryValue[index], expected.monetary_value, MONEY_RELATIVE_TOLERANCE);
    });
  });

  test("in days: every customer equals lifetimes_cdnow_sample_per_customer.csv", () => {
    const reference = readNumericCsv("reference/lifetimes_cdnow_sample_per_customer.csv");
    const [frequency, recency, T, monetaryValue] = ["frequency", "recency", "T", "monetary_value"].map(reference.column);
    const rowOf = new Map(reference.column("customer_id").map((id, row) => [id, row]));
    const summary = summarizeCustomers(parsed.table, "day");
    expect(rowOf.size).toBe(2_357);
    summary.customerIds.forEach((id, index) => {
      const row = rowOf.get(Number(id))!;
      expect(summary.frequency[index]).toBe(frequency[row]);
      expect(summary.recency[index]).toBe(recency[row]);
      expect(summary.T[index]).toBe(T[row]);
      expectRelativelyClose(summary.monetaryValue[index], monetaryValue[row], CSV_RELATIVE_TOLERANCE);
    });
  });

  test("in weeks: every customer equals Fader & Hardie's x, t_x, T and zbar to 2 decimals", () => {
    const reference = readNumericCsv("cdnow_customers_summary_with_transactions.csv");
    const [x, recency, T, zbar] = ["x", "t_x", "T", "zbar"].map(reference.column);
    const summary = summarizeCustomers(parsed.table, "week");
    expect(summary.customerIds.map(Number)).toEqual(reference.column("ID"));
    x.forEach((expected, index) => {
      expect(summary.frequency[index]).toBe(expected);
      expect(Math.abs(summary.recency[index] - recency[index])).toBeLessThanOrEqual(TWO_DECIMALS_TOLERANCE);
      expect(Math.abs(summary.T[index] - T[index])).toBeLessThanOrEqual(TWO_DECIMALS_TOLERANCE);
      expect(Math.abs(summary.monetaryValue[index] - zbar[index])).toBeLessThanOrEqual(TWO_DECIMALS_TOLERANCE);
    });
  });

  test("holdout 1997-10-01..1998-06-30: 1,882 purchase days (actual_holdout_check)", () => {
    const reference = readSharedJson("reference/lifetimes_cdnow_sample.json").actual_holdout_check;
    const { table } = parseTransactions(grid, { columns: { customer: 1 } });
    const split = splitCalibrationHoldout(table, { calibrationEnd: dayFromDate(1997, 9, 30), unit: "week" });
    expect(split.holdoutPurchases.reduce((total, value) => total + value, 0)).toBe(reference.actual_purchase_days_in_holdout_total);
    expect(split.holdoutLength).toBe(39); // 273 days, "1997-10-01..1998-06-30 (273 days)"
    expect(split.calibration.customerIds.length).toBe(2_357);
    expect(split.newInHoldout).toBe(0); // the cohort's first purchases all fall in Q1 1997
    expect(Array.from(split.calibration.frequency)).toEqual(Array.from(summarizeCustomers(parsed.table, "week").frequency));
  });
});

describeWithSharedData("CDNOW master", ["CDNOW_master.txt"], () => {
  test("69,659 transactions of 23,570 customers, columns found by header", () => {
    const { table, report } = parseTransactions(parseCsv(readSharedText("CDNOW_master.txt")));
    expect(report.columns.hasHeader).toBe(true);
    expect(report.columns.mapping).toEqual({ customer: 0, date: 1, amount: 3 });
    expect(report.usedRows).toBe(69_659);
    expect(report.rejectedRows).toBe(0);
    expect(table.customerIds.length).toBe(23_570);
    expect(table.firstDay).toBe(dayFromDate(1997, 1, 1));
    expect(table.lastDay).toBe(dayFromDate(1998, 6, 30));
  });
});
