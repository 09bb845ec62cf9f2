import { dayFromDate, isCalendarDate } from "../../core/transactions";
import { excelSerial } from "../../core/report";
import { type Rect, formatAddress, intersect, parseAddress } from "./a1";

/** A cell's value as Excel's `Range.values` gives it: "" for an empty cell. */
export type FakeValue = string | number | boolean;

/** Excel's most rows and columns. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/** An error as Office.js reports it: a code ("ItemNotFound", "InvalidArgument"...) and a message. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/** A workbook-level or sheet-level defined name. */
export interface FakeName {
  name: string;
  /** "='CLV Summary'!$B$6" for a cell, or a constant formula such as '="CLV Toolkit"'. */
  formula: string;
  comment: string;
  visible: boolean;
}

export interface FakeChartSeries {
  name: string;
  /** Sheet-qualified addresses of the values and of the categories. */
  values: string;
  categories?: string;
}

export interface FakeChart {
  type: string;
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  series: FakeChartSeries[];
  /** Top-left and bottom-right cells, when placed with setPosition. */
  from?: string;
  to?: string;
}

const key = (row: number, column: number) => row * SHEET_COLUMNS + column;

/** One worksheet's cells and the objects on it. */
export class FakeSheet {
  /** Values by row then column ("" or absent: empty). Formula cells hold "" (formulas are not evaluated). */
  private readonly rows: FakeValue[][] = [];
  private readonly formulaByCell = new Map<number, string>();
  private readonly formatByCell = new Map<number, string>();
  private readonly boldCells = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  readonly names = new Map<string, FakeName>();
  readonly charts: FakeChart[] = [];
  frozenRows = 0;
  /** Columns whose width was autofitted. */
  readonly autofitted = new Set<number>();

  constructor(public name: string) {}

  /** The cell's value ("" when empty). */
  value(address: string): FakeValue {
    const { row, column } = parseAddress(address);
    return this.valueAt(row, column);
  }

  /** The cell's formula, or its value when it has none (as Excel's `Range.formulas`). */
  formula(address: string): FakeValue {
    const { row, column } = parseAddress(address);
    return this.formulaAt(row, column);
  }

  numberFormat(address: string): string {
    const { row, column } = parseAddress(address);
    return this.formatAt(row, column);
  }

  isBold(address: string): boolean {
    const { row, column } = parseAddress(address);
    return this.boldCells.has(key(row, column));
  }

  /** Values of a rectangle, row by row. */
  values(address: string): FakeValue[][] {
    return this.grid(parseAddress(address), (r, c) => this.valueAt(r, c));
  }

  /** Formulas (or values) of a rectangle, row by row. */
  formulas(address: string): FakeValue[][] {
    return this.grid(parseAddress(address), (r, c) => this.formulaAt(r, c));
  }

  /** Number formats of a rectangle, row by row. */
  numberFormats(address: string): string[][] {
    return this.grid(parseAddress(address), (r, c) => this.formatAt(r, c));
  }

