export * from "./reportPlan";
export { type ReportOptions, DEFAULT_MAX_SEGMENT_SHEETS, DEFAULT_TOP_CUSTOMERS, SHEET_NAMES, buildReportPlan } from "./buildReportPlan";
export { type SheetRange, resolveRange } from "./resolveRange";
export { renameIdentifiers, reportInstance } from "./reportInstance";
export { EXCEL_SERIAL_OF_1970, cellAddress, excelSerial, rangeAddress } from "./excelAddress";
export { MAX_SHEET_NAME, quoteSheetName, uniqueSheetName } from "./excelNames";
export { ASSUMPTION_NAMES, SEGMENTS_TABLE } from "./segmentTable";
export { CUSTOMERS_TABLE, MAX_TABLE_ROWS } from "./customersSheet";
export { COHORTS_TABLE, MAX_CHART_COHORTS } from "./cohortsSheet";
