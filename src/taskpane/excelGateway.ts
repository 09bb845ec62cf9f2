import type { ReportPlan } from "../core/report";
import type { ReadProgress, SelectionData, WriteProgress } from "../excel";

export type { ReadProgress, WriteProgress };

/** The transactions as read from the sheet (what the wizard uses of `readSelection`'s answer). */
export type SelectedRange = Pick<SelectionData, "address" | "sheetName" | "firstRow" | "firstColumn" | "values" | "previewText">;

export interface WriteOptions {
  /** Replace the add-in's sheets of an earlier report (see `findReportSheets`); otherwise write a new copy beside them. */
  replaceOwnSheets: boolean;
  /** The analysed data's sheet: never replaced. */
  sourceSheet?: string;
  onProgress?: (progress: WriteProgress) => void;
  /** Aborting stops the write before its next chunk of rows; the write then rejects, saying what it left. */
  signal?: AbortSignal;
}

/**
 * Everything the wizard asks of Excel. `officeGateway` implements it over src/excel; tests pass a
 * fake, so no component touches Office. A refusal of the workbook's (several areas selected, a failed
 * write) rejects with src/excel's `WorkbookError`, which the pane words in its own language.
 */
export interface ExcelGateway {
  /** Reads the selection: a single cell stands for its current region, a cell in a table for the table. */
  readSelection(onProgress?: (progress: ReadProgress) => void): Promise<SelectedRange>;
  /**
   * The add-in's sheets of an earlier report that writing `plan` with `replaceOwnSheets` would replace;
   * empty when the report would be written as a new copy anyway (no earlier report, or a sheet of the
   * user's in the way). Never a sheet the user made.
   */
  findReportSheets(plan: ReportPlan, sourceSheet?: string): Promise<string[]>;
  /** Writes the report; resolves with the names of the sheets created, in order. */
  writeReport(plan: ReportPlan, options: WriteOptions): Promise<string[]>;
  /** Shows a sheet; false when it no longer exists. */
  activateSheet(name: string): Promise<boolean>;
}
