import type { TransactionTable } from "../transactions";
import { monthIndex } from "../transactions";

/** Share of each acquisition cohort still purchasing, by months since acquisition. */
export interface CohortRetention {
  /** Cohort names ("1997-01"), oldest first. */
  cohorts: string[];
  /** Customers acquired in each cohort. */
  sizes: number[];
  /**
   * shares[c][k]: share of cohort c with a purchase in its k-th calendar month after the month of
   * acquisition (k = 0 is the acquisition month, always 1); null where that month lies after the window.
   */
  shares: (number | null)[][];
}

/**
 * Cohort retention table for retention curves: customers grouped by the calendar month of their first
 * purchase; a customer counts in month k when they bought (a row with a non-negative amount) in the
 * k-th month after it. Rows after the observation end are left out. Cost O(transactions).
 * @example cohortRetention(table).shares[0][1] // 0.25: a quarter of the first cohort bought again a month later
 */
export function cohortRetention(table: TransactionTable): CohortRetention {
  const { customer, day, amount, observationEnd } = table;
  const firstMonth = new Int32Array(table.customerIds.length).fill(2 ** 31 - 1);
  for (let row = 0; row < table.length; row++) {
    if (amount[row] < 0 || day[row] > observationEnd) continue;
    firstMonth[customer[row]] = Math.min(firstMonth[customer[row]], monthIndex(day[row]));
  }
  const endMonth = monthIndex(observationEnd);
  const active = new Map<number, Int32Array>(); // cohort month -> customers active in month k
  const sizes = new Map<number, number>();
  for (const month of firstMonth) {
    if (month > endMonth) continue;
    sizes.set(month, (sizes.get(month) ?? 0) + 1);
    if (!active.has(month)) active.set(month, new Int32Array(endMonth - month + 1));
  }
  // Distinct (customer, month since acquisition) pairs, found by sorting their numeric keys.
  const span = endMonth + 1;
  const keys = new Float64Array(table.length);
  let count = 0;
  for (let row = 0; row < table.length; row++) {
    if (amount[row] < 0 || day[row] > observationEnd) continue;
    const c = customer[row];
    keys[count++] = c * span + (monthIndex(day[row]) - firstMonth[c]);
  }
  const sortedKeys = keys.subarray(0, count).sort();
  for (let i = 0; i < count; i++) {
    if (i > 0 && sortedKeys[i] === sortedKeys[i - 1]) continue;
    const c = Math.floor(sortedKeys[i] / span);
    (active.get(firstMonth[c]) as Int32Array)[sortedKeys[i] - c * span]++;
  }
  const months = [...sizes.keys()].sort((a, b) => a - b);
  const latest = endMonth - (months[0] ?? endMonth);
  return {
    cohorts: months.map((m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`),
    sizes: months.map((m) => sizes.get(m) as number),
    shares: months.map((m) => {
      const counts = active.get(m) as Int32Array;
      const size = sizes.get(m) as number;
      return Array.from({ length: latest + 1 }, (_, k) => (k < counts.length ? counts[k] / size : null));
    }),
  };
}
