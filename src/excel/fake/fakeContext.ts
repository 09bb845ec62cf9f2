import { rangeAddress } from "../../core/report";
import { type Rect, formatAddress, intersect, parseAddress } from "./a1";
import {
  type FakeChart,
  FakeExcelError,
  type FakeName,
  type FakeSheet,
  type FakeTable,
  type FakeValue,
  type FakeWorkbook,
  SHEET_COLUMNS,
  SHEET_ROWS,
  tableRect,
} from "./fakeWorkbook";
import { formatValue } from "./formatValue";
import { findStructuredReferences } from "./structuredReferences";

// Stand-ins for the Office.js proxy objects that src/excel uses, with Office.js's rules: a property is
// read only after `load` and a `context.sync()`; `isNullObject` only after a sync; writes apply at once
// but an error stops the rest of the batch and is thrown by the next sync.

/** The properties a `load` call asks for; null: all of them. */
function requested(properties: unknown): string[] | null {
  if (properties === undefined || (typeof properties === "object" && !Array.isArray(properties))) return null;
  const list = Array.isArray(properties) ? properties : String(properties).split(",");
  return list.map((p) => String(p).trim().split("/")[0]);
}

/**
 * Versions such as "1.10" compared part by part: negative, 0 or positive.
 * @example compareVersions("1.10", "1.9") // 1
 */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The request context of one `Excel.run` on a fake workbook. */
export class FakeRequestContext {
  readonly workbook: FakeWorkbookObject;
  /** Syncs of this context so far. */
  syncs = 0;
  private loads: { target: ClientObject; properties: string[] | null }[] = [];
  private failure: FakeExcelError | null = null;
  private unsynced = 0;

  constructor(readonly model: FakeWorkbook) {
    this.workbook = new FakeWorkbookObject(this);
  }

  /** Sends the batch: loads complete, and a failure of any operation since the last sync is thrown. */
  async sync(): Promise<void> {
    this.model.syncCount++;
    this.syncs++;
    this.unsynced = 0;
    const [loads, failure] = [this.loads, this.failure];
    this.loads = [];
    this.failure = null;
    if (failure !== null) throw failure;
    for (const { target, properties } of loads) target.completeLoad(properties);
  }

  /** Whether operations wait for a sync (Excel.run sends them at the end). */
  get pending(): boolean {
    return this.unsynced > 0;
  }

  /** @internal Runs an operation now, unless the batch has failed; a failure waits for the next sync. */
  run<T>(operation: string, action: () => T, fallback: T): T {
    this.unsynced++;
    const injected = this.model.takeFailure(operation);
    if (this.failure !== null) return fallback;
    if (injected !== null) {
      this.failure = injected;
      return fallback;
    }
    try {
      return action();
    } catch (error) {
      if (error instanceof RangeError) this.failure = new FakeExcelError("InvalidArgument", error.message);
      else if (error instanceof FakeExcelError) this.failure = error;
      else throw error;
      return fallback;
    }
  }

  /** @internal */
  queueLoad(target: ClientObject, properties: unknown): void {
    this.unsynced++;
    this.loads.push({ target, properties: requested(properties) });
  }
}

/** The base of the proxies: load tracking and null objects. */
abstract class ClientObject {
  private loaded: Set<string> | "all" = new Set();
  private readonly bornAtSync: number;

  constructor(readonly context: FakeRequestContext) {
    this.bornAtSync = context.syncs;
  }

  load(properties?: unknown): this {
    this.context.queueLoad(this, properties);
    return this;
  }

  /** Readable after a sync, as in Office.js. */
  get isNullObject(): boolean {
    if (this.context.syncs <= this.bornAtSync) throw notLoaded("isNullObject");
    return this.isNull();
  }

  /** @internal */
  completeLoad(properties: string[] | null): void {
    if (properties === null || this.loaded === "all") this.loaded = "all";
    else for (const p of properties) this.loaded.add(p);
  }

  protected isNull(): boolean {
    return false;
  }

  protected read<T>(property: string, get: () => T): T {
    if (this.loaded !== "all" && !this.loaded.has(property)) throw notLoaded(property);
    if (this.isNull()) throw new FakeExcelError("InvalidObjectPath", `Cannot read ${property} of a null object`);
    return get();
  }
}

