// Why hand-written: no small, maintained npm package offers BFGS with analytic gradients; the
// method below is the textbook one (Nocedal & Wright, Numerical Optimization, 2nd ed., Algorithm 6.1
// with the scaling 6.20 and a backtracking Armijo line search, Algorithm 3.1).

/** An objective to minimise: returns f(x) and writes its gradient into `gradient`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

/** Stopping rules for {@link minimize}. */
export interface MinimizeOptions {
  /** Most quasi-Newton steps to take (default 200). */
  maxIterations?: number;
  /** Converged when every gradient component is at most this in absolute value (default 1e-8). */
  gradientTolerance?: number;
  /** Largest change of any coordinate in one step (default 5; the models step on log parameters). */
  maxStep?: number;
  /**
   * The inverse Hessian to start from, e.g. that of a minimisation of a similar function (default: the
   * identity, scaled after the first step). With a start near the minimum it saves most of the steps
   * BFGS otherwise spends learning the curvature.
   */
  inverseHessian?: readonly Float64Array[];
}

/** Where {@link minimize} stopped and why. */
export interface MinimizeResult {
  /** The best point found. */
  x: Float64Array;
  /** f at that point. */
  value: number;
  /** True when the gradient tolerance was met (or met to 1e-5 where rounding stopped progress). */
  converged: boolean;
  /** Quasi-Newton steps taken. */
  iterations: number;
  /** Why it stopped, in words (empty when converged by the gradient tolerance). */
  message: string;
  /** BFGS's estimate of the inverse Hessian where it stopped. */
  inverseHessian: Float64Array[];
}

/** Rounding can stop progress just short of the tolerance; a gradient this small still counts as converged. */
const ROUNDING_GRADIENT_TOLERANCE = 1e-5;
const ARMIJO = 1e-4;
/** A step lowering the value by less than this fraction of it has made no progress beyond rounding. */
const STALL_RELATIVE_CHANGE = 1e-15;
/** Consecutive steps without progress after which the search stops. */
const STALLED_STEPS = 5;
const MAX_HALVINGS = 60;

/**
 * Minimises a smooth function of a few variables by BFGS with a backtracking line search. A step whose
 * value or gradient is not finite is shortened, so an objective may return NaN or Infinity outside its
 * domain. Never throws: failure is reported in the result. Cost: per step O(n^2) plus one objective call
 * per line-search trial (usually one).
 *
 * @param objective - returns f(x) and writes the gradient
 * @param start - the starting point (not modified)
 * @example minimize((x, g) => { g[0] = 2 * (x[0] - 3); return (x[0] - 3) ** 2; }, [0]).x[0] // 3
 */
export function minimize(objective: Objective, start: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const { maxIterations = 200, gradientTolerance = 1e-8, maxStep = 5 } = options;
  const given = options.inverseHessian;
  const n = start.length;
  let x = Float64Array.from(start);
  let gradient = new Float64Array(n);
  let value = objective(x, gradient);
  if (!Number.isFinite(value) || !allFinite(gradient)) {
    return { x, value, converged: false, iterations: 0, message: "the objective is not finite at the starting point", inverseHessian: identity(n) };
  }
  let nextX = new Float64Array(n);
  let nextGradient = new Float64Array(n);
  const inverseHessian = given === undefined ? identity(n) : given.map((row) => Float64Array.from(row));
  const direction = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const hy = new Float64Array(n);

  let stalledSteps = 0;
  for (let iteration = 0; ; iteration++) {
    const largestGradient = maxAbs(gradient);
    if (largestGradient <= gradientTolerance) return { x, value, converged: true, iterations: iteration, message: "", inverseHessian };
    if (iteration === maxIterations) {
      return { x, value, converged: false, iterations: iteration, message: `no convergence in ${maxIterations} iterations`, inverseHessian };
    }
    multiply(inverseHessian, gradient, direction, -1);
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // Not a descent direction (rounding in the update): restart from steepest descent.
      resetToIdentity(inverseHessian);
      for (let i = 0; i < n; i++) direction[i] = -gradient[i];
      slope = -dot(gradient, gradient);
    }
    let step = Math.min(1, maxStep / maxAbs(direction));
    let nextValue = Number.NaN;
    let accepted = false;
    for (let trial = 0; trial < MAX_HALVINGS; trial++) {
      for (let i = 0; i < n; i++) nextX[i] = x[i] + step * direction[i];
      nextValue = objective(nextX, nextGradient);
      if (Number.isFinite(nextValue) && allFinite(nextGradient) && nextValue <= value + ARMIJO * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    // A step that no longer lowers the value beyond rounding means progress has stopped: near the
    // optimum that is convergence (rounding), elsewhere a failure.
    stalledSteps = accepted && value - nextValue <= STALL_RELATIVE_CHANGE * Math.abs(value) ? stalledSteps + 1 : 0;
    if (!accepted || (stalledSteps >= STALLED_STEPS && largestGradient <= ROUNDING_GRADIENT_TOLERANCE)) {
      const converged = largestGradient <= ROUNDING_GRADIENT_TOLERANCE;
      const message = converged ? "stopped by rounding near the optimum" : "the line search found no lower value";
      return { x, value, converged, iterations: iteration, message, inverseHessian };
    }
    for (let i = 0; i < n; i++) {
      s[i] = nextX[i] - x[i];
      y[i] = nextGradient[i] - gradient[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iteration === 0 && given === undefined) scale(inverseHessian, sy / dot(y, y));
      updateInverseHessian(inverseHessian, s, y, sy, hy);
    }
    [x, nextX] = [nextX, x];
    [gradient, nextGradient] = [nextGradient, gradient];
    value = nextValue;
  }
}

/** BFGS update of the inverse Hessian H (Nocedal & Wright 6.17): H += (sy + y'Hy) ss' / sy^2 - (Hy s' + s (Hy)') / sy. */
function updateInverseHessian(h: Float64Array[], s: Float64Array, y: Float64Array, sy: number, hy: Float64Array): void {
  const n = s.length;
  multiply(h, y, hy, 1);
  const yhy = dot(y, hy);
  const outer = (sy + yhy) / (sy * sy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) h[i][j] += outer * s[i] * s[j] - (hy[i] * s[j] + s[i] * hy[j]) / sy;
  }
}

function identity(n: number): Float64Array[] {
  const matrix = Array.from({ length: n }, () => new Float64Array(n));
  resetToIdentity(matrix);
  return matrix;
}

function resetToIdentity(matrix: Float64Array[]): void {
  for (let i = 0; i < matrix.length; i++) {
    matrix[i].fill(0);
    matrix[i][i] = 1;
  }
}

function scale(matrix: Float64Array[], factor: number): void {
  for (const row of matrix) for (let j = 0; j < row.length; j++) row[j] *= factor;
}

function multiply(matrix: Float64Array[], vector: Float64Array, out: Float64Array, sign: number): void {
  for (let i = 0; i < matrix.length; i++) out[i] = sign * dot(matrix[i], vector);
}

function dot(u: Float64Array, v: Float64Array): number {
  let total = 0;
  for (let i = 0; i < u.length; i++) total += u[i] * v[i];
  return total;
}

function maxAbs(v: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < v.length; i++) largest = Math.max(largest, Math.abs(v[i]));
  return largest;
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}
