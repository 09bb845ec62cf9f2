import { ClvError } from "../errors";
import { distinctIndex } from "./customerData";

/** The values of {@link perFrequencyAndAge}: one per distinct (x, T), and each customer's among them. */
export interface ValuesPerFrequencyAndAge<V> {
  /** Each customer's entry in `values`; groups are numbered in the order their first customer comes. */
  group: Int32Array;
  /** The computed value of each distinct (x, T), or `failed` where the computation threw a ClvError. */
  values: V[];
  /** The ClvError of the first customer whose (x, T) failed, if any. */
  failure: ClvError | undefined;
}

/**
 * A function of a customer's x and T computed once per distinct (x, T) instead of once per customer:
 * the costly factor of the purchase models' predictions, E[Y(t) | x, t_x, T] = P(alive | x, t_x, T)
 * E[Y(t) | x, T, alive] (FHL 2005 eq. 10; Schmittlein et al. 1987 eq. 22), does not depend on the
 * recency t_x, and a table of customers holds only a few thousand distinct (x, T). A computation that
 * throws a ClvError (a degenerate fit can have no finite expectation for some histories) gives `failed`
 * and is reported in `failure`, so that callers can predict the other customers. Does not check the
 * customers: callers have (e.g. through `probabilitiesAlive`), and a second check would add a quarter
 * to the time. Cost O(customers), one map look-up each (about 3 ms per 100,000), plus one computation
 * per distinct (x, T).
 *
 * @param customers - x (whole numbers of 0 or more) and T (in the model's time unit) of each customer
 * @param compute - the value at one (x, T), e.g. `(x, T) => purchasesWhileAlive(model, 39, x, T)`
 * @param failed - what stands for the value where `compute` throws a ClvError, e.g. NaN
 * @param ageKey - per customer a whole number that is equal for two customers exactly when their T is:
 *   the day of the first purchase when every T runs to one day, a cheaper key than the default, T's
 *   rank among its distinct values
 * @throws ClvError `value` for columns of different lengths; what `compute` throws other than a ClvError
 * @example perFrequencyAndAge({ frequency: [2, 2, 0], T: [38.86, 38.86, 38.86] }, (x, T) => x + T, NaN) // { group: Int32Array [0, 0, 1], values: [40.86, 38.86], failure: undefined }
 */
export function perFrequencyAndAge<V>(
  customers: { frequency: ArrayLike<number>; T: ArrayLike<number> },
  compute: (x: number, T: number) => V,
  failed: V,
  ageKey: ArrayLike<number> = distinctIndex(customers.T).index
): ValuesPerFrequencyAndAge<V> {
  const { frequency: x, T } = customers;
  const n = x.length;
  if (T.length !== n || ageKey.length !== n) {
    const got = `${n}, ${T.length}, ${ageKey.length}`;
    throw new ClvError("value", `\`perFrequencyAndAge\` requires frequency, T and age key columns of one length; got ${got}`);
  }
  let lowest = Infinity;
  let highest = -Infinity;
  for (let i = 0; i < n; i++) {
    lowest = Math.min(lowest, ageKey[i]);
    highest = Math.max(highest, ageKey[i]);
  }
  // Whole numbers x * span + (age key - lowest) tell the distinct (x, T) apart: one numeric map key each.
  const span = highest - lowest + 1;
  const groupOfKey = new Map<number, number>();
  const group = new Int32Array(n);
  const values: V[] = [];
  let failure: ClvError | undefined;
  for (let i = 0; i < n; i++) {
    const key = x[i] * span + (ageKey[i] - lowest);
    let known = groupOfKey.get(key);
    if (known === undefined) {
      known = values.length;
      groupOfKey.set(key, known);
      try {
        values.push(compute(x[i], T[i]));
      } catch (error) {
        if (!(error instanceof ClvError)) throw error;
        failure ??= error;
        values.push(failed);
      }
    }
    group[i] = known;
  }
  return { group, values, failure };
}
