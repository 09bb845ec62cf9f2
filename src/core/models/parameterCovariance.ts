import type { LogLikelihood } from "./maximumLikelihood";
import { inversePositiveDefinite } from "./numeric/inversePositiveDefinite";

/** Step in log-parameters of the forward differences (relative step 1e-5: truncation error ~1e-5, rounding far below). */
const LOG_STEP = 1e-5;

/**
 * The asymptotic covariance of maximum-likelihood estimates: the inverse of the observed information,
 * minus the Hessian of the total log-likelihood at the estimates (e.g. Pawitan, In All Likelihood, 2001,
 * section 8.3). The Hessian is taken in log-parameters phi = log theta, by forward differences of the
 * analytic gradient (k + 1 gradient evaluations for k parameters), symmetrised, inverted, then mapped
 * back by the delta method: Cov(theta_i, theta_j) = theta_i theta_j Cov(phi_i, phi_j). In the order and
 * units of `parameters` (the caller's time and money units).
 *
 * @param logLikelihood - total log-likelihood of the data with its gradient in the natural parameters
 * @param parameters - the estimates, all positive
 * @returns the k x k covariance, or null when the information is not positive definite (a parameter
 *   the data cannot pin down, an estimate that is not a maximum)
 * @example parameterCovariance((p, g) => { g[0] = 10 / p[0] - 5; return 10 * Math.log(p[0]) - 5 * p[0]; }, [2])
 * // [[0.4]] (Gamma shape 10, rate 5 likelihood of a rate: information 10 / 2^2 = 2.5)
 */
export function parameterCovariance(logLikelihood: LogLikelihood, parameters: ArrayLike<number>): number[][] | null {
  const k = parameters.length;
  const at = Float64Array.from(parameters);
  const gradient = new Float64Array(k);
  /** The gradient in log-parameters at `point`: theta_i d logL / d theta_i. */
  const logGradient = (point: Float64Array): Float64Array => {
    logLikelihood(point, gradient);
    return gradient.map((value, i) => value * point[i]);
  };
  const base = logGradient(at);
  const hessian: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    const shifted = Float64Array.from(at);
    shifted[j] *= Math.exp(LOG_STEP);
    const moved = logGradient(shifted);
    for (let i = 0; i < k; i++) hessian[i][j] = (moved[i] - base[i]) / LOG_STEP;
  }
  const information = hessian.map((row, i) => row.map((_, j) => -(hessian[i][j] + hessian[j][i]) / 2));
  const logCovariance = inversePositiveDefinite(information);
  if (logCovariance === null || !logCovariance.every((row) => row.every(Number.isFinite))) return null;
  return logCovariance.map((row, i) => row.map((value, j) => value * (at[i] * at[j])));
}
