import { ensure } from "../errors";
import { type CustomerRows, customerRows } from "../transactions/customerRows";
import type { TransactionTable } from "../transactions/parseTransactions";
import { type PeriodUnit, daysPerUnit } from "./periodUnit";

/**
 * One entry per customer with at least one purchase in the window, in order of first appearance
 * in the table, as parallel arrays. Times are in `unit` (see periodUnit.ts); money in the table's currency.
 */
export interface CustomerSummary {
  unit: PeriodUnit;
  /** Last day of the window (days since 1970-01-01); T is measured to it. */
  observationEnd: number;
  customerIds: string[];
  /** First and last purchase day (days since 1970-01-01). */
  firstDay: Int32Array;
  lastDay: Int32Array;
  /** Orders with a non-negative total (refunds are not orders). */
  orders: Int32Array;
  /** Sum of all amounts, refunds included (net revenue). */
  revenue: Float64Array;
  /** Average order value: revenue / orders. */
  aov: Float64Array;
  /** Sum of costs, or null without a cost or margin column. */
  cost: Float64Array | null;
  /** x: purchase days after the first (repeat purchases). */
  frequency: Float64Array;
  /** t_x: last purchase day - first purchase day, in `unit`. */
  recency: Float64Array;
  /** T: observation end - first purchase day, in `unit`. */
  T: Float64Array;
  /** Mean spend of the repeat purchase days (first day excluded); 0 when frequency is 0. */
  monetaryValue: Float64Array;
  /** Segment labels, or null without a segment column. */
  segmentLabels: string[] | null;
  /** Index into `segmentLabels` per customer; -1 when all the customer's segment cells are blank. */
  segment: Int32Array | null;
  /** Customers with refunds but no purchase in the window: left out, listed here. */
  refundOnlyCustomers: string[];
}

/**
 * Per-customer summary of a transaction table over its observation window, with the model inputs
 * of lifetimes' `summary_data_from_transaction_data(freq="D")` so results compare with it:
 * - rows sharing an order id form one order; an order with a negative total is a refund: it
 *   lowers revenue but is not an order or a purchase; an order dated on its earliest row;
 * - purchases (orders) on the same day are one purchase occasion, their totals summed;
 * - frequency = purchase days - 1; recency = last - first purchase day; T = window end - first
 *   purchase day; days are then divided by the unit's days (week = 7, month = 30.4375);
 * - monetary value = mean of the per-day purchase totals of the repeat days (refunds excluded);
 * - segment = the customer's most frequent segment label (ties: the one seen first by date).
 * Customers whose only orders are refunds have no first purchase; they are left out and listed.
 * Cost: O(transactions + customers), plus sorting the rows of customers whose rows are not in date order.
 *
 * @throws ClvError `value` when the table has no transactions or the unit is unknown
 * @example
 * // c1 buys 10 on day 0, 5 and 7 on day 7, 20 on day 14; window ends day 21
 * summarizeCustomers(table, "week") // frequency [2], recency [2], T [3], monetaryValue [16], revenue [42]
 */
export function summarizeCustomers(table: TransactionTable, unit: PeriodUnit): CustomerSummary {
  return summarizeWindow(table, unit, table.observationEnd, table.observationEnd).summary;
}

/** A summary up to `end` plus, per summarised customer, the purchases in (`end`, `holdoutEnd`]. */
export interface WindowSummary {
  summary: CustomerSummary;
  /** Purchase days in the holdout per customer of `summary`. */
  holdoutPurchases: Float64Array;
  /** Net revenue in the holdout per customer of `summary`. */
  holdoutRevenue: Float64Array;
  /** Customers whose first purchase falls after `end` (not in `summary`). */
  customersAfterEnd: number;
}

