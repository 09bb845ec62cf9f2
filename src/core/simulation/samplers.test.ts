import { createRandom } from "./random";
import { sampleBeta, sampleExponential, sampleGamma, sampleGeometric, sampleNormal } from "./samplers";

/** Draws per distribution. */
const N = 200_000;
/** Sample means must lie within 4 standard errors (sqrt(variance / N)) of the distribution's mean. */
const STANDARD_ERRORS = 4;

function expectMean(draw: () => number, mean: number, variance: number): void {
  let total = 0;
  for (let i = 0; i < N; i++) total += draw();
  expect(Math.abs(total / N - mean)).toBeLessThan(STANDARD_ERRORS * Math.sqrt(variance / N));
}

function expectVariance(draw: () => number, variance: number, fourthCentralMoment: number): void {
  const draws = Array.from({ length: N }, draw);
  const mean = draws.reduce((s, v) => s + v, 0) / N;
  const sample = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / (N - 1);
  expect(Math.abs(sample - variance)).toBeLessThan(STANDARD_ERRORS * Math.sqrt((fourthCentralMoment - variance ** 2) / N));
}

describe("samplers (moments from the distributions' textbook formulas)", () => {
  const random = createRandom(2024);

  test("normal: mean 0, variance 1 (fourth moment 3)", () => {
    expectMean(() => sampleNormal(random), 0, 1);
    expectVariance(() => sampleNormal(random), 1, 3);
  });

  test("exponential with rate 2: mean 1/2, variance 1/4 (fourth central moment 9/16)", () => {
    expectMean(() => sampleExponential(random, 2), 0.5, 0.25);
    expectVariance(() => sampleExponential(random, 2), 0.25, 9 / 16);
  });

  test.each([
    [0.2426, 30.9],
    [0.5, 2],
    [3.74, 15.44],
    [6.25, 1],
  ])("gamma with shape %d, rate %d: mean shape/rate, variance shape/rate^2", (shape, rate) => {
    // Fourth central moment of Gamma(k, rate): 3k(k + 2) / rate^4.
    expectMean(() => sampleGamma(random, shape, rate), shape / rate, shape / rate ** 2);
    expectVariance(() => sampleGamma(random, shape, rate), shape / rate ** 2, (3 * shape * (shape + 2)) / rate ** 4);
  });

  test("beta(0.793, 2.426): mean a/(a+b), variance ab/((a+b)^2 (a+b+1))", () => {
    const a = 0.793, b = 2.426;
    expectMean(() => sampleBeta(random, a, b), a / (a + b), (a * b) / ((a + b) ** 2 * (a + b + 1)));
  });

  test("geometric with p = 0.3 on 1, 2, ...: mean 1/p, variance (1 - p)/p^2; P(1) = p", () => {
    expectMean(() => sampleGeometric(random, 0.3), 1 / 0.3, 0.7 / 0.09);
    let ones = 0;
    for (let i = 0; i < N; i++) if (sampleGeometric(random, 0.3) === 1) ones++;
    expect(Math.abs(ones / N - 0.3)).toBeLessThan(STANDARD_ERRORS * Math.sqrt((0.3 * 0.7) / N));
    expect(sampleGeometric(random, 1)).toBe(1);
  });
});
