import type { CustomerId } from "../core/metrics";
import { type TimeUnit, parseTimeUnit } from "../core/models";
import { invalidValue } from "./cellErrors";

// Turns what Excel passes for an argument into the numbers and ids the engine takes, or throws a
// `#VALUE!` that names the argument and, for a range, the cell: "revenues: cell 3 is text 'abc'; use numbers".
// Excel passes a blank cell as null (older desktop builds pass 0, which cannot be told from a real 0) and a
// formula's "" as empty text: both count as blank. With metadata generated from JSDoc, Excel does not call
// the function when an argument holds an error value and shows that error itself; an error that still
// arrives (a CustomFunctions.Error) is passed on with its own code where Excel allows it.

/** A range as Excel passes it: rows of cell values. */
export type Range = readonly (readonly unknown[])[];

function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "";
}

/** A cell's value as the user sees it: text 'abc', TRUE, 7. */
function describe(cell: unknown): string {
  if (typeof cell === "string") return `text '${cell.length > 30 ? `${cell.slice(0, 30)}...` : cell}'`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number") return String(cell);
  return "an unsupported value";
}

/** The error for a cell `where` ("revenues: cell 3") that does not hold what `use` asks for. */
function badCell(cell: unknown, where: string, use: string): CustomFunctions.Error {
  if (cell instanceof CustomFunctions.Error) {
    const inputOnly = [CustomFunctions.ErrorCode.invalidName, CustomFunctions.ErrorCode.invalidReference];
    const code = inputOnly.includes(cell.code) ? CustomFunctions.ErrorCode.invalidValue : cell.code;
    return new CustomFunctions.Error(code, `${where} is ${cell.code}; fix or clear that cell`);
  }
  return invalidValue(`${where} is ${describe(cell)}; ${use}`);
}

/** Where cell (row, column) of `range` is, in words: "cell 3" in a single row or column, else "row 2, column 3". */
function position(range: Range, row: number, column: number): string {
  if (range.length === 1) return `cell ${column + 1}`;
  if (range[row].length === 1) return `cell ${row + 1}`;
  return `row ${row + 1}, column ${column + 1}`;
}

/** Visits the cells row by row, with a function that names a cell's position only when a message needs it. */
function forEachCell(range: Range, visit: (cell: unknown, where: () => string) => void): void {
  range.forEach((cells, row) => cells.forEach((cell, column) => visit(cell, () => position(range, row, column))));
}

/**
 * A required single-value argument as a number.
 * @example readNumber(0.1, "discount_rate") // 0.1; readNumber("abc", "clv") throws "clv is text 'abc'; use a number"
 */
export function readNumber(value: unknown, name: string): number {
  if (typeof value === "number") return value;
  if (isBlank(value)) throw invalidValue(`${name} is blank; enter a number`);
  throw badCell(value, name, "use a number");
}

/**
 * An optional single-value argument: undefined when left out or blank, so the engine's default applies.
 * @example readOptionalNumber(null, "periods") // undefined
 */
export function readOptionalNumber(value: unknown, name: string): number | undefined {
  return isBlank(value) ? undefined : readNumber(value, name);
}

/**
 * The numbers of a range (or of one value), row by row; blank cells are skipped.
 * @example readNumbers([[80], [null], [120]], "revenue") // [80, 120]
 */
export function readNumbers(range: Range, name: string): number[] {
  const numbers: number[] = [];
  forEachCell(range, (cell, where) => {
    if (isBlank(cell)) return;
    if (typeof cell !== "number") throw badCell(cell, `${name}: ${where()}`, "use numbers");
    numbers.push(cell);
  });
  return numbers;
}

/**
 * One number per period, row by row. Blank cells may only follow the last number: a blank between periods
 * would shift every later period (Excel's NPV silently skips it), so it asks for a 0 instead.
 * @example readSeries([[110, 121, null]], "revenues") // [110, 121]; [[110, null, 121]] throws
 */
export function readSeries(range: Range, name: string): number[] {
  const numbers: number[] = [];
  let gap: string | undefined;
  forEachCell(range, (cell, where) => {
    if (isBlank(cell)) {
      gap ??= where();
      return;
    }
    if (typeof cell !== "number") throw badCell(cell, `${name}: ${where()}`, "use numbers");
    if (gap !== undefined) throw invalidValue(`${name}: ${gap} is blank but a later period is not; enter 0 there`);
    numbers.push(cell);
  });
  return numbers;
}

