import { type ByteGrid, type CellGrid, type CellValue, isBlankCell, isByteGrid } from "./cellGrid";
import type { KeyTable } from "./keyTable";
import { type AmountIssue, type DecimalSetting, plainDecimal, readAmount } from "./readAmount";
import { type DateIssue, type DateOrderSetting, type DateSystem, readDay, readMachineDay } from "./readDay";

/**
 * How `parseTransactions` reads the cells it checks. Each method gives what the function it is named
 * after gives on `grid.cell(row, column)`; a {@link ByteGrid}'s cells in the common machine formats
 * (ids, 2024-03-05, 12.50) are read in place, the others through `grid.cell`.
 */
export interface CellReader {
  /** `isBlankCell`. */
  isBlank(row: number, column: number): boolean;
  /** `readDay`. */
  day(row: number, column: number, system: DateSystem, order: DateOrderSetting): number | DateIssue;
  /** `readAmount`. */
  amount(row: number, column: number, decimal: DecimalSetting): number | AmountIssue;
  /** Whether `idText` gives the cell an id (it returns null for values that cannot be one). */
  isId(row: number, column: number, idText: (value: CellValue) => string | null): boolean;
  /** -1 for a blank cell, else `keys.indexOf(idText(cell))`, for a cell that {@link isId}. */
  key(row: number, column: number, keys: KeyTable, idText: (value: CellValue) => string | null): number;
  /** `out[i] = key(rows[i], column, keys, idText)` for every i, keys numbered in that order. */
  keyColumn(rows: Int32Array, column: number, keys: KeyTable, idText: (value: CellValue) => string | null, out: Int32Array): void;
}

/**
 * The reader for a grid: in place for byte grids, else through `grid.cell`. `idText` functions given
 * to a byte grid's reader must return a text cell trimmed, as the parser's do.
 *
 * @example cellReader(parseCsv("id,amount\nc1,12.50\n")).amount(1, 1, null) // 12.5
 */
export function cellReader(grid: CellGrid): CellReader {
  return isByteGrid(grid) ? new ByteCellReader(grid) : new ValueCellReader(grid);
}

class ValueCellReader implements CellReader {
  constructor(private readonly grid: CellGrid) {}

  isBlank(row: number, column: number): boolean {
    return isBlankCell(this.grid.cell(row, column));
  }

  day(row: number, column: number, system: DateSystem, order: DateOrderSetting): number | DateIssue {
    return readDay(this.grid.cell(row, column), system, order);
  }

  amount(row: number, column: number, decimal: DecimalSetting): number | AmountIssue {
    return readAmount(this.grid.cell(row, column), decimal);
  }

  isId(row: number, column: number, idText: (value: CellValue) => string | null): boolean {
    return idText(this.grid.cell(row, column)) !== null;
  }

  key(row: number, column: number, keys: KeyTable, idText: (value: CellValue) => string | null): number {
    return keyOfCell(this.grid.cell(row, column), keys, idText);
  }

  keyColumn(rows: Int32Array, column: number, keys: KeyTable, idText: (value: CellValue) => string | null, out: Int32Array): void {
    for (let i = 0; i < rows.length; i++) out[i] = this.key(rows[i], column, keys, idText);
  }
}

function keyOfCell(cell: CellValue, keys: KeyTable, idText: (value: CellValue) => string | null): number {
  return isBlankCell(cell) ? -1 : keys.indexOf(idText(cell) as string);
}

/** Plain cells whose ranges are gathered, then looked up together: a few pages, reused, rather than two integers per row. */
const KEY_RUN = 4096;

/** Visible ASCII characters: a cell whose first and last bytes are one is left as it is by trimming. */
const FIRST_VISIBLE = 33;
const LAST_VISIBLE = 126;

class ByteCellReader implements CellReader {
  private readonly bytes: Uint8Array;
  private readonly range = new Int32Array(2);
  /** The last date read in place, as its byte range and day: exports list rows by date, so a date is mostly the previous row's. */
  private lastDateStart = 0;
  private lastDateEnd = 0;
  private lastDate = 0;

  constructor(private readonly grid: ByteGrid) {
    this.bytes = grid.bytes;
  }

  /**
   * Whether the cell is a plain run of the bytes that starts and ends with a visible ASCII character,
   * so that it is its own trimmed text (then `range` holds it): the cases read in place.
   */
  private plain(row: number, column: number): boolean {
    if (!this.grid.byteRange(row, column, this.range)) return false;
    const start = this.range[0];
    const end = this.range[1];
    if (start === end) return false;
    const first = this.bytes[start];
    const last = this.bytes[end - 1];
    return first >= FIRST_VISIBLE && first <= LAST_VISIBLE && last >= FIRST_VISIBLE && last <= LAST_VISIBLE;
  }

  isBlank(row: number, column: number): boolean {
    return !this.plain(row, column) && isBlankCell(this.grid.cell(row, column));
  }

  day(row: number, column: number, system: DateSystem, order: DateOrderSetting): number | DateIssue {
    if (this.plain(row, column)) {
      const start = this.range[0];
      const end = this.range[1];
      if (this.sameBytes(start, end, this.lastDateStart, this.lastDateEnd)) return this.lastDate;
      const day = readMachineDay(this.bytes, start, end);
      if (typeof day === "number") {
        this.lastDateStart = start;
        this.lastDateEnd = end;
        this.lastDate = day;
      }
      if (day !== undefined) return day;
    }
    return readDay(this.grid.cell(row, column), system, order);
  }

  amount(row: number, column: number, decimal: DecimalSetting): number | AmountIssue {
    if (this.plain(row, column)) {
      const amount = plainDecimal(this.bytes, this.range[0], this.range[1]);
      if (!Number.isNaN(amount)) return amount;
    }
    return readAmount(this.grid.cell(row, column), decimal);
  }

  /** Whether bytes[start, end) and bytes[otherStart, otherEnd) are the same. */
  private sameBytes(start: number, end: number, otherStart: number, otherEnd: number): boolean {
    if (end - start !== otherEnd - otherStart) return false;
    for (let offset = 0; offset < end - start; offset++) {
      if (this.bytes[start + offset] !== this.bytes[otherStart + offset]) return false;
    }
    return true;
  }

  isId(): boolean {
    return true; // every cell of a byte grid is text, and text is an id
  }

  key(row: number, column: number, keys: KeyTable, idText: (value: CellValue) => string | null): number {
    if (this.plain(row, column)) return keys.indexOfBytes(this.bytes, this.range[0], this.range[1]);
    return keyOfCell(this.grid.cell(row, column), keys, idText);
  }

  /** Runs of plain cells are looked up together (`KeyTable.indexesOfBytes`), KEY_RUN at most, the other cells one by one. */
  keyColumn(rows: Int32Array, column: number, keys: KeyTable, idText: (value: CellValue) => string | null, out: Int32Array): void {
    const starts = new Int32Array(KEY_RUN);
    const ends = new Int32Array(KEY_RUN);
    let first = 0; // the run's first row
    let run = 0; // its length
    const lookUp = () => {
      keys.indexesOfBytes(this.bytes, starts, ends, 0, run, out.subarray(first, first + run));
      first += run;
      run = 0;
    };
    for (let i = 0; i < rows.length; i++) {
      if (this.plain(rows[i], column)) {
        starts[run] = this.range[0];
        ends[run++] = this.range[1];
        if (run === KEY_RUN) lookUp();
        continue;
      }
      lookUp();
      out[i] = keyOfCell(this.grid.cell(rows[i], column), keys, idText);
      first = i + 1;
    }
    lookUp();
  }
}
