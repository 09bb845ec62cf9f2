import { ClvError } from "../errors";
import { groupCustomers } from "./customerData";
import {
  type PurchaseModel,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitPurchaseModel,
  probabilitiesAlive,
  probabilityAlive,
  purchaseLogLikelihood,
} from "./purchaseModel";

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-12. */
const DIGITS = 12;
/** E[X(t)] at a = 1 is interpolated across the removable singularity with error O(1e-8). */
const NEAR_SINGULARITY_DIGITS = 8;

const unit = { r: 1, alpha: 1, a: 1, b: 1 };
const bgnbd = (parameters = unit): PurchaseModel => ({ kind: "bgnbd", parameters });
const pareto = (parameters = { r: 1, alpha: 1, s: 1, beta: 1 }): PurchaseModel => ({ kind: "pareto", parameters });

describe("purchase models on hand-worked cases", () => {
  test("BG/NBD log-likelihood, r = alpha = a = b = 1, x = 1, t_x = 1, T = 2: log(13/72)", () => {
    // FHL 2005 eq. (6): B(1,2)/B(1,1) 1/3^2 + B(2,1)/B(1,1) 1/2^2 = (1/2)(1/9) + (1/2)(1/4) = 13/72.
    expect(purchaseLogLikelihood(bgnbd(), { frequency: [1], recency: [1], T: [2] })).toBeCloseTo(Math.log(13 / 72), DIGITS);
  });

  test("BG/NBD P(alive), same customer: 1 / (1 + (a/(b + x - 1)) ((alpha+T)/(alpha+t_x))^(r+x)) = 1/(1 + 9/4) = 4/13", () => {
    expect(probabilityAlive(bgnbd(), 1, 1, 2)).toBeCloseTo(4 / 13, DIGITS);
    expect(probabilityAlive(bgnbd(), 0, 0, 2)).toBe(1);
  });

  test("BG/NBD E[X(1)] with p ~ Beta(2, 1), lambda ~ Exp(1): integral of 2p (1/p)(1 - 1/(1 + p)) dp = 2 (1 - ln 2)", () => {
    expect(expectedPurchases(bgnbd({ r: 1, alpha: 1, a: 2, b: 1 }), 1)).toBeCloseTo(2 * (1 - Math.LN2), DIGITS);
  });

  test("BG/NBD E[X(1)] at a = 1 (the formula's removable singularity), p ~ U(0, 1): integral of 1/(1 + p) dp = ln 2", () => {
    expect(expectedPurchases(bgnbd(), 1)).toBeCloseTo(Math.LN2, NEAR_SINGULARITY_DIGITS);
    // Just off the singularity: mpmath 1.3.0, FHL eq. (9) at a = 1.00005, 40 digits: 0.69314071476498552.
    expect(expectedPurchases(bgnbd({ ...unit, a: 1.00005 }), 1)).toBeCloseTo(0.69314071476498552, NEAR_SINGULARITY_DIGITS);
  });

  test("BG/NBD E[Y(t) | x = 0, T = 0] is E[X(t)]: nothing has been observed yet", () => {
    const model = bgnbd({ r: 1, alpha: 1, a: 2, b: 1 });
    expect(conditionalExpectedPurchases(model, 1, 0, 0, 0)).toBeCloseTo(2 * (1 - Math.LN2), DIGITS);
  });

  test("Pareto/NBD log-likelihood, all parameters 1, x = 0, T = 1: 1/4 + integral_0^1 (1 + tau)^-3 dtau = 1/4 + 3/8", () => {
    // No purchase in (0, 1]: alive at 1 with no purchase, E[e^-lambda] E[e^-mu] = (1/2)(1/2), or died at tau
    // with no purchase before: E[mu e^-mu tau] E[e^-lambda tau] = (1 + tau)^-2 (1 + tau)^-1.
    expect(purchaseLogLikelihood(pareto(), { frequency: [0], recency: [0], T: [1] })).toBeCloseTo(Math.log(5 / 8), DIGITS);
  });

  test("Pareto/NBD P(alive) for that customer is the first term's share: (1/4) / (5/8) = 2/5", () => {
    expect(probabilityAlive(pareto(), 0, 0, 1)).toBeCloseTo(0.4, DIGITS);
    expect(probabilityAlive(pareto(), 3, 1, 1)).toBe(1); // last purchase at T: no time to die unseen
  });

  test("P(alive) of a whole table, the same hand-worked values: BG/NBD [4/13, 1], Pareto/NBD [2/5, 1]", () => {
    const bgCustomers = { frequency: [1, 0], recency: [1, 0], T: [2, 2] };
    const [bgFirst, bgSecond] = probabilitiesAlive(bgnbd(), bgCustomers);
    expect(bgFirst).toBeCloseTo(4 / 13, DIGITS);
    expect(bgSecond).toBe(1);
    const [paretoFirst, paretoSecond] = probabilitiesAlive(pareto(), { frequency: [0, 3], recency: [0, 1], T: [1, 1] });
    expect(paretoFirst).toBeCloseTo(0.4, DIGITS);
    expect(paretoSecond).toBe(1);
  });

  test("P(alive) of a whole table rejects an invalid customer and invalid parameters, as probabilityAlive does", () => {
    expect(() => probabilitiesAlive(bgnbd(), { frequency: [1, 2], recency: [1, 5], T: [2, 3] })).toThrow(
      new ClvError("value", "`probabilitiesAlive` requires a recency between 0 and T; got frequency 2, recency 5, T 3")
    );
    expect(() => probabilitiesAlive(pareto({ r: 1, alpha: -1, s: 1, beta: 1 }), { frequency: [0], recency: [0], T: [1] })).toThrow(
      new ClvError("value", "`probabilitiesAlive` requires Pareto/NBD parameters that are positive numbers; got r 1, alpha -1, s 1, beta 1")
    );
  });

  test("Pareto/NBD E[X(1)] at s = 1: E[lambda] E[(1 - e^-mu)/mu] = 1 * ln 2 (Frullani's integral)", () => {
    expect(expectedPurchases(pareto(), 1)).toBeCloseTo(Math.LN2, DIGITS);
  });

  test("Pareto/NBD P(alive) at extreme inputs equals mpmath's (Fader & Hardie 2005 note eq. 18, untransformed 2F1, 50 digits)", () => {
    // lifetimes' overflow-test parameters, and alpha 1000 times beta (2F1 argument 0.999).
    const steep = pareto({ r: 10.465, alpha: 7.98565181e-3, s: 3.0516, beta: 2.82 });
    const wide = pareto({ r: 0.5, alpha: 50, s: 0.7, beta: 0.05 });
    const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1);
    expect(relative(probabilityAlive(steep, 40, 5, 6), 0.0018851281873608512)).toBeLessThan(1e-10);
    expect(relative(probabilityAlive(steep, 50, 1, 37), 1.4171442912866074e-96)).toBeLessThan(1e-10);
    expect(relative(probabilityAlive(wide, 0, 0, 30), 0.0090412093424074723)).toBeLessThan(1e-10);
    expect(relative(probabilityAlive(wide, 10, 29, 30), 0.97499933662202925)).toBeLessThan(1e-10);
  });

  test("weights are customer counts: 3 identical customers weigh as one of weight 3", () => {
    for (const model of [bgnbd(), pareto()]) {
      const repeated = purchaseLogLikelihood(model, { frequency: [2, 2, 2, 0], recency: [3, 3, 3, 0], T: [5, 5, 5, 4] });
      const weighted = purchaseLogLikelihood(model, { frequency: [2, 0], recency: [3, 0], T: [5, 4], weights: [3, 1] });
      expect(weighted).toBeCloseTo(repeated, DIGITS);
    }
  });
});

