import { MODEL_NAMES } from "../models";
import { isoDate } from "../transactions/days";
import type { HoldoutValidation } from "../validation";
import { excelSerial } from "./excelAddress";
import { type ChartPlan, NUMBER_FORMATS, type SheetPlan, type TablePlan } from "./reportPlan";
import { finiteOrNull } from "./segmentTable";
import { SheetLayout } from "./sheetLayout";
import { fitRows } from "./summarySheet";

export const TRACKING_TABLE = "CLV_Tracking";
export const BY_FREQUENCY_TABLE = "CLV_HoldoutByFrequency";

/** Where the charts go: right of their tables, this many columns wide and rows high. */
const CHART_COLUMN = 6;
const CHART_COLUMNS = 9;
const CHART_ROWS = 18;

/**
 * The `CLV Validation` sheet: how the purchase model's forecast compared with a holdout period
 * (`validateHoldout`). From the top: what was done, the error figures, the calibration fit, the holdout
 * purchases by calibration frequency (table `CLV_HoldoutByFrequency`, actual vs predicted means, with a
 * clustered column chart: Fader, Hardie & Lee 2005 figure 3), then the cumulative repeat purchases per
 * period (table `CLV_Tracking`, with a "Window" column and a note saying where the holdout starts, and
 * a line chart: FHL 2005 figure 2), each chart to the right of its table.
 * @example validationSheet(analysis.validation, "CLV Validation").tables.map((t) => t.name) // ["CLV_HoldoutByFrequency", "CLV_Tracking"]
 */
