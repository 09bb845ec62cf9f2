export { type CellGrid, type CellValue, gridFromRows, isBlankCell, isBlankRow, describeCell } from "./cellGrid";
export { dayFromDate, EXCEL_SERIAL_OF_1970, isCalendarDate, isoDate, monthIndex, MS_PER_DAY } from "./days";
export { type DateIssue, type DateOrder, type DateOrderSetting, type DateSystem, readDay, dateOrderEvidence } from "./readDay";
export { type AmountIssue, type DecimalSeparator, type DecimalSetting, readAmount, decimalEvidence } from "./readAmount";
export {
  type ColumnDetection,
  type ColumnMapping,
  type ColumnOverrides,
  type ColumnRole,
  type DetectOptions,
  type MappingSource,
  REQUIRED_ROLES,
  columnLetter,
  detectColumns,
} from "./detectColumns";
export {
  type ColumnFinding,
  type ColumnNote,
  type ColumnNoteTexts,
  ENGLISH_COLUMN_NOTE_TEXTS,
  columnNoteText,
} from "./columnNote";
export {
  type ParseOptions,
  type ParseReport,
  type ParsedTransactions,
  type TransactionTable,
  parseTransactions,
} from "./parseTransactions";
export {
  type ConventionProof,
  type TableFinding,
  type TableWarning,
  type TableWarningTexts,
  ENGLISH_TABLE_WARNING_TEXTS,
  tableWarningText,
} from "./tableWarning";
export {
  type RowError,
  type RowErrorTexts,
  type RowProblem,
  ENGLISH_ROW_ERROR_TEXTS,
  rowErrorText,
} from "./rowError";
