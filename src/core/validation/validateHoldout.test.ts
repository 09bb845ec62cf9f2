import { describeWithSharedData, readNumericCsv, readSharedFields, readSharedJson, readSharedText } from "../../../test/sharedData";
import { parseCsv } from "../csv";
import { splitCalibrationHoldout } from "../summary/splitCalibrationHoldout";
import { dayFromDate } from "../transactions/days";
import { parseTransactions } from "../transactions/parseTransactions";
import { conditionalExpectations } from "./conditionalExpectations";
import { holdoutErrors } from "./holdoutErrors";
import { trackingCurve } from "./trackingCurve";
import { endsOfPeriods, validateHoldout } from "./validateHoldout";

// Independent references for FHL 2005's model: eq. (9) and (10) written out with a plain Gauss
// hypergeometric series (the engine uses Euler's transformation and @stdlib's 2F1 instead).

/** 2F1(a, b; c; z) = sum over n of (a)_n (b)_n / ((c)_n n!) z^n, for 0 <= z < 1. */
function hypergeometricSeries(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 5000 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
  }
  return sum;
}
type Bgnbd = { r: number; alpha: number; a: number; b: number };
/** FHL 2005 eq. (9): E[X(t)] = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]. */
const expectedX = ({ r, alpha, a, b }: Bgnbd, t: number) =>
  ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hypergeometricSeries(r, b, a + b - 1, t / (alpha + t)));
/** FHL 2005 eq. (10): E[Y(t) | x, t_x, T]. */
function expectedY({ r, alpha, a, b }: Bgnbd, t: number, x: number, tx: number, T: number): number {
  const whileAlive =
    ((a + b + x - 1) / (a - 1)) *
    (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hypergeometricSeries(r + x, b + x, a + b + x - 1, t / (alpha + T + t)));
  return x === 0 ? whileAlive : whileAlive / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x));
}

/** The series and the engine's formula agree to ~1e-12; sums over 2,357 customers to 1e-9 relative. */
const SAME_MODEL = 1e-9;
/** Our fit on days vs lifetimes' (same optimum to ~1e-7), and the weekly file's 2-decimal rounding. */
const SAME_OPTIMUM = 1e-4;

describe("endsOfPeriods", () => {
  test("CDNOW, 1997-01-01 to 1998-06-30 (days 0 to 545) in weeks: 78 ends, 6, 13, ..., 545", () => {
    const ends = endsOfPeriods(0, 545, 7);
    expect(ends.length).toBe(78);
    expect(ends[0]).toBe(6);
    expect(ends[38]).toBe(272); // 1997-09-30, FHL's calibration end
    expect(ends[77]).toBe(545);
  });

  test("counted back from the end: days 0 to 60 in months of 30.4375 days end on day 60 and 60 - round(30.4375) = 30", () => {
    expect(Array.from(endsOfPeriods(0, 60, 365.25 / 12))).toEqual([30, 60]);
  });
});

describe("holdoutErrors", () => {
  test("actual 0, 2, 1 and predicted 0.5, 1, 1: totals 3 and 2.5, error -0.5 / 3, mean absolute error (0.5 + 1 + 0) / 3", () => {
    const errors = holdoutErrors([0, 2, 1], [0.5, 1, 1]);
    expect(errors).toMatchObject({ customers: 3, actual: 3, predicted: 2.5, meanAbsoluteError: 0.5 });
    expect(errors.percentageError).toBeCloseTo(-1 / 6, 15);
  });

  test("no purchase in the holdout: no percentage error", () => {
    expect(holdoutErrors([0], [0.2]).percentageError).toBeNull();
  });

  test("mismatched columns are refused", () => {
    expect(() => holdoutErrors([1, 2], [1])).toThrow("`holdoutErrors` requires one prediction per customer");
  });
});

