import { type CellValue, CellType, DetailedCellError, ExportedCellChange, HyperFormula, type RawCellContent } from "hyperformula";
import { type FakeSheet, type FakeValue, type FakeWorkbook, FakeRequestContext, type Rect, SHEET_COLUMNS, SHEET_ROWS } from "../../excel/fake";
import { type CellPosition, a1Formula } from "./a1Formula";

/**
 * HyperFormula as Excel computes: a reference to an empty cell is 0; results keep every digit of the
 * double (HyperFormula rounds them to 10 significant digits by default, Excel keeps 15 and more);
 * sheets as large as Excel's.
 */
const ENGINE_CONFIG = { licenseKey: "gpl-v3", evaluateNullToZero: true, smartRounding: false, maxRows: SHEET_ROWS, maxColumns: SHEET_COLUMNS };

const keyOf = ({ sheet, row, column }: CellPosition) => `${sheet.toLowerCase()}!${row}:${column}`;

/**
 * A `FakeWorkbook` whose formulas are computed: HyperFormula evaluates every formula (structured
 * references translated to A1 by `a1Formula`, workbook and sheet names registered as named
 * expressions, custom functions as `registerCustomFunctions` set them up) and each formula cell's
 * value is stored back in the fake, as `Range.values` reads it in Excel (an error as its code, "#NUM!").
 * A formula whose result is an array spills it over the blank cells right of and below it, as in Excel
 * (a cell in the way gives #SPILL!); the spilled values are stored too, and blanked again when the array
 * shrinks or moves. A failing spilling function shows its error in its own cell only, as Excel does.
 * The fake stays the one model of the workbook: this class only adds the values, the error messages,
 * the selection per sheet, and listeners for a view.
 * @example const book = new CalculatedWorkbook(fake); book.recalculate(); fake.sheet("S").value("B2") // the formula's value
 */
export class CalculatedWorkbook {
  private engine: HyperFormula | null = null;
  /** Messages of error cells ("Value not found", a custom function's message). */
  private readonly errors = new Map<string, string>();
  /** The last selection on each sheet, restored when the sheet is shown again (as Excel does). */
  private readonly selections = new Map<FakeSheet, Rect>();
  private readonly listeners = new Set<() => void>();
  /** Formula cells whose result spills (HyperFormula's array formulas), by cell key. */
  private readonly arrays = new Map<string, CellPosition>();
  /** Cells showing a spilled value (not the formula's own cell), with the value stored there. */
  private spilled = new Map<string, { cell: CellPosition; value: FakeValue }>();
  /** Bumped at each change, for views that re-render on change. */
  version = 0;

  constructor(readonly model: FakeWorkbook) {}

  /** Builds the formula engine from the whole workbook anew and stores every formula's value. */
  recalculate(): void {
    this.clearSpills(new Map()); // spilled values are results, not inputs
    this.spilled = new Map();
    this.arrays.clear();
    this.engine?.destroy();
    const engine = HyperFormula.buildEmpty(ENGINE_CONFIG);
    this.engine = engine;
    this.errors.clear();
    const formulas: CellPosition[] = [];
    engine.batch(() => {
      for (const sheet of this.model.sheets) {
        engine.addSheet(sheet.name);
        const used = sheet.usedRect();
        if (used === null) continue;
        const whole = { row: 0, column: 0, rowCount: used.row + used.rowCount, columnCount: used.column + used.columnCount };
        const content = sheet.grid(whole, (row, column) => {
          if (sheet.hasFormula(row, column)) formulas.push({ sheet: sheet.name, row, column });
          return this.engineContent({ sheet: sheet.name, row, column }, sheet);
        });
        engine.setSheetContent(this.sheetId(sheet.name), content);
      }
      for (const named of this.model.names.values()) engine.addNamedExpression(named.name, named.formula);
      for (const sheet of this.model.sheets) {
        for (const named of sheet.names.values()) engine.addNamedExpression(named.name, named.formula, this.sheetId(sheet.name));
      }
    });
    for (const cell of formulas) {
      const address = { sheet: this.sheetId(cell.sheet), row: cell.row, col: cell.column };
      this.store(cell, engine.getCellValue(address));
      if (engine.getCellType(address) === CellType.ARRAYFORMULA) this.arrays.set(keyOf(cell), cell);
    }
    this.storeSpills();
    this.changed();
  }