export function validationSheet(validation: HoldoutValidation, name: string): SheetPlan {
  const { unit, tracking, errors } = validation;
  const modelName = MODEL_NAMES[validation.model.kind];
  const calibrationPeriods = tracking.calibrationPeriods;
  const periods = tracking.periodEnds.length;
  const layout = new SheetLayout(name, "validation");

  /** "week 3" or "weeks 3 to 5". */
  const span = (from: number, to: number) => (from === to ? `${unit} ${from}` : `${unit}s ${from} to ${to}`);
  const holdoutSpan = span(calibrationPeriods + 1, periods);
  layout.text("Forecast check on a holdout period", "title");
  layout.lines([
    `The ${modelName} purchase model was fitted again on the purchases from ${isoDate(validation.startDay)} to ${isoDate(validation.calibrationEnd)} ` +
      `(calibration: ${span(1, calibrationPeriods)}), and its forecast set against the purchases from ` +
      `${isoDate(validation.calibrationEnd + 1)} to ${isoDate(validation.holdoutEnd)} (holdout: ${holdoutSpan}), ` +
      "as Fader, Hardie & Lee (2005) check their model on CDNOW.",
    `Checked: the ${validation.customers} customers whose first purchase is in the calibration window` +
      (validation.newInHoldout > 0 ? `; the ${validation.newInHoldout} first seen in the holdout are left out.` : ".") +
      " Repeat purchases: the purchase days after a customer's first (several purchases on one day count once).",
  ]);

  layout.text("Holdout error", "heading");
  const { count, decimal, rate } = NUMBER_FORMATS;
  layout.labelled([
    ["Repeat purchases in the holdout, actual", errors.actual, count],
    ["Repeat purchases in the holdout, predicted", errors.predicted, decimal, "sum over customers of their expected purchases in the holdout, given their calibration history"],
    ["Difference (predicted - actual)", errors.predicted - errors.actual, decimal],
    ["Percentage error", errors.percentageError, rate, "(predicted - actual) / actual: below 0, the model expected too few"],
    ["Mean absolute error per customer", errors.meanAbsoluteError, decimal, "mean over customers of |actual - predicted| holdout purchases"],
    ["Customers checked", errors.customers, count],
  ]);

  layout.text("Calibration fit", "heading");
  layout.labelled(fitRows("Purchase model", modelName, validation.model.parameters, validation.model));
  if (validation.warnings.length > 0) {
    layout.text("Warnings", "heading");
    layout.lines(validation.warnings.map((warning) => `Calibration fit: ${warning}`));
  }

  layout.text("Holdout purchases by repeat purchases in the calibration window", "heading");
  const byFrequency = tableWithChart(layout, {
    name: BY_FREQUENCY_TABLE,
    columns: [
      { name: "Repeat purchases in calibration", format: NUMBER_FORMATS.text },
      { name: "Customers", format: count },
      { name: "Actual mean holdout purchases", format: decimal },
      { name: "Predicted mean holdout purchases", format: decimal },
    ],
    rows: validation.byFrequency.map((bin) => [bin.label, bin.customers, finiteOrNull(bin.actualMean), finiteOrNull(bin.predictedMean)]),
  });
  layout.sheet.charts.push(
    chartBeside(byFrequency, {
      type: "ColumnClustered",
      title: "Holdout purchases per customer, by calibration repeat purchases",
      categoryAxisTitle: "Repeat purchases in the calibration window",
      valueAxisTitle: `Mean repeat purchases in the holdout (${validation.holdoutPeriods} ${unit}s)`,
      categories: { table: BY_FREQUENCY_TABLE, column: "Repeat purchases in calibration" },
      series: [
        { name: "Actual", values: { table: BY_FREQUENCY_TABLE, column: "Actual mean holdout purchases" } },
        { name: "Predicted", values: { table: BY_FREQUENCY_TABLE, column: "Predicted mean holdout purchases" } },
      ],
    })
  );

  const period = unit[0].toUpperCase() + unit.slice(1);
  layout.text(`Cumulative repeat purchases by ${unit}`, "heading");
  layout.text(
    `The holdout starts after ${unit} ${calibrationPeriods} (${isoDate(validation.calibrationEnd)}): ` +
      `${holdoutSpan} ${calibrationPeriods + 1 === periods ? "is" : "are"} marked "holdout" in the Window column.`
  );
  const trackingTable = tableWithChart(layout, {
    name: TRACKING_TABLE,
    columns: [
      { name: period, format: count },
      { name: `${period} ends`, format: NUMBER_FORMATS.date },
      { name: "Window", format: NUMBER_FORMATS.text },
      { name: "Actual cumulative repeat purchases", format: count },
      { name: "Predicted cumulative repeat purchases", format: decimal },
    ],
    rows: Array.from(tracking.periodEnds, (end, k) => [
      k + 1,
      excelSerial(end),
      k < calibrationPeriods ? "calibration" : "holdout",
      tracking.actual[k],
      tracking.predicted[k],
    ]),
  });
  layout.sheet.charts.push(
    chartBeside(trackingTable, {
      type: "Line",
      title: `Cumulative repeat purchases: actual vs ${modelName} (holdout from ${unit} ${calibrationPeriods + 1})`,
      categoryAxisTitle: `${period} (holdout from ${unit} ${calibrationPeriods + 1})`,
      valueAxisTitle: "Cumulative repeat purchases",
      categories: { table: TRACKING_TABLE, column: period },
      series: [
        { name: "Actual", values: { table: TRACKING_TABLE, column: "Actual cumulative repeat purchases" } },
        { name: "Predicted", values: { table: TRACKING_TABLE, column: "Predicted cumulative repeat purchases" } },
      ],
    })
  );
  layout.sheet.columnWidths.push({ column: 0, characters: 40 });
  return layout.sheet;
}

/** Places a table; the next block starts below it or below the chart beside it, whichever is lower. */
function tableWithChart(layout: SheetLayout, table: Omit<TablePlan, "row" | "column">): TablePlan {
  const placed = layout.table(table);
  layout.row = Math.max(layout.row, placed.row + CHART_ROWS + 1);
  return placed;
}

function chartBeside(table: TablePlan, chart: Omit<ChartPlan, "top" | "left" | "bottom" | "right">): ChartPlan {
  return { ...chart, top: table.row, left: CHART_COLUMN, bottom: table.row + CHART_ROWS - 1, right: CHART_COLUMN + CHART_COLUMNS - 1 };
}
