import { quoteSheetName, rangeAddress } from "../../core/report";

/** A rectangle of cells, 0-based, with the sheet it is on when the address named one. */
export interface Rect {
  sheet?: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

function parseCell(text: string): { row: number; column: number } {
  const match = CELL.exec(text);
  if (match === null) throw new RangeError(`not a cell address: ${text}`);
  const column = [...match[1].toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, column };
}

/**
 * Parses an A1 address such as "B2", "A1:D5", "$A$1", "Data!A1:B2" or "'CLV Summary'!$B$6".
 * @example parseAddress("'My data'!B2:C4") // { sheet: "My data", row: 1, column: 1, rowCount: 3, columnCount: 2 }
 * @throws RangeError for anything else (whole columns, R1C1, several areas)
 */
export function parseAddress(address: string): Rect {
  let sheet: string | undefined;
  let cells = address;
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    const quoted = address.slice(0, bang);
    sheet = quoted.startsWith("'") ? quoted.slice(1, -1).replace(/''/g, "'") : quoted;
    cells = address.slice(bang + 1);
  }
  const [first, last = first] = cells.split(":");
  const a = parseCell(first);
  const b = parseCell(last);
  const rect = {
    row: Math.min(a.row, b.row),
    column: Math.min(a.column, b.column),
    rowCount: Math.abs(a.row - b.row) + 1,
    columnCount: Math.abs(a.column - b.column) + 1,
  };
  return sheet === undefined ? rect : { sheet, ...rect };
}

/**
 * The address Excel reports for a rectangle: sheet name (quoted when needed), "!", A1 range.
 * @example formatAddress("CLV Summary", { row: 0, column: 0, rowCount: 2, columnCount: 2 }) // "'CLV Summary'!A1:B2"
 */
export function formatAddress(sheet: string, rect: Rect): string {
  return `${quoteSheetName(sheet)}!${rangeAddress(rect.row, rect.column, rect.rowCount, rect.columnCount)}`;
}

/**
 * The overlap of two rectangles, or null.
 * @example intersect(parseAddress("A1:C3"), parseAddress("B2:D4")) // { row: 1, column: 1, rowCount: 2, columnCount: 2 }
 */
export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const right = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  return bottom > row && right > column ? { row, column, rowCount: bottom - row, columnCount: right - column } : null;
}