function notLoaded(property: string): FakeExcelError {
  return new FakeExcelError("PropertyNotLoaded", `The property '${property}' is not available: call load and context.sync() first`);
}

/** A sheet that must exist when an operation uses it. */
function live(sheet: FakeSheet | null, workbook: FakeWorkbook): FakeSheet {
  if (sheet === null || !workbook.sheets.includes(sheet)) throw new FakeExcelError("ItemNotFound", "The worksheet does not exist");
  return sheet;
}

export class FakeWorkbookObject extends ClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;

  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context, null);
    this.tables = new FakeTableCollection(context, null);
    this.application = new FakeApplication(context);
  }

  /** The selected range; a selection of several areas fails with InvalidSelection, as in Excel. */
  getSelectedRange(): FakeRange {
    const { model } = this.context;
    return this.context.run(
      "Workbook.getSelectedRange",
      () => {
        const selection = model.selection;
        if (selection === null) throw new FakeExcelError("InvalidSelection", "Nothing is selected");
        if (selection.areas.length !== 1) throw new FakeExcelError("InvalidSelection", "The current selection is invalid for this operation");
        return new FakeRange(this.context, selection.sheet, selection.areas[0]);
      },
      new FakeRange(this.context, null, null)
    );
  }
}

export class FakeApplication extends ClientObject {
  suspendApiCalculationUntilNextSync(): void {
    this.requireApi("Application.suspendApiCalculationUntilNextSync", "1.6");
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.requireApi("Application.suspendScreenUpdatingUntilNextSync", "1.9");
  }

  private requireApi(operation: string, version: string): void {
    this.context.run(
      operation,
      () => {
        if (compareVersions(this.context.model.apiVersion, version) < 0) throw new FakeExcelError("ApiNotFound", `${operation} needs ExcelApi ${version}`);
      },
      undefined
    );
  }
}

export class FakeWorksheetCollection extends ClientObject {
  get items(): FakeWorksheet[] {
    return this.read("items", () => this.context.model.sheets.map((sheet) => loadedWorksheet(this.context, sheet)));
  }

  add(name: string): FakeWorksheet {
    const { model } = this.context;
    return this.context.run("Worksheets.add", () => new FakeWorksheet(this.context, model.addSheet(name)), new FakeWorksheet(this.context, null));
  }

  getItem(name: string): FakeWorksheet {
    const { model } = this.context;
    return this.context.run("Worksheets.getItem", () => new FakeWorksheet(this.context, model.sheet(name)), new FakeWorksheet(this.context, null));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const { model } = this.context;
    return this.context.run(
      "Worksheets.getItemOrNullObject",
      () => new FakeWorksheet(this.context, model.findSheet(name) ?? null),
      new FakeWorksheet(this.context, null)
    );
  }
}

function loadedWorksheet(context: FakeRequestContext, sheet: FakeSheet): FakeWorksheet {
  const proxy = new FakeWorksheet(context, sheet);
  proxy.completeLoad(null);
  return proxy;
}

export class FakeWorksheet extends ClientObject {
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly freezePanes: { freezeRows: (count?: number) => void };

  constructor(
    context: FakeRequestContext,
    readonly model: FakeSheet | null
  ) {
    super(context);
    this.names = new FakeNamedItemCollection(context, this);
    this.tables = new FakeTableCollection(context, this);
    this.charts = new FakeChartCollection(context, this);
    this.freezePanes = {
      freezeRows: (count = 1) => context.run("FreezePanes.freezeRows", () => void (this.sheet().frozenRows = count), undefined),
    };
  }

  get name(): string {
    return this.read("name", () => this.sheet().name);
  }

  /** @internal The sheet, which must still exist. */
  sheet(): FakeSheet {
    return live(this.model, this.context.model);
  }

