import type { FitReport } from "./maximumLikelihood";
import {
  type BlockModel,
  parameterBlockRows,
  readGammaGammaBlock,
  readParameterBlock,
  readPurchaseModelBlock,
  writeParameterBlock,
} from "./parameterBlock";

// The parameter values below are the published CDNOW fits, used only as sample numbers: these tests
// check the layout and its reading, not the models.
const BG_NBD: BlockModel = { kind: "bgnbd", parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, unit: "weeks" };
const PARETO: BlockModel = { kind: "pareto", parameters: { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }, unit: "days" };
const GAMMA_GAMMA: BlockModel = { kind: "gammaGamma", parameters: { p: 6.25, q: 3.74, v: 15.44 } };
const SBG: BlockModel = { kind: "sbg", parameters: { alpha: 0.704, beta: 1.182 } };
const CONVERGED: FitReport = { logLikelihood: -9582.4, converged: true, iterations: 20, warnings: [] };

/** A hand-typed BG/NBD block, rows in the layout's order. */
const typed = (...changes: [number, unknown[]][]): unknown[][] => {
  const rows: unknown[][] = [
    ["model", "BG/NBD"],
    ["unit", "weeks"],
    ["r", 0.243],
    ["alpha", 4.414],
    ["a", 0.793],
    ["b", 2.426],
  ];
  for (const [row, cells] of changes) rows[row] = cells;
  return rows;
};
const valueError = (message: string) => expect.objectContaining({ kind: "value", message });

describe("writeParameterBlock", () => {
  test("BG/NBD: model, unit, r, alpha, a, b, log-likelihood, converged, warnings", () => {
    expect(writeParameterBlock(BG_NBD, CONVERGED)).toEqual([
      ["model", "BG/NBD"],
      ["unit", "weeks"],
      ["r", 0.243],
      ["alpha", 4.414],
      ["a", 0.793],
      ["b", 2.426],
      ["log-likelihood", -9582.4],
      ["converged", true],
      ["warnings", "none"],
    ]);
  });

  test("Gamma-Gamma and sBG have no time unit row; a fit's warnings are joined with '; '", () => {
    const report: FitReport = { logLikelihood: -4055.9, converged: false, iterations: 200, warnings: ["first", "second"] };
    expect(writeParameterBlock(GAMMA_GAMMA, report)).toEqual([
      ["model", "Gamma-Gamma"],
      ["p", 6.25],
      ["q", 3.74],
      ["v", 15.44],
      ["log-likelihood", -4055.9],
      ["converged", false],
      ["warnings", "first; second"],
    ]);
    expect(writeParameterBlock(SBG, CONVERGED).map(([label]) => label)).toEqual([
      "model",
      "alpha",
      "beta",
      "log-likelihood",
      "converged",
      "warnings",
    ]);
  });

  test("a fit with nothing to fit (NaN parameters) is refused with the fit's reasons", () => {
    const failed: BlockModel = { kind: "bgnbd", parameters: { r: NaN, alpha: NaN, a: NaN, b: NaN }, unit: "weeks" };
    const report: FitReport = { logLikelihood: NaN, converged: false, iterations: 0, warnings: ["there are no customers to fit"] };
    expect(() => writeParameterBlock(failed, report)).toThrow(
      valueError("`writeParameterBlock` cannot fit these data: there are no customers to fit")
    );
  });
});

describe("parameterBlockRows", () => {
  // Counted from the layout: model, [unit], the parameters, log-likelihood, converged, warnings.
  test.each([
    ["bgnbd", 9, BG_NBD],
    ["pareto", 9, PARETO],
    ["gammaGamma", 7, GAMMA_GAMMA],
    ["sbg", 6, SBG],
  ] as const)("%s blocks have %i rows, as written", (kind, rows, model) => {
    expect(parameterBlockRows(kind)).toBe(rows);
    expect(writeParameterBlock(model, CONVERGED)).toHaveLength(rows);
  });
});

