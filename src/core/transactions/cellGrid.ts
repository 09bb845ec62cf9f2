/**
 * A cell as Excel's `Range.values` hands it over (numbers, text, booleans; empty cells as "" or
 * null), plus `Date` for callers that build tables in code.
 */
export type CellValue = number | string | boolean | Date | null | undefined;

/**
 * A read-only table of cells, accessed by row and column (both 0-based). Rows may be ragged:
 * a cell beyond a row's width reads as empty. The transactions parser reads tables only through
 * this interface, so a 2-D array ({@link gridFromRows}) and the CSV reader's table of row starts
 * (`parseCsv`) share one validation path without materialising an array per row.
 */
export interface CellGrid {
  /** Number of rows. */
  readonly rowCount: number;
  /** Number of cells in row `row`. */
  width(row: number): number;
  /** The cell at (`row`, `column`); `undefined` or "" when empty or beyond the row's width. */
  cell(row: number, column: number): CellValue;
}

/**
 * A grid whose every cell is text lying in one array of UTF-8 bytes (the CSV reader's). The
 * transactions parser reads such cells in place where it can: at a million rows, cutting out a string
 * per cell and collecting those strings costs more than reading them, and bytes read faster than a
 * string's characters.
 */
export interface ByteGrid extends CellGrid {
  /** The bytes the cells lie in. */
  readonly bytes: Uint8Array;
  /**
   * Writes where cell (row, column) starts and ends in `bytes` into `range[0]` and `range[1]`; false
   * (range untouched) when the cell is not a plain run of `bytes`, e.g. a quoted field holding `""`:
   * read such a cell with `cell`.
   */
  byteRange(row: number, column: number, range: Int32Array): boolean;
}

/** Whether the grid's cells can be read in place (see {@link ByteGrid}). */
export function isByteGrid(grid: CellGrid): grid is ByteGrid {
  return typeof (grid as Partial<ByteGrid>).byteRange === "function";
}

/**
 * Wraps a 2-D array of cells (e.g. Excel's `Range.values`) as a {@link CellGrid}; no copy.
 *
 * @example gridFromRows([["a", 1], ["b"]]).cell(1, 1) // undefined
 */
export function gridFromRows(rows: readonly (readonly CellValue[])[]): CellGrid {
  return {
    rowCount: rows.length,
    width: (row) => rows[row].length,
    cell: (row, column) => rows[row][column],
  };
}

/**
 * Whether a cell is empty: null, undefined, or text of only white space.
 *
 * @example isBlankCell("  ") // true
 */
export function isBlankCell(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  if (value.length === 0) return true;
  const first = value.charCodeAt(0);
  // A printable ASCII first character settles it without trimming.
  return !(first > 32 && first < 127) && value.trim().length === 0;
}

/**
 * Whether every cell of a row is empty.
 *
 * @example isBlankRow(gridFromRows([[null, " ", ""]]), 0) // true
 */
export function isBlankRow(grid: CellGrid, row: number): boolean {
  const width = grid.width(row);
  for (let column = 0; column < width; column++) {
    if (!isBlankCell(grid.cell(row, column))) return false;
  }
  return true;
}

/**
 * A cell as the user would recognise it in a message, e.g. `"$1,2.3"`, `45000`, `TRUE`; long
 * text is cut to 40 characters.
 *
 * @example describeCell("abc") // "\"abc\""
 */
export function describeCell(value: CellValue): string {
  if (value === null || value === undefined) return "(empty)";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (typeof value === "number") return String(value);
  const text = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(text);
}