describe("one API for both models", () => {
  test.each(["bgnbd", "pareto"] as const)("fitPurchaseModel(%s) returns a usable model and a fit report", (kind) => {
    const data = { frequency: [0, 1, 2, 5, 0, 3, 1, 0], recency: [0, 4, 20, 30, 0, 9, 25, 0], T: [35, 30, 32, 31, 28, 38, 39, 33] };
    const fit = fitPurchaseModel(kind, data);
    expect(fit.kind).toBe(kind);
    expect(Object.keys(fit).sort()).toEqual(["converged", "iterations", "kind", "logLikelihood", "parameters", "warnings"]);
    expect(fit.logLikelihood).toBeCloseTo(purchaseLogLikelihood(fit, data), DIGITS);
    expect(probabilityAlive(fit, 2, 20, 32)).toBeGreaterThan(0);
  });
});

describe("data that cannot be fitted give warnings, never a throw", () => {
  test.each(["bgnbd", "pareto"] as const)("%s: no repeat buyers", (kind) => {
    const fit = fitPurchaseModel(kind, { frequency: [0, 0, 0, 0, 0], recency: [0, 0, 0, 0, 0], T: [10, 20, 30, 40, 50] });
    expect(fit.converged).toBe(false);
    expect(fit.warnings).toContain("no customer made a repeat purchase: the purchase and dropout rates cannot be told apart");
  });

  test.each(["bgnbd", "pareto"] as const)("%s: a single customer", (kind) => {
    const fit = fitPurchaseModel(kind, { frequency: [2], recency: [30.43], T: [38.86] });
    expect(fit.converged).toBe(false);
    expect(fit.warnings).toContain("1 customer(s) cannot determine 4 parameters");
  });

  test.each(["bgnbd", "pareto"] as const)("%s: no customers, or none observed for any time, gives NaN parameters that predictions refuse", (kind) => {
    const empty = fitPurchaseModel(kind, { frequency: [], recency: [], T: [] });
    expect(empty).toMatchObject({ converged: false, iterations: 0, warnings: ["there are no customers to fit"] });
    expect(Object.values(empty.parameters).every(Number.isNaN)).toBe(true);
    expect(() => probabilityAlive(empty, 0, 0, 1)).toThrow(ClvError);
    const instant = fitPurchaseModel(kind, { frequency: [0, 0], recency: [0, 0], T: [0, 0] });
    expect(instant.warnings).toEqual(["every customer has T = 0: there was no time in which to observe purchases"]);
  });

  test("an iteration limit too low for convergence is reported", () => {
    const fit = fitPurchaseModel("bgnbd", { frequency: [0, 1, 2, 5, 0], recency: [0, 4, 20, 30, 0], T: [35, 30, 32, 31, 28] }, { maxIterations: 1 });
    expect(fit).toMatchObject({ converged: false, iterations: 1 });
    expect(fit.warnings).toContain("the fit did not converge: no convergence in 1 iterations");
  });
});

