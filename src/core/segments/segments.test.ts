import { summarizeCustomers } from "../summary";
import { parseTransactions } from "../transactions";
import { cohortRetention, quintileScores, rfmGroup, rfmScores, segmentCustomers, segmentMetrics } from ".";

// A hand-worked book of four customers, window ending 2024-03-31, in days:
//   A: 2024-01-01 $100, 2024-03-20 $50   last purchase 11 days before the end    -> active
//   B: 2024-01-01 $30                    90 days before the end                  -> lapsed (> 30)
//   C: 2024-02-01 $60, 2024-02-11 $40    49 days before the end                  -> lapsed
//   D: 2024-03-01 $20                    30 days before the end (not > 30)       -> active
// Exposure (days at risk): A 90 (Jan 1 -> Mar 31 = 31 + 29 + 30), B 0 + 1 = 1, C 10 + 1 = 11, D 30.
const rows = [
  ["customer", "date", "amount", "channel"],
  ["A", "2024-01-01", 100, "web"],
  ["A", "2024-03-20", 50, "web"],
  ["B", "2024-01-01", 30, "store"],
  ["C", "2024-02-01", 60, "web"],
  ["C", "2024-02-11", 40, "store"],
  ["D", "2024-03-01", 20, "store"],
];
const { table } = parseTransactions(rows, { observationEnd: "2024-03-31" });
const summary = summarizeCustomers(table, "day");
const ASSUMPTIONS = { inactivityPeriods: 30, discountRate: 0.01, margin: 0.5 };
const CLOSE = 10; // decimal digits for toBeCloseTo on hand-worked fractions

describe("quintileScores", () => {
  test("five distinct values score 1..5, higher better or lower better", () => {
    expect(Array.from(quintileScores([10, 20, 30, 40, 50], true))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(quintileScores([10, 20, 30, 40, 50], false))).toEqual([5, 4, 3, 2, 1]);
  });
  test("ties share a score: 1 + floor(5 x worse / n)", () => {
    // [1, 1, 1, 2, 3]: the three 1s have 0 worse -> 1; the 2 has 3 worse -> 1 + floor(15/5) = 4; the 3 -> 1 + floor(20/5) = 5
    expect(Array.from(quintileScores([1, 1, 1, 2, 3], true))).toEqual([1, 1, 1, 4, 5]);
  });
  test("2,003 values with many ties, both directions: the definition counted customer by customer", () => {
    // Reference: worse counted directly for each customer (O(n^2)), then 1 + floor(5 x worse / n).
    const values = Array.from({ length: 2_003 }, (_, i) => ((i * 7_919) % 61) / 3);
    for (const higherIsBetter of [true, false]) {
      const expected = values.map((value) => {
        const worse = values.filter((other) => (higherIsBetter ? other < value : other > value)).length;
        return 1 + Math.floor((5 * worse) / values.length);
      });
      expect(Array.from(quintileScores(values, higherIsBetter))).toEqual(expected);
    }
  });
});

describe("rfm", () => {
  test("scores of the four customers, worked by hand", () => {
    // days since last purchase A 11, B 90, C 49, D 30 -> worse (longer ago) A 3, D 2, C 1, B 0 -> 1 + floor(5w/4): 4, 3, 2, 1
    // orders A 2, B 1, C 2, D 1 -> B, D 0 worse -> 1; A, C 2 worse -> 1 + floor(10/4) = 3
    // revenue A 150, B 30, C 100, D 20 -> 4, 2, 3, 1
    const scores = rfmScores(summary);
    expect(summary.customerIds).toEqual(["A", "B", "C", "D"]);
    expect(Array.from(scores.recency)).toEqual([4, 1, 2, 3]);
    expect(Array.from(scores.frequency)).toEqual([3, 1, 3, 1]);
    expect(Array.from(scores.monetary)).toEqual([4, 2, 3, 1]);
  });
  test("named groups of the R x F grid", () => {
    expect([rfmGroup(5, 5), rfmGroup(4, 3), rfmGroup(5, 1), rfmGroup(3, 2), rfmGroup(2, 3), rfmGroup(2, 2), rfmGroup(1, 5)]).toEqual([
      "Champions", "Loyal", "Promising", "Needs attention", "At risk", "Hibernating", "At risk",
    ]);
    expect(rfmGroup(1, 1)).toBe("Lost");
  });
  test("segments A Loyal (R4 F3), B Lost (R1 F1), C At risk (R2 F3), D Needs attention (R3 F1)", () => {
    const s = segmentCustomers(summary, { kind: "rfm" });
    expect(Array.from(s.segment, (i) => s.labels[i])).toEqual(["Loyal", "Lost", "At risk", "Needs attention"]);
    expect(s.labels).toEqual(["Loyal", "Needs attention", "At risk", "Lost"]); // empty groups left out, best first
  });
});

