import type { SpillShape } from "./customFunctionsPlugin";

/** A fit's parameter block: label and value columns (src/core/models/parameterBlock.ts). */
const block = (rows: number): SpillShape => ({ rows, columns: 2 });

/**
 * The cells each spilling CLV.* function fills (by function id), for the demo's formula engine, which
 * must reserve them before computing (Excel sizes a spill from the result). A fit spills its parameter
 * block, whose rows are fixed per model by `writeParameterBlock`; a per-customer prediction spills in
 * the shape of its frequency column; sBG survival and retention in the shape of t.
 * @example CLV_SPILL_SHAPES.get("SBG_FIT") // { rows: 6, columns: 2 }: model, alpha, beta, log-likelihood, converged, warnings
 */
export const CLV_SPILL_SHAPES: ReadonlyMap<string, SpillShape> = new Map([
  ["BGNBD_FIT", block(9)], // model, unit, r, alpha, a, b, log-likelihood, converged, warnings
  ["PARETO_FIT", block(9)], // model, unit, r, alpha, s, beta, log-likelihood, converged, warnings
  ["GG_FIT", block(7)], // model, p, q, v, log-likelihood, converged, warnings
  ["SBG_FIT", block(6)], // model, alpha, beta, log-likelihood, converged, warnings
  ["PALIVE", { like: "frequency" }],
  ["EXPECTED_PURCHASES", { like: "frequency" }],
  ["EXPECTED_SPEND", { like: "frequency" }],
  ["PREDICTED_CLV", { like: "frequency" }],
  ["SBG_SURVIVAL", { like: "t" }],
  ["SBG_RETENTION", { like: "t" }],
]);
