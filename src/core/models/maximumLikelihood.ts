import { minimize } from "./numeric/minimize";
import { parameterCovariance } from "./parameterCovariance";

/** How a fit went: shared by every model's fit, which never throws for a fit that fails. */
export interface FitReport {
  /** Total log-likelihood at the returned parameters, on the caller's units (time and money). */
  logLikelihood: number;
  /** False when the optimiser did not converge or a warning says the estimate cannot be trusted. */
  converged: boolean;
  /** Optimiser (BFGS) iterations taken. */
  iterations: number;
  /** Plain-language reasons to distrust the fit, e.g. "no customer made a repeat purchase ...". */
  warnings: string[];
  /**
   * With `FitOptions.covariance`: the estimates' asymptotic covariance (inverse observed information,
   * see `parameterCovariance`) in the order of the parameters, or null when the data cannot pin them down.
   */
  covariance?: number[][] | null;
}

/** A fitted model: its parameters and how the fit went. */
export interface FitResult<P> extends FitReport {
  parameters: P;
}

/** Options common to the fits. */
export interface FitOptions {
  /** Most optimiser iterations (default 200; 20 to 40 are typical). */
  maxIterations?: number;
  /** Also estimate the covariance of the estimates (k + 1 more gradient evaluations for k parameters). */
  covariance?: boolean;
}

/** A log-likelihood summed over customers; writes its gradient with respect to the parameters. */
export type LogLikelihood = (parameters: Float64Array, gradient: Float64Array) => number;

/** What {@link fitRescaled} needs to know about a model and its data. */
export interface RescaledFitSpecification<P> {
  /** Parameter names in order, for warnings. */
  names: readonly string[];
  /** Which parameters are in the unit that was rescaled (time for alpha and beta, money for v). */
  carriesUnit: readonly boolean[];
  /** The data seen by `scaledLogLikelihood` are the caller's multiplied by this. */
  scale: number;
  scaledLogLikelihood: LogLikelihood;
  /** The same model on the caller's data, for the reported log-likelihood. */
  logLikelihood: LogLikelihood;
  /** Sum of the customers' weights. */
  totalWeight: number;
  /** Why the data cannot be fitted at all (no customers...), or undefined. */
  unfittable?: string;
  /** Reasons to distrust any fit on these data (no repeat purchase...). */
  dataWarnings: string[];
  toParameters: (values: Float64Array) => P;
  /**
   * Optional, for large data: the model on a sample of them (rescaled alike), far cheaper to evaluate.
   * Its optimum, found first, and the optimiser's curvature estimate there are where the fit on all the
   * data starts, so that the costly fit takes a few steps rather than some twenty from the default start.
   * A sample fit that does not converge within 50 iterations is not used.
   */
  sample?: { scaledLogLikelihood: LogLikelihood; totalWeight: number };
}

/**
 * Fits a model by maximum likelihood on rescaled data and scales the estimates back, as lifetimes
 * does: rescaling keeps the parameters near the optimiser's start (1) whatever the caller's unit.
 * Never throws; unfittable data give NaN parameters, `converged: false` and a warning.
 *
 * @example fitRescaled({ names: ["rate"], carriesUnit: [false], scale: 1, totalWeight: 1, dataWarnings: [],
 *   scaledLogLikelihood: (p, g) => { g[0] = 2 / p[0] - 1; return 2 * Math.log(p[0]) - p[0]; },
 *   logLikelihood: (p, g) => { g[0] = 2 / p[0] - 1; return 2 * Math.log(p[0]) - p[0]; },
 *   toParameters: (v) => v[0] }).parameters // 2 (to 1e-8)
 */
