import { cellAddress, quoteSheetName } from "../../core/report";
import { type FakeTable, type StructuredReference, findStructuredReferences } from "../../excel/fake";

/** A cell of the workbook, 0-based. */
export interface CellPosition {
  sheet: string;
  row: number;
  column: number;
}

/**
 * The formula with each structured reference replaced by the absolute, sheet-qualified A1 range it
 * stands for, for a formula engine without tables (HyperFormula):
 * `[@Col]` is the cell of Col in the formula's own row, `T[Col]` the data cells of Col, `T[[#Totals],[Col]]`
 * its totals cell, `T[]` every data cell; `#Headers`, `#Data`, `#Totals`, `#All` select rows, `[A]:[B]`
 * columns. A reference to a missing table, column or totals row, or `@` outside the table's data rows,
 * becomes `#REF!`, as Excel shows it.
 * @throws RangeError for a specifier outside Excel's syntax (see `findStructuredReferences`)
 * @example a1Formula("=[@Revenue]/[@Orders]", { sheet: "S", row: 2, column: 2 }, [table]) // "=S!$B$3/S!$A$3"
 *   (table: S!A1:C4, headers Orders, Revenue, AOV)
 */
export function a1Formula(formula: string, at: CellPosition, tables: readonly FakeTable[]): string {
  let out = "";
  let copied = 0;
  for (const reference of findStructuredReferences(formula)) {
    out += formula.slice(copied, reference.start) + (rangeOf(reference, at, tables) ?? "#REF!");
    copied = reference.end;
  }
  return out + formula.slice(copied);
}

function rangeOf(reference: StructuredReference, at: CellPosition, tables: readonly FakeTable[]): string | null {
  const name = reference.table?.toLowerCase();
  const table = tables.find((t) =>
    name === undefined
      ? t.sheet.name === at.sheet && at.row >= t.row && at.row <= lastRow(t) && at.column >= t.column && at.column < t.column + t.columnCount
      : t.name.toLowerCase() === name
  );
  if (table === undefined) return null;
  const rows = rowsOf(table, reference.items, at.row);
  const columns = reference.columns.map((c) => table.headers.findIndex((h) => h.toLowerCase() === c.toLowerCase()));
  if (rows === null || columns.includes(-1)) return null;
  const [first, last] = columns.length === 0 ? [0, table.columnCount - 1] : [Math.min(...columns), Math.max(...columns)];
  const from = cellAddress(rows[0], table.column + first, true);
  const to = cellAddress(rows[1], table.column + last, true);
  return `${quoteSheetName(table.sheet.name)}!${from === to ? from : `${from}:${to}`}`;
}

/** The table's last row: its totals row when shown, else its last data row. */
const lastRow = (table: FakeTable) => table.row + table.rowCount - (table.showTotals ? 0 : 1);

/** First and last sheet row the items select (the data rows when none), or null when they select none. */
function rowsOf(table: FakeTable, items: readonly string[], formulaRow: number): [number, number] | null {
  const header = table.row;
  const data: [number, number] = [header + 1, header + table.rowCount - 1];
  const spans: ([number, number] | null)[] = (items.length === 0 ? ["#data"] : items).map((item) => {
    switch (item) {
      case "#this row":
        return formulaRow >= data[0] && formulaRow <= data[1] ? [formulaRow, formulaRow] : null;
      case "#headers":
        return [header, header];
      case "#data":
        return data;
      case "#totals":
        return table.showTotals ? [lastRow(table), lastRow(table)] : null;
      case "#all":
        return [header, lastRow(table)];
      default:
        return null;
    }
  });
  if (spans.includes(null)) return null;
  const valid = spans as [number, number][];
  return [Math.min(...valid.map((s) => s[0])), Math.max(...valid.map((s) => s[1]))];
}