/**
 * The shared pass behind {@link summarizeCustomers} and `splitCalibrationHoldout`: transactions
 * after `holdoutEnd` are ignored. `repeatPurchaseDays`, when given, counts the repeat purchase
 * occasions (every purchase day but the first) of the customers summarised, up to `holdoutEnd`, at
 * index day - table.firstDay.
 */
export function summarizeWindow(
  table: TransactionTable,
  unit: PeriodUnit,
  end: number,
  holdoutEnd: number,
  repeatPurchaseDays?: Int32Array
): WindowSummary {
  const unitDays = daysPerUnit(unit);
  ensure(table.length > 0, "`summarizeCustomers` requires at least one valid transaction");
  const customers = table.customerIds.length;
  const rows = customerRows(table);
  const { day, amount, order, cost, segment } = rows;

  const summary: CustomerSummary = {
    unit,
    observationEnd: end,
    customerIds: [],
    firstDay: new Int32Array(customers),
    lastDay: new Int32Array(customers),
    orders: new Int32Array(customers),
    revenue: new Float64Array(customers),
    aov: new Float64Array(customers),
    cost: cost === null ? null : new Float64Array(customers),
    frequency: new Float64Array(customers),
    recency: new Float64Array(customers),
    T: new Float64Array(customers),
    monetaryValue: new Float64Array(customers),
    segmentLabels: table.segmentLabels,
    segment: segment === null ? null : new Int32Array(customers),
    refundOnlyCustomers: [],
  };
  const holdoutPurchases = new Float64Array(customers);
  const holdoutRevenue = new Float64Array(customers);
  const keptCustomers = new Int32Array(customers);
  let customersAfterEnd = 0;

  // Scratch space for one customer's orders, in order of their first row's day.
  const largest = rows.largestBlock;
  const orderDay = new Int32Array(largest);
  const orderTotal = new Float64Array(largest);
  const orderCost = new Float64Array(largest);
  const orderSlot = order === null ? null : new Int32Array((table.orderIds as string[]).length);
  const orderOwner = order === null ? null : new Int32Array((table.orderIds as string[]).length).fill(-1);
  const segmentCount = segment === null ? null : new Int32Array((table.segmentLabels as string[]).length);
  const segmentsSeen = segment === null ? null : new Int32Array((table.segmentLabels as string[]).length);

  let kept = 0;
  for (let customer = 0; customer < customers; customer++) {
    const from = rows.starts[customer];
    const to = rows.starts[customer + 1];
    let orderCount = 0;
    for (let position = from; position < to; position++) {
      if (day[position] > holdoutEnd) break;
      const key = order === null ? -1 : order[position];
      let slot: number;
      if (key >= 0 && (orderOwner as Int32Array)[key] === customer) {
        slot = (orderSlot as Int32Array)[key];
      } else {
        slot = orderCount++;
        orderDay[slot] = day[position];
        orderTotal[slot] = 0;
        orderCost[slot] = 0;
        if (key >= 0) {
          (orderOwner as Int32Array)[key] = customer;
          (orderSlot as Int32Array)[key] = slot;
        }
      }
      orderTotal[slot] += amount[position];
      if (cost !== null) orderCost[slot] += cost[position];
    }

    let purchases = 0;
    let revenue = 0;
    let totalCost = 0;
    let occasions = 0;
    let occasionDay = 0;
    let occasionTotal = 0;
    let repeatTotal = 0;
    let firstDay = 0;
    let holdoutDays = 0;
    let holdoutDay = 0;
    let laterRevenue = 0;
    for (let slot = 0; slot < orderCount; slot++) {
      const when = orderDay[slot];
      const total = orderTotal[slot];
      if (when > end) {
        laterRevenue += total;
        if (total >= 0 && (holdoutDays === 0 || when !== holdoutDay)) {
          holdoutDays++;
          if (repeatPurchaseDays !== undefined && occasions > 0) repeatPurchaseDays[when - table.firstDay]++;
          holdoutDay = when;
        }
        continue;
      }
      revenue += total;
      totalCost += orderCost[slot];
      if (total < 0) continue;
      purchases++;
      if (occasions === 0) {
        firstDay = when;
      } else if (when !== occasionDay) {
        if (occasions > 1) repeatTotal += occasionTotal;
      } else {
        occasionTotal += total;
        continue;
      }
      occasions++;
      if (repeatPurchaseDays !== undefined && occasions > 1) repeatPurchaseDays[when - table.firstDay]++;
      occasionDay = when;
      occasionTotal = total;
    }
    if (occasions === 0) {
      if (orderCount > 0 && orderDay[0] <= end) summary.refundOnlyCustomers.push(table.customerIds[customer]);
      else customersAfterEnd++;
      continue;
    }
    if (occasions > 1) repeatTotal += occasionTotal;

    const repeats = occasions - 1;
    keptCustomers[kept] = customer;
    summary.firstDay[kept] = firstDay;
    summary.lastDay[kept] = occasionDay;
    summary.orders[kept] = purchases;
    summary.revenue[kept] = revenue;
    summary.aov[kept] = revenue / purchases;
    if (summary.cost !== null) summary.cost[kept] = totalCost;
    summary.frequency[kept] = repeats;
    summary.recency[kept] = (occasionDay - firstDay) / unitDays;
    summary.T[kept] = (end - firstDay) / unitDays;
    summary.monetaryValue[kept] = repeats > 0 ? repeatTotal / repeats : 0;
    holdoutPurchases[kept] = holdoutDays;
    holdoutRevenue[kept] = laterRevenue;
    if (summary.segment !== null) {
      summary.segment[kept] = modeSegment(rows, from, to, end, segmentCount as Int32Array, segmentsSeen as Int32Array);
    }
    kept++;
  }

  // Usually every customer is kept: then their ids are the table's.
  summary.customerIds = kept === customers ? table.customerIds.slice() : Array.from(keptCustomers.subarray(0, kept), (c) => table.customerIds[c]);
  return {
    summary: trim(summary, kept),
    holdoutPurchases: holdoutPurchases.subarray(0, kept),
    holdoutRevenue: holdoutRevenue.subarray(0, kept),
    customersAfterEnd,
  };
}

