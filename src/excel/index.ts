// The only code that talks to Office.js: what the task pane calls. The in-memory fake is in ./fake.
export { EXCEL_API_REQUIREMENT, missingExcelApi, supportsExcelApi } from "./requirements";
export {
  type WorkbookErrorTexts,
  type WorkbookProblem,
  ENGLISH_WORKBOOK_TEXTS,
  WorkbookError,
  workbookErrorText,
  writeAftermathText,
} from "./workbookError";
export { type ReadProgress, type SelectionData, READ_CELLS_PER_SYNC, READ_ROWS_PER_SYNC, readSelection } from "./readSelection";
export { type ExistingSheet, OWNER_MARK, OWNER_NAME, activateSheet, findReportSheets } from "./reportSheets";
export { type WriteOptions, type WriteProgress, type WriteResult, WRITE_ROWS_PER_SYNC, writeReport } from "./writeReport";
