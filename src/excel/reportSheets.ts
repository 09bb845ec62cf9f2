import type { ReportPlan } from "../core/report";
import { requireExcelApi } from "./requirements";

/**
 * The add-in marks each sheet it creates with a hidden sheet-scoped name `CLV_Owner` holding this
 * text (worksheet names: ExcelApi 1.4, older than the 1.12 worksheet custom properties). Only a sheet
 * with the mark is ever deleted or replaced, and only when the user agreed.
 */
export const OWNER_NAME = "CLV_Owner";
export const OWNER_MARK = "CLV Toolkit report";

/**
 * Marks a sheet as the add-in's (queued: takes effect at the next sync).
 * @example markOwnSheet(context.workbook.worksheets.add("CLV Summary"))
 */
export function markOwnSheet(sheet: Excel.Worksheet): void {
  const mark = sheet.names.add(OWNER_NAME, `="${OWNER_MARK}"`, "Made by the CLV Toolkit add-in, which may replace this sheet when asked to");
  mark.visible = false;
}

/**
 * Queues the load of a sheet's mark; after a sync, `isOwnMark` reads it.
 * @example const mark = loadOwnerMark(sheet); await context.sync(); isOwnMark(mark) // true for the add-in's sheets
 */
export function loadOwnerMark(sheet: Excel.Worksheet): Excel.NamedItem {
  return sheet.names.getItemOrNullObject(OWNER_NAME).load("formula");
}

/**
 * Whether a loaded mark is the add-in's (false for a sheet without one).
 * @example isOwnMark(loadOwnerMark(userSheet)) // false, after a sync
 */
export function isOwnMark(mark: Excel.NamedItem): boolean {
  return !mark.isNullObject && String(mark.formula).includes(OWNER_MARK);
}

/** A sheet of the plan that already exists in the workbook. */
export interface ExistingSheet {
  name: string;
  /** Made by the add-in (so `writeReport` may replace it when told to); false: the user's, never touched. */
  ownedByAddin: boolean;
}

/**
 * The plan's sheets that already exist in the workbook (names compared ignoring case, as Excel
 * does), so the task pane can ask before `writeReport` replaces them: with `replaceOwnSheets` the
 * add-in's are replaced; otherwise, or when one is the user's, the report gets new names ("CLV Summary (2)").
 * @throws WorkbookError `unsupported` below ExcelApi 1.7
 * @example await findReportSheets(plan) // [{ name: "CLV Summary", ownedByAddin: true }]
 */
export async function findReportSheets(plan: ReportPlan): Promise<ExistingSheet[]> {
  requireExcelApi();
  return Excel.run(async (context) => {
    const sheets = plan.sheets.map((s) => context.workbook.worksheets.getItemOrNullObject(s.name).load("name"));
    await context.sync();
    const existing = sheets.filter((sheet) => !sheet.isNullObject);
    const marks = existing.map(loadOwnerMark);
    if (existing.length > 0) await context.sync();
    return existing.map((sheet, i) => ({ name: sheet.name, ownedByAddin: isOwnMark(marks[i]) }));
  });
}

/**
 * Shows the sheet named `name`; false when there is none.
 * @example await activateSheet("CLV Summary") // true
 */
export async function activateSheet(name: string): Promise<boolean> {
  requireExcelApi();
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (sheet.isNullObject) return false;
    sheet.activate();
    await context.sync();
    return true;
  });
}
