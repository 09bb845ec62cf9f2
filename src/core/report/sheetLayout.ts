import type { CellBlock, PlanCell, SheetKind, SheetPlan, TablePlan } from "./reportPlan";

/** A label, its cell and the cell's number format: one line of a label-value block. */
export type LabelledCell = [label: string, cell: PlanCell, format?: string | null, note?: string];

/**
 * Lays a sheet out top to bottom: each block or table goes at the next free row and leaves a gap
 * under it, so nothing overlaps (a table's totals row included).
 * @example new SheetLayout("CLV Cohorts", "cohorts").text("Cohort retention").row // 0
 */
export class SheetLayout {
  readonly sheet: SheetPlan;
  /** The next free row. */
  row = 0;

  constructor(name: string, kind: SheetKind) {
    this.sheet = { name, kind, blocks: [], tables: [], charts: [], freezeRows: 0, columnWidths: [] };
  }

  /** Places `cells` at (`row`, `column`) without moving the next free row past them; returns the block. */
  cellsAt(row: number, column: number, cells: PlanCell[][], options: Omit<CellBlock, "row" | "column" | "cells"> = {}): CellBlock {
    const block: CellBlock = { row, column, cells, ...options };
    this.sheet.blocks.push(block);
    return block;
  }

  /** Places `cells` at the next free row, then leaves `gap` empty rows. */
  cells(cells: PlanCell[][], options: Omit<CellBlock, "row" | "column" | "cells"> & { column?: number; gap?: number } = {}): CellBlock {
    const { column = 0, gap = 1, ...rest } = options;
    const block = this.cellsAt(this.row, column, cells, rest);
    this.row += cells.length + gap;
    return block;
  }

  /** One line of text (a title, a heading or a note) at the next free row. */
  text(line: string, style?: CellBlock["style"], gap = 0): CellBlock {
    return this.cells([[line]], style === undefined ? { gap } : { style, gap });
  }

  /** Several lines of text, one per row, then a gap. */
  lines(lines: readonly string[], gap = 1): CellBlock {
    return this.cells(
      lines.map((line) => [line]),
      { gap }
    );
  }

  /** Label-value(-note) rows at the next free row: row r of the block holds `rows[r]`. */
  labelled(rows: readonly LabelledCell[], gap = 1): CellBlock {
    const withNotes = rows.some((row) => row[3] !== undefined);
    const cells = rows.map(([label, cell, , note]) => (withNotes ? [label, cell, note ?? null] : [label, cell]));
    const formats = rows.map(([, , format]) => (withNotes ? [null, format ?? null, null] : [null, format ?? null]));
    return this.cells(cells, { formats, gap });
  }

  /** A table at the next free row and `column`, then a gap; returns it placed. */
  table(table: Omit<TablePlan, "row" | "column">, column = 0, gap = 1): TablePlan {
    const placed: TablePlan = { ...table, row: this.row, column };
    this.sheet.tables.push(placed);
    this.row += 1 + table.rows.length + (table.totals === undefined ? 0 : 1) + gap;
    return placed;
  }
}
