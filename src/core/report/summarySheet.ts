import type { Analysis } from "../analyze";
import { type FitReport, MODEL_NAMES } from "../models";
import { isoDate } from "../transactions";
import { type ChartPlan, type NamedCellPlan, NUMBER_FORMATS, type SheetPlan } from "./reportPlan";
import { ASSUMPTION_NAMES, finiteOrNull, segmentHeaders, segmentsTable } from "./segmentTable";
import { type LabelledCell, SheetLayout } from "./sheetLayout";

/** What the summary needs besides the analysis (checked by `buildReportPlan`). */
export interface SummaryInputs {
  name: string;
  /** One CAC for every segment, or one per segment in the order of the segment table. */
  cac: number | readonly number[];
  targetRatio: number;
  money: string;
  source?: string;
  /** Segments that get no sheet of their own. */
  segmentsWithoutSheet: readonly string[];
  maxSegmentSheets: number;
}

/** Width of each chart in columns and height in rows. */
const CHART_COLUMNS = 8;
const CHART_ROWS = 18;
/** Row errors listed on the summary (the parse report keeps more). */
const SHOWN_ROW_ERRORS = 10;

/** How the segment table's interval columns are made (see `segmentClvIntervals`). */
export const INTERVAL_NOTE =
  "Predicted CLV low / high: a 95% interval for the segment's mean predicted CLV, by the delta method: from mean / f to mean x f, " +
  "f = exp(1.96 x standard error / mean), standard error = parameter error (from the fitted models' covariance, the inverse " +
  "observed information) + sampling error (standard deviation of the segment's predicted CLVs / square root of its customers). " +
  "Adding the two errors, rather than their squares, errs on the wide side. Blank: no interval (see the warnings).";

/**
 * The `CLV Summary` sheet: what was analysed, the assumptions as named cells, the segment table with
 * its "All customers" totals row, the churn and segment rules, the model fits, the warnings, and
 * three charts over the segment table (CLV, shares, LTV vs CAC by segment).
 * @example summarySheet(analysis, inputs).names.map((n) => n.name) // ["CLV_DiscountRate", "CLV_Margin", "CLV_Horizon", "CLV_TargetRatio", "CLV_CAC"]
 */
