import { EXCEL_SERIAL_OF_1970, columnLetter } from "../transactions";

/**
 * A1 address of the cell at 0-based (`row`, `column`); `absolute` adds the `$` signs.
 * @example cellAddress(2, 27) // "AB3"
 * @example cellAddress(2, 1, true) // "$B$3"
 */
export function cellAddress(row: number, column: number, absolute = false): string {
  const dollar = absolute ? "$" : "";
  return `${dollar}${columnLetter(column + 1)}${dollar}${row + 1}`;
}

/**
 * A1 address of a rectangle from 0-based (`row`, `column`); a single cell has no colon.
 * @example rangeAddress(0, 0, 3, 2) // "A1:B3"
 * @example rangeAddress(4, 2, 1, 1) // "C5"
 */
export function rangeAddress(row: number, column: number, rowCount: number, columnCount: number): string {
  const first = cellAddress(row, column);
  return rowCount === 1 && columnCount === 1 ? first : `${first}:${cellAddress(row + rowCount - 1, column + columnCount - 1)}`;
}

/**
 * Excel date serial (1900 date system) of a day number (days since 1970-01-01): day + 25569.
 * @example excelSerial(19723) // 45292, i.e. 2024-01-01
 */
export function excelSerial(day: number): number {
  return day + EXCEL_SERIAL_OF_1970;
}