  /**
   * Enters `input` in a cell as a user types it: through the fake's `Range.formulas` (so text becomes a
   * number, a date or a formula as Excel would; "40%" is read as 0.4, as Excel reads it), then only the
   * cells that depend on it are computed again (everything when the cell is cleared and a formula spills:
   * HyperFormula fills a spill that a cell blocked only when its formula is entered again).
   * @throws FakeExcelError when Excel would refuse the input (a structured reference to a missing column)
   */
  async edit(cell: CellPosition, input: string): Promise<void> {
    const context = new FakeRequestContext(this.model);
    context.workbook.worksheets.getItem(cell.sheet).getRangeByIndexes(cell.row, cell.column, 1, 1).formulas = [[input]];
    await context.sync();
    const sheet = this.model.sheet(cell.sheet);
    this.spilled.delete(keyOf(cell)); // the cell now holds what was typed
    if (this.engine === null || (sheet.formulaAt(cell.row, cell.column) === "" && this.arrays.size > 0)) return this.recalculate();
    this.errors.delete(keyOf(cell));
    const changes = this.engine.setCellContents(
      { sheet: this.sheetId(sheet.name), row: cell.row, col: cell.column },
      [[this.engineContent(cell, sheet)]]
    );
    for (const change of changes) {
      if (!(change instanceof ExportedCellChange)) continue;
      const changedSheet = this.model.sheet(this.engine.getSheetName(change.sheet) as string);
      if (changedSheet.hasFormula(change.row, change.col)) {
        this.store({ sheet: changedSheet.name, row: change.row, column: change.col }, change.newValue);
      }
    }
    const address = { sheet: this.sheetId(sheet.name), row: cell.row, col: cell.column };
    if (this.engine.getCellType(address) === CellType.ARRAYFORMULA) this.arrays.set(keyOf(cell), cell);
    else this.arrays.delete(keyOf(cell));
    this.storeSpills();
    this.changed();
  }

  /** The message of an error cell (why it shows "#NUM!"), or undefined. */
  errorMessage(cell: CellPosition): string | undefined {
    return this.errors.get(keyOf(cell));
  }

  /** Selects `rect` on `sheet` and shows that sheet. */
  select(sheet: FakeSheet, rect: Rect): void {
    this.selections.set(sheet, rect);
    this.model.activeSheet = sheet;
    this.model.selection = { sheet, areas: [rect] };
    this.changed();
  }

  /** Shows a sheet with the selection it had (A1 the first time). */
  activate(sheet: FakeSheet): void {
    this.select(sheet, this.selections.get(sheet) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 });
  }

  /** After the add-in changed the workbook: the active sheet gets its own selection back, and views hear of it. */
  syncSelection(): void {
    const { activeSheet, selection } = this.model;
    if (activeSheet !== null && selection?.sheet !== activeSheet) this.activate(activeSheet);
    else this.changed();
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  private sheetId(name: string): number {
    return this.engine?.getSheetId(name) as number;
  }

  /** What HyperFormula gets for a cell: a formula in A1 terms, a number, a boolean, text (kept as text by a leading '), or null. */
  private engineContent(cell: CellPosition, sheet: FakeSheet): RawCellContent {
    const input = sheet.formulaAt(cell.row, cell.column);
    if (sheet.hasFormula(cell.row, cell.column)) return a1Formula(input as string, cell, this.model.tables);
    if (input === "") return null;
    return typeof input === "string" ? `'${input}` : input;
  }

  /** Stores the values each array formula spills (error values aside) and blanks the cells no longer spilled over. */
  private storeSpills(): void {
    const engine = this.engine as HyperFormula;
    const spilled = new Map<string, { cell: CellPosition; value: FakeValue }>();
    for (const anchor of this.arrays.values()) {
      const sheet = this.sheetId(anchor.sheet);
      const inArray = (row: number, column: number) => engine.getCellType({ sheet, row, col: column }) === CellType.ARRAY;
      let width = 1;
      while (inArray(anchor.row, anchor.column + width)) width++;
      let height = 1;
      while (inArray(anchor.row + height, anchor.column)) height++;
      for (let row = anchor.row; row < anchor.row + height; row++) {
        for (let column = anchor.column; column < anchor.column + width; column++) {
          if (!inArray(row, column)) continue;
          const value = engine.getCellValue({ sheet, row, col: column });
          // HyperFormula repeats a failing array's error over its area; Excel shows it in the formula's cell only.
          if (value === null || value instanceof DetailedCellError) continue;
          const cell = { sheet: anchor.sheet, row, column };
          spilled.set(keyOf(cell), { cell, value });
        }
      }
    }
    this.clearSpills(spilled);
    for (const { cell, value } of spilled.values()) this.model.sheet(cell.sheet).seed(cell.row, cell.column, [[value]]);
    this.spilled = spilled;
  }

  /** Blanks the cells spilled over before, except those in `keep`, unless something else was written there since. */
  private clearSpills(keep: ReadonlyMap<string, unknown>): void {
    for (const [key, { cell, value }] of this.spilled) {
      const sheet = this.model.findSheet(cell.sheet);
      if (!keep.has(key) && sheet?.formulaAt(cell.row, cell.column) === value) sheet.seed(cell.row, cell.column, [[""]]);
    }
  }

  /** Stores a computed value in the fake: errors as their code, with the message kept aside. */
  private store(cell: CellPosition, value: CellValue): void {
    let stored: FakeValue;
    if (value instanceof DetailedCellError) {
      stored = value.value;
      this.errors.set(keyOf(cell), value.message);
    } else {
      stored = value ?? 0;
    }
    this.model.sheet(cell.sheet).seed(cell.row, cell.column, [[stored]]);
  }
}
