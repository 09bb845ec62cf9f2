/**
 * Fits on data simulated from known parameters come back within sampling error. The tolerances are
 * standard errors, not tuned: lifetimes 0.11.3 reports the BG/NBD and Gamma-Gamma standard errors on
 * the CDNOW sample in days (shared/data/reference/lifetimes_cdnow_sample.json, models.*.standard_errors:
 * 2,357 customers, 946 repeat buyers). We simulate the same design - the same parameters, T uniform over
 * the 189..272 days that CDNOW's first-quarter cohort was observed - with more customers, so each
 * standard error shrinks by sqrt(2,357 / N) (or sqrt(946 / repeat buyers)), and allow 4 of them.
 */
import { createRandom } from "../simulation/random";
import { simulateCustomers, summarizeSimulation } from "../simulation/simulateCustomers";
import { fitBgNbd } from "./bgNbd";
import { fitGammaGamma } from "./gammaGamma";

const N = 20_000;
const STANDARD_ERRORS = 4;
// lifetimes' days fit of the CDNOW sample: parameters and standard errors (n = 2,357).
const BG_NBD = { r: 0.2426, alpha: 30.90, a: 0.7929, b: 2.4259 };
const BG_NBD_STANDARD_ERRORS = { r: 0.012557, alpha: 2.6476, a: 0.18573, b: 0.70541 };
// Its Gamma-Gamma fit on the 946 repeat buyers.
const GAMMA_GAMMA = { p: 6.2496, q: 3.7442, v: 15.4435 };
const GAMMA_GAMMA_STANDARD_ERRORS = { p: 1.19006, q: 0.290133, v: 4.15942 };

describe("parameter recovery from simulated CDNOW-like customers (20,000, days)", () => {
  const random = createRandom(20_240_101);
  const ages = Array.from({ length: N }, () => 189 + 83 * random());
  const customers = simulateCustomers({ model: { kind: "bgnbd", parameters: BG_NBD }, spend: GAMMA_GAMMA, ages, seed: 5 });
  const summary = summarizeSimulation(customers);

  test("BG/NBD: r, alpha, a, b within 4 standard errors", () => {
    const fit = fitBgNbd(summary);
    expect(fit.converged).toBe(true);
    const shrink = Math.sqrt(2357 / N);
    for (const name of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(fit.parameters[name] - BG_NBD[name])).toBeLessThan(STANDARD_ERRORS * BG_NBD_STANDARD_ERRORS[name] * shrink);
    }
  });

  test("Gamma-Gamma on the repeat buyers: p, q, v within 4 standard errors", () => {
    const fit = fitGammaGamma({ frequency: summary.frequency, meanSpend: summary.meanSpend });
    expect(fit.converged).toBe(true);
    const repeatBuyers = Array.from(summary.frequency).filter((x) => x > 0).length;
    const shrink = Math.sqrt(946 / repeatBuyers);
    for (const name of ["p", "q", "v"] as const) {
      expect(Math.abs(fit.parameters[name] - GAMMA_GAMMA[name])).toBeLessThan(STANDARD_ERRORS * GAMMA_GAMMA_STANDARD_ERRORS[name] * shrink);
    }
  });
});
