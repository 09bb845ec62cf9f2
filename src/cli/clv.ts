/**
 * `clv analyze <transactions.csv> [options]`: the engine from a terminal. Prints the segment table, the
 * fitted models and the row errors, or with --json one JSON document. Exit code 1 with a message on
 * unusable input, 2 on a usage error.
 */
import { parseArgs } from "util";
import { type Analysis, type AnalysisOptions, analyzeTransactions } from "../core/analyze";
import { parseCsv } from "../core/csv";
import { ClvError } from "../core/errors";
import type { PurchaseModelKind } from "../core/models/purchaseModel";
import { SEGMENT_KINDS, type SegmentStrategy } from "../core/segments";
import type { PeriodUnit } from "../core/summary";
import { type CellGrid, type ColumnOverrides, type DateOrder, type DecimalSeparator, columnLetter, isoDate } from "../core/transactions";
import { formatAnalysis } from "./formatAnalysis";
import { readCsvFile } from "./readCsvFile";

const USAGE = `Usage: clv analyze <transactions.csv> [options]

Columns (header text, column letter or 1-based number; detected from the header when left out):
  --customer COL  --date COL  --amount COL  --order COL  --segment COL  --cost COL
Analysis:
  --segment-by column|rfm|value|cohort|cohort-quarter|fourway   (default rfm; column needs --segment
               or a detected segment column; column:NAME picks the column too)
  --period day|week|month      unit of rates, horizon and model times (default month)
  --model bgnbd|pareto         purchase model (default bgnbd)
  --discount RATE              discount rate per period, 0 or more (default 0.01)
  --margin FRACTION            gross margin, above 0 and at most 1 (default 1: CLV in revenue)
  --horizon PERIODS            periods ahead for predictions (default 36 months' worth)
  --inactivity PERIODS         periods without purchase after which a customer has lapsed (default 90 days' worth)
  --end DATE                   end of the observation window (default: the latest transaction)
  --date-order day-first|month-first   how to read dates such as 03/05/2024 (default: the order the
                               column's unambiguous dates prove; without proof they are rejected)
  --decimal point|comma        decimal separator of amount text such as 1,234 (default: the one the
                               amount and cost columns prove, else point)
  --holdout PERIODS            check the purchase model: fit it without the last PERIODS periods and
                               compare its forecast with them (error figures, by frequency, tracking)
  --no-header                  the first line is data
  --encoding NAME              the file's encoding when it is not UTF-8, e.g. gb18030 (CSV that Excel saves
                               in Chinese) or windows-1252 (in Western European languages); files that
                               start with UTF-16's byte-order mark (Excel's Unicode Text) are read as such
  --json                       print one JSON document instead of tables`;

class UsageError extends Error {}

/** The choices of --date-order and --decimal, and the engine's names for them. */
const DATE_ORDERS: Record<string, DateOrder> = { "day-first": "dayFirst", "month-first": "monthFirst" };
const DECIMAL_SEPARATORS: Record<string, DecimalSeparator> = { point: ".", comma: "," };