  getRange(address: string): FakeRange {
    return this.context.run(
      "Worksheet.getRange",
      () => {
        const rect = parseAddress(address);
        const sheet = rect.sheet === undefined ? this.sheet() : this.context.model.sheet(rect.sheet);
        return new FakeRange(this.context, sheet, rect);
      },
      new FakeRange(this.context, null, null)
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.context.run(
      "Worksheet.getRangeByIndexes",
      () => {
        const rect = { row: startRow, column: startColumn, rowCount, columnCount };
        if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0 || startRow + rowCount > SHEET_ROWS || startColumn + columnCount > SHEET_COLUMNS) {
          throw new FakeExcelError("InvalidArgument", `No such range: ${JSON.stringify(rect)}`);
        }
        return new FakeRange(this.context, this.sheet(), rect);
      },
      new FakeRange(this.context, null, null)
    );
  }

  /** The used range (A1 on an empty sheet, as Excel gives). */
  getUsedRange(_valuesOnly?: boolean): FakeRange {
    return this.context.run(
      "Worksheet.getUsedRange",
      () => new FakeRange(this.context, this.sheet(), this.sheet().usedRect() ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 }),
      new FakeRange(this.context, null, null)
    );
  }

  activate(): void {
    this.context.run("Worksheet.activate", () => void (this.context.model.activeSheet = this.sheet()), undefined);
  }

  delete(): void {
    this.context.run("Worksheet.delete", () => this.context.model.deleteSheet(this.sheet()), undefined);
  }

  protected override isNull(): boolean {
    return this.model === null || !this.context.model.sheets.includes(this.model);
  }
}

/** Checks the structured references of a formula written to (`row`, `column`) as Excel would refuse them. */
function checkStructuredReferences(formula: string, sheet: FakeSheet, row: number, column: number, workbook: FakeWorkbook): void {
  for (const reference of findStructuredReferences(formula)) {
    const name = reference.table;
    const table =
      name === null
        ? workbook.tables.find((t) => t.sheet === sheet && intersect(tableRect(t), { row, column, rowCount: 1, columnCount: 1 }) !== null)
        : workbook.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (table === undefined) {
      throw new FakeExcelError("InvalidArgument", `${formula}: ${name === null ? "a [column] reference outside a table" : `no table named ${name}`}`);
    }
    for (const wanted of reference.columns) {
      if (!table.headers.some((h) => h.toLowerCase() === wanted.toLowerCase())) {
        throw new FakeExcelError("InvalidArgument", `${formula}: table ${table.name} has no column ${wanted}`);
      }
    }
  }
}

export class FakeRange extends ClientObject {
  readonly format: FakeRangeFormat;
  private worksheetProxy: FakeWorksheet | null = null;

  constructor(
    context: FakeRequestContext,
    private readonly model: FakeSheet | null,
    private readonly rect: Rect | null
  ) {
    super(context);
    this.format = new FakeRangeFormat(this);
  }

  get address(): string {
    return this.read("address", () => formatAddress(this.cells().sheet.name, this.cells().rect));
  }
  get rowCount(): number {
    return this.read("rowCount", () => this.cells().rect.rowCount);
  }
  get columnCount(): number {
    return this.read("columnCount", () => this.cells().rect.columnCount);
  }
  get rowIndex(): number {
    return this.read("rowIndex", () => this.cells().rect.row);
  }
  get columnIndex(): number {
    return this.read("columnIndex", () => this.cells().rect.column);
  }
  get cellCount(): number {
    return this.read("cellCount", () => this.cells().rect.rowCount * this.cells().rect.columnCount);
  }
  get values(): FakeValue[][] {
    return this.read("values", () => {
      const { sheet, rect } = this.cells();
      return sheet.grid(rect, (r, c) => sheet.valueAt(r, c));
    });
  }
  set values(values: unknown) {
    this.write("Range.values", values, (sheet, r, c, value) => sheet.setCell(r, c, value));
  }
  get formulas(): FakeValue[][] {
    return this.read("formulas", () => this.cells().sheet.grid(this.cells().rect, (r, c) => this.cells().sheet.formulaAt(r, c)));
  }
  set formulas(formulas: unknown) {
    this.write("Range.formulas", formulas, (sheet, r, c, value) => {
      if (typeof value === "string" && value.startsWith("=") && sheet.formatAt(r, c) !== "@") {
        checkStructuredReferences(value, sheet, r, c, this.context.model);
      }
      sheet.setCell(r, c, value);
    });
  }
  /** The cells as Excel shows them under their number formats (`formatValue`: the formats the report writes). */
  get text(): string[][] {
    return this.read("text", () => {
      const { sheet, rect } = this.cells();
      return sheet.grid(rect, (r, c) => formatValue(sheet.valueAt(r, c), sheet.formatAt(r, c)));
    });
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat", () => this.cells().sheet.grid(this.cells().rect, (r, c) => this.cells().sheet.formatAt(r, c)));
  }
  set numberFormat(formats: unknown) {
    this.write("Range.numberFormat", formats, (sheet, r, c, value) => sheet.setFormat(r, c, value));
  }