describe("a hand-made log: A buys on days 0, 10, 40 and 50 of 2024, B on days 5 and 45, C first on day 35", () => {
  const rows = [
    ["customer", "date", "amount"],
    ["A", "2024-01-01", 10],
    ["A", "2024-01-11", 10],
    ["A", "2024-02-10", 10],
    ["A", "2024-02-20", 10],
    ["B", "2024-01-06", 10],
    ["B", "2024-02-15", 10],
    ["C", "2024-02-05", 10],
  ];
  const { table } = parseTransactions(rows);
  const day0 = dayFromDate(2024, 1, 1);
  // Weeks counted back from day 50: period ends 1, 8, 15, 22, 29, 36, 43, 50. Holding out 3 ends the
  // calibration on day 29: A (x = 1, days 0 and 10) and B (x = 0) are checked, C is new in the holdout.
  const ends = endsOfPeriods(day0, day0 + 50, 7);
  const split = splitCalibrationHoldout(table, { calibrationEnd: day0 + 29, unit: "week" });
  /** Pareto/NBD with r = alpha = beta = 1, s = 2: E[X(t)] = r beta / (alpha (s - 1)) (1 - beta / (beta + t)) = t / (1 + t). */
  const simple = { kind: "pareto" as const, parameters: { r: 1, alpha: 1, s: 2, beta: 1 } };

  test("tracking: repeat purchase days A 10, 40, 50 and B 45 add up by period; predicted = sum of t / (1 + t) over A and B", () => {
    expect(Array.from(ends)).toEqual([1, 8, 15, 22, 29, 36, 43, 50].map((day) => day0 + day));
    const curve = trackingCurve(simple, split.calibration.firstDay, split.repeatPurchasesByDay, day0, ends, "week");
    expect(Array.from(curve.actual)).toEqual([0, 0, 1, 1, 1, 1, 2, 4]);
    const expected = (end: number) => [0, 5].reduce((sum, first) => (end < first ? sum : sum + (end - first) / 7 / (1 + (end - first) / 7)), 0);
    expect(curve.predicted[0]).toBeCloseTo(1 / 8, 14); // A only: t = 1/7
    expect(curve.predicted[4]).toBeCloseTo(29 / 36 + 24 / 31, 14);
    ends.forEach((end, k) => expect(curve.predicted[k]).toBeCloseTo(expected(end - day0), 14));
  });

  test("by calibration frequency: B (x = 0) bought once in the holdout, A (x = 1) twice", () => {
    const { bins, predicted } = conditionalExpectations(simple, split.calibration, split.holdoutPurchases, split.holdoutLength);
    expect(bins.map((bin) => bin.customers)).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
    expect(bins[0]).toMatchObject({ label: "0", from: 0, actualMean: 1, predictedMean: predicted[1] });
    expect(bins[1]).toMatchObject({ label: "1", from: 1, actualMean: 2, predictedMean: predicted[0] });
    expect(bins[7]).toMatchObject({ label: "7+", from: 7, customers: 0, actualMean: null, predictedMean: null });
  });

  test("by default a third of the 8 weeks, rounded, is held out: the calibration ends on day 29, where 2 customers cannot be fitted", () => {
    expect(() => validateHoldout(table, { unit: "week", model: "bgnbd" })).toThrow(
      "The model fitted on the calibration window (to 2024-01-30) gives no forecast"
    );
  });

  test("a holdout as long as the data is refused, saying what to do", () => {
    expect(() => validateHoldout(table, { unit: "week", model: "bgnbd", holdoutPeriods: 8 })).toThrow(
      "A holdout of 8 weeks leaves no week to fit on: the data span 8 weeks (2024-01-01 to 2024-02-20); hold out fewer"
    );
    expect(() => validateHoldout(table, { unit: "week", model: "bgnbd", holdoutPeriods: 1.5 })).toThrow(
      "The holdout must be a whole number of weeks, 1 or more; got 1.5"
    );
  });
});

const FILES = ["CDNOW_sample.txt", "cdnow_customers_summary.csv", "reference/lifetimes_cdnow_sample.json"];