export function main(argv: string[]): number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        customer: { type: "string" }, date: { type: "string" }, amount: { type: "string" },
        order: { type: "string" }, segment: { type: "string" }, cost: { type: "string" },
        "segment-by": { type: "string" }, period: { type: "string" }, model: { type: "string" },
        discount: { type: "string" }, margin: { type: "string" }, horizon: { type: "string" },
        inactivity: { type: "string" }, end: { type: "string" }, holdout: { type: "string" }, "no-header": { type: "boolean" },
        "date-order": { type: "string" }, decimal: { type: "string" }, encoding: { type: "string" },
        json: { type: "boolean" }, help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const [command, file, ...rest] = positionals;
    if (command !== "analyze" || !file || rest.length > 0) throw new UsageError("expected: clv analyze <transactions.csv>");
    const encoding = values.encoding;
    if (encoding !== undefined && !isEncoding(encoding)) throw new UsageError(`--encoding must be an encoding such as gb18030 or windows-1252; got ${encoding}`);
    const grid = parseCsv(readCsvFile(file, encoding));
    const [segmentBy, segmentColumn] = segmentStrategy(values["segment-by"]);
    const columnNames = { customer: values.customer, date: values.date, amount: values.amount, order: values.order, segment: values.segment ?? segmentColumn, cost: values.cost };
    const options: AnalysisOptions = {
      hasHeader: values["no-header"] ? false : undefined,
      columns: columnOverrides(grid, columnNames, !values["no-header"]),
      unit: oneOf(values.period, ["day", "week", "month"] as const, "--period") as PeriodUnit | undefined,
      model: oneOf(values.model, ["bgnbd", "pareto"] as const, "--model") as PurchaseModelKind | undefined,
      segmentBy,
      discountRate: number(values.discount, "--discount"),
      margin: number(values.margin, "--margin"),
      horizonPeriods: number(values.horizon, "--horizon"),
      inactivityPeriods: number(values.inactivity, "--inactivity"),
      observationEnd: values.end,
      dateOrder: choice(values["date-order"], DATE_ORDERS, "--date-order"),
      decimalSeparator: choice(values.decimal, DECIMAL_SEPARATORS, "--decimal"),
      ...(values.holdout === undefined ? {} : { holdout: { periods: wholePeriods(values.holdout, "--holdout") } }),
    };
    const analysis = analyzeTransactions(grid, options);
    if (values.json) printJson(analysis);
    else console.log(formatAnalysis(analysis));
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`clv: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ClvError) {
      const hint = /which column holds/.test(error.message) ? " (--customer, --date, --amount COL)" : "";
      console.error(`clv: ${error.message}${hint}`);
      return 1;
    }
    throw error;
  }
}

/** Whether the runtime's TextDecoder knows the encoding label. */
function isEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function segmentStrategy(value: string | undefined): [SegmentStrategy | undefined, string | undefined] {
  if (value === undefined) return [undefined, undefined];
  if (value.startsWith("column:")) return [{ kind: "column" }, value.slice("column:".length)];
  if (value === "cohort" || value === "cohort-month") return [{ kind: "cohort", by: "month" }, undefined];
  if (value === "cohort-quarter") return [{ kind: "cohort", by: "quarter" }, undefined];
  const kind = oneOf(value, SEGMENT_KINDS, "--segment-by") as Exclude<SegmentStrategy["kind"], "cohort">;
  return [{ kind }, undefined];
}

/** A column given as header text, letter or 1-based number, as a 0-based index. */
function columnOverrides(grid: CellGrid, names: Record<string, string | undefined>, header: boolean): ColumnOverrides {
  const width = grid.rowCount > 0 ? grid.width(0) : 0;
  const headers = header ? Array.from({ length: width }, (_, c) => String(grid.cell(0, c) ?? "").trim().toLowerCase()) : [];
  const overrides: Record<string, number> = {};
  for (const [role, name] of Object.entries(names)) {
    if (name === undefined) continue;
    const byHeader = headers.indexOf(name.trim().toLowerCase());
    let column = -1;
    if (byHeader >= 0) column = byHeader;
    else if (/^\d+$/.test(name) && Number(name) >= 1) column = Number(name) - 1;
    else if (/^[A-Za-z]{1,3}$/.test(name)) column = [...name.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    if (column < 0 || column >= width) {
      const columns = width === 0 ? "none" : `A (1) to ${columnLetter(width)} (${width})`;
      throw new UsageError(`--${role} ${name}: no such column (headers: ${headers.join(", ") || "none"}; columns ${columns})`);
    }
    overrides[role] = column;
  }
  return overrides;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new UsageError(`${flag} must be one of ${allowed.join(", ")}; got ${value}`);
  return value as T;
}

/** What `map` gives the flag's value (one of its keys); undefined when the flag is left out. */
function choice<T>(value: string | undefined, map: Record<string, T>, flag: string): T | undefined {
  const key = oneOf(value, Object.keys(map), flag);
  return key === undefined ? undefined : map[key];
}

function number(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed)) throw new UsageError(`${flag} must be a number; got ${value}`);
  return parsed;
}

function wholePeriods(value: string, flag: string): number {
  const parsed = number(value, flag) as number;
  if (!(Number.isInteger(parsed) && parsed >= 1)) throw new UsageError(`${flag} must be a whole number of periods, 1 or more; got ${value}`);
  return parsed;
}

const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** Customers printed per `console.log` call by {@link printJson}. */
const CUSTOMERS_PER_PRINT = 1000;

/**
 * Prints the --json document: rows, rejected, warnings, settings, rules, segments, intervals, validation
 * (null without --holdout), model, spendModel, then customers, one compact object per line, made and
 * printed a thousand at a time. For a million rows, making the whole document and then its 150 MB string
 * took about 4 s and 600 MB.
 */
function printJson(analysis: Analysis): void {
  const head = JSON.stringify(jsonDocument(analysis), null, 1);
  const customers = analysis.summary.customerIds.length;
  // The document without its closing brace, then the customers' array.
  console.log(`${head.slice(0, -2)},\n "customers": [`);
  for (let from = 0; from < customers; from += CUSTOMERS_PER_PRINT) {
    const to = Math.min(customers, from + CUSTOMERS_PER_PRINT);
    const lines = Array.from({ length: to - from }, (_, k) => `  ${JSON.stringify(customerJson(analysis, from + k))}`);
    console.log(lines.join(",\n") + (to < customers ? "," : ""));
  }
  console.log(" ]\n}");
}

/** The --json document but its customers. */
function jsonDocument(analysis: Analysis) {
  const { report, summary, segmentation, segments, model, spendModel, settings, intervals, validation } = analysis;
  return {
    rows: { data: report.dataRows, used: report.usedRows, rejected: report.rejectedRows, blank: report.blankRows, afterEnd: report.afterEndRows },
    rejected: report.errors,
    warnings: [...report.warnings.map((warning) => warning.message), ...analysis.warnings],
    settings: { ...settings, observationEnd: isoDate(summary.observationEnd) },
    segmentRule: segmentation.rule,
    churnRule: segments.churnRule,
    segments: [...segments.rows, segments.total],
    intervals: {
      level: 0.95,
      segments: intervals.rows === null ? null : intervals.rows.map((interval, s) => ({ segment: segments.rows[s].label, ...interval })),
      total: intervals.total,
      notes: intervals.notes,
    },
    validation: validation && {
      model: { name: validation.model.kind, parameters: validation.model.parameters, logLikelihood: validation.model.logLikelihood, converged: validation.model.converged },
      calibrationEnd: isoDate(validation.calibrationEnd),
      holdoutEnd: isoDate(validation.holdoutEnd),
      holdoutPeriods: validation.holdoutPeriods,
      customers: validation.customers,
      newInHoldout: validation.newInHoldout,
      errors: validation.errors,
      byFrequency: validation.byFrequency,
      tracking: Array.from(validation.tracking.periodEnds, (end, k) => ({
        period: k + 1,
        end: isoDate(end),
        window: k < validation.tracking.calibrationPeriods ? "calibration" : "holdout",
        actual: validation.tracking.actual[k],
        predicted: validation.tracking.predicted[k],
      })),
      warnings: validation.warnings,
    },
    model: { name: model.kind, parameters: model.parameters, logLikelihood: model.logLikelihood, converged: model.converged, iterations: model.iterations, warnings: model.warnings },
    spendModel: { name: "gamma-gamma", parameters: spendModel.parameters, logLikelihood: spendModel.logLikelihood, converged: spendModel.converged, warnings: spendModel.warnings },
  };
}

/** Customer `i` of the --json document: id, segment, summary fields, RFM and the model's predictions. */
function customerJson({ summary, segmentation, rfm, predictions }: Analysis, i: number) {
  return {
    id: summary.customerIds[i],
    segment: segmentation.labels[segmentation.segment[i]],
    first_purchase: isoDate(summary.firstDay[i]),
    last_purchase: isoDate(summary.lastDay[i]),
    orders: summary.orders[i],
    revenue: summary.revenue[i],
    aov: summary.aov[i],
    frequency: summary.frequency[i],
    recency: summary.recency[i],
    T: summary.T[i],
    monetary_value: summary.monetaryValue[i],
    rfm: `${rfm.recency[i]}${rfm.frequency[i]}${rfm.monetary[i]}`,
    p_alive: finite(predictions.probabilityAlive[i]),
    expected_purchases: finite(predictions.expectedPurchases[i]),
    expected_spend: finite(predictions.expectedSpend[i]),
    predicted_clv: finite(predictions.predictedClv[i]),
  };
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