describe("segmentCustomers", () => {
  const names = (s: { labels: string[]; segment: Int32Array }) => Array.from(s.segment, (i) => s.labels[i]);

  test("by column: each customer's most frequent channel (C: web and store once each -> first seen, web)", () => {
    expect(names(segmentCustomers(summary, { kind: "column" }))).toEqual(["web", "store", "web", "store"]);
  });
  test("value tiers: revenue 150 > 100 > 30 > 20; top 20% of 4 = 1 customer, next 30% = up to rank 2", () => {
    const s = segmentCustomers(summary, { kind: "value" });
    expect(names(s)).toEqual(["Top 20%", "Bottom 50%", "Middle 30%", "Bottom 50%"]);
    expect(s.rule).toContain("revenue >= 150");
  });
  test("cohorts by month and quarter of the first purchase", () => {
    expect(names(segmentCustomers(summary, { kind: "cohort", by: "month" }))).toEqual(["2024-01", "2024-01", "2024-02", "2024-03"]);
    expect(names(segmentCustomers(summary, { kind: "cohort", by: "quarter" }))).toEqual(["2024 Q1", "2024 Q1", "2024 Q1", "2024 Q1"]);
  });
  test("gold/meteor/stream/burden around the median AOV (75, 30, 50, 20 -> (30 + 50) / 2 = 40)", () => {
    const s = segmentCustomers(summary, { kind: "fourway" });
    expect(names(s)).toEqual(["Gold", "Burden", "Gold", "Burden"]);
    expect(s.labels).toEqual(["Gold", "Burden"]);
    expect(s.rule).toContain("AOV >= 40 (the median customer AOV)");
    // a cut of 25 makes B (AOV 30, one order) a Meteor
    expect(names(segmentCustomers(summary, { kind: "fourway", orderValueCut: 25 }))).toEqual(["Gold", "Meteor", "Gold", "Burden"]);
  });
  test("by column without a segment column says what to do", () => {
    const plain = summarizeCustomers(parseTransactions(rows.map((r) => r.slice(0, 3))).table, "day");
    expect(() => segmentCustomers(plain, { kind: "column" })).toThrow(/needs a segment column/);
  });
});

