/**
 * The CDNOW sample in weeks (2,357 customers, calibration 1997-01-01..1997-09-30) against published
 * values: Fader, Hardie & Lee (2005) for BG/NBD, the BTYD package's walkthrough for Pareto/NBD, Fader
 * & Hardie's note 025 for Gamma-Gamma, and lifetimes 0.11.3's outputs on the same file
 * (shared/data/reference/lifetimes_cdnow_weeks_published.json, read below).
 */
import { describeWithSharedData, readNumericCsv, readSharedJson } from "../../../test/sharedData";
import { fitBgNbd } from "./bgNbd";
import { conditionalExpectedSpend, fitGammaGamma, gammaGammaLogLikelihood } from "./gammaGamma";
import { fitParetoNbd, paretoNbdExpectedPurchases } from "./paretoNbd";
import {
  type PurchaseModel,
  conditionalExpectedPurchases,
  expectedPurchases,
  probabilityAlive,
  purchaseLogLikelihood,
} from "./purchaseModel";

const WEEKS_FILE = "cdnow_customers_summary_with_transactions.csv";
const REFERENCE_FILE = "reference/lifetimes_cdnow_weeks_published.json";

/** Published figures are compared to 3 significant digits: within half a unit of the third digit. */
const SIGNIFICANT_DIGITS = 3;
/** Our formulas at lifetimes' own parameters agree with lifetimes' outputs to this (both double precision). */
const SAME_FORMULA = 1e-9;
/** Our fits against lifetimes' fits (its optimiser stops at a looser tolerance than ours). */
const SAME_OPTIMUM = 1e-4;

