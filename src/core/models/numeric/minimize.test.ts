import { minimize } from "./minimize";

/** Distance from the known minimum accepted: the gradient tolerance 1e-8 bounds the error near 1e-8. */
const POSITION = 1e-6;

/** Rosenbrock's function (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1) (Rosenbrock 1960). */
function rosenbrock(point: Float64Array, gradient: Float64Array): number {
  const [x, y] = point;
  gradient[0] = -2 * (1 - x) - 400 * x * (y - x * x);
  gradient[1] = 200 * (y - x * x);
  return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
}

describe("minimize (BFGS)", () => {
  test("finds Rosenbrock's minimum at (1, 1) from the classic start (-1.2, 1)", () => {
    const result = minimize(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(Math.abs(result.x[0] - 1)).toBeLessThan(POSITION);
    expect(Math.abs(result.x[1] - 1)).toBeLessThan(POSITION);
    expect(result.value).toBeLessThan(1e-12);
  });

  test("a quadratic 2(x - 3)^2 + (y + 1)^2 + xy has its minimum where the gradient vanishes: (26/7, -20/7)", () => {
    // 4(x - 3) + y = 0 and 2(y + 1) + x = 0 give x = 26/7, y = -20/7.
    const result = minimize((p, g) => {
      g[0] = 4 * (p[0] - 3) + p[1];
      g[1] = 2 * (p[1] + 1) + p[0];
      return 2 * (p[0] - 3) ** 2 + (p[1] + 1) ** 2 + p[0] * p[1];
    }, [0, 0]);
    expect(Math.abs(result.x[0] - 26 / 7)).toBeLessThan(POSITION);
    expect(Math.abs(result.x[1] + 20 / 7)).toBeLessThan(POSITION);
  });

  test("given the exact inverse Hessian, one Newton step solves the same quadratic: [[4, 1], [1, 2]]^-1 = [[2, -1], [-1, 4]] / 7", () => {
    // The Hessian of 2(x - 3)^2 + (y + 1)^2 + xy is [[4, 1], [1, 2]], determinant 7; from (0, 0) the step
    // -H^-1 g with g = (-12, 2) lands on (26/7, -20/7), where the gradient is 0: no further step.
    const result = minimize(
      (p, g) => {
        g[0] = 4 * (p[0] - 3) + p[1];
        g[1] = 2 * (p[1] + 1) + p[0];
        return 2 * (p[0] - 3) ** 2 + (p[1] + 1) ** 2 + p[0] * p[1];
      },
      [0, 0],
      { inverseHessian: [Float64Array.of(2 / 7, -1 / 7), Float64Array.of(-1 / 7, 4 / 7)] }
    );
    expect(result.iterations).toBe(1);
    expect(Math.abs(result.x[0] - 26 / 7)).toBeLessThan(POSITION);
    expect(Math.abs(result.x[1] + 20 / 7)).toBeLessThan(POSITION);
  });

  test("steps into a region where the objective is NaN are shortened: minimising x - log(x) (minimum at 1) from 5", () => {
    const result = minimize((p, g) => {
      g[0] = 1 - 1 / p[0];
      return p[0] - Math.log(p[0]);
    }, [5]);
    expect(result.converged).toBe(true);
    expect(Math.abs(result.x[0] - 1)).toBeLessThan(POSITION);
  });

  test("reports, not throws: too few iterations, or a start where the objective is not finite", () => {
    const short = minimize(rosenbrock, [-1.2, 1], { maxIterations: 2 });
    expect(short).toMatchObject({ converged: false, iterations: 2, message: "no convergence in 2 iterations" });
    const undefinedStart = minimize((p) => Math.log(p[0]), [-1]);
    expect(undefinedStart).toMatchObject({ converged: false, iterations: 0 });
  });
});