describe("bad input is a value error naming the customer", () => {
  const good = { frequency: [0, 2, 1], recency: [0, 5, 3], T: [9, 9, 9] };
  const bad = (change: Partial<Record<"frequency" | "recency" | "T" | "weights", number[]>>) => ({ ...good, ...change });

  test.each([
    ["a negative frequency", bad({ frequency: [0, -2, 1] }), "a frequency that is a whole number of 0 or more for every customer; customer 2 has frequency -2, recency 5, T 9"],
    ["a fractional frequency", bad({ frequency: [0, 2.5, 1] }), "a frequency that is a whole number of 0 or more for every customer; customer 2"],
    ["NaN", bad({ recency: [0, Number.NaN, 3] }), "a recency between 0 and T for every customer; customer 2 has frequency 2, recency NaN, T 9"],
    ["recency after T", bad({ recency: [0, 5, 10] }), "a recency between 0 and T for every customer; customer 3 has frequency 1, recency 10, T 9"],
    ["a negative T", bad({ T: [9, 9, -1], recency: [0, 5, 0], frequency: [0, 2, 0] }), "an age T of 0 or more for every customer; customer 3"],
    ["recency without repeat purchases", bad({ recency: [4, 5, 3] }), "a recency of 0 for a customer with no repeat purchase for every customer; customer 1"],
    ["a negative weight", bad({ weights: [1, -1, 1] }), "weights of 0 or more; customer 2 has weight -1"],
    ["columns of different lengths", bad({ T: [9, 9] }), "frequency, recency, T columns of one length; got 3, 3, 2"],
  ])("%s", (_what, data, message) => {
    for (const kind of ["bgnbd", "pareto"] as const) {
      expect(() => fitPurchaseModel(kind, data)).toThrow(expect.objectContaining({ kind: "value", message: expect.stringContaining(message) }));
    }
  });

  test("predictions check the customer, the horizon, the parameters and the model kind", () => {
    const value = (message: string) => expect.objectContaining({ kind: "value", message });
    expect(() => probabilityAlive(bgnbd(), 2, 40, 38)).toThrow(
      value("`probabilityAlive` requires a recency between 0 and T; got frequency 2, recency 40, T 38")
    );
    expect(() => conditionalExpectedPurchases(pareto(), -1, 2, 5, 9)).toThrow(
      value("`conditionalExpectedPurchases` requires a horizon t of 0 or more (model periods); got -1")
    );
    expect(() => expectedPurchases(bgnbd({ ...unit, a: 0 }), 1)).toThrow(
      value("`expectedPurchases` requires BG/NBD parameters that are positive numbers; got r 1, alpha 1, a 0, b 1")
    );
    const unknown = { kind: "pnbd", parameters: unit } as unknown as PurchaseModel;
    expect(() => probabilityAlive(unknown, 0, 0, 1)).toThrow(value('`probabilityAlive` requires a model kind of "bgnbd" or "pareto"; got pnbd'));
  });
});

describe("groupCustomers", () => {
  test("merges identical (x, t_x, T) and sums their weights; distinct values are sorted", () => {
    const groups = groupCustomers("test", { frequency: [1, 0, 1, 0], recency: [2.5, 0, 2.5, 0], T: [7, 7, 7, 3], weights: [1, 2, 3, 4] });
    expect(groups.count).toBe(3);
    expect(groups.totalWeight).toBe(10);
    expect(groups.repeatWeight).toBe(4);
    expect(groups.maxT).toBe(7);
    expect(Array.from(groups.distinctRecency)).toEqual([0, 2.5]);
    const merged = Array.from({ length: groups.count }, (_, g) => [groups.frequency[g], groups.recency[g], groups.T[g], groups.weight[g]]);
    expect(merged).toEqual(expect.arrayContaining([[1, 2.5, 7, 4], [0, 0, 7, 2], [0, 0, 3, 4]]));
  });
});