export function summarySheet(analysis: Analysis, inputs: SummaryInputs): { sheet: SheetPlan; names: NamedCellPlan[] } {
  const { settings, report, summary, segments, segmentation, model, spendModel, table } = analysis;
  const { unit, horizonPeriods } = settings;
  const { money } = inputs;
  const layout = new SheetLayout(inputs.name, "summary");
  const modelName = MODEL_NAMES[model.kind];

  layout.text("Customer lifetime value by segment", "title");
  const source = inputs.source === undefined ? "" : `Data: ${inputs.source}; `;
  layout.text(
    `${source}${summary.customerIds.length} customers; ${report.usedRows} of ${report.dataRows} rows used ` +
      `(${report.rejectedRows} rejected, ${report.blankRows} blank, ${report.afterEndRows} after the window); ` +
      `purchases from ${isoDate(table.firstDay)} to the end of the window, ${isoDate(summary.observationEnd)}`,
    undefined,
    1
  );

  layout.text("Assumptions: edit the values in column B and the segment table recalculates", "heading");
  const uniformCac = typeof inputs.cac === "number";
  const assumptions: LabelledCell[] = [
    ["Period", unit, NUMBER_FORMATS.text, `rates, frequencies, lifespans and horizons are per ${unit}`],
    [`Discount rate per ${unit}`, settings.discountRate, NUMBER_FORMATS.rate, "named cell, used by NPV CLV and Payback"],
    ["Gross margin", settings.margin, NUMBER_FORMATS.share, "named cell: share of revenue kept as profit"],
    [`Horizon (${unit}s)`, horizonPeriods, NUMBER_FORMATS.count, `named cell: ${unit}s of margin counted in NPV CLV`],
    ["Target LTV:CAC", inputs.targetRatio, NUMBER_FORMATS.ratio, "named cell, used by Max CAC"],
    uniformCac
      ? ["CAC per customer", inputs.cac as number, money, "named cell: acquisition cost of one customer, every segment"]
      : ["CAC per customer", "per segment: the CAC column of the segment table", NUMBER_FORMATS.text],
    [`Lapsed after (${unit}s without a purchase)`, settings.inactivityPeriods, NUMBER_FORMATS.decimal, "set by the analysis: run the wizard again to change it"],
    ["Predicted CLV", `${modelName} + ${MODEL_NAMES.gammaGamma}`, NUMBER_FORMATS.text, `values from the models, with the margin, discount rate and horizon of this run`],
  ];
  const block = layout.labelled(assumptions);
  const named = (row: number, name: string, comment: string): NamedCellPlan => ({ name, sheet: inputs.name, row: block.row + row, column: 1, comment });
  const names = [
    named(1, ASSUMPTION_NAMES.discountRate, `Discount rate per ${unit} (0.01 = 1%)`),
    named(2, ASSUMPTION_NAMES.margin, "Gross margin, a fraction of revenue (0.3 = 30%)"),
    named(3, ASSUMPTION_NAMES.horizon, `Horizon of the NPV CLV in ${unit}s (whole number)`),
    named(4, ASSUMPTION_NAMES.targetRatio, "Target LTV:CAC ratio (3 is common)"),
  ];
  if (uniformCac) names.push(named(5, ASSUMPTION_NAMES.cac, "Acquisition cost of one customer (currency of the data)"));

  layout.text("Segments", "heading");
  const segmentTable = layout.table(segmentsTable(analysis, uniformCac ? null : (inputs.cac as readonly number[]), money));

  layout.lines([
    `Churn: ${segments.churnRule}`,
    `Segments: ${segmentation.rule}`,
    `From the data: customers, shares, orders, revenue, customer ${unit}s at risk, lapsed customers and the model means. ` +
      "The other columns are formulas over them and the assumptions.",
    `NPV CLV: margin per ${unit} (AOV x APF x gross margin) earned while a customer stays (retention = 1 - churn), ` +
      "discounted, over the horizon. LTV:CAC, Payback and Max CAC use it.",
    `Blank: no customer time at risk (APF onwards), or no customer lapsed yet (ACL, basic CLV). ` +
      "#NUM! in Payback: the margin never recovers the CAC.",
    `Predicted CLV and P(alive): ${modelName} purchases x ${MODEL_NAMES.gammaGamma} spend per customer, margin ${percent(settings.margin)}, ` +
      `discounted at ${percent(settings.discountRate)} per ${unit} over ${horizonPeriods} ${unit}s.`,
    INTERVAL_NOTE,
  ]);

  layout.text("Models", "heading");
  layout.labelled([
    ...fitRows(`Purchase model`, modelName, model.parameters, model),
    ...fitRows("Spend model", MODEL_NAMES.gammaGamma, spendModel.parameters, spendModel),
  ]);

  const warnings = [...report.warnings.map((warning) => warning.message), ...analysis.warnings];
  if (report.rejectedRows > 0) {
    warnings.push(`${report.rejectedRows} rows were rejected, for example:`);
    warnings.push(...report.errors.slice(0, SHOWN_ROW_ERRORS).map((e) => `  row ${e.row}, ${e.column}: ${e.reason}`));
  }
  if (inputs.segmentsWithoutSheet.length > 0) {
    warnings.push(
      `${inputs.segmentsWithoutSheet.length} segments have no sheet of their own (at most ${inputs.maxSegmentSheets}): ` +
        inputs.segmentsWithoutSheet.join(", ")
    );
  }
  if (warnings.length > 0) {
    layout.text("Warnings", "heading");
    layout.lines(warnings);
  }

  const headers = segmentHeaders(unit);
  const column = (key: keyof typeof headers) => ({ table: segmentTable.name, column: headers[key] });
  const top = layout.row;
  const chart = (index: number, plan: Omit<ChartPlan, "top" | "left" | "bottom" | "right" | "categories">): ChartPlan => ({
    ...plan,
    categories: column("segment"),
    top,
    left: index * CHART_COLUMNS,
    bottom: top + CHART_ROWS - 1,
    right: (index + 1) * CHART_COLUMNS - 1,
  });
  const hasPredictions = segments.rows.some((row) => finiteOrNull(row.meanPredictedClv) !== null);
  layout.sheet.charts.push(
    chart(0, {
      type: "ColumnClustered",
      title: "CLV per customer by segment",
      categoryAxisTitle: "Segment",
      valueAxisTitle: `CLV per customer (currency of the data, ${horizonPeriods} ${unit}s)`,
      series: [
        { name: "NPV CLV", values: column("npvClv") },
        ...(hasPredictions ? [{ name: "Mean predicted CLV", values: column("meanPredictedClv") }] : []),
      ],
    }),
    chart(1, {
      type: "ColumnClustered",
      title: "Share of customers and of revenue by segment",
      categoryAxisTitle: "Segment",
      valueAxisTitle: "Share of the total (%)",
      series: [
        { name: "Share of customers", values: column("customerShare") },
        { name: "Share of revenue", values: column("revenueShare") },
      ],
    }),
    chart(2, {
      type: "ColumnClustered",
      title: "LTV vs CAC by segment",
      categoryAxisTitle: "Segment",
      valueAxisTitle: "Per customer (currency of the data)",
      series: [
        { name: "LTV (NPV CLV)", values: column("npvClv") },
        { name: "CAC", values: column("cac") },
      ],
    })
  );
  layout.sheet.columnWidths.push({ column: 0, characters: 36 });
  return { sheet: layout.sheet, names };
}

/**
 * Label-value rows of a model fit: its name, parameters, log-likelihood, convergence and iterations.
 * @example fitRows("Spend model", "Gamma-Gamma", { p: 6.25 }, fit)[1] // ["  p", 6.25, "0.0000"]
 */
export function fitRows(title: string, name: string, parameters: object, fit: FitReport): LabelledCell[] {
  return [
    [title, name, NUMBER_FORMATS.text],
    ...Object.entries(parameters as Record<string, number>).map(([key, value]): LabelledCell => [`  ${key}`, finiteOrNull(value), NUMBER_FORMATS.parameter]),
    ["  Log-likelihood", finiteOrNull(fit.logLikelihood), NUMBER_FORMATS.money],
    ["  Converged", fit.converged ? "yes" : "no", NUMBER_FORMATS.text],
    ["  Iterations", fit.iterations, NUMBER_FORMATS.count],
  ];
}

/** A fraction as a percentage to three significant digits, e.g. 0.007974 as "0.797%" (a monthly rate from 10 % a year). */
function percent(fraction: number): string {
  return `${Number((100 * fraction).toPrecision(3))}%`;
}
