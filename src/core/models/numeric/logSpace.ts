// Log-space helpers: the models add probabilities that differ by hundreds of orders of magnitude
// (e.g. (alpha + T)^-(r + x) for a customer with 30 purchases), so they add them as logarithms.

/**
 * log(1 + e^x) (the "softplus"), without overflow for large x or loss of digits for very negative x:
 * the log of a sum of two terms whose log-ratio is x. Cost O(1).
 *
 * @param x - any number; -Infinity gives 0
 * @example log1pExp(0) // 0.6931471805599453 (log 2)
 * @example log1pExp(800) // 800
 */
export function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * The logistic function 1 / (1 + e^-x), evaluated without overflow: the share of the second of two
 * terms whose log-ratio (second over first) is x. Cost O(1).
 *
 * @param x - any number; -Infinity gives 0 and Infinity gives 1
 * @example logistic(0) // 0.5
 * @example logistic(-800) // 0 (within underflow)
 */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * (1 - e^(-exponent * logBase)) / exponent, i.e. (1 - base^-exponent) / exponent for base = e^logBase,
 * with its limit logBase at exponent = 0 and no cancellation near it. Pareto/NBD's expectations carry
 * this factor with exponent s - 1 (Schmittlein, Morrison & Colombo 1987), which is 0 when s = 1.
 * Cost O(1).
 *
 * @example powerDifferenceRatio(1, Math.log(2)) // 0.5 ((1 - 1/2) / 1)
 * @example powerDifferenceRatio(0, Math.log(2)) // 0.6931471805599453
 */
export function powerDifferenceRatio(exponent: number, logBase: number): number {
  return exponent === 0 ? logBase : -Math.expm1(-exponent * logBase) / exponent;
}
