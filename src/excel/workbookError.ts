/**
 * Why a workbook task failed, for the task pane to explain:
 * - `unsupported`: this Excel lacks the requirement set (see `EXCEL_API_REQUIREMENT`);
 * - `multipleAreas`: several areas, or a chart or shape, are selected;
 * - `emptySelection`: the selection holds no data;
 * - `writeFailed`: writing the report failed; `remainingSheets` lists half-written sheets that could not be removed.
 */
export type WorkbookErrorKind = "unsupported" | "multipleAreas" | "emptySelection" | "writeFailed";

export class WorkbookError extends Error {
  constructor(
    readonly kind: WorkbookErrorKind,
    message: string,
    /** Sheets of a failed write still in the workbook (empty when the clean-up removed them all). */
    readonly remainingSheets: readonly string[] = [],
    options?: { cause?: unknown }
  ) {
    super(message, options);
    this.name = "WorkbookError";
  }
}
