import { type Analysis, type AnalysisOptions, analyzeTransactions } from "../src/core/analyze";
import { segmentMetrics } from "../src/core/segments";

// The hand-worked book of src/core/segments/segments.test.ts, window ending 2024-03-31, in days:
//   A: 2024-01-01 $100, 2024-03-20 $50   last purchase 11 days before the end    -> active
//   B: 2024-01-01 $30                    90 days before the end                  -> lapsed (> 30)
//   C: 2024-02-01 $60, 2024-02-11 $40    49 days before the end                  -> lapsed
//   D: 2024-03-01 $20                    30 days before the end (not > 30)       -> active
// Exposure (days at risk): A 90, B 1, C 11, D 30. Gold/Burden split at the median AOV 40:
// Gold = A + C (4 orders, 250 revenue, 101 days, 1 lapsed), Burden = B + D (2, 50, 31 days, 1 lapsed).
export const BOOK = [
  ["customer", "date", "amount"],
  ["A", "2024-01-01", 100],
  ["A", "2024-03-20", 50],
  ["B", "2024-01-01", 30],
  ["C", "2024-02-01", 60],
  ["C", "2024-02-11", 40],
  ["D", "2024-03-01", 20],
];

export const BOOK_SETTINGS: AnalysisOptions = {
  observationEnd: "2024-03-31",
  unit: "day",
  inactivityPeriods: 30,
  discountRate: 0.01,
  margin: 0.5,
  horizonPeriods: 2,
  segmentBy: { kind: "fourway" },
};

// Hand-set model outputs per customer A, B, C, D (a fit on four customers means nothing), so the
// report's model columns can be checked against known numbers; C has no prediction.
export const BOOK_PREDICTIONS = {
  probabilityAlive: Float64Array.of(1, 0.2, NaN, 0.9),
  expectedPurchases: Float64Array.of(1.5, 0.1, NaN, 0.4),
  expectedSpend: Float64Array.of(75, 30, 50, 20),
  predictedClv: Float64Array.of(100, 0, NaN, 10),
};

/** The analysis of `rows` (default: the book) with the hand-set predictions and segment means from them. */
export function bookAnalysis(options: AnalysisOptions = {}, rows: readonly (readonly (string | number)[])[] = BOOK): Analysis {
  const analysis = analyzeTransactions(rows, { ...BOOK_SETTINGS, ...options });
  const predictions = { ...BOOK_PREDICTIONS };
  return { ...analysis, predictions, segments: segmentMetrics(analysis.summary, analysis.segmentation, analysis.settings, predictions) };
}
