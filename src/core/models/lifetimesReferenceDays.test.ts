/**
 * The CDNOW sample in days against lifetimes 0.11.3 (shared/data/reference/lifetimes_cdnow_sample.json
 * and lifetimes_cdnow_sample_per_customer.csv; their meta block: calibration to 1997-09-30, time in
 * days, CLV with 30-day months and a 1 % monthly discount). Predictions are checked twice: at
 * lifetimes' own parameters (same formulas, so to rounding) and at our fitted parameters (same optimum,
 * so to the optimisers' tolerance).
 */
import { describeWithSharedData, readNumericCsv, readSharedJson } from "../../../test/sharedData";
import { fitBgNbd } from "./bgNbd";
import { PERIODS_PER_MONTH, customerLifetimeValue } from "./customerLifetimeValue";
import { type GammaGammaParameters, conditionalExpectedSpend, fitGammaGamma } from "./gammaGamma";
import { fitParetoNbd } from "./paretoNbd";
import {
  type PurchaseModel,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitPurchaseModel,
  probabilityAlive,
  purchaseLogLikelihood,
} from "./purchaseModel";

const REFERENCE_FILE = "reference/lifetimes_cdnow_sample.json";
const PER_CUSTOMER_FILE = "reference/lifetimes_cdnow_sample_per_customer.csv";
const WEEKS_FILE = "cdnow_customers_summary_with_transactions.csv";

/** Same formulas at the same parameters: the CSV keeps 10 significant digits (5e-10 relative). */
const SAME_FORMULA = 1e-9;
/** Below this the CSV's digits are noise against double rounding in lifetimes' own formulas. */
const ABSOLUTE_FLOOR = 1e-15;
/**
 * Our fit against lifetimes': BG/NBD agrees to ~1e-6, but lifetimes' Pareto/NBD fit is a Nelder-Mead
 * run stopped at tol 1e-4 whose 4th significant digit moves with its random start (the JSON's
 * seed-sensitivity block); predictions then differ by up to 4e-5.
 */
const SAME_OPTIMUM = 1e-4;
/** lifetimes' CLV convention: months of 30 days (meta.clv_semantics). */
const LIFETIMES_CLV = { months: 12, monthlyDiscountRate: 0.01, periodsPerMonth: 30 };
const HORIZONS = [30, 90, 365];

function expectClose(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + ABSOLUTE_FLOOR);
}

