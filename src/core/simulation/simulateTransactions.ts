import { ensure } from "../errors";
import type { GammaGammaParameters } from "../models/gammaGamma";
import type { PurchaseModel } from "../models/purchaseModel";
import { isoDate } from "../transactions/days";
import { createRandom } from "./random";
import { simulateCustomers } from "./simulateCustomers";

/** A synthetic transaction log: who bought when, for how much, through which channel. */
export interface TransactionLogOptions {
  /** Number of customers; each makes a first purchase in the acquisition window. */
  customers: number;
  /** Purchase model with times in DAYS, e.g. CDNOW's BG/NBD fit in days. */
  model: PurchaseModel;
  /** Value of each purchase. */
  spend: GammaGammaParameters;
  /** First day of the acquisition window (days since 1970-01-01). */
  firstDay: number;
  /** Length of the acquisition window, days; first purchases are spread evenly over it. */
  acquisitionDays: number;
  /** Last day of the log, 0 or more days after the acquisition window. */
  lastDay: number;
  /** Channel names; each customer gets one, drawn evenly. Default none. */
  channels?: readonly string[];
  seed: number;
}

/**
 * A realistic shop, in days: CDNOW's BG/NBD fit in days (lifetimes 0.11.3 on the 2,357-customer sample:
 * r 0.2426, alpha 30.895, a 0.7929, b 2.4259, here to 3 or 4 digits; Fader, Hardie & Lee 2005 publish the
 * same in weeks, alpha 4.414 x 7 = 30.9 days) and its Gamma-Gamma spend fit (p 6.25, q 3.74, v 15.44;
 * Fader & Hardie note 025). The demo's sample, the benchmark and the end-to-end tests simulate their
 * customers with it.
 */
export const CDNOW_IN_DAYS = {
  model: { kind: "bgnbd", parameters: { r: 0.2426, alpha: 30.9, a: 0.793, b: 2.426 } },
  spend: { p: 6.25, q: 3.74, v: 15.44 },
} as const satisfies Pick<TransactionLogOptions, "model" | "spend">;

/** The log as columns, in customer order then time order; `channel` indexes `channels`. */
export interface TransactionLog {
  length: number;
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  channel: Int32Array;
  channels: readonly string[];
}

/**
 * Simulates a transaction log from "buy till you die" customers (see `simulateCustomers`): customer i
 * first buys on a day drawn evenly from the acquisition window, then as the model says until
 * `lastDay`; purchase times are rounded down to whole days and amounts to cents (at least 0.01).
 * Used by the benchmark and the demo's sample workbook. Cost O(purchases).
 *
 * @throws ClvError `value` for a count that is not a whole number >= 1 or a window that ends before it starts
 * @example simulateTransactionLog({ customers: 1, ..., seed: 1 }).day[0] >= firstDay // true
 */
export function simulateTransactionLog(options: TransactionLogOptions): TransactionLog {
  const { customers, model, spend, firstDay, acquisitionDays, lastDay, seed } = options;
  const channels = options.channels ?? [];
  ensure(Number.isInteger(customers) && customers >= 1, "`simulateTransactionLog` requires a whole number of customers, 1 or more");
  ensure(acquisitionDays >= 1 && lastDay >= firstDay + acquisitionDays - 1, "`simulateTransactionLog` requires the log to end after the acquisition window");
  const random = createRandom(seed);
  const firstDays = Int32Array.from({ length: customers }, () => firstDay + Math.floor(random() * acquisitionDays));
  const histories = simulateCustomers({ model, spend, ages: Array.from(firstDays, (day) => lastDay - day), seed: seed + 1 });
  const length = histories.reduce((total, h) => total + h.purchaseTimes.length, 0);
  const log: TransactionLog = {
    length,
    customer: new Int32Array(length),
    day: new Int32Array(length),
    amount: new Float64Array(length),
    channel: new Int32Array(length),
    channels,
  };
  let row = 0;
  histories.forEach((history, i) => {
    const channel = channels.length > 0 ? Math.floor(random() * channels.length) : -1;
    history.purchaseTimes.forEach((time, k) => {
      log.customer[row] = i;
      log.day[row] = firstDays[i] + Math.floor(time);
      log.amount[row] = Math.max(0.01, Math.round(history.spends[k] * 100) / 100);
      log.channel[row] = channel;
      row++;
    });
  });
  return log;
}

/**
 * The log as CSV text with a header `customer_id,date,amount[,channel]`, dates as YYYY-MM-DD and
 * customer ids as `C` + number. Cost O(rows).
 * @example transactionLogCsv(log).split("\n")[0] // "customer_id,date,amount,channel"
 */
export function transactionLogCsv(log: TransactionLog): string {
  const withChannel = log.channels.length > 0;
  const lines = [withChannel ? "customer_id,date,amount,channel" : "customer_id,date,amount"];
  const dates = new Map<number, string>();
  for (let row = 0; row < log.length; row++) {
    const day = log.day[row];
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = isoDate(day)));
    const base = `C${log.customer[row] + 1},${date},${log.amount[row].toFixed(2)}`;
    lines.push(withChannel ? `${base},${log.channels[log.channel[row]]}` : base);
  }
  return lines.join("\n") + "\n";
}