describeWithSharedData("CDNOW sample, weeks 1-39 calibration / 40-78 holdout (FHL 2005)", FILES, () => {
  const { table } = parseTransactions(parseCsv(readSharedText("CDNOW_sample.txt")), { columns: { customer: 1 } });
  const validation = validateHoldout(table, { unit: "week", model: "bgnbd", holdoutPeriods: 39 });
  const reference = readSharedJson("reference/lifetimes_cdnow_sample.json");

  // The same customers counted straight from the file: id_sample, then YYYYMMDD; one purchase per day.
  const days = new Map<string, Set<number>>();
  for (const [, id, date] of readSharedFields("CDNOW_sample.txt")) {
    const day = dayFromDate(Number(date.slice(0, 4)), Number(date.slice(4, 6)), Number(date.slice(6, 8))) - dayFromDate(1997, 1, 1);
    days.set(id, (days.get(id) ?? new Set()).add(day));
  }
  const customers = [...days.values()].map((set) => {
    const sorted = [...set].sort((a, b) => a - b);
    const calibration = sorted.filter((day) => day <= 272);
    return {
      x: calibration.length - 1,
      tx: (calibration[calibration.length - 1] - sorted[0]) / 7,
      T: (272 - sorted[0]) / 7,
      first: sorted[0],
      holdout: sorted.length - calibration.length,
      all: sorted,
    };
  });

  test("78 weeks from 1997-01-01; the calibration ends on 1997-09-30 and the holdout lasts 39 weeks", () => {
    expect(validation.startDay).toBe(dayFromDate(1997, 1, 1));
    expect(validation.calibrationEnd).toBe(dayFromDate(1997, 9, 30));
    expect(validation.holdoutEnd).toBe(dayFromDate(1998, 6, 30));
    expect(validation.tracking.periodEnds.length).toBe(78);
    expect(validation.tracking.calibrationPeriods).toBe(39);
    expect(validation.holdoutLength).toBe(39);
    expect(validation.customers).toBe(2_357);
    expect(validation.newInHoldout).toBe(0); // the cohort all bought first in 1997 Q1
  });

  test("the calibration fit is FHL 2005's: r 0.243, alpha 4.414 weeks, a 0.793, b 2.426", () => {
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    Object.entries(published).forEach(([name, value]) =>
      expect(Math.abs((validation.model.parameters as Bgnbd)[name as keyof Bgnbd] - value)).toBeLessThan(5e-4 * Math.max(1, value))
    );
  });

  test("1,882 repeat purchase days in the holdout; 1,653.4 expected (lifetimes 0.11.3: 1,653.41; FHL 2005: 1,654); error -12.1 %", () => {
    const check = reference.actual_holdout_check;
    expect(validation.errors.actual).toBe(check.actual_purchase_days_in_holdout_total); // 1,882
    const predicted = check.predicted_sum_cond_exp_purchases_273d.bgnbd; // 1,653.41
    expect(Math.abs(validation.errors.predicted - predicted)).toBeLessThan(SAME_OPTIMUM * predicted);
    expect(validation.errors.percentageError!).toBeCloseTo((1653.41 - 1882) / 1882, 4);
  });

  test("at FHL's published parameters on their weekly summary the expectations add up to 1,654 (FHL 2005)", () => {
    const { rows } = readNumericCsv("cdnow_customers_summary.csv");
    const weekly = { frequency: rows.map((row) => row[1]), recency: rows.map((row) => row[2]), T: rows.map((row) => row[3]) };
    const published = { kind: "bgnbd" as const, parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
    const { predicted } = conditionalExpectations(published, weekly, new Float64Array(rows.length), 39);
    expect(Math.round(predicted.reduce((sum, value) => sum + value, 0))).toBe(1_654);
  });

  test("by calibration frequency 0 .. 7+: counts and actual means from the file, predicted means by eq. (10) written out", () => {
    const fitted = validation.model.parameters as Bgnbd;
    validation.byFrequency.forEach((bin) => {
      const members = customers.filter((c) => (bin.from === 7 ? c.x >= 7 : c.x === bin.from));
      const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
      expect(bin.customers).toBe(members.length);
      expect(bin.actualMean).toBeCloseTo(mean(members.map((c) => c.holdout)), 12);
      const predicted = mean(members.map((c) => expectedY(fitted, 39, c.x, c.tx, c.T)));
      expect(Math.abs(bin.predictedMean! - predicted)).toBeLessThan(SAME_MODEL * predicted);
    });
    expect(validation.byFrequency[0].customers).toBe(2_357 - 946); // lifetimes: 946 repeat buyers (summary_aggregate)
  });

  test("mean absolute error per customer: (1/2357) sum |holdout_i - E[Y(39) | x_i, t_x, T]|, by eq. (10) written out", () => {
    const fitted = validation.model.parameters as Bgnbd;
    const expected = customers.reduce((sum, c) => sum + Math.abs(c.holdout - expectedY(fitted, 39, c.x, c.tx, c.T)), 0) / customers.length;
    expect(Math.abs(validation.errors.meanAbsoluteError - expected)).toBeLessThan(SAME_MODEL * expected);
  });

  test("tracking: cumulative repeat purchase days from the file, and the sum of E[X(age)] by eq. (9) written out", () => {
    const fitted = validation.model.parameters as Bgnbd;
    const { tracking } = validation;
    expect(tracking.actual[38]).toBe(2_457); // lifetimes' calibration total (summary_aggregate.total_repeat_purchase_days)
    expect(tracking.actual[77]).toBe(2_457 + 1_882);
    const byAge = new Map<number, number>();
    const expectedAt = (days: number) => byAge.get(days) ?? byAge.set(days, expectedX(fitted, days / 7)).get(days)!;
    for (const week of [1, 13, 39, 52, 78]) {
      const end = 7 * week - 1;
      const actual = customers.reduce((sum, c) => sum + c.all.filter((day) => day > c.first && day <= end).length, 0);
      const predicted = customers.reduce((sum, c) => sum + (c.first <= end ? expectedAt(end - c.first) : 0), 0);
      expect(tracking.actual[week - 1]).toBe(actual);
      expect(Math.abs(tracking.predicted[week - 1] - predicted)).toBeLessThan(SAME_MODEL * predicted);
    }
  });
});