describeWithSharedData("CDNOW sample, days (lifetimes 0.11.3)", [REFERENCE_FILE, PER_CUSTOMER_FILE, WEEKS_FILE], () => {
  const reference = readSharedJson(REFERENCE_FILE);
  const { rows, column } = readNumericCsv(PER_CUSTOMER_FILE);
  const customers = { frequency: column("frequency"), recency: column("recency"), T: column("T") };
  const meanSpend = column("monetary_value");
  const spendData = { frequency: customers.frequency, meanSpend };

  // lifetimes' fitted parameters; the CSV was computed from exactly these.
  const theirs: Record<string, PurchaseModel> = {
    bgnbd: { kind: "bgnbd", parameters: reference.models.bgnbd.params },
    pareto_nbd: { kind: "pareto", parameters: reference.models.pareto_nbd.params },
  };
  const theirSpend: GammaGammaParameters = reference.models.gamma_gamma.params;
  const bgNbdFit = fitBgNbd(customers);
  const paretoFit = fitParetoNbd(customers);
  const spendFit = fitGammaGamma(spendData);
  const ours: Record<string, PurchaseModel> = {
    bgnbd: { kind: "bgnbd", parameters: bgNbdFit.parameters },
    pareto_nbd: { kind: "pareto", parameters: paretoFit.parameters },
  };

  test("the reference is in days with 30-day CLV months, as this file assumes", () => {
    expect(reference.meta.time_unit).toMatch(/^days/);
    expect(reference.meta.clv_semantics).toContain("months are 30 days");
    expect(rows.length).toBe(reference.summary_aggregate.n_customers);
  });

  describe("fits", () => {
    test("BG/NBD: r 0.2426, alpha 30.90 days, a 0.7929, b 2.426; log-likelihood -14363.53", () => {
      expect(bgNbdFit.converged).toBe(true);
      for (const name of ["r", "alpha", "a", "b"] as const) {
        expectClose(bgNbdFit.parameters[name], reference.models.bgnbd.params[name], SAME_OPTIMUM);
      }
      expectClose(bgNbdFit.logLikelihood, reference.models.bgnbd.log_likelihood, SAME_OPTIMUM);
    });

    test("Pareto/NBD: lifetimes' tightly converged optimum r 0.5533, alpha 74.04, s 0.6062, beta 81.68; log-likelihood -14376.08", () => {
      expect(paretoFit.converged).toBe(true);
      for (const name of ["r", "alpha", "s", "beta"] as const) {
        expectClose(paretoFit.parameters[name], reference.models.pareto_nbd_polished.params[name], SAME_OPTIMUM);
      }
      expect(paretoFit.logLikelihood).toBeGreaterThanOrEqual(reference.models.pareto_nbd_polished.log_likelihood - 1e-6);
    });

    test("Gamma-Gamma on the 946 repeat buyers: p 6.250, q 3.744, v 15.44; log-likelihood -4055.92", () => {
      expect(spendFit.converged).toBe(true);
      for (const name of ["p", "q", "v"] as const) {
        expectClose(spendFit.parameters[name], reference.models.gamma_gamma.params[name], SAME_OPTIMUM);
      }
      expectClose(spendFit.logLikelihood, reference.models.gamma_gamma.log_likelihood, SAME_OPTIMUM);
    });

    test("log-likelihoods at lifetimes' parameters equal lifetimes' (both totals on the days data)", () => {
      expectClose(purchaseLogLikelihood(theirs.bgnbd, customers), reference.models.bgnbd.log_likelihood, SAME_FORMULA);
      expectClose(purchaseLogLikelihood(theirs.pareto_nbd, customers), reference.models.pareto_nbd.log_likelihood, SAME_FORMULA);
    });
  });

  test.each(["bgnbd", "pareto_nbd"])("%s: E[X(t)] at 30, 90, 365 days equals lifetimes'", (name) => {
    for (const t of HORIZONS) {
      expectClose(expectedPurchases(theirs[name], t), reference.expected_number_of_purchases_up_to_time[name][t], SAME_FORMULA);
    }
  });

  describe.each(["bgnbd", "pareto_nbd"])("%s, chosen customers", (name) => {
    const chosen: { customer_id: number; why_chosen: string }[] = reference.chosen_customers ?? [];
    test.each(chosen.map((customer) => [customer.customer_id, customer.why_chosen, customer] as const))(
      "customer %i (%s): P(alive), expected purchases in 30/90/365 days, 12-month CLV equal lifetimes'",
      (_id, _why, customer) => {
        const { frequency: x, recency, T, monetary_value: spend } = (customer as any).summary;
        const expected = (customer as any)[name];
        const model = theirs[name];
        expectClose(probabilityAlive(model, x, recency, T), expected.conditional_probability_alive, SAME_FORMULA);
        for (const t of HORIZONS) {
          expectClose(conditionalExpectedPurchases(model, t, x, recency, T), expected.conditional_expected_number_of_purchases_up_to_time[t], SAME_FORMULA);
        }
        const expectedSpend = conditionalExpectedSpend(theirSpend, x, spend);
        expectClose(expectedSpend, (customer as any).gamma_gamma_conditional_expected_average_profit, SAME_FORMULA);
        expectClose(customerLifetimeValue(model, expectedSpend, x, recency, T, LIFETIMES_CLV), expected.customer_lifetime_value_12m, SAME_FORMULA);
      }
    );
  });

  describe.each([
    ["lifetimes' parameters", SAME_FORMULA],
    ["our fitted parameters", SAME_OPTIMUM],
  ] as const)("every customer of the per-customer CSV at %s", (which, tolerance) => {
    const models = which === "lifetimes' parameters" ? theirs : ours;
    const spendModel = which === "lifetimes' parameters" ? theirSpend : spendFit.parameters;
    const expectedSpend = rows.map((_, i) => conditionalExpectedSpend(spendModel, customers.frequency[i], meanSpend[i]));
    const at = (i: number) => [customers.frequency[i], customers.recency[i], customers.T[i]] as const;
    /** Customers whose value is off, as [customer_id, ours, lifetimes'] (one assertion per column keeps this fast). */
    const mismatches = (ourValues: number[], field: string) => {
      const expected = column(field);
      return ourValues.flatMap((value, i) =>
        Math.abs(value - expected[i]) <= tolerance * Math.abs(expected[i]) + ABSOLUTE_FLOOR ? [] : [[rows[i][0], value, expected[i]]]
      );
    };

    test("Gamma-Gamma expected spend", () => {
      expect(mismatches(expectedSpend, "gg_cond_exp_avg_profit")).toEqual([]);
    });

    describe.each(["bgnbd", "pareto_nbd"])("%s", (name) => {
      const model = models[name];
      const alive = rows.map((_, i) => probabilityAlive(model, ...at(i)));
      const purchases = HORIZONS.map((t) => rows.map((_, i) => conditionalExpectedPurchases(model, t, ...at(i))));
      const clv = rows.map((_, i) => customerLifetimeValue(model, expectedSpend[i], ...at(i), LIFETIMES_CLV));
      const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

      test("P(alive), expected purchases in 30/90/365 days and 12-month CLV of each customer", () => {
        expect(mismatches(alive, `${name}_p_alive`)).toEqual([]);
        HORIZONS.forEach((t, k) => expect(mismatches(purchases[k], `${name}_cond_exp_purchases_${t}d`)).toEqual([]));
        expect(mismatches(clv, `clv_12m_${name}`)).toEqual([]);
      });

      test("population sums of expected purchases and CLV, mean P(alive)", () => {
        const totals = reference.population_totals[name];
        HORIZONS.forEach((t, k) => expectClose(sum(purchases[k]), totals.sum_conditional_expected_purchases[t], tolerance));
        expectClose(sum(alive) / rows.length, totals.mean_p_alive, tolerance);
        expectClose(sum(clv), totals.sum_clv_12m, tolerance);
      });
    });
  });

  describe("time units", () => {
    /** Fits in different units see identical rescaled data; they agree to the optimiser's precision. */
    const SAME_FIT = 1e-8;
    /** The weeks file rounds times to 0.01 week (0.07 day), which moves the fit and CLV by ~1e-4. */
    const ROUNDED_WEEKS = 1e-3;
    const clvOf = (model: PurchaseModel, spend: GammaGammaParameters, i: number, scale: number, periodsPerMonth: number) =>
      customerLifetimeValue(
        model,
        conditionalExpectedSpend(spend, customers.frequency[i], meanSpend[i]),
        customers.frequency[i],
        customers.recency[i] / scale,
        customers.T[i] / scale,
        { months: 12, monthlyDiscountRate: 0.01, periodsPerMonth }
      );
    const inUnit = (scale: number) => ({
      frequency: customers.frequency,
      recency: customers.recency.map((t) => t / scale),
      T: customers.T.map((t) => t / scale),
    });

    test("12-month CLV at 1 % a month is the same with the data in days, weeks or months (30.4375-day months)", () => {
      const days = fitPurchaseModel("bgnbd", customers);
      const weeks = fitPurchaseModel("bgnbd", inUnit(7));
      const months = fitPurchaseModel("bgnbd", inUnit(PERIODS_PER_MONTH.days));
      expectClose(weeks.parameters.alpha * 7, days.parameters.alpha, SAME_FIT);
      for (const i of [0, 1, 5, 27, 156]) {
        const inDays = clvOf(days, spendFit.parameters, i, 1, PERIODS_PER_MONTH.days);
        expectClose(clvOf(weeks, spendFit.parameters, i, 7, PERIODS_PER_MONTH.weeks), inDays, SAME_FIT);
        expectClose(clvOf(months, spendFit.parameters, i, PERIODS_PER_MONTH.days, PERIODS_PER_MONTH.months), inDays, SAME_FIT);
      }
    });

    test("customer 1's CLV from the weeks file (x 2, t_x 30.43, T 38.86 weeks) matches the days data's (x 2, t_x 213, T 272 days)", () => {
      const weekRows = readNumericCsv(WEEKS_FILE).rows;
      const weekCustomers = { frequency: weekRows.map((r) => r[1]), recency: weekRows.map((r) => r[2]), T: weekRows.map((r) => r[3]) };
      const weeksModel = fitPurchaseModel("bgnbd", weekCustomers);
      const weeksSpend = fitGammaGamma({ frequency: weekCustomers.frequency, meanSpend: weekRows.map((r) => r[4]) }).parameters;
      const [, x, recency, T, zbar] = weekRows[0];
      const fromWeeks = customerLifetimeValue(weeksModel, conditionalExpectedSpend(weeksSpend, x, zbar), x, recency, T, {
        months: 12,
        monthlyDiscountRate: 0.01,
        periodsPerMonth: PERIODS_PER_MONTH.weeks,
      });
      expectClose(fromWeeks, clvOf(ours.bgnbd, spendFit.parameters, 0, 1, PERIODS_PER_MONTH.days), ROUNDED_WEEKS);
    });
  });
});