function expectSignificantDigits(actual: number, published: number, digits = SIGNIFICANT_DIGITS): void {
  const halfUnit = 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(published))) - digits + 1);
  expect(Math.abs(actual - published)).toBeLessThanOrEqual(halfUnit);
}

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describeWithSharedData("CDNOW sample, weeks", [WEEKS_FILE, REFERENCE_FILE], () => {
  // Columns ID,x,t_x,T,zbar (data README).
  const { rows } = readNumericCsv(WEEKS_FILE);
  const customers = { frequency: rows.map((row) => row[1]), recency: rows.map((row) => row[2]), T: rows.map((row) => row[3]) };
  const spend = { frequency: customers.frequency, meanSpend: rows.map((row) => row[4]) };
  const reference = readSharedJson(REFERENCE_FILE);

  test("the file holds the 2,357 customers, 946 of them repeat buyers, that the data README describes", () => {
    expect(rows.length).toBe(2357);
    expect(customers.frequency.filter((x) => x > 0).length).toBe(946);
  });

  describe("BG/NBD", () => {
    const fit = fitBgNbd(customers);
    const model: PurchaseModel = { kind: "bgnbd", parameters: fit.parameters };

    test("fit: r 0.243, alpha 4.414, a 0.793, b 2.426, log-likelihood -9582.4 (FHL 2005, section 4)", () => {
      expect(fit).toMatchObject({ converged: true, warnings: [] });
      const { r, alpha, a, b } = fit.parameters;
      expectSignificantDigits(r, 0.243);
      expectSignificantDigits(alpha, 4.414);
      expectSignificantDigits(a, 0.793);
      expectSignificantDigits(b, 2.426);
      expectSignificantDigits(fit.logLikelihood, -9582.4, 5);
    });

    test("fit agrees with lifetimes' BetaGeoFitter on the same file", () => {
      for (const name of ["r", "alpha", "a", "b"] as const) {
        expectRelative(fit.parameters[name], reference.bgnbd.lifetimes_params[name], SAME_OPTIMUM);
      }
      expectRelative(fit.logLikelihood, reference.bgnbd.lifetimes_log_likelihood, SAME_OPTIMUM);
    });

    test("log-likelihood at the published parameters equals lifetimes' (-9582.4268)", () => {
      const published: PurchaseModel = { kind: "bgnbd", parameters: reference.bgnbd.published_params };
      expectRelative(purchaseLogLikelihood(published, customers), reference.bgnbd.log_likelihood_at_published_params, SAME_FORMULA);
    });

    test("E[X(t)] at t = 1, 3, 32, 78 weeks is 0.0532, 0.1506, 1.0437, 1.858 (Hardie's BG/NBD spreadsheet, as in lifetimes' tests)", () => {
      expectSignificantDigits(expectedPurchases(model, 1), 0.0532);
      expectSignificantDigits(expectedPurchases(model, 3), 0.1506);
      expectSignificantDigits(expectedPurchases(model, 32), 1.0437);
      expectSignificantDigits(expectedPurchases(model, 78), 1.858);
    });

    test("E[X(t)] at lifetimes' parameters equals lifetimes' values at all six published times", () => {
      const theirs: PurchaseModel = { kind: "bgnbd", parameters: reference.bgnbd.lifetimes_params };
      const { t_weeks, lifetimes } = reference.bgnbd.expected_number_of_purchases_up_to_time;
      t_weeks.forEach((t: number, i: number) => expectRelative(expectedPurchases(theirs, t), lifetimes[i], SAME_FORMULA));
    });

    test("customer x = 2, t_x = 30.43, T = 38.86: P(alive) 0.727, 1.226 purchases in the next 39 weeks (FHL 2005 / Hardie's sheet)", () => {
      expectSignificantDigits(probabilityAlive(model, 2, 30.43, 38.86), 0.727);
      expectSignificantDigits(conditionalExpectedPurchases(model, 39, 2, 30.43, 38.86), 1.226);
      const theirs: PurchaseModel = { kind: "bgnbd", parameters: reference.bgnbd.lifetimes_params };
      expectRelative(probabilityAlive(theirs, 2, 30.43, 38.86), reference.bgnbd["p_alive_for_x2_tx30.43_T38.86"], SAME_FORMULA);
      expectRelative(
        conditionalExpectedPurchases(theirs, 39, 2, 30.43, 38.86),
        reference.bgnbd["cond_exp_purchases_39w_for_x2_tx30.43_T38.86"],
        SAME_FORMULA
      );
    });
  });

  describe("Pareto/NBD", () => {
    const fit = fitParetoNbd(customers);
    const model: PurchaseModel = { kind: "pareto", parameters: fit.parameters };

    test("fit: r 0.553, alpha 10.58, s 0.606, beta 11.67 (Fader & Hardie's values, as in lifetimes' tests)", () => {
      expect(fit).toMatchObject({ converged: true, warnings: [] });
      const { r, alpha, s, beta } = fit.parameters;
      expectSignificantDigits(r, 0.553);
      expectSignificantDigits(alpha, 10.58);
      expectSignificantDigits(s, 0.606);
      expectSignificantDigits(beta, 11.67);
    });

    test("fit reaches lifetimes' tightly converged ('polished') optimum and log-likelihood -9594.974", () => {
      for (const name of ["r", "alpha", "s", "beta"] as const) {
        expectRelative(fit.parameters[name], reference.pareto_nbd.polished_params[name], SAME_OPTIMUM);
      }
      expect(fit.logLikelihood).toBeGreaterThanOrEqual(reference.pareto_nbd.polished_log_likelihood - 1e-6);
    });

    test("log-likelihood at the published parameters equals lifetimes' (-9594.9740)", () => {
      const published: PurchaseModel = { kind: "pareto", parameters: reference.pareto_nbd.published_params };
      expectRelative(purchaseLogLikelihood(published, customers), reference.pareto_nbd.log_likelihood_at_published_params, SAME_FORMULA);
    });

    test("customer (26, 30.86, 31): P(alive) 0.9979 at the BTYD walkthrough's parameters (0.5534, 10.5802, 0.6061, 11.6562), p. 8", () => {
      const btyd: PurchaseModel = { kind: "pareto", parameters: { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 } };
      expectSignificantDigits(probabilityAlive(btyd, 26, 30.86, 31), 0.9979);
      // mpmath 1.3.0 at 50 digits, Fader & Hardie (2005) note eq. (18) with the untransformed 2F1: 0.99791776655190671.
      expectRelative(probabilityAlive(btyd, 26, 30.86, 31), 0.99791776655190671, SAME_FORMULA);
    });

    test("customer (26, 30.86, 31) expects 25.46 purchases in the next 52 weeks (BTYD walkthrough)", () => {
      expectSignificantDigits(conditionalExpectedPurchases(model, 52, 26, 30.86, 31), 25.46);
    });

    test("P(alive) and 39-week expectation of customer (2, 30.43, 38.86) at lifetimes' parameters equal lifetimes'", () => {
      const theirs: PurchaseModel = { kind: "pareto", parameters: reference.pareto_nbd.lifetimes_params };
      expectRelative(probabilityAlive(theirs, 2, 30.43, 38.86), reference.pareto_nbd["p_alive_for_x2_tx30.43_T38.86"], SAME_FORMULA);
      expectRelative(
        conditionalExpectedPurchases(theirs, 39, 2, 30.43, 38.86),
        reference.pareto_nbd["cond_exp_purchases_39w_for_x2_tx30.43_T38.86"],
        SAME_FORMULA
      );
    });

    test("E[X(t)] for t = 1..9 weeks matches the BTYD manual's pnbd.Expectation example to 0.01 (as in lifetimes' tests)", () => {
      const btydManual = [0.05077821, 0.09916088, 0.14542507, 0.1897993, 0.23247466, 0.27361274, 0.31335159, 0.35181024, 0.38909211];
      btydManual.forEach((expected, i) => expect(Math.abs(paretoNbdExpectedPurchases(fit.parameters, i + 1) - expected)).toBeLessThan(0.01));
    });
  });

  describe("Gamma-Gamma", () => {
    const fit = fitGammaGamma(spend);

    test("fit on the 946 repeat buyers: p 6.25, q 3.74, v 15.44, log-likelihood -4055.9 (Fader & Hardie note 025)", () => {
      expect(fit).toMatchObject({ converged: true, warnings: [] });
      expectSignificantDigits(fit.parameters.p, 6.25);
      expectSignificantDigits(fit.parameters.q, 3.74);
      expectSignificantDigits(fit.parameters.v, 15.44);
      expectSignificantDigits(fit.logLikelihood, -4055.9, 5);
    });

    test("fit and log-likelihood at the published parameters agree with lifetimes' GammaGammaFitter", () => {
      for (const name of ["p", "q", "v"] as const) {
        expectRelative(fit.parameters[name], reference.gamma_gamma.lifetimes_params[name], SAME_OPTIMUM);
      }
      expectRelative(
        gammaGammaLogLikelihood(reference.gamma_gamma.published_params, spend),
        reference.gamma_gamma.log_likelihood_at_published_params,
        SAME_FORMULA
      );
    });

    test("E[spend] for (x, mean) = (2, 22.35) is 24.66 and for (7, 73.74) is 71.46 (note 025 / Hardie's sheet)", () => {
      expectSignificantDigits(conditionalExpectedSpend(fit.parameters, 2, 22.35), 24.66);
      expectSignificantDigits(conditionalExpectedSpend(fit.parameters, 7, 73.74), 71.46);
    });

    test("E[spend] of customers 1..10 at the published parameters equals lifetimes'", () => {
      const expected: number[] = reference.gamma_gamma.cond_exp_avg_profit_first10_ids_1_to_10.at_published_params;
      expected.forEach((value, i) =>
        expectRelative(conditionalExpectedSpend(reference.gamma_gamma.published_params, rows[i][1], rows[i][4]), value, SAME_FORMULA)
      );
    });
  });
});
