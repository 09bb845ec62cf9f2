/**
 * Each model's name as users know it (the papers' spelling), by the `kind` the code gives it: the
 * `model` row of a parameter block, reports, the command line's output and error messages all take it
 * from here. (The task pane's i18n tables carry their own, translated, copies.)
 * @example MODEL_NAMES.bgnbd // "BG/NBD"
 */
export const MODEL_NAMES = {
  bgnbd: "BG/NBD",
  pareto: "Pareto/NBD",
  gammaGamma: "Gamma-Gamma",
  sbg: "sBG",
} as const;
