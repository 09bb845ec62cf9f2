/**
 * The messages between the task pane and the analysis worker, and the worker's side of them
 * (`handleRequest`). Pure: it imports only the engine, so the worker bundle holds no React or Office
 * code, and tests call `handleRequest` in-process. Every message is plain data (structured-clone safe).
 */
import { type Analysis, type AnalysisOptions, type AnalysisStage, analyzeTransactions } from "../../core/analyze";
import { ClvError, unexpectedErrorMessage } from "../../core/errors";
import type { PurchaseModelKind } from "../../core/models";
import { type ReportOptions, type ReportPlan, buildReportPlan } from "../../core/report";
import { type SegmentStrategy, segmentCustomers } from "../../core/segments";
import { type PeriodUnit, summarizeCustomers } from "../../core/summary";
import type { ClvInterval } from "../../core/validation";
import {
  type CellValue,
  type ColumnDetection,
  type ParseOptions,
  type ParseReport,
  type TableWarning,
  detectColumns,
  gridFromRows,
  parseTransactions,
} from "../../core/transactions";
import { SEGMENT_CHOICES, type SegmentChoice } from "./segmentChoices";

/** Cells as Excel's `Range.values` gives them. */
export type Cells = CellValue[][];

/** Analysis options without the progress callback, which cannot cross to a worker. */
export type RunOptions = Omit<AnalysisOptions, "onStage">;

export type WorkerRequest =
  /** Detect the columns and parse with `parse` (the wizard's column choices), without analysing. */
  | { kind: "check"; id: number; cells: Cells; parse: ParseOptions }
  /** Run the whole analysis and lay out the report. */
  | { kind: "analyse"; id: number; cells: Cells; options: RunOptions; report: ReportOptions };

/** The stages of a run the worker reports: the engine's, then laying out the report. */
export type WorkerStage = AnalysisStage | "planning";

export type WorkerResponse =
  | { kind: "checked"; id: number; check: ColumnCheck }
  | { kind: "stage"; id: number; stage: WorkerStage }
  | { kind: "analysed"; id: number; plan: ReportPlan; outcome: RunOutcome }
  | { kind: "failed"; id: number; message: string };

/** What the columns step shows: where the columns are and what parsing the rows with them gives. */
export interface ColumnCheck {
  detection: ColumnDetection;
  /** The parse report without its `columns` (that is `detection`); null while a required column is missing. */
  rows: Omit<ParseReport, "columns"> | null;
  /** The segment labels each choice gives on these rows (none when no row is usable; no `column` without a segment column). */
  segmentLabels: Partial<Record<SegmentChoice, string[]>>;
}

/** A model fit as the done step shows it. */
export interface FitSummary {
  /** The papers' parameter letters and their estimates, e.g. { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }. */
  parameters: Record<string, number>;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
}

/** What a run found, besides the report plan. */
export interface RunOutcome {
  usedRows: number;
  rejectedRows: number;
  customers: number;
  segments: string[];
  purchaseModel: FitSummary & { kind: PurchaseModelKind };
  spendModel: FitSummary;
  /** The parse's findings about whole columns (the pane words them in its language). */
  tableWarnings: TableWarning[];
  /** The analysis's warnings, in English. */
  warnings: string[];
  /** The holdout check's headline figures (`analysis.validation`); null when the run checked none. */
  holdout: HoldoutSummary | null;
  /** Each segment's mean predicted CLV and its 95 % interval, in the order of `segments` (`analysis.intervals`); null when not estimated (the warnings say why). */
  intervals: Pick<ClvInterval, "mean" | "low" | "high">[] | null;
}

/** The holdout check as the done step shows it: repeat purchases in the holdout, predicted and actual. */
export interface HoldoutSummary {
  /** The whole periods held out, in `unit`. */
  periods: number;
  unit: PeriodUnit;
  actual: number;
  predicted: number;
  /** (predicted - actual) / actual; null when there was no repeat purchase in the holdout. */
  percentageError: number | null;
}

