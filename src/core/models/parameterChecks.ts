import { ClvError } from "../errors";

// These checks run once per prediction, so their messages are built only on failure.

/**
 * Checks that every named parameter of a model is a positive, finite number (a failed fit with no data
 * returns NaN parameters, which must not flow silently into predictions).
 *
 * @param caller - the public function's name, for the message
 * @param model - the model's name as users know it, e.g. "BG/NBD"
 * @throws ClvError `value`, e.g. "`probabilityAlive` requires BG/NBD parameters that are positive
 *   numbers; got r NaN, alpha 4.41, a 0.79, b 2.43"
 * @example checkParameters("probabilityAlive", "BG/NBD", { r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 }) // passes
 */
export function checkParameters(caller: string, model: string, parameters: object): void {
  for (const value of Object.values(parameters) as unknown[]) {
    if (!(typeof value === "number" && Number.isFinite(value) && value > 0)) {
      const got = Object.entries(parameters).map(([name, v]) => `${name} ${String(v)}`);
      throw new ClvError("value", `\`${caller}\` requires ${model} parameters that are positive numbers; got ${got.join(", ")}`);
    }
  }
}

/**
 * Checks a time horizon t (model periods), which must be finite and 0 or more.
 *
 * @throws ClvError `value`, e.g. "`expectedPurchases` requires a horizon t of 0 or more (model periods); got -1"
 * @example checkHorizon("expectedPurchases", 39) // passes
 */
export function checkHorizon(caller: string, t: number): void {
  if (!(Number.isFinite(t) && t >= 0)) {
    throw new ClvError("value", `\`${caller}\` requires a horizon t of 0 or more (model periods); got ${t}`);
  }
}
