import {
  type CellBlock,
  type ChartPlan,
  NUMBER_FORMATS,
  type PlanCell,
  type RangeRef,
  type ReportPlan,
  type SheetPlan,
  type TablePlan,
  cellAddress,
  quoteSheetName,
  reportInstance,
  resolveRange,
} from "../core/report";
import { isOwnMark, loadOwnerMark, markOwnSheet } from "./reportSheets";
import { requireExcelApi, supportsExcelApi } from "./requirements";
import { WorkbookError } from "./workbookError";

/** Most table rows written per `context.sync()` (a request stays far below Excel's 5 MB). */
export const WRITE_ROWS_PER_SYNC = 5_000;
/** Excel's column width unit is the point; a character of the default font is about 7 pixels = 5.25 points. */
const POINTS_PER_CHARACTER = 5.25;
/** Copies of a report tried before giving up ("CLV Summary (2)" ... "(99)"). */
const MAX_COPIES = 99;

export interface WriteOptions {
  /** The user agreed to replace sheets the add-in made earlier (see `findReportSheets`). */
  replaceOwnSheets: boolean;
  /** Sheet of the analysed data: never deleted, even when it is one of the add-in's. */
  sourceSheet?: string;
  onProgress?: (progress: WriteProgress) => void;
}

export interface WriteProgress {
  /** The sheet being written. */
  sheet: string;
  sheetsWritten: number;
  sheetCount: number;
  /** Table rows of that sheet written so far, of `rowCount`. */
  rowsWritten: number;
  rowCount: number;
}

export interface WriteResult {
  /** The sheets written, in the plan's order, under the names they got. */
  sheets: string[];
  /** Sheets of an earlier report that were deleted and written again. */
  replaced: string[];
  /** 1: the plan's own names; n >= 2: the n-th copy ("CLV Summary (2)", table "CLV_Segments_2", name "CLV_Margin_2"). */
  copy: number;
}

/**
 * Writes a report plan into the workbook, sheet by sheet: for each sheet it adds and marks the sheet,
 * writes each block in one 2-D write (number formats first, so text stays text), defines the sheet's
 * names, writes each table's header and values in blocks of rows, creates the table over them, writes
 * its formula columns and totals row, autofits it, then sets widths, frozen rows and charts.
 *
 * It never changes a sheet it did not create. A sheet of the plan that exists already is replaced
 * only when it carries the add-in's mark and `replaceOwnSheets` is true; otherwise the whole report is
 * written as the next free copy (`reportInstance`), so its sheets, tables and names stay consistent.
 * The add-in's workbook names (CLV_...) that point into a replaced sheet, and names the report defines
 * that a deleted sheet left broken (#REF!), are removed. If anything fails midway, the sheets and
 * names this run created are deleted again (the replaced ones stay deleted: the error says so).
 *
 * @throws WorkbookError `writeFailed` with the cause and the sheets that could not be removed;
 *   `unsupported` below ExcelApi 1.7
 * @example const { sheets } = await writeReport(buildReportPlan(analysis, { cac: 50 }), { replaceOwnSheets: false })
 */
export async function writeReport(plan: ReportPlan, options: WriteOptions): Promise<WriteResult> {
  requireExcelApi();
  const created: { sheets: string[]; names: string[]; replaced: string[] } = { sheets: [], names: [], replaced: [] };
  try {
    return await Excel.run(async (context) => {
      const state = await inspectWorkbook(context);
      const { report, copy, replace, staleNames } = chooseCopy(plan, state, options);
      for (const name of staleNames) context.workbook.names.getItem(name).delete();
      for (const name of replace) context.workbook.worksheets.getItem(name).delete();
      await context.sync();
      created.replaced.push(...replace);

      for (const [index, sheet] of report.sheets.entries()) {
        await writeSheet(context, report, sheet, created, (rowsWritten, rowCount) =>
          options.onProgress?.({ sheet: sheet.name, sheetsWritten: index, sheetCount: report.sheets.length, rowsWritten, rowCount })
        );
      }
      context.workbook.worksheets.getItem(report.sheets[0].name).activate();
      await context.sync();
      return { sheets: report.sheets.map((s) => s.name), replaced: replace, copy };
    });
  } catch (error) {
    const remaining = await removeCreated(created.sheets, created.names);
    const reason = error instanceof Error ? error.message : String(error);
    throw new WorkbookError({ kind: "writeFailed", reason, remainingSheets: remaining, deletedSheets: created.replaced }, { cause: error });
  }
}

/** What is in the workbook, by lower-case name. */
interface WorkbookState {
  sheets: Map<string, { name: string; owned: boolean }>;
  /** Workbook-scoped names and their formulas. */
  names: Map<string, { name: string; formula: string }>;
  /** Tables and the sheet each is on. */
  tables: Map<string, { name: string; sheet: string }>;
}