  get worksheet(): FakeWorksheet {
    this.worksheetProxy ??= new FakeWorksheet(this.context, this.model);
    return this.worksheetProxy;
  }

  /** The block of non-empty cells around this range (Ctrl+Shift+*): it grows while a neighbouring row or column has data. */
  getSurroundingRegion(): FakeRange {
    return this.derived("Range.getSurroundingRegion", (sheet, rect) => {
      let [top, left, bottom, right] = [rect.row, rect.column, rect.row + rect.rowCount - 1, rect.column + rect.columnCount - 1];
      const rowHas = (row: number) => row >= 0 && row < SHEET_ROWS && range(left - 1, right + 1).some((c) => c >= 0 && sheet.hasData(row, c));
      const columnHas = (column: number) => column >= 0 && range(top - 1, bottom + 1).some((r) => r >= 0 && sheet.hasData(r, column));
      for (let before = -1; before !== top + left + bottom + right; ) {
        before = top + left + bottom + right;
        while (rowHas(top - 1)) top--;
        while (rowHas(bottom + 1)) bottom++;
        while (columnHas(left - 1)) left--;
        while (columnHas(right + 1)) right++;
      }
      return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
    });
  }

  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return this.derived("Range.getIntersectionOrNullObject", (sheet, rect) => {
      const target = typeof other === "string" ? { sheet, rect: parseAddress(other) } : other.cells();
      return target.sheet === sheet ? intersect(rect, target.rect) : null;
    });
  }

  /** @internal The sheet and rectangle, which must exist. */
  cells(): { sheet: FakeSheet; rect: Rect } {
    if (this.rect === null) throw new FakeExcelError("InvalidObjectPath", "The range does not exist");
    return { sheet: live(this.model, this.context.model), rect: this.rect };
  }

  protected override isNull(): boolean {
    return this.rect === null;
  }

  private derived(operation: string, make: (sheet: FakeSheet, rect: Rect) => Rect | null): FakeRange {
    return this.context.run(
      operation,
      () => {
        const { sheet, rect } = this.cells();
        return new FakeRange(this.context, sheet, make(sheet, rect));
      },
      new FakeRange(this.context, null, null)
    );
  }

  /** Writes a 2-D array of the range's size (or one value for every cell), cell by cell. */
  private write(operation: string, input: unknown, set: (sheet: FakeSheet, row: number, column: number, value: unknown) => void): void {
    this.context.run(
      operation,
      () => {
        const { sheet, rect } = this.cells();
        const grid = Array.isArray(input) ? (input as unknown[][]) : null;
        if (grid !== null && (grid.length !== rect.rowCount || grid.some((row) => !Array.isArray(row) || row.length !== rect.columnCount))) {
          throw new FakeExcelError("InvalidArgument", `${operation}: the array does not match the range's size (${rect.rowCount} x ${rect.columnCount})`);
        }
        for (let r = 0; r < rect.rowCount; r++) {
          for (let c = 0; c < rect.columnCount; c++) set(sheet, rect.row + r, rect.column + c, grid === null ? input : grid[r][c]);
        }
      },
      undefined
    );
  }
}