/**
 * Customer ids (text or numbers) of a range, row by row; blank cells are skipped.
 * @example readIds([["C1"], [null], [7]], "transactions_or_ids") // ["C1", 7]
 */
export function readIds(range: Range, name: string): CustomerId[] {
  const ids: CustomerId[] = [];
  forEachCell(range, (cell, where) => {
    if (isBlank(cell)) return;
    if (typeof cell !== "number" && typeof cell !== "string") {
      throw badCell(cell, `${name}: ${where()}`, "use customer ids (text or numbers)");
    }
    ids.push(cell);
  });
  return ids;
}

/**
 * The only number of `numbers`, read from argument `name`, which must hold one value because `other` is given.
 * @example single([5000], "revenue", "transactions") // 5000
 */
export function single(numbers: readonly number[], name: string, other: string): number {
  if (numbers.length === 1) return numbers[0];
  throw invalidValue(
    `${name}: give one number when ${other} is given (found ${numbers.length}), or leave ${other} out`
  );
}

/**
 * An optional time unit argument: days, weeks or months (see `parseTimeUnit`), or undefined when left out.
 * @example readOptionalTimeUnit("Days", "unit") // "days"; readOptionalTimeUnit(7, "unit") throws "unit is 7; use days, weeks or months"
 */
export function readOptionalTimeUnit(value: unknown, name: string): TimeUnit | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value !== "string") throw badCell(value, name, "use days, weeks or months");
  return parseTimeUnit(value, name);
}

/**
 * Every cell of a range as a number, in the range's shape, for a function that answers cell by cell;
 * a blank cell is an error, since a result is due for it.
 * @example readGrid([[0, 1, 2]], "t") // [[0, 1, 2]]
 */
export function readGrid(range: Range, name: string): number[][] {
  return range.map((cells, row) =>
    cells.map((cell, column) => {
      if (typeof cell === "number") return cell;
      const where = `${name}: ${position(range, row, column)}`;
      throw isBlank(cell) ? invalidValue(`${where} is blank; enter a number`) : badCell(cell, where, "use numbers");
    })
  );
}

/** Ranges of one value per customer read side by side by {@link readColumns}. */
export interface Columns {
  /** The numbers of each range, in the order given; customer i is entry i of each. */
  values: number[][];
  /** Customer i's position in the ranges, in words: "row 3" in a column, "cell 3" in a row. */
  where: (i: number) => string;
  /** One result per customer, laid out as the first range is: a column, or a row for a row. */
  spill: (result: (i: number) => number) => number[][];
}

/**
 * Ranges holding one value per customer, side by side (frequency, recency, ...): each a single column
 * or a single row of numbers, all of one length. A blank cell is an error, not skipped: skipping it
 * would pair one customer's frequency with another's recency.
 * @example readColumns([[[[2], [0]], "frequency"], [[[30.43], [0]], "recency"]]).values // [[2, 0], [30.43, 0]]
 */
export function readColumns(ranges: readonly (readonly [Range, string])[]): Columns {
  const lines = ranges.map(([range, name]) => {
    if (range.length === 1) return range[0];
    if (range.every((cells) => cells.length === 1)) return range.map((cells) => cells[0]);
    throw invalidValue(`${name}: give one column (or one row) of customers; got ${range.length} rows x ${range[0].length} columns`);
  });
  const [[firstRange, firstName]] = ranges;
  const count = lines[0].length;
  const isRow = firstRange.length === 1 && count > 1;
  const where = (i: number) => `${isRow ? "cell" : "row"} ${i + 1}`;
  const values = lines.map((cells, k) => {
    const name = ranges[k][1];
    if (cells.length !== count) {
      throw invalidValue(`${name} has ${cells.length} value(s), but ${firstName} has ${count}; give one value per customer in each`);
    }
    return cells.map((cell, i) => {
      if (typeof cell === "number") return cell;
      if (isBlank(cell)) throw invalidValue(`${name}: ${where(i)} is blank; enter a number for every customer`);
      throw badCell(cell, `${name}: ${where(i)}`, "use numbers");
    });
  });
  const spill = (result: (i: number) => number) => {
    const results = values[0].map((_, i) => result(i));
    return isRow ? [results] : results.map((value) => [value]);
  };
  return { values, where, spill };
}
