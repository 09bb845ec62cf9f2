import type { Analysis } from "../core/analyze";
import type { SegmentRow } from "../core/segments";
import type { HoldoutValidation } from "../core/validation";
import { MODEL_NAMES } from "../core/models/modelNames";
import { isoDate } from "../core/transactions";

const SHOWN_ERRORS = 20;

/** A right-aligned text table; the first column left-aligned. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const fixed = (value: number | null, digits = 2) => (value === null || !Number.isFinite(value) ? "-" : value.toFixed(digits));
const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

/** The analysis as the text the command line prints: segments, models, the holdout check, row problems. */
export function formatAnalysis(analysis: Analysis): string {
  const { report, summary, segments, segmentation, model, spendModel, settings, warnings, intervals } = analysis;
  const unit = settings.unit;
  const segmentLine = (s: SegmentRow, index: number) => {
    const interval = index < segments.rows.length ? (intervals.rows?.[index] ?? null) : intervals.total;
    return [
      s.label, String(s.customers), percent(s.customerShare), String(s.orders), fixed(s.revenue), percent(s.revenueShare),
      fixed(s.aov), fixed(s.apf, 3), fixed(s.churn, 4), fixed(s.acl, 1), fixed(s.basicClv), fixed(s.npvClv),
      fixed(s.meanPredictedClv), fixed(interval?.low ?? null), fixed(interval?.high ?? null), fixed(s.meanProbabilityAlive, 3),
    ];
  };
  const parts = [
    `Rows: ${report.usedRows} used, ${report.rejectedRows} rejected, ${report.blankRows} blank, ${report.afterEndRows} after the window; ` +
      `${summary.customerIds.length} customers; window ends ${isoDate(summary.observationEnd)}; times in ${unit}s`,
    "",
    `Segments: ${segmentation.rule}`,
    table(
      ["segment", "customers", "share", "orders", "revenue", "share", "AOV", `APF/${unit}`, `churn/${unit}`, `ACL ${unit}s`, "basic CLV", "NPV CLV", "pred. CLV", "low 95%", "high 95%", "P(alive)"],
      [...segments.rows, segments.total].map(segmentLine)
    ),
    `Churn: ${segments.churnRule}`,
    `NPV CLV: margin ${settings.margin}, discount ${settings.discountRate} per ${unit}` +
      `; predicted CLV: ${MODEL_NAMES[model.kind]} + ${MODEL_NAMES.gammaGamma} over ${settings.horizonPeriods} ${unit}s` +
      "; low / high: 95% interval of the mean (delta method: parameter + sampling error, on the log scale)",
    "",
    `Purchase model ${MODEL_NAMES[model.kind]}: ${Object.entries(model.parameters).map(([k, v]) => `${k} = ${v.toPrecision(4)}`).join(", ")}; ` +
      `log-likelihood ${model.logLikelihood.toFixed(1)}; ${model.converged ? "converged" : "NOT converged"} in ${model.iterations} iterations`,
    `Spend model ${MODEL_NAMES.gammaGamma}: ${Object.entries(spendModel.parameters).map(([k, v]) => `${k} = ${v.toPrecision(4)}`).join(", ")}; ` +
      `log-likelihood ${spendModel.logLikelihood.toFixed(1)}; ${spendModel.converged ? "converged" : "NOT converged"}`,
  ];
  if (analysis.validation !== null) parts.push("", ...formatValidation(analysis.validation));
  for (const warning of [...report.warnings.map((w) => w.message), ...warnings]) parts.push(`Warning: ${warning}`);
  if (report.errors.length > 0) {
    parts.push("", `Rejected rows (${report.rejectedRows}):`);
    for (const e of report.errors.slice(0, SHOWN_ERRORS)) parts.push(`  row ${e.row}, ${e.column}: ${e.reason}`);
    if (report.rejectedRows > SHOWN_ERRORS) parts.push(`  ... and ${report.rejectedRows - SHOWN_ERRORS} more (--json lists up to 1000)`);
  }
  return parts.join("\n");
}

/** The holdout check: what was held out, the error figures, holdout purchases by calibration frequency, the tracking ends. */
function formatValidation(validation: HoldoutValidation): string[] {
  const { unit, errors, tracking } = validation;
  const last = tracking.periodEnds.length - 1;
  const calibration = tracking.calibrationPeriods - 1;
  const error = errors.percentageError === null ? "" : ` (${errors.percentageError > 0 ? "+" : ""}${percent(errors.percentageError)})`;
  return [
    `Holdout check: ${MODEL_NAMES[validation.model.kind]} fitted to ${isoDate(validation.calibrationEnd)}, ` +
      `the last ${validation.holdoutPeriods} ${unit}s held out (to ${isoDate(validation.holdoutEnd)}); ${validation.customers} customers ` +
      `(${validation.newInHoldout} first seen in the holdout left out)`,
    `Repeat purchases in the holdout: actual ${errors.actual}, predicted ${fixed(errors.predicted, 1)}${error}; ` +
      `mean absolute error per customer ${fixed(errors.meanAbsoluteError, 3)}`,
    `Cumulative repeat purchases: end of calibration actual ${tracking.actual[calibration]}, predicted ${fixed(tracking.predicted[calibration], 1)}; ` +
      `end of holdout actual ${tracking.actual[last]}, predicted ${fixed(tracking.predicted[last], 1)}`,
    table(
      ["repeat purchases in calibration", "customers", "actual holdout mean", "predicted holdout mean"],
      validation.byFrequency.map((bin) => [bin.label, String(bin.customers), fixed(bin.actualMean, 3), fixed(bin.predictedMean, 3)])
    ),
  ];
}
