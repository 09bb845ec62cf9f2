/**
 * Why an input cannot give a number, in the three kinds a spreadsheet user knows:
 * - `value`: the input is wrong (text, a negative count, a rate out of range); the message says what to fix;
 * - `divisionByZero`: a denominator is zero (no transactions, no customers at start);
 * - `number`: the asked-for value does not exist (a payback that is never reached).
 * The engine throws these; the cell functions turn them into `#VALUE!`, `#DIV/0!` and `#NUM!`.
 */
export type ClvErrorKind = "value" | "divisionByZero" | "number";

export class ClvError extends Error {
  constructor(
    readonly kind: ClvErrorKind,
    message: string
  ) {
    super(message);
    this.name = "ClvError";
  }
}

/** Throws a `value` error unless `condition` holds. */
export function ensure(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ClvError("value", message);
}

/**
 * What the user sees for an error that is not a `ClvError` (a fault of ours, not of the input): a
 * request to report it, with its message.
 * @example unexpectedErrorMessage(new TypeError("x is undefined")) // "Unexpected error, please report it: x is undefined"
 */
export function unexpectedErrorMessage(error: unknown): string {
  return `Unexpected error, please report it: ${error instanceof Error ? error.message : String(error)}`;
}