export function fitRescaled<P>(specification: RescaledFitSpecification<P>, options: FitOptions = {}): FitResult<P> {
  const { names, carriesUnit, scale, totalWeight, unfittable, dataWarnings, toParameters } = specification;
  if (unfittable !== undefined) {
    return {
      parameters: toParameters(new Float64Array(names.length).fill(Number.NaN)),
      logLikelihood: Number.NaN,
      converged: false,
      iterations: 0,
      warnings: [unfittable, ...dataWarnings],
      ...(options.covariance ? { covariance: null } : {}),
    };
  }
  const { sample } = specification;
  const warmStart =
    sample === undefined
      ? undefined
      : maximizeLogLikelihood(names, mean(sample.scaledLogLikelihood, sample.totalWeight), {
          maxIterations: Math.min(options.maxIterations ?? SAMPLE_ITERATIONS, SAMPLE_ITERATIONS),
        });
  const fit = maximizeLogLikelihood(
    names,
    mean(specification.scaledLogLikelihood, totalWeight),
    options,
    warmStart?.converged ? warmStart : undefined
  );
  const values = fit.parameters.map((value, i) => (carriesUnit[i] ? value / scale : value));
  const warnings = [...dataWarnings, ...fit.warnings];
  return {
    parameters: toParameters(values),
    logLikelihood: specification.logLikelihood(values, new Float64Array(names.length)),
    converged: warnings.length === 0,
    iterations: fit.iterations,
    warnings,
    ...(options.covariance ? { covariance: parameterCovariance(specification.logLikelihood, values) } : {}),
  };
}

/** Data with more customers (or distinct histories) than this are first fitted on a sample of this size (see `sample`). */
export const WARM_START_SIZE = 5_000;

/** Most optimiser iterations on a sample: it only finds a start, and one that does not converge is not used. */
const SAMPLE_ITERATIONS = 50;

/** A log-likelihood divided by the customers' total weight, as the optimiser sees it. */
function mean(logLikelihood: LogLikelihood, totalWeight: number): LogLikelihood {
  return (parameters, gradient) => {
    const total = logLikelihood(parameters, gradient);
    for (let i = 0; i < gradient.length; i++) gradient[i] /= totalWeight;
    return total / totalWeight;
  };
}

/**
 * A log-parameter beyond this (e^15 = 3e6 times the starting scale 1, or 3e-7 of it) has run off to the
 * boundary: a parameter heading for 0 or infinity flattens the likelihood, so the optimiser stops there.
 */
const LOG_PARAMETER_BOUND = 15;

/**
 * Maximises a mean log-likelihood over positive parameters by BFGS on their logarithms (so no
 * constraint is needed), starting from `start`, by default 1 for each, as lifetimes does on rescaled data.
 *
 * @param names - parameter names, for warnings
 * @param meanLogLikelihood - returns the weighted mean log-likelihood at `parameters` and writes its
 *   gradient with respect to them
 * @param start - positive parameters to start from, and the optimiser's inverse Hessian there (in log parameters)
 * @returns the parameters, iterations, convergence and warnings; never throws
 * @example maximizeLogLikelihood(["rate"], (p, g) => { g[0] = 2 / p[0] - 1; return 2 * Math.log(p[0]) - p[0]; }).parameters[0] // 2 (to 1e-8)
 */
function maximizeLogLikelihood(
  names: readonly string[],
  meanLogLikelihood: (parameters: Float64Array, gradient: Float64Array) => number,
  options: FitOptions = {},
  start?: { parameters: Float64Array; inverseHessian: Float64Array[] }
): { parameters: Float64Array; converged: boolean; iterations: number; warnings: string[]; inverseHessian: Float64Array[] } {
  const parameters = new Float64Array(names.length);
  const result = minimize(
    (logParameters, gradient) => {
      for (let i = 0; i < parameters.length; i++) parameters[i] = Math.exp(logParameters[i]);
      const value = meanLogLikelihood(parameters, gradient);
      for (let i = 0; i < parameters.length; i++) gradient[i] *= -parameters[i];
      return -value;
    },
    start === undefined ? new Float64Array(names.length) : start.parameters.map(Math.log),
    { maxIterations: options.maxIterations ?? 200, inverseHessian: start?.inverseHessian }
  );
  const warnings: string[] = [];
  if (!result.converged) warnings.push(`the fit did not converge: ${result.message}`);
  names.forEach((name, i) => {
    if (Math.abs(result.x[i]) > LOG_PARAMETER_BOUND) {
      warnings.push(`\`${name}\` ran off to ${result.x[i] > 0 ? "infinity" : "zero"}: the data cannot pin it down`);
    }
  });
  return {
    parameters: result.x.map(Math.exp),
    converged: warnings.length === 0,
    iterations: result.iterations,
    warnings,
    inverseHessian: result.inverseHessian,
  };
}