  /** The smallest rectangle holding every non-empty cell (values or formulas), or null for an empty sheet. */
  usedRect(): Rect | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    this.rows.forEach((cells, row) =>
      cells.forEach((value, column) => {
        if (value === "" || value === undefined) return;
        top = Math.min(top, row);
        bottom = Math.max(bottom, row);
        left = Math.min(left, column);
        right = Math.max(right, column);
      })
    );
    for (const k of this.formulaByCell.keys()) {
      const row = Math.floor(k / SHEET_COLUMNS);
      const column = k % SHEET_COLUMNS;
      [top, bottom, left, right] = [Math.min(top, row), Math.max(bottom, row), Math.min(left, column), Math.max(right, column)];
    }
    return bottom < 0 ? null : { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  /** Whether a cell holds a formula (see `typed`: "=..." written to a text-formatted cell stays text). */
  hasFormula(row: number, column: number): boolean {
    return this.formulaByCell.has(key(row, column));
  }

  /** Whether a cell holds a value or a formula. */
  hasData(row: number, column: number): boolean {
    const value = this.rows[row]?.[column];
    return (value !== undefined && value !== "") || this.formulaByCell.has(key(row, column));
  }

  /** Copies every cell, for before/after comparisons in tests. */
  snapshot(): { values: FakeValue[][]; formulas: [number, string][]; formats: [number, string][] } {
    return {
      values: this.rows.map((row) => (row === undefined ? [] : [...row])),
      formulas: [...this.formulaByCell],
      formats: [...this.formatByCell],
    };
  }

  /** Writes raw values (no conversion) from (`row`, `column`), e.g. to seed test data. */
  seed(row: number, column: number, values: readonly (readonly FakeValue[])[]): void {
    values.forEach((cells, r) => {
      const target = (this.rows[row + r] ??= []);
      cells.forEach((value, c) => (target[column + c] = value));
    });
  }

  /** @internal Stores a value or formula as Excel stores what is typed: see `typed`. */
  setCell(row: number, column: number, input: unknown): void {
    if (input === null || input === undefined) return; // null leaves the cell unchanged, as in Office.js
    const k = key(row, column);
    const stored = typed(input, this.formatAt(row, column));
    if (stored.formula === undefined) this.formulaByCell.delete(k);
    else this.formulaByCell.set(k, stored.formula);
    (this.rows[row] ??= [])[column] = stored.value;
  }

  /** @internal */
  setFormat(row: number, column: number, format: unknown): void {
    if (format === null || format === undefined) return;
    this.formatByCell.set(key(row, column), String(format));
  }

  /** @internal */
  setBold(row: number, column: number, bold: boolean): void {
    if (bold) this.boldCells.add(key(row, column));
    else this.boldCells.delete(key(row, column));
  }

  /** @internal */
  valueAt(row: number, column: number): FakeValue {
    return this.rows[row]?.[column] ?? "";
  }

  /** @internal */
  formulaAt(row: number, column: number): FakeValue {
    return this.formulaByCell.get(key(row, column)) ?? this.rows[row]?.[column] ?? "";
  }

  /** @internal */
  formatAt(row: number, column: number): string {
    return this.formatByCell.get(key(row, column)) ?? "General";
  }

  /** @internal */
  grid<T>(rect: Rect, cell: (row: number, column: number) => T): T[][] {
    return Array.from({ length: rect.rowCount }, (_, r) => Array.from({ length: rect.columnCount }, (_, c) => cell(rect.row + r, rect.column + c)));
  }
}

/**
 * What Excel stores for an input written through `values` or `formulas`: in a cell formatted as text
 * ("@") any input stays text; otherwise text starting with "=" is a formula, and text that reads as a
 * number ("00123" -> 123) or an ISO date ("2024-01" -> its serial) is converted, as Excel converts typed text.
 */
function typed(input: unknown, format: string): { value: FakeValue; formula?: string } {
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const text = String(input);
  if (format === "@") return { value: text };
  if (text.startsWith("=") && text.length > 1) return { value: "", formula: text };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) return { value: Number(text) };
  const percent = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(text.trim()); // Excel reads "40%" as 0.4
  if (percent !== null) return { value: Number(percent[1]) / 100 };
  const date = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text.trim());
  if (date !== null) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3] ?? 1)];
    if (isCalendarDate(year, month, day)) return { value: excelSerial(dayFromDate(year, month, day)) };
  }
  return { value: text };
}

/** An Excel table: header row at `row`, `rowCount` rows including the header, plus a totals row when shown. */
export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  showTotals: boolean;
  headers: string[];
}

/** A rule that makes an operation fail, see `FakeWorkbook.failOn`. */
interface Failure {
  operation: string;
  occurrence: number;
  seen: number;
  code: string;
  message: string;
}

/**
 * An in-memory stand-in for an Excel workbook, with the parts of the object model that `src/excel`
 * uses (see `installFakeExcel` for the `Excel.run` it serves). It records every operation by name
 * ("Worksheets.add", "Range.formulas"...), counts `context.sync()` calls, and can be told to fail
 * an operation; like Excel, the operations after a failure in the same batch are not applied and the
 * failure surfaces at the next sync.
 * @example new FakeWorkbook().addSheet("Data").name // "Data"
 */
