import { WorkbookError } from "./workbookError";

/**
 * The oldest ExcelApi requirement set the add-in's workbook code needs: 1.7 for
 * `Worksheet.getRangeByIndexes`, `Range.getSurroundingRegion`, `freezePanes.freezeRows`, `NamedItem.formula`,
 * `ChartSeriesCollection.add` and `ChartSeries.setValues`/`setXAxisValues`. Below it: workbook and
 * sheet names (1.4), `suspendApiCalculationUntilNextSync` (1.6). Screen updating is suspended only
 * where 1.9 is supported. (Microsoft, "Excel JavaScript API requirement sets".)
 */
export const EXCEL_API_REQUIREMENT = "1.7";

/**
 * Whether the running Excel supports ExcelApi `version` (false outside Office).
 * @example supportsExcelApi("1.9") // true in Microsoft 365
 */
export function supportsExcelApi(version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}

/**
 * The ExcelApi requirement set this Excel lacks, for the pane to explain at start (en and zh-CN);
 * undefined when it has it.
 * @example missingExcelApi() // undefined in Excel on the web; "1.7" in Excel 2016
 */
export function missingExcelApi(): string | undefined {
  return supportsExcelApi(EXCEL_API_REQUIREMENT) ? undefined : EXCEL_API_REQUIREMENT;
}

/**
 * Checks that this Excel has the requirement set, before any workbook call.
 * @throws WorkbookError `unsupported` when this Excel lacks ExcelApi 1.7 (Excel 2016 without updates)
 * @example requireExcelApi() // returns in Excel on the web; throws in Excel 2016
 */
export function requireExcelApi(): void {
  if (!supportsExcelApi(EXCEL_API_REQUIREMENT)) {
    throw new WorkbookError({ kind: "unsupported", requirement: EXCEL_API_REQUIREMENT });
  }
}