/**
 * The most frequent non-blank segment of a customer's rows up to `end`; ties go to the one seen first.
 * `counts` (zero on entry and on return) and `seen` are scratch arrays of one entry per segment label.
 */
function modeSegment(rows: CustomerRows, from: number, to: number, end: number, counts: Int32Array, seen: Int32Array): number {
  const segment = rows.segment as Int32Array;
  let labels = 0;
  for (let position = from; position < to; position++) {
    if (rows.day[position] > end) break;
    const label = segment[position];
    if (label < 0) continue;
    if (counts[label]++ === 0) seen[labels++] = label;
  }
  let best = -1;
  for (let k = 0; k < labels; k++) {
    if (best < 0 || counts[seen[k]] > counts[best]) best = seen[k];
  }
  for (let k = 0; k < labels; k++) counts[seen[k]] = 0;
  return best;
}

/** The first `kept` entries of each column, as views (no copy: usually every customer is kept). */
function trim(summary: CustomerSummary, kept: number): CustomerSummary {
  return {
    ...summary,
    firstDay: summary.firstDay.subarray(0, kept),
    lastDay: summary.lastDay.subarray(0, kept),
    orders: summary.orders.subarray(0, kept),
    revenue: summary.revenue.subarray(0, kept),
    aov: summary.aov.subarray(0, kept),
    cost: summary.cost === null ? null : summary.cost.subarray(0, kept),
    frequency: summary.frequency.subarray(0, kept),
    recency: summary.recency.subarray(0, kept),
    T: summary.T.subarray(0, kept),
    monetaryValue: summary.monetaryValue.subarray(0, kept),
    segment: summary.segment === null ? null : summary.segment.subarray(0, kept),
  };
}
