import { ClvError } from "../errors";
import type { GammaGammaParameters } from "./gammaGamma";
import type { FitReport } from "./maximumLikelihood";
import { MODEL_NAMES } from "./modelNames";
import type { PurchaseModel } from "./purchaseModel";
import type { SbgParameters } from "./sbg";
import { type TimeUnit, checkSameTimeUnit, parseTimeUnit } from "./timeUnit";

// A parameter block is how a fitted model lives in a worksheet: a 2-column range of labels and values
// that a fit spills and predictions read back, e.g.
//   model           BG/NBD
//   unit            weeks
//   r               0.2426
//   alpha           4.4135
//   a               0.7929
//   b               2.4259
//   log-likelihood  -9582.43
//   converged       TRUE
//   warnings        none
// Labels are the papers' parameter letters; the unit row (purchase models only) records the time unit
// the rates were fitted in, so a prediction in another unit can be refused rather than silently wrong.

/** A purchase model (BG/NBD or Pareto/NBD) with the time unit its rate parameters are in. */
export type TimedPurchaseModel = PurchaseModel & { unit: TimeUnit };

/** A model as a parameter block holds it: a purchase model with its unit, a Gamma-Gamma or an sBG model. */
export type BlockModel =
  | TimedPurchaseModel
  | { kind: "gammaGamma"; parameters: GammaGammaParameters }
  | { kind: "sbg"; parameters: SbgParameters };

/** A cell of a block as written: a label, a number, TRUE or FALSE. */
export type BlockCell = string | number | boolean;

type Kind = BlockModel["kind"];

/** Each kind's parameters in the order written (the papers' order); its `model` row is its MODEL_NAMES entry. */
const PARAMETERS: Record<Kind, readonly string[]> = {
  bgnbd: ["r", "alpha", "a", "b"],
  pareto: ["r", "alpha", "s", "beta"],
  gammaGamma: ["p", "q", "v"],
  sbg: ["alpha", "beta"],
};
const KINDS = Object.keys(PARAMETERS) as Kind[];

/** Whether a kind's block has a `unit` row: the purchase models' rates are per unit of time. */
const hasUnit = (kind: Kind): boolean => kind === "bgnbd" || kind === "pareto";

/**
 * The number of rows of a kind's parameter block (see `writeParameterBlock`), for hosts that must size
 * a spill before computing it. Cost O(1).
 * @example parameterBlockRows("sbg") // 6: model, alpha, beta, log-likelihood, converged, warnings
 */
export function parameterBlockRows(kind: Kind): number {
  return 1 + (hasUnit(kind) ? 1 : 0) + PARAMETERS[kind].length + 3;
}

/**
 * The parameter block of a fitted model: rows model, unit (purchase models only), the parameters,
 * log-likelihood, converged (TRUE/FALSE) and warnings ("none", or the fit's warnings joined by "; "),
 * as in the layout above. Cost O(1).
 *
 * @param report - how the fit went (`fitBgNbd`'s result, for instance)
 * @throws ClvError `value` when a parameter is not finite, i.e. the fit had nothing to fit; the
 *   message gives the fit's reasons: "`writeParameterBlock` cannot fit these data: there are no customers to fit"
 * @example writeParameterBlock({ kind: "sbg", parameters: { alpha: 0.704, beta: 1.182 } },
 *   { logLikelihood: -1.5, converged: true, iterations: 9, warnings: [] })
 *   // [["model", "sBG"], ["alpha", 0.704], ["beta", 1.182], ["log-likelihood", -1.5], ["converged", true], ["warnings", "none"]]
 */
export function writeParameterBlock(model: BlockModel, report: FitReport): BlockCell[][] {
  const parameters = PARAMETERS[model.kind];
  const values = parameters.map((name) => (model.parameters as Record<string, number>)[name]);
  if (!values.every(Number.isFinite)) {
    throw new ClvError("value", `\`writeParameterBlock\` cannot fit these data: ${report.warnings.join("; ")}`);
  }
  return [
    ["model", MODEL_NAMES[model.kind]],
    ...("unit" in model ? [["unit", model.unit]] : []),
    ...parameters.map((name, i) => [name, values[i]]),
    ["log-likelihood", report.logLikelihood],
    ["converged", report.converged],
    ["warnings", report.warnings.length > 0 ? report.warnings.join("; ") : "none"],
  ];
}

/**
 * Reads a parameter block back: finds the model, unit and parameter rows by their labels (in any order
 * and case; blank rows and rows with other labels, such as log-likelihood, are ignored), so a block
 * typed by hand works as well as a spilled one. Cost O(rows).
 *
 * @param block - the block's cells, rows of (label, value), as a worksheet range gives them
 * @param name - the argument holding the block, for messages
 * @throws ClvError `value` naming what is wrong: not 2 columns, a row without a label, a label twice,
 *   no model row or an unknown model, a missing parameter or one that is not a positive number, a
 *   missing or unknown unit; e.g. "params: alpha (row 4) is text 'abc'; use a positive number"
 * @example readParameterBlock([["model", "sBG"], ["alpha", 0.704], ["beta", 1.182]], "params")
 *   // { kind: "sbg", parameters: { alpha: 0.704, beta: 1.182 } }
 */