async function inspectWorkbook(context: Excel.RequestContext): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name, items/formula");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const marks = sheets.items.map(loadOwnerMark);
  const tableSheets = tables.items.map((table) => table.worksheet.load("name"));
  await context.sync();
  return {
    sheets: new Map(sheets.items.map((s, i) => [s.name.toLowerCase(), { name: s.name, owned: isOwnMark(marks[i]) }])),
    names: new Map(names.items.map((n) => [n.name.toLowerCase(), { name: n.name, formula: String(n.formula) }])),
    tables: new Map(tables.items.map((t, i) => [t.name.toLowerCase(), { name: t.name, sheet: tableSheets[i].name }])),
  };
}

/**
 * The first copy of the plan (1, 2, ...) that can be written: each of its sheets is absent or an
 * add-in sheet the caller agreed to replace, and each of its table and workbook names is free, on a
 * sheet being replaced, or a broken (#REF!) leftover.
 */
function chooseCopy(
  plan: ReportPlan,
  state: WorkbookState,
  options: WriteOptions
): { report: ReportPlan; copy: number; replace: string[]; staleNames: string[] } {
  const source = options.sourceSheet?.toLowerCase();
  for (let copy = 1; copy <= MAX_COPIES; copy++) {
    const report = reportInstance(plan, copy);
    const existing = report.sheets.flatMap((s) => state.sheets.get(s.name.toLowerCase()) ?? []);
    if (existing.some((s) => !(s.owned && options.replaceOwnSheets) || s.name.toLowerCase() === source)) continue;
    const replace = existing.map((s) => s.name);
    const refersToReplaced = (formula: string) =>
      replace.some((sheet) => formula.includes(`${quoteSheetName(sheet)}!`) || formula.includes(`'${sheet.replace(/'/g, "''")}'!`));
    const isStale = (formula: string) => formula.includes("#REF!") || refersToReplaced(formula);
    // The add-in's names (CLV_...) into a sheet about to be deleted would be left broken: remove them too.
    const staleNames = [...state.names.values()].filter((n) => /^CLV_/i.test(n.name) && refersToReplaced(n.formula)).map((n) => n.name);
    const free = [...report.names.map((n) => n.name), ...report.sheets.flatMap((s) => s.tables.map((t) => t.name))].every((identifier) => {
      const table = state.tables.get(identifier.toLowerCase());
      const name = state.names.get(identifier.toLowerCase());
      if (table !== undefined && !replace.some((sheet) => sheet.toLowerCase() === table.sheet.toLowerCase())) return false;
      if (name === undefined) return true;
      if (!isStale(name.formula)) return false;
      if (!staleNames.includes(name.name)) staleNames.push(name.name);
      return true;
    });
    if (free) return { report, copy, replace, staleNames };
  }
  throw new Error(`${plan.sheets[0]?.name} and its copies (2) to (${MAX_COPIES}) are all taken: delete or rename old report sheets`);
}

/** Suspends recalculation (and, from ExcelApi 1.9, screen updating) for the batch, then sends it. */
async function flush(context: Excel.RequestContext): Promise<void> {
  context.workbook.application.suspendApiCalculationUntilNextSync();
  if (supportsExcelApi("1.9")) context.workbook.application.suspendScreenUpdatingUntilNextSync();
  await context.sync();
}

async function writeSheet(
  context: Excel.RequestContext,
  report: ReportPlan,
  plan: SheetPlan,
  created: { sheets: string[]; names: string[] },
  progress: (rowsWritten: number, rowCount: number) => void
): Promise<void> {
  // Recorded before the add: a failing batch may still have added the sheet.
  created.sheets.push(plan.name);
  const sheet = context.workbook.worksheets.add(plan.name);
  markOwnSheet(sheet);
  for (const block of plan.blocks) writeBlock(sheet, block);
  for (const named of report.names.filter((n) => n.sheet === plan.name)) {
    created.names.push(named.name);
    context.workbook.names.add(named.name, sheet.getRange(cellAddress(named.row, named.column)), named.comment);
  }
  await flush(context);

  const rowCount = plan.tables.reduce((sum, table) => sum + table.rows.length, 0);
  let rowsWritten = 0;
  for (const table of plan.tables) {
    await writeTable(context, sheet, table, (rows) => progress((rowsWritten += rows), rowCount));
  }
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
  for (const { column, characters } of plan.columnWidths) {
    sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = characters * POINTS_PER_CHARACTER;
  }
  for (const chart of plan.charts) addChart(context, sheet, report, chart);
  await flush(context);
}

/** The number format a constant is written with: text constants without one are written as text ("@"), so Excel keeps them as typed. */
function formatFor(cell: PlanCell, format: string | null | undefined): string {
  if (format !== null && format !== undefined && format !== NUMBER_FORMATS.general) return format;
  return typeof cell === "string" ? NUMBER_FORMATS.text : NUMBER_FORMATS.general;
}

/** A plan cell as `Range.formulas` takes it: an empty cell is "" (null would leave the cell unchanged). */
function input(cell: PlanCell): string | number | boolean {
  if (cell === null) return "";
  return typeof cell === "object" ? cell.formula : cell;
}

function writeBlock(sheet: Excel.Worksheet, block: CellBlock): void {
  const width = Math.max(...block.cells.map((row) => row.length));
  const range = sheet.getRangeByIndexes(block.row, block.column, block.cells.length, width);
  const cells = block.cells.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  range.numberFormat = cells.map((row, r) => row.map((cell, c) => formatFor(cell, block.formats?.[r]?.[c])));
  range.formulas = cells.map((row) => row.map(input));
  if (block.style !== undefined) {
    range.format.font.bold = true;
    if (block.style === "title") range.format.font.size = 14;
  }
}

