import { bgNbdExpectedPurchases } from "../models/bgNbd";
import { paretoNbdExpectedPurchases } from "../models/paretoNbd";
import type { PurchaseModel } from "../models/purchaseModel";
import { simulateCustomers, summarizeSimulation } from "./simulateCustomers";

/** Customers per check. */
const N = 20_000;
/** Simulated averages must lie within 4 standard errors (from the simulated sample) of the model's value. */
const STANDARD_ERRORS = 4;

// Fader, Hardie & Lee (2005) CDNOW estimates, weeks; Schmittlein et al.'s model at the CDNOW values
// quoted in lifetimes' tests; Gamma-Gamma from Fader & Hardie's note 025.
const bgnbdParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const paretoParameters = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const bgnbd: PurchaseModel = { kind: "bgnbd", parameters: bgnbdParameters };
const pareto: PurchaseModel = { kind: "pareto", parameters: paretoParameters };
const spend = { p: 6.25, q: 3.74, v: 15.44 };
const ages = new Array<number>(N).fill(39);

function meanAndStandardError(values: ArrayLike<number>): [number, number] {
  const n = values.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i];
  const mean = total / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  return [mean, Math.sqrt(squares / (n - 1) / n)];
}

function expectWithinStandardErrors(values: ArrayLike<number>, expected: number): void {
  const [mean, standardError] = meanAndStandardError(values);
  expect(Math.abs(mean - expected)).toBeLessThan(STANDARD_ERRORS * standardError);
}

describe("simulateCustomers", () => {
  test("each history starts with the first purchase at 0, rises, ends by T, with one spend per purchase", () => {
    const customers = simulateCustomers({ model: bgnbd, spend, ages: [10, 39, 0, 80], seed: 3 });
    expect(customers.map((c) => c.T)).toEqual([10, 39, 0, 80]);
    for (const { T, purchaseTimes, spends } of customers) {
      expect(purchaseTimes[0]).toBe(0);
      purchaseTimes.slice(1).forEach((time, i) => expect(time).toBeGreaterThan(purchaseTimes[i]));
      expect(purchaseTimes[purchaseTimes.length - 1]).toBeLessThanOrEqual(T);
      expect(spends.length).toBe(purchaseTimes.length);
      spends.forEach((value) => expect(value).toBeGreaterThan(0));
    }
  });

  test("the same options give the same customers; another seed gives others", () => {
    const options = { model: pareto, spend, ages: [39, 39, 39], seed: 11 };
    expect(simulateCustomers(options)).toEqual(simulateCustomers(options));
    expect(simulateCustomers({ ...options, seed: 12 })).not.toEqual(simulateCustomers(options));
  });

  test("BG/NBD: the mean repeat purchases in 39 weeks is E[X(39)] (FHL 2005 eq. 9)", () => {
    const { frequency } = summarizeSimulation(simulateCustomers({ model: bgnbd, ages, seed: 1 }));
    expectWithinStandardErrors(frequency, bgNbdExpectedPurchases(bgnbdParameters, 39));
  });

  test("Pareto/NBD: mean repeat purchases is E[X(39)] (Schmittlein et al. 1987 eq. 17); the share alive is E[e^-mu T] = (beta/(beta+T))^s", () => {
    const customers = simulateCustomers({ model: pareto, ages, seed: 2 });
    const { frequency } = summarizeSimulation(customers);
    expectWithinStandardErrors(frequency, paretoNbdExpectedPurchases(paretoParameters, 39));
    const { s, beta } = paretoParameters;
    expectWithinStandardErrors(customers.map((c) => (c.aliveAtEnd ? 1 : 0)), (beta / (beta + 39)) ** s);
  });

  test("Gamma-Gamma: a purchase's mean value is E[p / nu] = p v / (q - 1) (note 025)", () => {
    const customers = simulateCustomers({ model: pareto, spend, ages, seed: 4 });
    // First purchases: one per customer, so independent draws.
    expectWithinStandardErrors(customers.map((c) => c.spends[0]), (spend.p * spend.v) / (spend.q - 1));
  });

  test("summarizeSimulation: x = purchases after the first, t_x = the last one's time, mean of the repeat purchases' values", () => {
    const summary = summarizeSimulation([
      { T: 10, purchaseTimes: [0, 2, 5], spends: [9, 10, 20], aliveAtEnd: true },
      { T: 4, purchaseTimes: [0], spends: [], aliveAtEnd: false },
    ]);
    expect(Array.from(summary.frequency)).toEqual([2, 0]);
    expect(Array.from(summary.recency)).toEqual([5, 0]);
    expect(Array.from(summary.T)).toEqual([10, 4]);
    expect(Array.from(summary.meanSpend)).toEqual([15, 0]);
  });

  test("negative ages and bad parameters are value errors", () => {
    expect(() => simulateCustomers({ model: bgnbd, ages: [5, -1], seed: 1 })).toThrow(
      expect.objectContaining({ kind: "value", message: "`simulateCustomers` requires ages of 0 or more; customer 2 has -1" })
    );
    expect(() => simulateCustomers({ model: bgnbd, spend: { p: 1, q: 0, v: 1 }, ages: [5], seed: 1 })).toThrow(
      expect.objectContaining({ kind: "value" })
    );
  });
});
