import { parameterBlockRows } from "../../core/models/parameterBlock";
import type { SpillShape } from "./customFunctionsPlugin";

/** A fit's parameter block: label and value columns. */
const block = (kind: Parameters<typeof parameterBlockRows>[0]): SpillShape => ({ rows: parameterBlockRows(kind), columns: 2 });

/**
 * The cells each spilling CLV.* function fills (by function id), for the demo's formula engine, which
 * must reserve them before computing (Excel sizes a spill from the result). A fit spills its parameter
 * block, whose rows are fixed per model by `writeParameterBlock`; a per-customer prediction spills in
 * the shape of its frequency column; sBG survival and retention in the shape of t.
 * @example CLV_SPILL_SHAPES.get("SBG_FIT") // { rows: 6, columns: 2 }: model, alpha, beta, log-likelihood, converged, warnings
 */
export const CLV_SPILL_SHAPES: ReadonlyMap<string, SpillShape> = new Map([
  ["BGNBD_FIT", block("bgnbd")],
  ["PARETO_FIT", block("pareto")],
  ["GG_FIT", block("gammaGamma")],
  ["SBG_FIT", block("sbg")],
  ["PALIVE", { like: "frequency" }],
  ["EXPECTED_PURCHASES", { like: "frequency" }],
  ["EXPECTED_SPEND", { like: "frequency" }],
  ["PREDICTED_CLV", { like: "frequency" }],
  ["SBG_SURVIVAL", { like: "t" }],
  ["SBG_RETENTION", { like: "t" }],
]);