/**
 * A table in four steps: header and values in blocks of rows, the table over them, the formula
 * columns (structured references only parse inside a table), the totals row; then autofit.
 */
async function writeTable(context: Excel.RequestContext, sheet: Excel.Worksheet, table: TablePlan, wrote: (rows: number) => void): Promise<void> {
  const width = table.columns.length;
  const header = sheet.getRangeByIndexes(table.row, table.column, 1, width);
  header.numberFormat = [table.columns.map(() => NUMBER_FORMATS.text)];
  header.values = [table.columns.map((c) => c.name)];
  for (const [start, rows] of blocks(table.rows.length)) {
    const range = sheet.getRangeByIndexes(table.row + 1 + start, table.column, rows.length, width);
    const values = table.rows.slice(start, start + rows.length);
    range.numberFormat = values.map((row) => row.map((cell, c) => formatFor(cell, table.columns[c].format)));
    range.values = values.map((row) => row.map(input));
    await flush(context);
    wrote(rows.length);
  }

  const bodyRows = Math.max(1, table.rows.length);
  const excelTable = sheet.tables.add(sheet.getRangeByIndexes(table.row, table.column, 1 + bodyRows, width), true);
  excelTable.name = table.name;
  for (const [c, spec] of table.columns.entries()) {
    if (spec.formula === undefined) continue;
    for (const [start, rows] of blocks(bodyRows)) {
      sheet.getRangeByIndexes(table.row + 1 + start, table.column + c, rows.length, 1).formulas = rows.map(() => [spec.formula as string]);
    }
  }
  if (table.totals !== undefined) {
    excelTable.showTotals = true;
    const totals = sheet.getRangeByIndexes(table.row + 1 + bodyRows, table.column, 1, width);
    totals.numberFormat = [table.totals.map((cell, c) => formatFor(cell, table.columns[c].format))];
    totals.formulas = [table.totals.map(input)];
  }
  excelTable.getRange().format.autofitColumns();
  await flush(context);
}

/** [first row, rows] of each block of at most WRITE_ROWS_PER_SYNC rows (rows as an array of its indexes). */
function blocks(count: number): [number, number[]][] {
  const out: [number, number[]][] = [];
  for (let start = 0; start < count; start += WRITE_ROWS_PER_SYNC) {
    out.push([start, Array.from({ length: Math.min(WRITE_ROWS_PER_SYNC, count - start) }, (_, i) => start + i)]);
  }
  return out;
}

function rangeOf(context: Excel.RequestContext, report: ReportPlan, ref: RangeRef): { range: Excel.Range; isRow: boolean } {
  const r = resolveRange(report, ref);
  return {
    range: context.workbook.worksheets.getItem(r.sheet).getRangeByIndexes(r.row, r.column, r.rowCount, r.columnCount),
    isRow: r.rowCount === 1 && r.columnCount > 1,
  };
}

/** A native chart: created over its first series, the others added, all over the same categories. */
function addChart(context: Excel.RequestContext, sheet: Excel.Worksheet, report: ReportPlan, plan: ChartPlan): void {
  const first = rangeOf(context, report, plan.series[0].values);
  const chart = sheet.charts.add(plan.type, first.range, first.isRow ? "Rows" : "Columns");
  chart.title.text = plan.title;
  chart.axes.categoryAxis.title.text = plan.categoryAxisTitle;
  chart.axes.valueAxis.title.text = plan.valueAxisTitle;
  const categories = rangeOf(context, report, plan.categories).range;
  plan.series.forEach((spec, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(spec.name);
    series.name = spec.name;
    if (i > 0) series.setValues(rangeOf(context, report, spec.values).range);
    series.setXAxisValues(categories);
  });
  chart.setPosition(cellAddress(plan.top, plan.left), cellAddress(plan.bottom, plan.right));
}

/**
 * Deletes the names and the marked sheets a failed run created, one at a time so that one failure
 * does not stop the rest, and returns the sheets still there (all of them when the workbook cannot
 * even be read). An unmarked sheet is left alone: the failed add may have met a sheet of the user's.
 */
async function removeCreated(sheets: readonly string[], names: readonly string[]): Promise<string[]> {
  try {
    return await Excel.run(async (context) => {
      const sent = () => context.sync().then(() => true, () => false);
      for (const name of names) {
        const item = context.workbook.names.getItemOrNullObject(name);
        await context.sync();
        if (!item.isNullObject) {
          item.delete();
          await sent();
        }
      }
      const remaining: string[] = [];
      for (const name of sheets) {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        await context.sync();
        if (sheet.isNullObject) continue;
        const mark = loadOwnerMark(sheet);
        await context.sync();
        if (isOwnMark(mark)) {
          sheet.delete();
          if (await sent()) continue;
        }
        remaining.push(name);
      }
      return remaining;
    });
  } catch {
    return [...sheets];
  }
}
