import { valuesAtRanks } from "./orderStatistics";
import type { CustomerSummary } from "../summary";

/** Recency, frequency and monetary scores from 1 (worst) to 5 (best), one entry per customer. */
export interface RfmScores {
  recency: Uint8Array;
  frequency: Uint8Array;
  monetary: Uint8Array;
}

const SCORES = 5;

/**
 * Quintile scores 1..5 of `values`: score = 1 + floor(5 x (customers with a strictly worse value) / n),
 * so tied customers always share a score (a quantile cut on ranks would split them arbitrarily) and
 * the best fifth scores 5. With many ties a score may stay unused (60 % one-order customers all score 1).
 * The score exceeds k exactly when at least ceil(k n / 5) customers are worse, i.e. when the value is
 * beyond the one a sort would rank there: so four order statistics (`valuesAtRanks`) settle every
 * score, O(n) expected.
 * @example quintileScores([10, 20, 30, 40, 50], true) // [1, 2, 3, 4, 5]
 */
export function quintileScores(values: ArrayLike<number>, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const scores = new Uint8Array(n);
  if (n === 0) return scores;
  // worse >= c: for higher-is-better, beyond the c-th smallest value (rank c - 1); else below the rank n - c one.
  const least = [1, 2, 3, 4].map((k) => Math.ceil((k * n) / SCORES));
  const [c1, c2, c3, c4] = valuesAtRanks(values, least.map((c) => (higherIsBetter ? c - 1 : n - c)));
  for (let i = 0; i < n; i++) {
    const v = values[i];
    scores[i] = higherIsBetter
      ? 1 + (v > c1 ? 1 : 0) + (v > c2 ? 1 : 0) + (v > c3 ? 1 : 0) + (v > c4 ? 1 : 0)
      : 1 + (v < c1 ? 1 : 0) + (v < c2 ? 1 : 0) + (v < c3 ? 1 : 0) + (v < c4 ? 1 : 0);
  }
  return scores;
}

/**
 * RFM scores of every customer: recency from the days between the last purchase and the end of the
 * window (fewer is better), frequency from the number of orders, monetary from net revenue.
 * @example rfmScores(summary).recency[0] // 5 for the most recent fifth of customers
 */
export function rfmScores(summary: CustomerSummary): RfmScores {
  const { lastDay, observationEnd } = summary;
  const daysSinceLast = new Int32Array(lastDay.length);
  for (let i = 0; i < lastDay.length; i++) daysSinceLast[i] = observationEnd - lastDay[i];
  return {
    recency: quintileScores(daysSinceLast, false),
    frequency: quintileScores(summary.orders, true),
    monetary: quintileScores(summary.revenue, true),
  };
}

/**
 * The named RFM group of a recency and frequency score, a common reading of the R x F grid:
 * Champions (R >= 4, F >= 4), Loyal (R >= 3, F >= 3), Promising (R >= 4), Needs attention (R = 3),
 * At risk (R <= 2, F >= 3), Hibernating (R = 2), Lost (R = 1).
 * @example rfmGroup(5, 5) // "Champions"
 */
export function rfmGroup(recency: number, frequency: number): RfmGroup {
  if (recency >= 4 && frequency >= 4) return "Champions";
  if (recency >= 3 && frequency >= 3) return "Loyal";
  if (recency >= 4) return "Promising";
  if (recency === 3) return "Needs attention";
  if (frequency >= 3) return "At risk";
  return recency === 2 ? "Hibernating" : "Lost";
}

/** RFM groups from best to worst, the order segment tables list them in. */
export const RFM_GROUPS = ["Champions", "Loyal", "Promising", "Needs attention", "At risk", "Hibernating", "Lost"] as const;
export type RfmGroup = (typeof RFM_GROUPS)[number];
