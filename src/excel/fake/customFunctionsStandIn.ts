/** What Excel's `CustomFunctions.Error` carries: an error code such as "#VALUE!" and a message. */
class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

/**
 * A stand-in for the `CustomFunctions` global that Excel's runtime defines, for the tests and the demo
 * page: `Error`, `ErrorCode` (the codes Excel shows) and `associate`, which the caller supplies.
 * @example Object.assign(globalThis, { CustomFunctions: customFunctionsStandIn(() => undefined) });
 *   new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "x").code // "#VALUE!"
 */
export function customFunctionsStandIn(associate: (...args: never[]) => void) {
  return {
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate,
  };
}
