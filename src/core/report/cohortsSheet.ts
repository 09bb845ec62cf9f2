import type { CohortRetention } from "../segments";
import { NUMBER_FORMATS, type SheetPlan } from "./reportPlan";
import { SheetLayout } from "./sheetLayout";

export const COHORTS_TABLE = "CLV_Cohorts";

/** Most cohorts drawn in the retention chart (all are in the table). */
export const MAX_CHART_COHORTS = 12;
const CHART_COLUMNS = 10;
const CHART_ROWS = 20;

/**
 * Which of `count` cohorts the chart draws: all when at most `limit`, else `limit` spread evenly
 * from the oldest to the newest (both included), so long and recent curves both show.
 * @example chartCohorts(23, 12) // [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]
 */
export function chartCohorts(count: number, limit = MAX_CHART_COHORTS): number[] {
  if (count <= limit) return Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: limit }, (_, i) => Math.round((i * (count - 1)) / (limit - 1)));
}

/**
 * The `CLV Cohorts` sheet: table `CLV_Cohorts` with one row per acquisition cohort (calendar month of
 * the first purchase), its size, and the share of it buying in each later calendar month ("Month 0" is
 * the acquisition month, 100%); months after the end of the data are empty cells. Below it, a line chart
 * with one series per cohort (see `chartCohorts`). Header rows frozen.
 * @example cohortsSheet(analysis.cohorts, "CLV Cohorts").tables[0].columns[2].name // "Month 0"
 */
export function cohortsSheet(cohorts: CohortRetention, name: string): SheetPlan {
  const layout = new SheetLayout(name, "cohorts");
  layout.text("Cohort retention: share of each acquisition cohort buying in each later month", "title");
  layout.text(
    "Cohort = calendar month of the first purchase; Month k = the k-th calendar month after it; " +
      "blank = after the end of the data. All customers: the analysis does not split cohorts by segment.",
    undefined,
    1
  );
  const months = cohorts.shares[0]?.length ?? 0;
  const table = layout.table({
    name: COHORTS_TABLE,
    columns: [
      { name: "Cohort", format: NUMBER_FORMATS.text },
      { name: "Customers", format: NUMBER_FORMATS.count },
      ...Array.from({ length: months }, (_, k) => ({ name: `Month ${k}`, format: NUMBER_FORMATS.share })),
    ],
    rows: cohorts.cohorts.map((cohort, c) => [cohort, cohorts.sizes[c], ...cohorts.shares[c]]),
  });
  layout.sheet.freezeRows = table.row + 1;

  const top = layout.row;
  const monthCells = (row: number) => ({ sheet: name, row, column: table.column + 2, rowCount: 1, columnCount: months });
  layout.sheet.charts.push({
    type: "Line",
    title: "Retention by acquisition cohort",
    categoryAxisTitle: "Months since the first purchase",
    valueAxisTitle: "Customers of the cohort buying (%)",
    categories: monthCells(table.row),
    series: chartCohorts(cohorts.cohorts.length).map((c) => ({ name: cohorts.cohorts[c], values: monthCells(table.row + 1 + c) })),
    top,
    left: 0,
    bottom: top + CHART_ROWS - 1,
    right: CHART_COLUMNS - 1,
  });
  return layout.sheet;
}
