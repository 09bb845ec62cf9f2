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
  for (const name in parameters) {
    const value: unknown = parameters[name as keyof typeof parameters];
    if (!(typeof value === "number" && value > 0 && value < Number.POSITIVE_INFINITY)) {
      const got = Object.entries(parameters).map(([name, v]) => `${name} ${String(v)}`);
      throw new ClvError("value", `\`${caller}\` requires ${model} parameters that are positive numbers; got ${got.join(", ")}`);
    }
  }
}

/**
 * Throws a `value` error "`caller` requires need; got value" unless `condition` holds.
 *
 * @example check("sbgRetention", 3 >= 1, "a period t of 1 or more", 3) // passes
 */
export function check(caller: string, condition: boolean, need: string, value: unknown): asserts condition {
  if (!condition) throw new ClvError("value", `\`${caller}\` requires ${need}; got ${String(value)}`);
}

/**
 * Checks a time horizon t (model periods), which must be finite and 0 or more.
 *
 * @throws ClvError `value`, e.g. "`expectedPurchases` requires a horizon t of 0 or more (model periods); got -1"
 * @example checkHorizon("expectedPurchases", 39) // passes
 */
export function checkHorizon(caller: string, t: number): void {
  check(caller, Number.isFinite(t) && t >= 0, "a horizon t of 0 or more (model periods)", t);
}