const cellOf = (row: number, column: number) => rangeAddress(row, column, 1, 1);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export class FakeRangeFormat {
  readonly font: { bold: boolean; size: number };

  constructor(private readonly owner: FakeRange) {
    const run = (operation: string, action: (sheet: FakeSheet, rect: Rect) => void) =>
      owner.context.run(operation, () => {
        const { sheet, rect } = owner.cells();
        action(sheet, rect);
      }, undefined);
    this.font = {
      set bold(bold: boolean) {
        run("RangeFont.bold", (sheet, rect) => sheet.grid(rect, (r, c) => sheet.setBold(r, c, bold)));
      },
      get bold(): boolean {
        throw notLoaded("bold");
      },
      set size(_size: number) {
        run("RangeFont.size", () => undefined);
      },
      get size(): number {
        throw notLoaded("size");
      },
    };
  }

  /** Column width in points, for every column of the range. */
  set columnWidth(points: number) {
    this.apply("RangeFormat.columnWidth", (sheet, rect) => range(rect.column, rect.column + rect.columnCount - 1).forEach((c) => sheet.columnWidths.set(c, points)));
  }

  /** Sets each column's width from its longest text in the range (about 7 points a character). */
  autofitColumns(): void {
    this.apply("RangeFormat.autofitColumns", (sheet, rect) => {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        let longest = 0;
        for (let r = rect.row; r < rect.row + rect.rowCount; r++) longest = Math.max(longest, String(sheet.valueAt(r, c)).length);
        sheet.columnWidths.set(c, Math.max(8, longest) * 7);
        sheet.autofitted.add(c);
      }
    });
  }

  private apply(operation: string, action: (sheet: FakeSheet, rect: Rect) => void): void {
    this.owner.context.run(operation, () => {
      const { sheet, rect } = this.owner.cells();
      action(sheet, rect);
    }, undefined);
  }
}

