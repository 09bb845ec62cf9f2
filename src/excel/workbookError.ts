/**
 * Why a workbook task failed, for the task pane to explain:
 * - `unsupported`: this Excel lacks the requirement set `requirement` (see `EXCEL_API_REQUIREMENT`);
 * - `multipleAreas`: several areas, or a chart or shape, are selected;
 * - `emptySelection`: the selection holds no data;
 * - `writeFailed`: writing the report failed for `reason` (Excel's words); `remainingSheets` lists the
 *   half-written sheets that could not be removed, `deletedSheets` the earlier report's sheets it had replaced.
 */
export type WorkbookProblem =
  | { kind: "unsupported"; requirement: string }
  | { kind: "multipleAreas" }
  | { kind: "emptySelection" }
  | { kind: "writeFailed"; reason: string; remainingSheets: readonly string[]; deletedSheets: readonly string[] };

/**
 * The workbook errors' words in one language, under the names the task pane's catalogues give them.
 * Sheet lists come joined by ", ", "" for none.
 */
export interface WorkbookErrorTexts {
  workbookUnsupported: (requirement: string) => string;
  workbookMultipleAreas: string;
  workbookEmptySelection: string;
  /** `aftermath` is `workbookWriteAftermath`'s text. */
  workbookWriteFailed: (reason: string, aftermath: string) => string;
  /** What a failed write left: the sheets it could not remove, the earlier report's sheets already deleted. */
  workbookWriteAftermath: (remaining: string, deleted: string) => string;
}

/** The English words: `WorkbookError.message`, and the pane's English catalogue. */
export const ENGLISH_WORKBOOK_TEXTS: WorkbookErrorTexts = {
  workbookUnsupported: (requirement) =>
    `This Excel does not support ExcelApi ${requirement}: use Excel on the web, Microsoft 365 or Excel 2021 or later`,
  workbookMultipleAreas: "Select one block of cells (or one cell inside the transactions); several areas, a chart or a shape cannot be read",
  workbookEmptySelection: "The selection holds no data: select the transactions (with their header row), or one cell inside them",
  workbookWriteFailed: (reason, aftermath) => `Writing the report failed: ${reason}. ${aftermath}`,
  workbookWriteAftermath: (remaining, deleted) =>
    (remaining === "" ? "No half-written sheet was left." : `These sheets could not be removed: ${remaining}.`) +
    (deleted === "" ? "" : ` The earlier report sheets ${deleted} had already been deleted.`),
};

/** A workbook task's failure: `problem` says what went wrong, `message` says it in English. */
export class WorkbookError extends Error {
  constructor(
    readonly problem: WorkbookProblem,
    options?: { cause?: unknown }
  ) {
    super(workbookErrorText(problem, ENGLISH_WORKBOOK_TEXTS), options);
    this.name = "WorkbookError";
  }
}

/**
 * A workbook problem in the words of `texts` (the pane passes its catalogue).
 * @example workbookErrorText({ kind: "emptySelection" }, ENGLISH_WORKBOOK_TEXTS)
 * // "The selection holds no data: select the transactions (with their header row), or one cell inside them"
 */
export function workbookErrorText(problem: WorkbookProblem, texts: WorkbookErrorTexts): string {
  switch (problem.kind) {
    case "unsupported":
      return texts.workbookUnsupported(problem.requirement);
    case "multipleAreas":
      return texts.workbookMultipleAreas;
    case "emptySelection":
      return texts.workbookEmptySelection;
    case "writeFailed":
      return texts.workbookWriteFailed(problem.reason, writeAftermathText(problem, texts));
  }
}

/**
 * What a failed write left in the workbook, in the words of `texts` (the pane shows it alone when
 * the user stopped the write).
 * @example writeAftermathText({ kind: "writeFailed", reason: "...", remainingSheets: ["CLV Summary"], deletedSheets: [] }, ENGLISH_WORKBOOK_TEXTS)
 * // "These sheets could not be removed: CLV Summary."
 */
export function writeAftermathText(problem: Extract<WorkbookProblem, { kind: "writeFailed" }>, texts: WorkbookErrorTexts): string {
  return texts.workbookWriteAftermath(problem.remainingSheets.join(", "), problem.deletedSheets.join(", "));
}
