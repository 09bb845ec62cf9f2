import { ClvError } from "../core/errors";
import { checkCustomer, checkSpend } from "../core/models";
import { type Columns, type Range, readColumns } from "./cellArguments";

// Reads the customer columns of the model functions (frequency, recency, age, monetary) and checks every
// customer with the engine's own checks, adding where the customer is to the engine's message:
// "CLV.PALIVE requires a recency between 0 and T; got frequency 2, recency 40, T 38 (row 3)".

/** Customers' purchase histories (x, t_x, T) read from cells, and how to spill one result per customer. */
export interface PurchaseHistories {
  frequency: number[];
  recency: number[];
  T: number[];
  spill: Columns["spill"];
}

/** Customers' spend summaries (x, mean spend) read from cells, and how to spill one result per customer. */
export interface SpendHistories {
  frequency: number[];
  meanSpend: number[];
  spill: Columns["spill"];
}

/**
 * Reads frequency, recency and age (T) ranges of one customer each per row and checks each customer
 * (x a whole number of 0 or more, 0 <= t_x <= T, t_x = 0 when x = 0).
 * @example readPurchaseHistories([[2]], [[30.43]], [[38.86]]).T // [38.86]
 */
export function readPurchaseHistories(frequency: Range, recency: Range, age: Range): PurchaseHistories {
  const columns = readColumns([
    [frequency, "frequency"],
    [recency, "recency"],
    [age, "age"],
  ]);
  const [x, tx, T] = columns.values;
  forEachCustomer(columns, (i) => checkCustomer("readPurchaseHistories", x[i], tx[i], T[i]));
  return { frequency: x, recency: tx, T, spill: columns.spill };
}

/**
 * Reads frequency and monetary (mean spend of the repeat purchases) ranges and checks each customer
 * (x a whole number of 0 or more, a mean spend of 0 or more when x > 0).
 * @example readSpendHistories([[2]], [[22.35]]).meanSpend // [22.35]
 */
export function readSpendHistories(frequency: Range, monetary: Range): SpendHistories {
  const columns = readColumns([
    [frequency, "frequency"],
    [monetary, "monetary"],
  ]);
  const [x, meanSpend] = columns.values;
  forEachCustomer(columns, (i) => checkSpend("readSpendHistories", x[i], meanSpend[i]));
  return { frequency: x, meanSpend, spill: columns.spill };
}

/** Runs `check` on each customer; an engine error gets the customer's position appended. */
function forEachCustomer(columns: Columns, check: (i: number) => void): void {
  for (let i = 0; i < columns.values[0].length; i++) {
    try {
      check(i);
    } catch (error) {
      if (error instanceof ClvError) throw new ClvError(error.kind, `${error.message} (${columns.where(i)})`);
      throw error;
    }
  }
}
