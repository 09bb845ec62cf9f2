import type { TransactionTable } from "../transactions";
import { monthIndex } from "../transactions";
import { customerRows } from "../transactions/customerRows";

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
 * k-th month after it. Rows after the observation end are left out. Cost O(transactions): one pass
 * over each customer's rows in date order (see `customerRows`), where a month is counted when it
 * differs from the previous one.
 * @example cohortRetention(table).shares[0][1] // 0.25: a quarter of the first cohort bought again a month later
 */
export function cohortRetention(table: TransactionTable): CohortRetention {
  const { starts, day, amount } = customerRows(table);
  const { observationEnd } = table;
  const firstMonth = monthIndex(table.firstDay);
  const endMonth = monthIndex(observationEnd);
  // monthIndex costs several divisions: when the window has fewer days than the table has rows, each
  // day's month is worked out once.
  const windowDays = observationEnd - table.firstDay + 1;
  const monthOfDay = windowDays <= table.length ? Int32Array.from({ length: windowDays }, (_, d) => monthIndex(table.firstDay + d)) : null;
  // By cohort, months since the table's first month: customers acquired, and per month k since
  // acquisition the customers active (created for cohorts that have customers).
  const sizes = new Int32Array(Math.max(0, endMonth - firstMonth + 1));
  const active: Int32Array[] = [];
  for (let c = 0; c + 1 < starts.length; c++) {
    let counts: Int32Array | null = null;
    let cohort = 0;
    let previousDay = NaN;
    let previousMonth = -1;
    for (let position = starts[c]; position < starts[c + 1] && day[position] <= observationEnd; position++) {
      if (amount[position] < 0 || day[position] === previousDay) continue;
      previousDay = day[position];
      const month = monthOfDay === null ? monthIndex(previousDay) : monthOfDay[previousDay - table.firstDay];
      if (month === previousMonth) continue;
      previousMonth = month;
      if (counts === null) {
        cohort = month - firstMonth;
        sizes[cohort]++;
        counts = active[cohort] ??= new Int32Array(endMonth - month + 1);
      }
      counts[month - firstMonth - cohort]++;
    }
  }
  const cohorts: number[] = [];
  sizes.forEach((size, cohort) => {
    if (size > 0) cohorts.push(cohort);
  });
  const latest = cohorts.length === 0 ? 0 : sizes.length - 1 - cohorts[0];
  return {
    cohorts: cohorts.map((cohort) => {
      const month = firstMonth + cohort;
      return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
    }),
    sizes: cohorts.map((cohort) => sizes[cohort]),
    shares: cohorts.map((cohort) => {
      const counts = active[cohort];
      return Array.from({ length: latest + 1 }, (_, k) => (k < counts.length ? counts[k] / sizes[cohort] : null));
    }),
  };
}