describe("segmentMetrics", () => {
  const result = segmentMetrics(summary, segmentCustomers(summary, { kind: "fourway" }), ASSUMPTIONS);

  test("all customers: churn = 2 lapsed / 132 days at risk, ACL 66 days, basic CLV = revenue / lapsed = 300 / 2", () => {
    const t = result.total;
    expect([t.customers, t.orders, t.revenue, t.lapsed]).toEqual([4, 6, 300, 2]);
    expect(t.exposure).toBeCloseTo(132, CLOSE);
    expect(t.aov).toBeCloseTo(50, CLOSE);
    expect(t.apf).toBeCloseTo(6 / 132, CLOSE);
    expect(t.churn).toBeCloseTo(2 / 132, CLOSE);
    expect(t.acl).toBeCloseTo(66, CLOSE);
    expect(t.basicClv).toBeCloseTo(150, CLOSE);
  });

  test("NPV CLV: margin 50 x 6/132 x 0.5 = 1.13636 a day, retention 130/132, closed form m r / (1 + d - r)", () => {
    const m = 50 * (6 / 132) * 0.5;
    const r = 130 / 132;
    expect(result.total.npvClv).toBeCloseTo((m * r) / (1.01 - r), CLOSE);
    expect(result.total.npvClv).toBeCloseTo(44.4962, 3); // 1.119146 / (3.32 / 132)
  });

  test("per segment: Gold = A + C (250 revenue, 1 lapsed, 101 days), Burden = B + D (50, 1 lapsed, 31 days)", () => {
    const [gold, burden] = result.rows;
    expect([gold.label, gold.customers, gold.orders, gold.revenue, gold.lapsed]).toEqual(["Gold", 2, 4, 250, 1]);
    expect(gold.exposure).toBeCloseTo(101, CLOSE);
    expect(gold.basicClv).toBeCloseTo(250, CLOSE);
    expect(gold.customerShare).toBe(0.5);
    expect(gold.revenueShare).toBeCloseTo(250 / 300, CLOSE);
    expect(burden.exposure).toBeCloseTo(31, CLOSE);
    expect(burden.acl).toBeCloseTo(31, CLOSE);
    expect(burden.basicClv).toBeCloseTo(50, CLOSE);
  });

  test("a segment where nobody lapsed has no ACL and says why; a horizon still gives an NPV", () => {
    const longThreshold = segmentMetrics(summary, segmentCustomers(summary, { kind: "fourway" }), { ...ASSUMPTIONS, inactivityPeriods: 100 });
    expect(longThreshold.total.lapsed).toBe(0);
    expect(longThreshold.total.acl).toBeNull();
    expect(longThreshold.total.npvClv).toBeNull();
    expect(longThreshold.total.notes[0]).toMatch(/No customer lapsed/);
    const withHorizon = segmentMetrics(summary, segmentCustomers(summary, { kind: "fourway" }), { ...ASSUMPTIONS, inactivityPeriods: 100, horizonPeriods: 2 });
    // exposure with nobody lapsed: 90 + 90 + 59 + 30 = 269 days; m = 50 x 6/269 x 0.5; r = 1: m/1.01 + m/1.01^2
    const m = 50 * (6 / 269) * 0.5;
    expect(withHorizon.total.npvClv).toBeCloseTo(m / 1.01 + m / 1.01 ** 2, CLOSE);
  });

  test("the churn rule states the threshold: 90 days in months is 90 / 30.4375 = 2.9569, shown as 2.96 months (90 days)", () => {
    const monthly = summarizeCustomers(parseTransactions(rows).table, "month");
    const rule = segmentMetrics(monthly, segmentCustomers(monthly, { kind: "fourway" }), { ...ASSUMPTIONS, inactivityPeriods: 90 / 30.4375 }).churnRule;
    expect(rule).toMatch(/^Lapsed = no purchase in the last 2\.96 months \(90 days\) of the window\. Churn per month = /);
    expect(result.churnRule).toMatch(/^Lapsed = no purchase in the last 30 days of the window\./);
  });

  test("averages the model's predictions per segment", () => {
    const predictions = { probabilityAlive: Float64Array.of(1, 0.2, 0.4, 0.9), predictedClv: Float64Array.of(100, 0, 40, 10) };
    const withModel = segmentMetrics(summary, segmentCustomers(summary, { kind: "fourway" }), ASSUMPTIONS, predictions);
    expect(withModel.rows[0].meanPredictedClv).toBe(70); // Gold: (100 + 40) / 2
    expect(withModel.rows[1].meanProbabilityAlive).toBeCloseTo(0.55, CLOSE); // Burden: (0.2 + 0.9) / 2
  });
});

describe("cohortRetention", () => {
  test("a window of fewer days than rows (each day's month looked up): 2024-01 = A, B; A again in February", () => {
    // Window 2024-01-30 .. 2024-02-02 (4 days), 5 rows: A Jan 30 and Feb 1, B Jan 31, C Feb 2 and a refund on Feb 2.
    const short = parseTransactions([
      ["customer", "date", "amount"],
      ["A", "2024-01-30", 10],
      ["B", "2024-01-31", 10],
      ["A", "2024-02-01", 10],
      ["C", "2024-02-02", 10],
      ["C", "2024-02-02", -5],
    ]).table;
    expect(cohortRetention(short)).toEqual({ cohorts: ["2024-01", "2024-02"], sizes: [2, 1], shares: [[1, 0.5], [1, null]] });
  });

  test("share of each monthly cohort buying k months after acquisition; months after the window are null", () => {
    // 2024-01: A, B; Feb nobody, Mar A -> [1, 0, 0.5]; 2024-02: C -> [1, 0, null]; 2024-03: D -> [1, null, null]
    expect(cohortRetention(table)).toEqual({
      cohorts: ["2024-01", "2024-02", "2024-03"],
      sizes: [2, 1, 1],
      shares: [[1, 0, 0.5], [1, 0, null], [1, null, null]],
    });
  });
});
