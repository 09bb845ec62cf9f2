import { DetailedCellError, HyperFormula } from "hyperformula";
import { type CustomFunctionMetadata, type SpillShape, registerCustomFunctions } from "./customFunctionsPlugin";

// How Excel passes arguments to a custom function (OFFICE-NOTES.md, "Custom functions"; the README of
// src/functions): a range parameter ("matrix") gets rows of values, also for a single value; a blank
// cell is null; a left-out optional argument is null.
const METADATA: CustomFunctionMetadata[] = [
  { id: "ECHO", name: "ECHO", parameters: [{ name: "range", dimensionality: "matrix" }, { name: "value", optional: true }] },
  { id: "FAIL", name: "FAIL", parameters: [] },
  { id: "SPILL", name: "SPILL", parameters: [] },
  { id: "BLOCK", name: "BLOCK", parameters: [] },
  { id: "DOUBLE", name: "DOUBLE", parameters: [{ name: "label" }, { name: "values", dimensionality: "matrix" }] },
  { id: "FAILS", name: "FAILS", parameters: [{ name: "values", dimensionality: "matrix" }] },
];
const IMPLEMENTATIONS = new Map<string, (...args: unknown[]) => unknown>([
  ["ECHO", (...args) => JSON.stringify(args)],
  ["FAIL", () => { throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, "FAIL: too big"); }],
  ["SPILL", () => [[1], [2]]],
  ["BLOCK", () => [["a", 1], ["b", null]]],
  ["DOUBLE", (_label, values) => (values as number[][]).map((row) => row.map((value) => 2 * value))],
  ["FAILS", () => [[1], [2], [3]]],
]);
/** BLOCK reserves 3 x 2 cells (it fills 2 rows); DOUBLE the shape of its `values`; FAILS 2 x 1 but returns 3 rows. */
const SHAPES = new Map<string, SpillShape>([
  ["BLOCK", { rows: 3, columns: 2 }],
  ["DOUBLE", { like: "values" }],
  ["FAILS", { rows: 2, columns: 1 }],
]);

beforeAll(() => registerCustomFunctions("T", METADATA, IMPLEMENTATIONS, SHAPES));

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

  test("an array result spills over the block its shape reserves; a null in it is a blank cell", () => {
    const engine = HyperFormula.buildFromArray([["=T.BLOCK()"]], { licenseKey: "gpl-v3" });
    const reserved = { start: { sheet: 0, row: 0, col: 0 }, end: { sheet: 0, row: 2, col: 1 } };
    expect(engine.getRangeValues(reserved)).toEqual([["a", 1], ["b", null], [null, null]]);
    engine.destroy();
  });

  test("a result in the shape of an argument spills down a column and across a row; one value in, one value out", () => {
    const engine = HyperFormula.buildFromArray([[1, 2, 3], [4], [5], ['=T.DOUBLE("x", A1:A3)', '=T.DOUBLE("x", A1:C1)'], ['=T.DOUBLE("x", A1)']], {
      licenseKey: "gpl-v3",
    });
    // 2 x 1 = 2, 2 x 4 = 8, 2 x 5 = 10 down A4:A6 would run into A5: #SPILL!, as in Excel; B4:D4 is 2, 4, 6.
    const [, , , fourth, fifth] = engine.getSheetValues(0);
    expect((fourth[0] as DetailedCellError).value).toBe("#SPILL!");
    expect(fourth.slice(1)).toEqual([2, 4, 6]);
    expect(fifth).toEqual([2]);
    engine.destroy();
  });

  test("an array larger than its shape reserves, or from a function without a shape, gives #VALUE! saying so", () => {
    const larger = evaluate("=T.FAILS(A1)") as DetailedCellError;
    expect([larger.value, larger.message]).toEqual(["#VALUE!", "T.FAILS returns 3 x 1 values to spill, and the demo reserves 2 x 1 cells for it"]);
    const unsized = evaluate("=T.SPILL()") as DetailedCellError;
    expect([unsized.value, unsized.message]).toEqual(["#VALUE!", "T.SPILL returns 2 x 1 values to spill, and the demo reserves no cells for it"]);
  });

  test("a shape naming a parameter the function lacks is refused", () => {
    expect(() => registerCustomFunctions("T", METADATA, IMPLEMENTATIONS, new Map([["DOUBLE", { like: "value" }]]))).toThrow(
      'T.DOUBLE spills in the shape of "value", which is none of its parameters'
    );
  });

  test("a function described but never associated is refused, and the functions registered before stay", () => {
    expect(() => registerCustomFunctions("T", [...METADATA, { id: "LOST", name: "LOST", parameters: [] }], IMPLEMENTATIONS, SHAPES)).toThrow(
      "T.LOST is described in functions.json but was never associated"
    );
    expect(evaluate("=T.ECHO(5)")).toBe("[[[5]],null]");
  });
});