export class FakeNamedItemCollection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet | null
  ) {
    super(context);
  }

  get items(): FakeNamedItem[] {
    return this.read("items", () =>
      [...this.scope().values()].map((item) => {
        const proxy = new FakeNamedItem(this.context, item, this.scope());
        proxy.completeLoad(null);
        return proxy;
      })
    );
  }

  /** Adds a name for a range (stored as its absolute, sheet-qualified address) or a formula such as '="x"'. */
  add(name: string, reference: FakeRange | string, comment = ""): FakeNamedItem {
    return this.context.run(
      "Names.add",
      () => {
        const scope = this.scope();
        this.context.model.checkNewName(name, scope);
        let formula = String(reference);
        if (reference instanceof FakeRange) {
          const { sheet, rect } = reference.cells();
          formula = `=${formatAddress(sheet.name, rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
        }
        const item: FakeName = { name, formula, comment, visible: true };
        scope.set(name.toLowerCase(), item);
        return new FakeNamedItem(this.context, item, scope);
      },
      new FakeNamedItem(this.context, null, new Map())
    );
  }

  getItem(name: string): FakeNamedItem {
    return this.context.run(
      "Names.getItem",
      () => {
        const item = this.scope().get(name.toLowerCase());
        if (item === undefined) throw new FakeExcelError("ItemNotFound", `No name ${name}`);
        return new FakeNamedItem(this.context, item, this.scope());
      },
      new FakeNamedItem(this.context, null, new Map())
    );
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return this.context.run(
      "Names.getItemOrNullObject",
      () => new FakeNamedItem(this.context, this.scope().get(name.toLowerCase()) ?? null, this.scope()),
      new FakeNamedItem(this.context, null, new Map())
    );
  }

  private scope(): Map<string, FakeName> {
    return this.worksheet === null ? this.context.model.names : this.worksheet.sheet().names;
  }
}

export class FakeNamedItem extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly model: FakeName | null,
    private readonly scope: Map<string, FakeName>
  ) {
    super(context);
  }

  get name(): string {
    return this.read("name", () => this.item().name);
  }
  get formula(): string {
    return this.read("formula", () => this.item().formula);
  }
  get comment(): string {
    return this.read("comment", () => this.item().comment);
  }
  get visible(): boolean {
    return this.read("visible", () => this.item().visible);
  }
  set visible(visible: boolean) {
    this.context.run("NamedItem.visible", () => void (this.item().visible = visible), undefined);
  }

  delete(): void {
    this.context.run("NamedItem.delete", () => void this.scope.delete(this.item().name.toLowerCase()), undefined);
  }

  protected override isNull(): boolean {
    return this.model === null || !this.scope.has(this.model.name.toLowerCase());
  }

  private item(): FakeName {
    if (this.isNull()) throw new FakeExcelError("ItemNotFound", "The name does not exist");
    return this.model as FakeName;
  }
}

export class FakeTableCollection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet | null
  ) {
    super(context);
  }

  get items(): FakeTableObject[] {
    return this.read("items", () =>
      this.context.model.tables
        .filter((t) => this.worksheet === null || t.sheet === this.worksheet.model)
        .map((t) => {
          const proxy = new FakeTableObject(this.context, t);
          proxy.completeLoad(null);
          return proxy;
        })
    );
  }

  /** A table over `range` (a Range, or an address on the collection's sheet); its first row is the header. */
  add(source: FakeRange | string, hasHeaders: boolean): FakeTableObject {
    return this.context.run(
      "Tables.add",
      () => {
        if (!hasHeaders) throw new FakeExcelError("InvalidArgument", "The fake only makes tables with headers");
        const target = typeof source === "string" ? this.addressOnSheet(source) : source.cells();
        return new FakeTableObject(this.context, this.context.model.createTable(target.sheet, target.rect));
      },
      new FakeTableObject(this.context, null)
    );
  }

  getItem(name: string): FakeTableObject {
    return this.context.run(
      "Tables.getItem",
      () => {
        const table = this.context.model.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
        if (table === undefined) throw new FakeExcelError("ItemNotFound", `No table ${name}`);
        return new FakeTableObject(this.context, table);
      },
      new FakeTableObject(this.context, null)
    );
  }

  private addressOnSheet(address: string): { sheet: FakeSheet; rect: Rect } {
    const rect = parseAddress(address);
    const sheet = rect.sheet !== undefined ? this.context.model.sheet(rect.sheet) : this.worksheet?.sheet();
    if (sheet === undefined) throw new FakeExcelError("InvalidArgument", `${address} names no sheet`);
    return { sheet, rect };
  }
}

export class FakeTableObject extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly model: FakeTable | null
  ) {
    super(context);
  }

  get name(): string {
    return this.read("name", () => this.table().name);
  }
  set name(name: string) {
    this.context.run(
      "Table.name",
      () => {
        const table = this.table();
        if (table.name.toLowerCase() !== name.toLowerCase()) this.context.model.checkNewName(name);
        table.name = name;
      },
      undefined
    );
  }
  get showTotals(): boolean {
    return this.read("showTotals", () => this.table().showTotals);
  }
  /** Showing totals takes the row under the table, which must be empty (Excel would shift cells down). */
  set showTotals(show: boolean) {
    this.context.run(
      "Table.showTotals",
      () => {
        const table = this.table();
        const below = table.row + table.rowCount;
        if (show && !table.showTotals && range(table.column, table.column + table.columnCount - 1).some((c) => table.sheet.hasData(below, c))) {
          throw new FakeExcelError("InvalidOperation", `The row under table ${table.name} is not empty`);
        }
        table.showTotals = show;
      },
      undefined
    );
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this.model?.sheet ?? null);
  }

  getRange(): FakeRange {
    return this.part("Table.getRange", (t) => tableRect(t));
  }
  getHeaderRowRange(): FakeRange {
    return this.part("Table.getHeaderRowRange", (t) => ({ row: t.row, column: t.column, rowCount: 1, columnCount: t.columnCount }));
  }
  getDataBodyRange(): FakeRange {
    return this.part("Table.getDataBodyRange", (t) => ({ row: t.row + 1, column: t.column, rowCount: t.rowCount - 1, columnCount: t.columnCount }));
  }
  getTotalRowRange(): FakeRange {
    return this.part("Table.getTotalRowRange", (t) => {
      if (!t.showTotals) throw new FakeExcelError("InvalidOperation", `Table ${t.name} shows no totals row`);
      return { row: t.row + t.rowCount, column: t.column, rowCount: 1, columnCount: t.columnCount };
    });
  }

  protected override isNull(): boolean {
    return this.model === null || !this.context.model.tables.includes(this.model);
  }

  private table(): FakeTable {
    if (this.isNull()) throw new FakeExcelError("ItemNotFound", "The table does not exist");
    return this.model as FakeTable;
  }

  private part(operation: string, rect: (table: FakeTable) => Rect): FakeRange {
    return this.context.run(operation, () => new FakeRange(this.context, this.table().sheet, rect(this.table())), new FakeRange(this.context, null, null));
  }
}

export class FakeChartCollection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet
  ) {
    super(context);
  }

  /** A chart of `type` over `source`: one series per column (or row) of it, named Series1, Series2... */
  add(type: string, source: FakeRange, seriesBy: "Auto" | "Columns" | "Rows" = "Auto"): FakeChartObject {
    return this.context.run(
      "Charts.add",
      () => {
        const { sheet, rect } = source.cells();
        const byRows = seriesBy === "Rows";
        const count = byRows ? rect.rowCount : rect.columnCount;
        const chart: FakeChart = {
          type,
          title: "",
          categoryAxisTitle: "",
          valueAxisTitle: "",
          series: Array.from({ length: count }, (_, i) => ({
            name: `Series${i + 1}`,
            values: formatAddress(sheet.name, byRows ? { ...rect, row: rect.row + i, rowCount: 1 } : { ...rect, column: rect.column + i, columnCount: 1 }),
          })),
        };
        this.worksheet.sheet().charts.push(chart);
        return new FakeChartObject(this.context, chart);
      },
      new FakeChartObject(this.context, null)
    );
  }
}

export class FakeChartObject extends ClientObject {
  readonly title: { text: string };
  readonly axes: { categoryAxis: { title: { text: string } }; valueAxis: { title: { text: string } } };
  readonly series: { getItemAt: (index: number) => FakeChartSeries; add: (name?: string) => FakeChartSeries };

  constructor(
    context: FakeRequestContext,
    private readonly model: FakeChart | null
  ) {
    super(context);
    const text = (operation: string, set: (chart: FakeChart, text: string) => void) => ({
      set text(value: string) {
        context.run(operation, () => set(chartOf(model), value), undefined);
      },
      get text(): string {
        throw notLoaded("text");
      },
    });
    this.title = text("ChartTitle.text", (chart, value) => (chart.title = value));
    this.axes = {
      categoryAxis: { title: text("CategoryAxisTitle.text", (chart, value) => (chart.categoryAxisTitle = value)) },
      valueAxis: { title: text("ValueAxisTitle.text", (chart, value) => (chart.valueAxisTitle = value)) },
    };
    this.series = {
      getItemAt: (index) =>
        context.run(
          "ChartSeries.getItemAt",
          () => {
            if (chartOf(model).series[index] === undefined) throw new FakeExcelError("ItemNotFound", `No series ${index}`);
            return new FakeChartSeries(context, model, index);
          },
          new FakeChartSeries(context, null, 0)
        ),
      add: (name) =>
        context.run(
          "ChartSeries.add",
          () => new FakeChartSeries(context, model, chartOf(model).series.push({ name: name ?? `Series${chartOf(model).series.length + 1}`, values: "" }) - 1),
          new FakeChartSeries(context, null, 0)
        ),
    };
  }

  /** Places the chart over the cells from `startCell` to `endCell` (addresses or ranges). */
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const where = (cell: FakeRange | string) => (typeof cell === "string" ? cell : cellOf(cell.cells().rect.row, cell.cells().rect.column));
    this.context.run(
      "Chart.setPosition",
      () => {
        const chart = chartOf(this.model);
        chart.from = where(startCell);
        if (endCell !== undefined) chart.to = where(endCell);
      },
      undefined
    );
  }
}

function chartOf(chart: FakeChart | null): FakeChart {
  if (chart === null) throw new FakeExcelError("ItemNotFound", "The chart does not exist");
  return chart;
}

export class FakeChartSeries extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly chart: FakeChart | null,
    private readonly index: number
  ) {
    super(context);
  }

  set name(name: string) {
    this.context.run("ChartSeries.name", () => void (chartOf(this.chart).series[this.index].name = name), undefined);
  }
  get name(): string {
    return this.read("name", () => chartOf(this.chart).series[this.index].name);
  }

  setValues(source: FakeRange): void {
    this.context.run("ChartSeries.setValues", () => void (chartOf(this.chart).series[this.index].values = addressOf(source)), undefined);
  }

  setXAxisValues(source: FakeRange): void {
    this.context.run("ChartSeries.setXAxisValues", () => void (chartOf(this.chart).series[this.index].categories = addressOf(source)), undefined);
  }
}

function addressOf(source: FakeRange): string {
  const { sheet, rect } = source.cells();
  return formatAddress(sheet.name, rect);
}
