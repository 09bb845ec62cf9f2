import { analyzeTransactions } from "./analyze";
import { parseCsv } from "./csv";
import { CDNOW_IN_DAYS, simulateTransactionLog, transactionLogCsv } from "./simulation";
import { dayFromDate } from "./transactions";

// End to end through CSV text: a log simulated from known BG/NBD parameters (in days) must fit back.
// Tolerance: 3 standard errors; lifetimes reports SE r 0.0126, alpha 2.65, a 0.186, b 0.705 for the
// 2,357 CDNOW customers (lifetimes_cdnow_sample.json), scaled by sqrt(2357 / 10000) for 10,000 customers.
const TRUE_MODEL = CDNOW_IN_DAYS.model.parameters;
const STANDARD_ERRORS = { r: 0.0126, alpha: 2.65, a: 0.186, b: 0.705 };
const CUSTOMERS = 10_000;
const SCALE = Math.sqrt(2357 / CUSTOMERS);

const log = simulateTransactionLog({
  customers: CUSTOMERS,
  ...CDNOW_IN_DAYS,
  firstDay: dayFromDate(2024, 1, 1),
  acquisitionDays: 90,
  lastDay: dayFromDate(2025, 6, 30),
  channels: ["web", "store"],
  seed: 7,
});
const stages: string[] = [];
const analysis = analyzeTransactions(parseCsv(transactionLogCsv(log)), {
  unit: "day",
  horizonPeriods: 30,
  segmentBy: { kind: "column" },
  onStage: (stage) => stages.push(stage),
});

describe("analyzeTransactions", () => {
  test("reports every stage in order", () => {
    expect(stages).toEqual(["parsing", "summarising", "segmenting", "fittingPurchases", "fittingSpend", "predicting", "estimatingIntervals", "tabulating"]);
  });

  test("keeps every row and customer of the log; totals equal the log's own sums", () => {
    const revenue = log.amount.reduce((total, amount) => total + amount, 0);
    expect(analysis.report.usedRows).toBe(log.length);
    expect(analysis.segments.total.customers).toBe(CUSTOMERS);
    expect(analysis.segments.total.orders).toBe(log.length); // no order column: each row is an order
    expect(analysis.segments.total.revenue).toBeCloseTo(revenue, 6);
    expect(analysis.segmentation.labels.sort()).toEqual(["store", "web"]);
  });

  test.each(Object.entries(TRUE_MODEL))("recovers BG/NBD %s = %d within 3 standard errors", (name, value) => {
    const fitted = (analysis.model.parameters as Record<string, number>)[name];
    expect(Math.abs(fitted - value)).toBeLessThan(3 * STANDARD_ERRORS[name as keyof typeof STANDARD_ERRORS] * SCALE);
  });

  test("without intervals: no interval stage, no covariances, and the same fits and predictions (the covariance only serves the intervals)", () => {
    const skipped: string[] = [];
    const plain = analyzeTransactions(parseCsv(transactionLogCsv(log)), {
      unit: "day",
      horizonPeriods: 30,
      segmentBy: { kind: "column" },
      intervals: false,
      onStage: (stage) => skipped.push(stage),
    });
    expect(skipped).toEqual(["parsing", "summarising", "segmenting", "fittingPurchases", "fittingSpend", "predicting", "tabulating"]);
    expect([plain.model.covariance, plain.spendModel.covariance]).toEqual([undefined, undefined]);
    expect(analysis.model.covariance).toHaveLength(4);
    expect(plain.intervals).toMatchObject({ rows: null, total: null });
    expect(plain.model.parameters).toEqual(analysis.model.parameters);
    expect(plain.predictions.predictedClv).toEqual(analysis.predictions.predictedClv);
  });

  test("both fits converge and every customer gets a prediction", () => {
    expect([analysis.model.converged, analysis.spendModel.converged]).toEqual([true, true]);
    expect(analysis.predictions.predictedClv.every(Number.isFinite)).toBe(true);
    expect(analysis.predictions.probabilityAlive.every((p) => p >= 0 && p <= 1)).toBe(true);
  });
});

test("rows that are all refunds are no analysis: the message says so (not a table of 0 customers)", () => {
  const refunds = [["customer", "date", "amount"], ["c1", "2024-01-01", -5], ["c2", "2024-01-02", -3]];
  expect(() => analyzeTransactions(refunds)).toThrow(
    "No customer made a purchase in the window: the 2 customer(s) with rows have only refunds (negative amounts)"
  );
});

test("an end before every transaction: the message counts the rows after it", () => {
  const rows = [["customer", "date", "amount"], ["c1", "2024-01-01", 5], ["c2", "2024-02-01", 3]];
  expect(() => analyzeTransactions(rows, { observationEnd: "2023-12-01" })).toThrow(
    "No usable transaction: 0 rows rejected, 0 blank, 2 after the window's end (2023-12-01)"
  );
});

test("settings out of range are refused before any work, each with its range", () => {
  const rows = [["customer", "date", "amount"], ["c1", "2024-01-01", 5]];
  expect(() => analyzeTransactions(rows, { margin: 1.5 })).toThrow("The margin must be above 0 and at most 1 (0.3 = 30 % of revenue); got 1.5");
  expect(() => analyzeTransactions(rows, { margin: 0 })).toThrow(/margin must be above 0/);
  expect(() => analyzeTransactions(rows, { discountRate: -0.01 })).toThrow("The discount rate must be 0 or more per period (0.01 = 1 %); got -0.01");
  expect(() => analyzeTransactions(rows, { horizonPeriods: 2.5 })).toThrow("The horizon must be a whole number of periods, 0 or more; got 2.5");
  expect(() => analyzeTransactions(rows, { inactivityPeriods: 0 })).toThrow("The inactivity threshold must be more than 0 periods; got 0");
});