export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, FakeName>();
  readonly tables: FakeTable[] = [];
  /** Operations in the order they were requested. */
  readonly calls: string[] = [];
  syncCount = 0;
  /** The highest ExcelApi requirement set the fake host supports. */
  apiVersion = "1.17";
  activeSheet: FakeSheet | null = null;
  /** The selected areas (several when the user selected more than one). */
  selection: { sheet: FakeSheet; areas: Rect[] } | null = null;
  private readonly failures: Failure[] = [];

  /** Adds an empty sheet at the end. */
  addSheet(name: string): FakeSheet {
    checkSheetName(name, this.sheets);
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  /** The sheet named `name` (ignoring case). */
  sheet(name: string): FakeSheet {
    const sheet = this.findSheet(name);
    if (sheet === undefined) throw new FakeExcelError("ItemNotFound", `No sheet named ${name}`);
    return sheet;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Writes raw values (no conversion) from the top-left cell of `address`, e.g. to seed test data. */
  setValues(sheetName: string, address: string, values: readonly (readonly FakeValue[])[]): void {
    const { row, column } = parseAddress(address);
    this.sheet(sheetName).seed(row, column, values);
  }

  /** Selects one area or several (`select("Data", "A1", "C3")` is a two-area selection). */
  select(sheetName: string, ...addresses: string[]): void {
    this.selection = { sheet: this.sheet(sheetName), areas: addresses.map((a) => parseAddress(a)) };
  }

  /** Makes the `occurrence`-th call of `operation` from now (1 = the next) fail with `code`. */
  failOn(operation: string, occurrence = 1, code = "GeneralException", message = `Injected failure of ${operation}`): void {
    this.failures.push({ operation, occurrence, seen: 0, code, message });
  }

  /** A table by name (ignoring case), with its address, or undefined. */
  table(name: string): (FakeTable & { address: string }) | undefined {
    const table = this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    return table && { ...table, address: formatAddress(table.sheet.name, tableRect(table)) };
  }

  /** A workbook-scoped name, or a sheet-scoped one when `sheetName` is given. */
  name(name: string, sheetName?: string): FakeName | undefined {
    const scope = sheetName === undefined ? this.names : this.sheet(sheetName).names;
    return scope.get(name.toLowerCase());
  }

  /** Adds a table over `address` whose first row is its header, e.g. to seed a user's table. */
  addTable(sheetName: string, address: string, name?: string): FakeTable {
    const rect = parseAddress(address);
    return this.createTable(this.sheet(sheetName), rect, name);
  }

  /** @internal */
  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** @internal The failure planned for this call of `operation`, if any. */
  takeFailure(operation: string): FakeExcelError | null {
    this.calls.push(operation);
    for (const failure of this.failures) {
      if (failure.operation === operation && ++failure.seen === failure.occurrence) {
        return new FakeExcelError(failure.code, failure.message);
      }
    }
    return null;
  }

  /** @internal */
  createTable(sheet: FakeSheet, rect: Rect, name?: string): FakeTable {
    for (const other of this.tables) {
      if (other.sheet === sheet && intersect(tableRect(other), rect) !== null) {
        throw new FakeExcelError("InvalidOperation", `A table cannot overlap another table (${other.name})`);
      }
    }
    const tableName = name ?? `Table${this.tables.length + 1}`;
    this.checkNewName(tableName);
    const headers: string[] = [];
    for (let c = 0; c < rect.columnCount; c++) {
      const text = String(sheet.formulaAt(rect.row, rect.column + c)).trim() || `Column${c + 1}`;
      let unique = text;
      for (let copy = 2; headers.some((h) => h.toLowerCase() === unique.toLowerCase()); copy++) unique = `${text}${copy}`;
      headers.push(unique);
      sheet.seed(rect.row, rect.column + c, [[unique]]);
    }
    const { row, column, rowCount, columnCount } = rect;
    const table: FakeTable = { name: tableName, sheet, row, column, rowCount, columnCount, showTotals: false, headers };
    this.tables.push(table);
    return table;
  }

  /** @internal Names and tables share one namespace; both must be valid names. */
  checkNewName(name: string, scope: Map<string, FakeName> = this.names): void {
    const valid = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]$/.test(name) && name.length <= 255;
    if (!valid) throw new FakeExcelError("InvalidArgument", `Invalid name: ${name}`);
    const lower = name.toLowerCase();
    if (scope.has(lower) || (scope === this.names && this.tables.some((t) => t.name.toLowerCase() === lower))) {
      throw new FakeExcelError("ItemAlreadyExists", `The name ${name} already exists`);
    }
  }

  /** @internal Deletes a sheet with its tables and charts; names pointing at it become #REF!. */
  deleteSheet(sheet: FakeSheet): void {
    if (this.sheets.length === 1) throw new FakeExcelError("InvalidOperation", "A workbook must keep at least one visible sheet");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    const prefixes = [`'${sheet.name.replace(/'/g, "''")}'!`, `${sheet.name}!`];
    for (const item of this.names.values()) {
      for (const prefix of prefixes) item.formula = item.formula.split(prefix).join("#REF!");
    }
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
    if (this.selection?.sheet === sheet) this.selection = null;
  }
}

/**
 * A table's cells, header and totals row included.
 * @example tableRect(workbook.addTable("Data", "A1:B3")) // { row: 0, column: 0, rowCount: 3, columnCount: 2 }
 */
export function tableRect(table: FakeTable): Rect {
  return { row: table.row, column: table.column, rowCount: table.rowCount + (table.showTotals ? 1 : 0), columnCount: table.columnCount };
}

/**
 * Excel's sheet-name rules: 1 to 31 characters, none of [ ] : * ? / \, no apostrophe at either end, not
 * "History", unique ignoring case.
 * @throws FakeExcelError `InvalidArgument` or `ItemAlreadyExists`
 * @example checkSheetName("a/b", []) // throws InvalidArgument
 */
function checkSheetName(name: string, sheets: readonly FakeSheet[]): void {
  const valid = name.length >= 1 && name.length <= 31 && !/[[\]:*?/\\]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
  if (!valid || name.toLowerCase() === "history") throw new FakeExcelError("InvalidArgument", `Invalid sheet name: ${name}`);
  if (sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
    throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${name} already exists`);
  }
}
