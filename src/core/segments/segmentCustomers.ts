import { ensure } from "../errors";
import type { CustomerSummary } from "../summary";
import { monthIndex } from "../transactions";
import { median } from "./orderStatistics";
import { RFM_GROUPS, type RfmScores, rfmGroup, rfmScores } from "./rfmScores";

/** How customers are split into segments. */
export type SegmentStrategy =
  | { kind: "column" }
  | { kind: "rfm" }
  | { kind: "value" }
  | { kind: "cohort"; by: "month" | "quarter" }
  | { kind: "fourway"; orderValueCut?: number };

export const SEGMENT_KINDS = ["column", "rfm", "value", "cohort", "fourway"] as const;

/** Every customer's segment, the segments in display order and the rule that cut them. */
export interface Segmentation {
  /** Segment names in display order; every one has at least one customer. */
  labels: string[];
  /** Index into `labels` per customer of the summary. */
  segment: Int32Array;
  /** How the segments were cut, in words, with the cut points, to show beside the results. */
  rule: string;
}

/** Label of customers whose segment cells are all blank. */
export const BLANK_SEGMENT = "(blank)";
const VALUE_TIERS = ["Top 20%", "Middle 30%", "Bottom 50%"];
const FOURWAY = ["Gold", "Meteor", "Stream", "Burden"];

/**
 * Splits the customers of `summary` into segments:
 * - `column`: the segment column's value (a customer's most frequent one, see summarizeCustomers);
 * - `rfm`: the named R x F groups of `rfmGroup`, from quintile scores;
 * - `value`: customers ranked by net revenue; the first 20 % are "Top 20%", the next 30 % "Middle 30%",
 *   the rest "Bottom 50%" (customers tied with the last one of a tier join that tier);
 * - `cohort`: calendar month ("1997-01") or quarter ("1997 Q1") of the first purchase;
 * - `fourway`: high order value = AOV at or above the cut (default: the median customer AOV) and
 *   repeat = 2 or more orders; Gold = high and repeat, Meteor = high and one-off, Stream = low and
 *   repeat, Burden = low and one-off.
 * Empty segments are left out. `scores`: the RFM scores when the caller already has them. Cost O(n log n).
 *
 * @throws ClvError `value` for `column` when the data have no segment column
 * @example segmentCustomers(summary, { kind: "fourway" }).labels // ["Gold", "Meteor", "Stream", "Burden"]
 */
export function segmentCustomers(summary: CustomerSummary, strategy: SegmentStrategy, scores?: RfmScores): Segmentation {
  switch (strategy.kind) {
    case "column":
      return byColumn(summary);
    case "rfm":
      return byRfm(scores ?? rfmScores(summary));
    case "value":
      return byValue(summary);
    case "cohort":
      return byCohort(summary, strategy.by);
    case "fourway":
      return byOrderValueAndRepeat(summary, strategy.orderValueCut);
  }
}

function byColumn(summary: CustomerSummary): Segmentation {
  const { segment, segmentLabels } = summary;
  ensure(segment !== null && segmentLabels !== null, "Segmenting by a column needs a segment column: choose one, or another strategy");
  const labels = [...segmentLabels, BLANK_SEGMENT];
  const index = Int32Array.from(segment, (s) => (s < 0 ? segmentLabels.length : s));
  return compact(labels, index, "Segment = the customer's most frequent value in the segment column");
}

function byRfm(scores: RfmScores): Segmentation {
  const { recency, frequency } = scores;
  // The group of each (R, F) pair, named once rather than once per customer.
  const groupOf = Int32Array.from({ length: 36 }, (_, pair) => RFM_GROUPS.indexOf(rfmGroup(Math.floor(pair / 6), pair % 6)));
  const index = new Int32Array(recency.length);
  for (let i = 0; i < index.length; i++) index[i] = groupOf[recency[i] * 6 + frequency[i]];
  return compact(
    [...RFM_GROUPS],
    index,
    "RFM quintile scores 1-5 (recency: days since last purchase; frequency: orders; monetary: revenue). " +
      "Champions R>=4 F>=4; Loyal R>=3 F>=3; Promising R>=4; Needs attention R=3; At risk R<=2 F>=3; Hibernating R=2; Lost R=1"
  );
}

function byValue(summary: CustomerSummary): Segmentation {
  const { revenue } = summary;
  const n = revenue.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => revenue[b] - revenue[a]);
  const index = new Int32Array(n);
  const tierEnds = [Math.ceil(0.2 * n), Math.ceil(0.5 * n), n];
  const cuts: number[] = [];
  let tier = 0;
  for (let rank = 0; rank < n; rank++) {
    const customer = order[rank];
    const tiedWithPrevious = rank > 0 && revenue[customer] === revenue[order[rank - 1]];
    if (rank >= tierEnds[tier] && !tiedWithPrevious) {
      cuts.push(revenue[order[rank - 1]]);
      tier++;
    }
    index[customer] = tier;
  }
  const rule = `Customers ranked by revenue: top 20% (revenue >= ${cuts[0] ?? "-"}), next 30% (>= ${cuts[1] ?? "-"}), bottom 50%`;
  return compact(VALUE_TIERS, index, rule);
}

function byCohort(summary: CustomerSummary, by: "month" | "quarter"): Segmentation {
  const names = Array.from(summary.firstDay, (day) => {
    const months = monthIndex(day);
    const year = Math.floor(months / 12);
    const month = (months % 12) + 1;
    return by === "month" ? `${year}-${String(month).padStart(2, "0")}` : `${year} Q${Math.ceil(month / 3)}`;
  });
  const labels = [...new Set(names)].sort();
  const position = new Map(labels.map((label, i) => [label, i]));
  const index = Int32Array.from(names, (name) => position.get(name) as number);
  return { labels, segment: index, rule: `Acquisition cohort: the ${by} of the first purchase` };
}

function byOrderValueAndRepeat(summary: CustomerSummary, orderValueCut?: number): Segmentation {
  const cut = orderValueCut ?? median(summary.aov);
  ensure(Number.isFinite(cut), "The order value cut of the gold/meteor/stream/burden split must be a number");
  const index = Int32Array.from(summary.aov, (aov, i) => (aov >= cut ? 0 : 2) + (summary.orders[i] >= 2 ? 0 : 1));
  const source = orderValueCut === undefined ? "the median customer AOV" : "given";
  return compact(
    FOURWAY,
    index,
    `High order value: AOV >= ${round2(cut)} (${source}); repeat: 2 or more orders. ` +
      "Gold = high & repeat, Meteor = high & one-off, Stream = low & repeat, Burden = low & one-off"
  );
}

/** Drops labels no customer has and renumbers the rest, keeping their order. */
function compact(labels: string[], index: Int32Array, rule: string): Segmentation {
  const used = new Int32Array(labels.length);
  for (const s of index) used[s]++;
  const renumber = new Int32Array(labels.length).fill(-1);
  const kept: string[] = [];
  labels.forEach((label, i) => {
    if (used[i] > 0) renumber[i] = kept.push(label) - 1;
  });
  return { labels: kept, segment: index.map((s) => renumber[s]), rule };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
