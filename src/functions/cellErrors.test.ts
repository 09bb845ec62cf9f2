import { ClvError } from "../core/errors";
import { evaluate } from "./cellErrors";

const { ErrorCode } = CustomFunctions;

describe("evaluate", () => {
  test("returns the body's value", () => {
    expect(evaluate("TEST", () => 4)).toBe(4);
  });

  test.each([
    ["value", ErrorCode.invalidValue],
    ["divisionByZero", ErrorCode.divisionByZero],
    ["number", ErrorCode.invalidNumber],
  ] as const)("a ClvError of kind %s becomes %s with its message", (kind, code) => {
    expect(() =>
      evaluate("TEST", () => {
        throw new ClvError(kind, "what to fix");
      })
    ).toThrow(expect.objectContaining({ code, message: "what to fix" }));
  });

  test("the engine function a message names becomes the CLV.* name the user typed", () => {
    expect(() =>
      evaluate("LTV_CAC", () => {
        throw new ClvError("value", "`ltvToCacRatio` requires an acquisition cost of 0 or more; got -1");
      })
    ).toThrow(expect.objectContaining({ message: "CLV.LTV_CAC requires an acquisition cost of 0 or more; got -1" }));
  });

  test("a CustomFunctions.Error passes through unchanged", () => {
    const error = new CustomFunctions.Error(ErrorCode.notAvailable, "n/a");
    let thrown: unknown;
    try {
      evaluate("TEST", () => {
        throw error;
      });
    } catch (caught) {
      thrown = caught;
    }
    expect(thrown).toBe(error);
  });

  test("any other exception becomes #VALUE! with its message, never swallowed", () => {
    expect(() =>
      evaluate("TEST", () => {
        throw new TypeError("boom");
      })
    ).toThrow(
      expect.objectContaining({ code: ErrorCode.invalidValue, message: "Unexpected error, please report it: boom" })
    );
  });
});
