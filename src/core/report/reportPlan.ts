/**
 * The report plan: every worksheet the segment wizard writes, as plain data. `buildReportPlan` makes
 * it from an analysis; `src/excel/writeReport` is the only code that turns it into Excel calls.
 * Positions are 0-based (row 0, column 0 is A1). Formulas are in Excel's English A1 syntax.
 * A formula refers to other sheets only through table names and workbook names, never through
 * sheet-qualified addresses, so a sheet can be renamed (see `reportInstance`) without rewriting them.
 */

/** A constant cell: a number, text, a boolean, or null for an empty cell. */
export type PlanValue = number | string | boolean | null;

/** A formula, e.g. `{ formula: "=CLV.AOV([@Revenue],[@Orders])" }`. */
export interface PlanFormula {
  formula: string;
}

export type PlanCell = PlanValue | PlanFormula;

/** A rectangle of cells at a fixed place. */
export interface CellBlock {
  row: number;
  column: number;
  /** Rows of cells, all of the same length. */
  cells: PlanCell[][];
  /** Number formats, the same shape as `cells`; null or absent: General (text constants are written as text). */
  formats?: (string | null)[][];
  /** Title: large bold; heading: bold. */
  style?: "title" | "heading";
}

/** One column of an Excel table. */
export interface TableColumnPlan {
  /** Header text: unique in the table. */
  name: string;
  /** Number format of the data and totals cells. */
  format: string;
  /** The formula of every data row (a calculated column); absent for a column of values. */
  formula?: string;
}

/** An Excel table: a header row at (`row`, `column`), the data rows under it, then an optional totals row. */
export interface TablePlan {
  /** Workbook-unique table name. */
  name: string;
  row: number;
  column: number;
  columns: TableColumnPlan[];
  /** Data rows, one cell per column; null in formula columns. */
  rows: PlanValue[][];
  /** The totals row, one cell per column. */
  totals?: PlanCell[];
}

/** Cells of a chart: the data cells of a table column (not the header or totals), or a rectangle on a sheet. */
export type RangeRef =
  | { table: string; column: string }
  | { sheet: string; row: number; column: number; rowCount: number; columnCount: number };

export interface ChartSeriesPlan {
  name: string;
  values: RangeRef;
}

/** A native chart with one series per entry of `series`, all over the same categories. */
export interface ChartPlan {
  type: "ColumnClustered" | "Line";
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  categories: RangeRef;
  series: ChartSeriesPlan[];
  /** The cells the chart covers, top-left (`top`, `left`) to bottom-right (`bottom`, `right`). */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A workbook-scoped name for one cell, e.g. `CLV_Margin`, used by the formulas. */
export interface NamedCellPlan {
  name: string;
  sheet: string;
  row: number;
  column: number;
  comment: string;
}

export type SheetKind = "summary" | "customers" | "segment" | "cohorts" | "validation";

export interface SheetPlan {
  /** A valid Excel sheet name, unique in the plan. */
  name: string;
  kind: SheetKind;
  blocks: CellBlock[];
  tables: TablePlan[];
  charts: ChartPlan[];
  /** Rows to freeze at the top (0: none). */
  freezeRows: number;
  /** Widths to set after autofitting the tables, in characters of the default font. */
  columnWidths: { column: number; characters: number }[];
}

/**
 * Sheets in the order to write them: a formula uses only names and tables defined on its own sheet
 * or an earlier one. Names are defined on their sheet before its tables are.
 */
export interface ReportPlan {
  sheets: SheetPlan[];
  names: NamedCellPlan[];
}

/** Number formats of the report. Money has no currency symbol: the engine does not know the data's currency. */
export const NUMBER_FORMATS = {
  text: "@",
  count: "#,##0",
  money: "#,##0.00",
  share: "0.0%",
  rate: "0.00%",
  decimal: "0.00",
  ratio: "0.0",
  periods: "#,##0.0",
  frequency: "0.000",
  parameter: "0.0000",
  score: "0",
  date: "yyyy-mm-dd",
  general: "General",
} as const;