export function readParameterBlock(block: readonly (readonly unknown[])[], name: string): BlockModel {
  const width = block.find((row) => row.length !== 2)?.length;
  if (block.length === 0 || width !== undefined) {
    throw new ClvError("value", `${name}: give the 2-column block (labels, values) that a fit spills; got ${width ?? 0} column(s)`);
  }
  const rows = new Map<string, { value: unknown; row: number }>();
  block.forEach(([label, value], index) => {
    if (isBlank(label) && isBlank(value)) return;
    if (typeof label !== "string" || label.trim() === "") {
      throw new ClvError("value", `${name}: row ${index + 1} has no label; each row is a label (model, unit, r, ...) and its value`);
    }
    const key = label.trim().toLowerCase();
    const earlier = rows.get(key);
    if (earlier !== undefined) throw new ClvError("value", `${name}: '${label.trim()}' is in rows ${earlier.row} and ${index + 1}; keep one`);
    rows.set(key, { value, row: index + 1 });
  });

  const model = rows.get("model");
  if (model === undefined) throw new ClvError("value", `${name}: no 'model' row; give the block a fit spills (its first row is model)`);
  const kind = KINDS.find((k) => typeof model.value === "string" && model.value.trim().toLowerCase() === MODEL_NAMES[k].toLowerCase());
  if (kind === undefined) {
    const titles = KINDS.map((k) => MODEL_NAMES[k]);
    throw new ClvError(
      "value",
      `${name}: model (row ${model.row}) is ${shown(model.value)}; use ${titles.slice(0, -1).join(", ")} or ${titles[titles.length - 1]}`
    );
  }

  const title = MODEL_NAMES[kind];
  const names = PARAMETERS[kind];
  const parameters: Record<string, number> = {};
  for (const parameter of names) {
    const entry = rows.get(parameter);
    if (entry === undefined) throw new ClvError("value", `${name}: no '${parameter}' row; a ${title} block has ${names.join(", ")}`);
    const { value, row } = entry;
    if (!(typeof value === "number" && value > 0 && Number.isFinite(value))) {
      throw new ClvError("value", `${name}: ${parameter} (row ${row}) is ${shown(value)}; use a positive number`);
    }
    parameters[parameter] = value;
  }
  if (kind === "gammaGamma" || kind === "sbg") return { kind, parameters } as BlockModel;

  const unit = rows.get("unit");
  if (unit === undefined) {
    throw new ClvError("value", `${name}: no 'unit' row; a ${title} block records the time unit of its fit (days, weeks or months)`);
  }
  const where = `${name}: unit (row ${unit.row})`;
  if (typeof unit.value !== "string") throw new ClvError("value", `${where} is ${shown(unit.value)}; use days, weeks or months`);
  return { kind, parameters, unit: parseTimeUnit(unit.value, where) } as BlockModel;
}

/**
 * Reads the block of a purchase model (BG/NBD or Pareto/NBD) and, when the caller states the unit of
 * its times, refuses a unit other than the block's. Cost O(rows).
 *
 * @param timesUnit - the unit the caller's times are in; undefined to take the block's
 * @throws ClvError `value` for what {@link readParameterBlock} throws for, a block of another model
 *   ("params holds Gamma-Gamma parameters; give a BG/NBD or Pareto/NBD block"), or a unit other
 *   than the block's (see `checkSameTimeUnit`)
 * @example readPurchaseModelBlock([["model", "BG/NBD"], ["unit", "weeks"], ["r", 0.243], ["alpha", 4.414],
 *   ["a", 0.793], ["b", 2.426]], "params", "weeks").unit // "weeks"
 */
export function readPurchaseModelBlock(
  block: readonly (readonly unknown[])[],
  name: string,
  timesUnit?: TimeUnit
): TimedPurchaseModel {
  const model = readParameterBlock(block, name);
  if (model.kind !== "bgnbd" && model.kind !== "pareto") {
    throw new ClvError("value", `${name} holds ${MODEL_NAMES[model.kind]} parameters; give a ${MODEL_NAMES.bgnbd} or ${MODEL_NAMES.pareto} block`);
  }
  if (timesUnit !== undefined) checkSameTimeUnit(model.unit, timesUnit, name);
  return model;
}

/**
 * Reads the block of a Gamma-Gamma spend model. Cost O(rows).
 *
 * @throws ClvError `value` for what {@link readParameterBlock} throws for, or a block of another model
 *   ("gg_params holds BG/NBD parameters; give a Gamma-Gamma block")
 * @example readGammaGammaBlock([["model", "Gamma-Gamma"], ["p", 6.25], ["q", 3.74], ["v", 15.44]], "gg_params")
 *   // { p: 6.25, q: 3.74, v: 15.44 }
 */
export function readGammaGammaBlock(block: readonly (readonly unknown[])[], name: string): GammaGammaParameters {
  const model = readParameterBlock(block, name);
  if (model.kind !== "gammaGamma") {
    throw new ClvError("value", `${name} holds ${MODEL_NAMES[model.kind]} parameters; give a ${MODEL_NAMES.gammaGamma} block`);
  }
  return model.parameters;
}

function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "";
}

/** A cell's value as the user sees it: blank, text 'abc', TRUE, -1. */
function shown(cell: unknown): string {
  if (isBlank(cell)) return "blank";
  if (typeof cell === "string") return `text '${cell}'`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell);
}
