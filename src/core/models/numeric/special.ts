// The special functions the models need, from stdlib-js's per-function packages (well kept, pure
// JavaScript with TypeScript types, no Node built-ins): this is the one module of the engine that
// imports them, so a change of implementation happens here.

/**
 * log |Gamma(x)|, stdlib-js `gammaln` (Cephes/Boost algorithms), accurate to ~1e-15 relative.
 *
 * @example logGamma(5) // 3.1780538303479458 (log 24)
 */
export { default as logGamma } from "@stdlib/math-base-special-gammaln";

/**
 * The digamma function psi(x) = d/dx log Gamma(x), stdlib-js `digamma` (Boost algorithm).
 *
 * @example digamma(1) // -0.5772156649015329 (minus Euler's constant)
 */
export { default as digamma } from "@stdlib/math-base-special-digamma";

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real arguments, stdlib-js `hyp2f1` (a port of
 * Cephes `hyp2f1`, the routine behind SciPy's before 1.14 and so behind lifetimes' figures). It
 * returns NaN for parameters in the millions; the models use it only where they stay moderate.
 *
 * @example hyp2f1(1, 1, 2, 0.5) // 1.3862943611198906 (2 ln 2)
 */
export { default as hyp2f1 } from "@stdlib/math-base-special-hyp2f1";
