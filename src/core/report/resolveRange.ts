import { ensure } from "../errors";
import type { RangeRef, ReportPlan } from "./reportPlan";

/** A rectangle of cells on a named sheet, 0-based. */
export interface SheetRange {
  sheet: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/**
 * The cells a chart reference covers: a table column's data cells (header and totals row excluded),
 * or the rectangle as given.
 * @example resolveRange(plan, { table: "CLV_Segments", column: "Revenue" }) // { sheet: "CLV Summary", row: 16, column: 4, rowCount: 2, columnCount: 1 }
 * @throws ClvError `value` when the table or column is not in the plan
 */
export function resolveRange(plan: ReportPlan, ref: RangeRef): SheetRange {
  if ("sheet" in ref) return ref;
  const found = plan.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table }))).find((x) => x.table.name === ref.table);
  ensure(found !== undefined, `The report has no table ${ref.table}`);
  const { sheet, table } = found;
  const index = table.columns.findIndex((c) => c.name === ref.column);
  ensure(index >= 0, `Table ${ref.table} has no column "${ref.column}"`);
  return { sheet: sheet.name, row: table.row + 1, column: table.column + index, rowCount: table.rows.length, columnCount: 1 };
}
