import { rangeAddress } from "../core/report";
import type { CellValue } from "../core/transactions";
import { requireExcelApi } from "./requirements";
import { WorkbookError } from "./workbookError";

/** Most rows read per `context.sync()`, and most cells (a request stays far below Excel's 5 MB). */
export const READ_ROWS_PER_SYNC = 10_000;
export const READ_CELLS_PER_SYNC = 200_000;
/** Rows read as the sheet shows them (`previewText`), for the pane's preview. */
export const PREVIEW_TEXT_ROWS = 5;

/** The cells the wizard analyses and where they came from. */
export interface SelectionData {
  /** Sheet-qualified address of the cells read, e.g. "Sales!A1:D5001". */
  address: string;
  sheetName: string;
  /** Sheet row and column numbers (1-based) of the first cell read: give `firstRow` to the analysis. */
  firstRow: number;
  firstColumn: number;
  rowCount: number;
  columnCount: number;
  /** The selection as it was, the region around one selected cell, or the table holding the selection. */
  source: "selection" | "region" | "table";
  /** The table read, when `source` is "table". */
  tableName?: string;
  /** The cells row by row, as `Range.values` gives them (empty cells are ""). */
  values: CellValue[][];
  /** The first `PREVIEW_TEXT_ROWS` rows as the sheet shows them (`Range.text`: a date as a date, not its serial). */
  previewText: string[][];
}

export interface ReadProgress {
  rowsRead: number;
  rowCount: number;
}

/**
 * Reads the cells to analyse from the selection: a selection inside an Excel table reads the whole
 * table (header included, totals row left out); a single cell reads the block of data around it
 * (`getSurroundingRegion`); otherwise the selection, trimmed to the sheet's used range (so selecting
 * whole columns reads only the rows with data). Values are read in blocks of rows, one
 * `context.sync()` each, loading only `values` (and, with the first, the first rows' `text` for a
 * preview); `onProgress` hears after each block.
 *
 * @throws WorkbookError `multipleAreas` for a selection of several areas (or a chart), `emptySelection`
 *   when there is nothing to read, `unsupported` below ExcelApi 1.7
 * @example const { values, firstRow } = await readSelection(); analyzeTransactions(values, { firstRow })
 */
export async function readSelection(onProgress?: (progress: ReadProgress) => void): Promise<SelectionData> {
  requireExcelApi();
  return Excel.run(async (context) => {
    const selected = context.workbook.getSelectedRange().load("address, cellCount");
    const sheet = selected.worksheet.load("name");
    const tables = sheet.tables.load("items/name, items/showTotals");
    try {
      await context.sync();
    } catch (error) {
      if ((error as { code?: string }).code === "InvalidSelection") {
        throw new WorkbookError({ kind: "multipleAreas" }, { cause: error });
      }
      throw error;
    }

    const candidates = tables.items.map((table) => ({
      table,
      whole: table.getRange().load("address"),
      overlap: selected.getIntersectionOrNullObject(table.getRange()).load("address"),
    }));
    if (candidates.length > 0) await context.sync();
    const holder = candidates.find((c) => !c.overlap.isNullObject && c.overlap.address === selected.address);

    let target: Excel.Range;
    let source: SelectionData["source"];
    if (holder !== undefined) {
      target = holder.whole;
      source = "table";
    } else {
      const base = selected.cellCount === 1 ? selected.getSurroundingRegion() : selected;
      target = base.getIntersectionOrNullObject(sheet.getUsedRange(true));
      source = selected.cellCount === 1 ? "region" : "selection";
    }
    target.load("address, rowIndex, columnIndex, rowCount, columnCount");
    await context.sync();
    if (target.isNullObject) throw new WorkbookError({ kind: "emptySelection" });

    // A table's totals row is a sum, not a transaction.
    const rowCount = target.rowCount - (holder?.table.showTotals ? 1 : 0);
    const { rowIndex, columnIndex, columnCount } = target;
    const rowsPerSync = Math.max(1, Math.min(READ_ROWS_PER_SYNC, Math.floor(READ_CELLS_PER_SYNC / columnCount)));
    const values: CellValue[][] = [];
    // Read with the first block: a few rows' text costs no extra round trip.
    const shown = sheet.getRangeByIndexes(rowIndex, columnIndex, Math.max(1, Math.min(PREVIEW_TEXT_ROWS, rowCount)), columnCount).load("text");
    for (let start = 0; start < rowCount; start += rowsPerSync) {
      const rows = Math.min(rowsPerSync, rowCount - start);
      const block = sheet.getRangeByIndexes(rowIndex + start, columnIndex, rows, columnCount).load("values");
      await context.sync();
      for (const row of block.values) values.push(row as CellValue[]);
      onProgress?.({ rowsRead: start + rows, rowCount });
    }
    if (values.length === 1 && columnCount === 1 && (values[0][0] === "" || values[0][0] === null)) {
      throw new WorkbookError({ kind: "emptySelection" });
    }
    return {
      address:
        rowCount === target.rowCount
          ? target.address
          : `${target.address.slice(0, target.address.lastIndexOf("!"))}!${rangeAddress(rowIndex, columnIndex, rowCount, columnCount)}`,
      sheetName: sheet.name,
      firstRow: rowIndex + 1,
      firstColumn: columnIndex + 1,
      rowCount,
      columnCount,
      source,
      ...(holder === undefined ? {} : { tableName: holder.table.name }),
      values,
      previewText: shown.text.slice(0, rowCount),
    };
  });
}
