import type { Random } from "./random";

// Math's functions as module constants: samplers run millions of times, and a global lookup per call
// is slow in sandboxed hosts such as Jest's.
const { floor, log, log1p, sqrt } = Math;

// Samplers for the distributions of the "buy till you die" models. They take a uniform source on
// [0, 1) and trust their parameters (positive shapes, rates and probabilities): the simulator checks
// the model parameters once rather than each draw.

/**
 * A draw from the exponential distribution with the given rate (mean 1 / rate), by inversion:
 * -log(1 - U) / rate. Cost O(1).
 *
 * @example sampleExponential(() => 1 - Math.exp(-2), 1) // 2 (to rounding)
 */
export function sampleExponential(random: Random, rate: number): number {
  return -log1p(-random()) / rate;
}

/**
 * A draw from the standard normal distribution by Marsaglia's polar method (Marsaglia & Bray 1964).
 * Cost O(1) expected (4 / pi uniform pairs).
 *
 * @example sampleNormal(createRandom(1)) // a standard normal draw, the same on every run
 */
export function sampleNormal(random: Random): number {
  for (;;) {
    const u = 2 * random() - 1;
    const v = 2 * random() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * sqrt((-2 * log(s)) / s);
  }
}

/**
 * A draw from the gamma distribution with the given shape and rate (mean shape / rate), by Marsaglia &
 * Tsang (2000), "A simple method for generating gamma variables", ACM TOMS 26(3); for shape < 1 a
 * Gamma(shape + 1) draw times U^(1 / shape) (their section 6). Cost O(1) expected.
 *
 * @example sampleGamma(createRandom(1), 2, 0.5) // a Gamma(2, rate 0.5) draw (mean 4)
 */
export function sampleGamma(random: Random, shape: number, rate: number): number {
  if (shape < 1) return sampleGamma(random, shape + 1, rate) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / sqrt(9 * d);
  for (;;) {
    const x = sampleNormal(random);
    const root = 1 + c * x;
    if (root <= 0) continue;
    const v = root * root * root;
    const u = random();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v))) return (d * v) / rate;
  }
}

/**
 * A draw from the beta distribution Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b)
 * (e.g. Devroye 1986, Non-Uniform Random Variate Generation, IX.4). Cost O(1) expected.
 *
 * @example sampleBeta(createRandom(1), 2, 2) // a Beta(2, 2) draw (mean 0.5)
 */
export function sampleBeta(random: Random, a: number, b: number): number {
  const x = sampleGamma(random, a, 1);
  return x / (x + sampleGamma(random, b, 1));
}

/**
 * A draw from the geometric distribution on 1, 2, 3, ...: the number of trials up to and including
 * the first success when each succeeds with probability p (mean 1 / p), by inversion:
 * 1 + floor(log(1 - U) / log(1 - p)). Cost O(1).
 *
 * @example sampleGeometric(() => 0.3, 0.5) // 1
 */
export function sampleGeometric(random: Random, p: number): number {
  if (p >= 1) return 1;
  return 1 + floor(log1p(-random()) / log1p(-p));
}
