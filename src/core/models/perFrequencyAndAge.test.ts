import { ClvError } from "../errors";
import { perFrequencyAndAge } from "./perFrequencyAndAge";
import { type PurchaseModel, conditionalExpectedPurchases, probabilityAlive, purchasesWhileAlive } from "./purchaseModel";

/** A published figure is matched to its last digit: within half a unit of it (1.226: 0.0005). */
const PUBLISHED_HALF_UNIT = 0.0005;
/** The once-per-(x, T) product against the per-customer formula: the same operations, up to rounding. */
const SAME_COMPUTATION = 1e-12;
/** Agreement with hand-worked fractions. */
const DIGITS = 12;

describe("perFrequencyAndAge", () => {
  test("BG/NBD at FHL 2005's r 0.243, alpha 4.414, a 0.793, b 2.426: one E[Y(39) | x, T, alive] per (x, T); times P(alive), 1.226 for x 2, t_x 30.43, T 38.86 (FHL 2005)", () => {
    const model: PurchaseModel = { kind: "bgnbd", parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
    // Three customers share (x 2, T 38.86) with different t_x; two more have other (x, T).
    const customers = { frequency: [2, 2, 0, 2, 2], recency: [30.43, 20, 0, 38.86, 10], T: [38.86, 38.86, 38.86, 38.86, 20] };
    const computed: [number, number][] = [];
    const { group, values, failure } = perFrequencyAndAge(
      customers,
      (x, T) => {
        computed.push([x, T]);
        return purchasesWhileAlive(model, 39, x, T);
      },
      NaN
    );
    expect(computed).toEqual([[2, 38.86], [0, 38.86], [2, 20]]);
    expect(Array.from(group)).toEqual([0, 0, 1, 0, 2]);
    expect(failure).toBeUndefined();
    expect(Math.abs(probabilityAlive(model, 2, 30.43, 38.86) * values[group[0]] - 1.226)).toBeLessThanOrEqual(PUBLISHED_HALF_UNIT);
    customers.frequency.forEach((x, i) => {
      const [recency, T] = [customers.recency[i], customers.T[i]];
      const direct = conditionalExpectedPurchases(model, 39, x, recency, T);
      expect(Math.abs(probabilityAlive(model, x, recency, T) * values[group[i]] - direct)).toBeLessThanOrEqual(SAME_COMPUTATION * direct);
    });
  });

  test("Pareto/NBD, r = alpha = beta = 1, s = 2: E[Y(2) | x, T, alive] = (1 + x) 2 / (3 + T), 1 at (1, 1) and 1/3 at (0, 3), keyed by T or by first purchase day", () => {
    // Schmittlein et al. 1987 eq. 22 without P(alive): (r + x)(beta + T)/(alpha + T) (1 - ((beta + T)/(beta + T + t))^(s - 1)) / (s - 1).
    const model: PurchaseModel = { kind: "pareto", parameters: { r: 1, alpha: 1, s: 2, beta: 1 } };
    const customers = { frequency: [1, 0, 1], T: [1, 3, 1] };
    const compute = (x: number, T: number) => purchasesWhileAlive(model, 2, x, T);
    // T in days up to day 11: first purchases on days 10, 8, 10.
    for (const byDay of [perFrequencyAndAge(customers, compute, NaN), perFrequencyAndAge(customers, compute, NaN, [10, 8, 10])]) {
      expect(Array.from(byDay.group)).toEqual([0, 1, 0]);
      expect(byDay.values[0]).toBeCloseTo(1, DIGITS);
      expect(byDay.values[1]).toBeCloseTo(1 / 3, DIGITS);
    }
  });

  test("a degenerate fit (BG/NBD with a + b = 1 has no E[Y(t) | x = 0, T, alive]) gives the stand-in value and the error; the others are computed", () => {
    const model: PurchaseModel = { kind: "bgnbd", parameters: { r: 1, alpha: 1, a: 0.5, b: 0.5 } };
    const { group, values, failure } = perFrequencyAndAge({ frequency: [1, 0], T: [5, 5] }, (x, T) => purchasesWhileAlive(model, 2, x, T), NaN);
    expect(Number.isFinite(values[group[0]])).toBe(true);
    expect(values[group[1]]).toBeNaN();
    expect(failure).toMatchObject({ kind: "number", message: expect.stringContaining("has no finite value") });
  });

  test("the failure reported is the first customer's whose (x, T) failed; an error other than a ClvError is thrown", () => {
    const compute = (x: number, T: number) => {
      if (x === 0) throw new ClvError("number", `nothing at T ${T}`);
      return { value: x };
    };
    const { group, values, failure } = perFrequencyAndAge({ frequency: [3, 0, 0, 0], T: [5, 4, 5, 4] }, compute, { value: NaN });
    expect(failure?.message).toBe("nothing at T 4");
    expect(Array.from(group, (g) => values[g].value)).toEqual([3, NaN, NaN, NaN]);
    const bug = () => {
      throw new TypeError("a bug");
    };
    expect(() => perFrequencyAndAge({ frequency: [0], T: [1] }, bug, NaN)).toThrow(TypeError);
  });

  test("columns of different lengths are a value error", () => {
    expect(() => perFrequencyAndAge({ frequency: [0, 1], T: [1] }, () => 1, NaN, [0, 0])).toThrow(
      expect.objectContaining({ kind: "value", message: "`perFrequencyAndAge` requires frequency, T and age key columns of one length; got 2, 1, 2" })
    );
  });
});
