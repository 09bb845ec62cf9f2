import type { RunState } from "./wizardState";

/** The stages of a run in the order they happen: the worker's, then looking for an earlier report, then writing. */
const RUN_STAGES: readonly RunState["stage"][] = [
  "parsing",
  "summarising",
  "segmenting",
  "fittingPurchases",
  "fittingSpend",
  "predicting",
  "estimatingIntervals",
  "tabulating",
  "validating",
  "planning",
  "checking",
  "writing",
];

/**
 * How far a run has got, from 0 to 1, for the progress bar: each stage counts alike (stage i of n
 * starts at i / n), and writing advances sheet by sheet and, within a sheet, by table rows written.
 * A guide to the eye, not a time estimate: fitting usually takes longest.
 *
 * @example runProgress({ stage: "writing", write: { sheet: "CLV Cohorts", sheetsWritten: 2, sheetCount: 4, rowsWritten: 50, rowCount: 100 },
 *   existingSheets: null, cancelling: false })
 * // 0.96875 ((11 + (2 + 50 / 100) / 4) / 12)
 */
export function runProgress(run: RunState): number {
  const index = RUN_STAGES.indexOf(run.stage);
  const write = run.stage === "writing" ? run.write : null;
  const within = write === null ? 0 : (write.sheetsWritten + (write.rowCount > 0 ? write.rowsWritten / write.rowCount : 0)) / write.sheetCount;
  return (index + within) / RUN_STAGES.length;
}
