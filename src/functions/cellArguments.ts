import type { CustomerId } from "../core/metrics";
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

/** A cell's value as the user sees it: text 'abc', TRUE. */
function describe(cell: unknown): string {
  if (typeof cell === "string") return `text '${cell.length > 30 ? `${cell.slice(0, 30)}...` : cell}'`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
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
