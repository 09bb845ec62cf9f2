import { type LogLikelihood, fitRescaled } from "./maximumLikelihood";

/** BFGS stops at a mean gradient of 1e-8 (in log-parameters), so the estimate is good to ~1e-8. */
const ESTIMATE_DIGITS = 7;

/** Exponential waiting times with mean theta: log L = sum(-log theta - t / theta), MLE theta = mean(t). */
function exponential(times: number[]): LogLikelihood {
  return (parameters, gradient) => {
    const theta = parameters[0];
    const total = times.reduce((sum, t) => sum + t, 0);
    gradient[0] = -times.length / theta + total / theta ** 2;
    return -times.length * Math.log(theta) - total / theta;
  };
}

describe("fitRescaled", () => {
  const days = [1, 2, 3];
  const specification = {
    names: ["theta"],
    carriesUnit: [true],
    scale: 1 / 3,
    scaledLogLikelihood: exponential(days.map((t) => t / 3)),
    logLikelihood: exponential(days),
    totalWeight: 3,
    dataWarnings: [],
    toParameters: ([theta]: Float64Array) => ({ theta }),
  };

  test("waiting times 1, 2, 3 days fitted on a 1/3 scale: mean 2 days, log-likelihood -3 ln 2 - 3 on the days", () => {
    const fit = fitRescaled(specification);
    expect(fit).toMatchObject({ converged: true, warnings: [] });
    expect(fit.parameters.theta).toBeCloseTo(2, ESTIMATE_DIGITS);
    expect(fit.logLikelihood).toBeCloseTo(-3 * Math.LN2 - 3, ESTIMATE_DIGITS);
  });

  test("a sample only sets the start: waiting times 3, 6 (mean 4.5 days) as the sample still give the mean of 1, 2, 3", () => {
    const fit = fitRescaled({ ...specification, sample: { scaledLogLikelihood: exponential([1, 2]), totalWeight: 2 } });
    expect(fit).toMatchObject({ converged: true, warnings: [] });
    expect(fit.parameters.theta).toBeCloseTo(2, ESTIMATE_DIGITS);
  });

  test("data warnings make the fit unconverged; unfittable data give NaN without optimising", () => {
    expect(fitRescaled({ ...specification, dataWarnings: ["few data"] })).toMatchObject({ converged: false, warnings: ["few data"] });
    const none = fitRescaled({ ...specification, unfittable: "no data" });
    expect(none).toMatchObject({ converged: false, iterations: 0, warnings: ["no data"] });
    expect(none.parameters.theta).toBeNaN();
  });

  test("a parameter that runs off to 0 is named in a warning: a likelihood increasing as theta falls", () => {
    const fit = fitRescaled({ ...specification, scaledLogLikelihood: (p, g) => ((g[0] = -1), -p[0]) });
    expect(fit.converged).toBe(false);
    expect(fit.warnings).toContain("`theta` ran off to zero: the data cannot pin it down");
  });
});
