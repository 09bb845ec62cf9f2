import { ensure } from "../errors";

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
  const entries = Object.entries(parameters) as [string, unknown][];
  ensure(
    entries.every(([, value]) => typeof value === "number" && Number.isFinite(value) && value > 0),
    `\`${caller}\` requires ${model} parameters that are positive numbers; got ${entries
      .map(([name, value]) => `${name} ${String(value)}`)
      .join(", ")}`
  );
}

/**
 * Checks a time horizon t (model periods), which must be finite and 0 or more.
 *
 * @throws ClvError `value`, e.g. "`expectedPurchases` requires a horizon t of 0 or more (model periods); got -1"
 * @example checkHorizon("expectedPurchases", 39) // passes
 */
export function checkHorizon(caller: string, t: number): void {
  ensure(Number.isFinite(t) && t >= 0, `\`${caller}\` requires a horizon t of 0 or more (model periods); got ${t}`);
}