describe("readParameterBlock", () => {
  test.each([BG_NBD, PARETO, GAMMA_GAMMA, SBG])("reads back what was written: $kind", (model) => {
    expect(readParameterBlock(writeParameterBlock(model, CONVERGED), "params")).toEqual(model);
  });

  test("a hand-typed block: any order and case, blank rows and other labels ignored", () => {
    const block = [
      ["Alpha", 4.414],
      [null, null],
      [" MODEL ", "bg/nbd"],
      ["b", 2.426],
      ["note", "fitted on the 1997 cohort"],
      ["a", 0.793],
      ["r", 0.243],
      ["Unit", "Week"],
      ["", ""],
    ];
    expect(readParameterBlock(block, "params")).toEqual(BG_NBD);
  });

  test("a block that is not two columns", () => {
    expect(() => readParameterBlock([["model", "BG/NBD", 1]], "params")).toThrow(
      valueError("params: give the 2-column block (labels, values) that a fit spills; got 3 column(s)")
    );
    expect(() => readParameterBlock([[0.243]], "params")).toThrow(
      valueError("params: give the 2-column block (labels, values) that a fit spills; got 1 column(s)")
    );
  });

  test("a row without a label, or a label twice", () => {
    expect(() => readParameterBlock(typed([3, [null, 4.414]]), "params")).toThrow(
      valueError("params: row 4 has no label; each row is a label (model, unit, r, ...) and its value")
    );
    expect(() => readParameterBlock(typed([3, ["r", 4.414]]), "params")).toThrow(
      valueError("params: 'r' is in rows 3 and 4; keep one")
    );
  });

  test("no model row, or a model that does not exist", () => {
    expect(() => readParameterBlock(typed([0, [null, null]]), "params")).toThrow(
      valueError("params: no 'model' row; give the block a fit spills (its first row is model)")
    );
    expect(() => readParameterBlock(typed([0, ["model", "NBD"]]), "params")).toThrow(
      valueError("params: model (row 1) is text 'NBD'; use BG/NBD, Pareto/NBD, Gamma-Gamma or sBG")
    );
  });

  test("a missing parameter names what the block should hold", () => {
    expect(() => readParameterBlock(typed([5, [null, null]]), "params")).toThrow(
      valueError("params: no 'b' row; a BG/NBD block has r, alpha, a, b")
    );
  });

  test.each([
    ["text", "abc", "text 'abc'"],
    ["zero", 0, "0"],
    ["negative", -4.414, "-4.414"],
    ["blank", null, "blank"],
    ["boolean", true, "TRUE"],
  ])("a parameter that is %s: names it, its row and what to use", (_what, value, shown) => {
    expect(() => readParameterBlock(typed([3, ["alpha", value]]), "params")).toThrow(
      valueError(`params: alpha (row 4) is ${shown}; use a positive number`)
    );
  });

  test("a purchase model block without a unit, or with an unknown one", () => {
    expect(() => readParameterBlock(typed([1, [null, null]]), "params")).toThrow(
      valueError("params: no 'unit' row; a BG/NBD block records the time unit of its fit (days, weeks or months)")
    );
    expect(() => readParameterBlock(typed([1, ["unit", "fortnights"]]), "params")).toThrow(
      valueError("params: unit (row 2) is 'fortnights'; use days, weeks or months")
    );
    expect(() => readParameterBlock(typed([1, ["unit", 7]]), "params")).toThrow(
      valueError("params: unit (row 2) is 7; use days, weeks or months")
    );
  });
});

describe("readPurchaseModelBlock", () => {
  test("returns the model with its unit; a stated unit equal to the block's passes", () => {
    expect(readPurchaseModelBlock(typed(), "params")).toEqual(BG_NBD);
    expect(readPurchaseModelBlock(typed(), "params", "weeks")).toEqual(BG_NBD);
  });

  test("times in another unit than the block's are refused", () => {
    expect(() => readPurchaseModelBlock(typed(), "params", "days")).toThrow(
      valueError("params was fitted in weeks, but unit is days: give the times in weeks, or fit the model on times in days")
    );
  });

  test("a block of another model is refused", () => {
    expect(() => readPurchaseModelBlock(writeParameterBlock(GAMMA_GAMMA, CONVERGED), "params")).toThrow(
      valueError("params holds Gamma-Gamma parameters; give a BG/NBD or Pareto/NBD block")
    );
  });
});

describe("readGammaGammaBlock", () => {
  test("returns p, q, v", () => {
    expect(readGammaGammaBlock([["model", "Gamma-Gamma"], ["p", 6.25], ["q", 3.74], ["v", 15.44]], "gg_params")).toEqual(
      GAMMA_GAMMA.parameters
    );
  });

  test("a block of another model is refused", () => {
    expect(() => readGammaGammaBlock(typed(), "gg_params")).toThrow(
      valueError("gg_params holds BG/NBD parameters; give a Gamma-Gamma block")
    );
  });
});
