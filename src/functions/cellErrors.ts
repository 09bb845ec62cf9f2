import { ClvError, type ClvErrorKind, unexpectedErrorMessage } from "../core/errors";

/** The one place that maps the engine's error kinds to what Excel shows in the cell. */
function codeOf(kind: ClvErrorKind): CustomFunctions.ErrorCode {
  switch (kind) {
    case "value":
      return CustomFunctions.ErrorCode.invalidValue;
    case "divisionByZero":
      return CustomFunctions.ErrorCode.divisionByZero;
    case "number":
      return CustomFunctions.ErrorCode.invalidNumber;
  }
}

/**
 * A `#VALUE!` error with a message, the only code (with `#N/A`) whose message Excel shows.
 * @example invalidValue("cac is blank; enter a number").code // "#VALUE!"
 */
export function invalidValue(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/**
 * Runs the body of the cell function `CLV.<name>` (a value, or rows of values to spill) and turns
 * whatever it throws into the error Excel shows: a `CustomFunctions.Error` passes through, a `ClvError`
 * becomes `#VALUE!`, `#DIV/0!` or `#NUM!` with its message (the engine function it names, e.g.
 * `ltvToCacRatio`, becomes the name the user typed, `CLV.LTV_CAC`), and anything else (a bug) becomes
 * `#VALUE!` with its message rather than vanishing.
 * @example evaluate("BASIC", () => 4) // 4
 */
export function evaluate<T>(name: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) throw error;
    if (error instanceof ClvError) {
      throw new CustomFunctions.Error(codeOf(error.kind), error.message.replace(/^`\w+`/, `CLV.${name}`));
    }
    throw invalidValue(unexpectedErrorMessage(error));
  }
}
