import { cellAddress, rangeAddress } from "../../core/report";
import { type FakeWorkbook, type Rect, parseAddress } from "../../excel/fake";

/** A cell, 0-based. */
export interface Cell {
  row: number;
  column: number;
}

/**
 * The rectangle between two corner cells, in either order.
 * @example rectBetween({ row: 4, column: 2 }, { row: 0, column: 0 }) // { row: 0, column: 0, rowCount: 5, columnCount: 3 }
 */
export function rectBetween(a: Cell, b: Cell): Rect {
  return {
    row: Math.min(a.row, b.row),
    column: Math.min(a.column, b.column),
    rowCount: Math.abs(a.row - b.row) + 1,
    columnCount: Math.abs(a.column - b.column) + 1,
  };
}

/**
 * The corner of `rect` opposite `anchor` (the cell a keyboard or mouse extension moves), or the
 * bottom-right corner when `anchor` is not a corner of it.
 * @example farCorner({ row: 0, column: 0, rowCount: 5, columnCount: 3 }, { row: 4, column: 2 }) // { row: 0, column: 0 }
 */
export function farCorner(rect: Rect, anchor: Cell): Cell {
  const bottom = rect.row + rect.rowCount - 1;
  const right = rect.column + rect.columnCount - 1;
  return { row: anchor.row === bottom && bottom !== rect.row ? rect.row : bottom, column: anchor.column === right && right !== rect.column ? rect.column : right };
}

/**
 * The address the Name box shows for a selection: one cell "B7", or a range "A1:E5384".
 * @example selectionAddress({ row: 0, column: 0, rowCount: 1, columnCount: 1 }) // "A1"
 */
export function selectionAddress(rect: Rect): string {
  return rangeAddress(rect.row, rect.column, rect.rowCount, rect.columnCount);
}

/**
 * What the Name box goes to: a workbook name (its cell or range), or an A1 address on the current
 * sheet or on a named one ("Sales!A1:E20"), as Excel's Name box takes them.
 * @example nameBoxTarget(workbook, "CLV_Margin", "Sales") // { sheet: "CLV Summary", rect: { row: 6, column: 1, ... } }
 */
export function nameBoxTarget(workbook: FakeWorkbook, text: string, currentSheet: string): { sheet: string; rect: Rect } | null {
  const trimmed = text.trim();
  const named = workbook.name(trimmed);
  const address = named !== undefined ? named.formula.replace(/^=/, "") : trimmed;
  try {
    const { sheet, ...rect } = parseAddress(address);
    const target = sheet ?? currentSheet;
    return workbook.findSheet(target) === undefined ? null : { sheet: target, rect };
  } catch {
    return null; // not an address: the Name box says so
  }
}

/** The address of a cell, for element ids and the formula bar's label. */
export const addressOf = (cell: Cell) => cellAddress(cell.row, cell.column);