/**
 * What the done step shows of an analysis: rows, customers, segments, the fits, the warnings, the
 * holdout check's headline figures and the segments' CLV intervals. Plain data.
 * @example runOutcome(analysis).holdout // { periods: 39, unit: "week", actual: 1882, predicted: 1653.4, percentageError: -0.1214 } on CDNOW
 * @example runOutcome(analysis).intervals // [{ mean: 60, low: 54, high: 66 }, ...] (one per segment), or null
 */
export function runOutcome(analysis: Analysis): RunOutcome {
  const fit = ({ logLikelihood, converged, iterations }: FitSummary) => ({ logLikelihood, converged, iterations });
  const { validation } = analysis;
  return {
    usedRows: analysis.report.usedRows,
    rejectedRows: analysis.report.rejectedRows,
    customers: analysis.summary.customerIds.length,
    segments: analysis.segments.rows.map((row) => row.label),
    purchaseModel: { kind: analysis.model.kind, parameters: { ...analysis.model.parameters }, ...fit(analysis.model) },
    spendModel: { parameters: { ...analysis.spendModel.parameters }, ...fit(analysis.spendModel) },
    tableWarnings: analysis.report.warnings,
    warnings: analysis.warnings,
    holdout:
      validation === null
        ? null
        : {
            periods: validation.holdoutPeriods,
            unit: validation.unit,
            actual: validation.errors.actual,
            predicted: validation.errors.predicted,
            percentageError: validation.errors.percentageError,
          },
    intervals: analysis.intervals.rows?.map(({ mean, low, high }) => ({ mean, low, high })) ?? null,
  };
}

/**
 * Answers one request, posting a response for it (and stage responses while analysing). Never
 * throws: an engine error (ClvError) is posted as `failed` with its message, which says what to fix;
 * anything else is a fault, posted as "Unexpected error, please report it: ...".
 *
 * @example handleRequest({ kind: "check", id: 1, cells: [["Customer", "Date", "Amount"], ["c1", "2024-03-05", 12]], parse: {} }, post)
 * // post({ kind: "checked", id: 1, check: { detection: { mapping: { customer: 0, date: 1, amount: 2 }, ... }, rows: { usedRows: 1, ... }, ... } })
 */
export function handleRequest(request: WorkerRequest, post: (response: WorkerResponse) => void): void {
  const { id } = request;
  try {
    if (request.kind === "check") {
      post({ kind: "checked", id, check: checkColumns(request.cells, request.parse) });
      return;
    }
    const analysis = analyzeTransactions(request.cells, { ...request.options, onStage: (stage) => post({ kind: "stage", id, stage }) });
    post({ kind: "stage", id, stage: "planning" });
    const plan = buildReportPlan(analysis, request.report);
    post({ kind: "analysed", id, plan, outcome: runOutcome(analysis) });
  } catch (error) {
    post({ kind: "failed", id, message: engineErrorMessage(error) });
  }
}

/** Detection always; the parse and the segment labels once every required column is known. */
function checkColumns(cells: Cells, parse: ParseOptions): ColumnCheck {
  const detection = detectColumns(gridFromRows(cells), parse);
  if (detection.missing.length > 0) return { detection, rows: null, segmentLabels: {} };
  const { table, report } = parseTransactions(cells, parse);
  const { columns: _columns, ...rows } = report;
  const segmentLabels: ColumnCheck["segmentLabels"] = {};
  if (table.length > 0) {
    // Segments do not depend on the period unit (ranks, calendar months, order values).
    const summary = summarizeCustomers(table, "month");
    for (const [choice, strategy] of Object.entries(SEGMENT_CHOICES) as [SegmentChoice, SegmentStrategy][]) {
      if (strategy.kind === "column" && table.segmentLabels === null) continue;
      segmentLabels[choice] = segmentCustomers(summary, strategy).labels;
    }
  }
  return { detection, rows, segmentLabels };
}

/** An engine error's own message; for anything else, a request to report the fault. */
function engineErrorMessage(error: unknown): string {
  if (error instanceof ClvError) return error.message;
  return unexpectedErrorMessage(error);
}
