import { DetailedCellError, HyperFormula } from "hyperformula";
import { type CustomFunctionMetadata, registerCustomFunctions } from "./customFunctionsPlugin";

// How Excel passes arguments to a custom function (OFFICE-NOTES.md, "Custom functions"; the README of
// src/functions): a range parameter ("matrix") gets rows of values, also for a single value; a blank
// cell is null; a left-out optional argument is null.
const METADATA: CustomFunctionMetadata[] = [
  { id: "ECHO", name: "ECHO", parameters: [{ name: "range", dimensionality: "matrix" }, { name: "value", optional: true }] },
  { id: "FAIL", name: "FAIL", parameters: [] },
  { id: "SPILL", name: "SPILL", parameters: [] },
];
const IMPLEMENTATIONS = new Map<string, (...args: unknown[]) => unknown>([
  ["ECHO", (...args) => JSON.stringify(args)],
  ["FAIL", () => { throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, "FAIL: too big"); }],
  ["SPILL", () => [[1], [2]]],
]);

beforeAll(() => registerCustomFunctions("T", METADATA, IMPLEMENTATIONS));

/** The value of A2 after putting `formula` under the row `[1, blank, "x"]`. */
function evaluate(formula: string) {
  const engine = HyperFormula.buildFromArray([[1, null, "x"], [formula]], { licenseKey: "gpl-v3" });
  const value = engine.getCellValue({ sheet: 0, row: 1, col: 0 });
  engine.destroy();
  return value;
}

describe("registerCustomFunctions", () => {
  test("a range arrives as rows of values, a blank cell as null, a left-out optional argument as null", () => {
    expect(evaluate("=T.ECHO(A1:C1)")).toBe('[[[1,null,"x"]],null]');
    expect(evaluate("=T.ECHO(A1:B1,C1)")).toBe('[[[1,null]],"x"]');
  });

  test("a single value given for a range parameter arrives as [[value]], as Excel passes it", () => {
    expect(evaluate("=T.ECHO(5, 2)")).toBe("[[[5]],2]");
  });

  test("a thrown CustomFunctions.Error becomes that error with its message", () => {
    const value = evaluate("=T.FAIL()") as DetailedCellError;
    expect([value.value, value.message]).toEqual(["#NUM!", "FAIL: too big"]);
  });

  test("an array result gives #VALUE! saying the demo does not spill", () => {
    const value = evaluate("=T.SPILL()") as DetailedCellError;
    expect(value.value).toBe("#VALUE!");
    expect(value.message).toMatch(/^T\.SPILL returns an array/);
  });

  test("a function described but never associated is refused, and the functions registered before stay", () => {
    expect(() => registerCustomFunctions("T", [...METADATA, { id: "LOST", name: "LOST", parameters: [] }], IMPLEMENTATIONS)).toThrow(
      "T.LOST is described in functions.json but was never associated"
    );
    expect(evaluate("=T.ECHO(5)")).toBe("[[[5]],null]");
  });
});
