import type { TransactionTable } from "./parseTransactions";

/** A table's columns reordered so each customer's rows are contiguous and sorted by day. */
export interface CustomerRows {
  /** Customer c's rows are positions `starts[c] .. starts[c + 1]`. */
  starts: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  cost: Float64Array | null;
  order: Int32Array | null;
  segment: Int32Array | null;
  /** The most rows any one customer has. */
  largestBlock: number;
}

/** Groupings already made, kept while their table is alive. */
const grouped = new WeakMap<TransactionTable, CustomerRows>();

/**
 * A transaction table's rows grouped by customer, in the customers' order, each customer's rows sorted
 * by day (ties keep sheet order): a stable counting sort that moves the values themselves, so that
 * per-customer passes read memory in order. The summary, the calibration/holdout split and the cohort
 * table all walk customers this way, so the grouping is made once per table and remembered while the
 * table is alive (a table is not changed after parsing; do not change its columns). O(rows +
 * customers) plus sorting the rows of customers whose rows are not in date order.
 *
 * @example customerRows(table).starts[1] // 3: the first customer has 3 rows
 */
export function customerRows(table: TransactionTable): CustomerRows {
  let rows = grouped.get(table);
  if (rows === undefined) {
    rows = groupByCustomer(table);
    grouped.set(table, rows);
  }
  return rows;
}

function groupByCustomer(table: TransactionTable): CustomerRows {
  const { length, customer } = table;
  const starts = new Int32Array(table.customerIds.length + 1);
  for (let row = 0; row < length; row++) starts[customer[row] + 1]++;
  let largestBlock = 0;
  for (let index = 1; index < starts.length; index++) {
    largestBlock = Math.max(largestBlock, starts[index]);
    starts[index] += starts[index - 1];
  }
  const target = starts.slice(0, -1);
  const place = new Int32Array(length);
  for (let row = 0; row < length; row++) place[row] = target[customer[row]]++;
  const rows: CustomerRows = {
    starts,
    day: scatter(table.day, place),
    amount: scatter(table.amount, place),
    cost: table.cost && scatter(table.cost, place),
    order: table.order && scatter(table.order, place),
    segment: table.segment && scatter(table.segment, place),
    largestBlock,
  };
  sortBlocksByDay(rows);
  return rows;
}

function scatter<T extends Int32Array | Float64Array>(values: T, place: Int32Array): T {
  const moved = new (values.constructor as new (length: number) => T)(values.length);
  for (let row = 0; row < values.length; row++) moved[place[row]] = values[row];
  return moved;
}

/** Blocks up to this size are sorted by insertion, larger ones through a typed-array sort. */
const INSERTION_SORT_LIMIT = 16;

function sortBlocksByDay(rows: CustomerRows): void {
  const { starts, day } = rows;
  const columns = [rows.day, rows.amount, rows.cost, rows.order, rows.segment].filter((column) => column !== null);
  let keys = new Float64Array(0);
  const scratch = new Float64Array(rows.largestBlock);
  for (let customer = 0; customer + 1 < starts.length; customer++) {
    const from = starts[customer];
    const to = starts[customer + 1];
    let sorted = true;
    for (let position = from + 1; position < to && sorted; position++) sorted = day[position - 1] <= day[position];
    if (sorted) continue;
    const size = to - from;
    if (keys.length < size) keys = new Float64Array(size);
    // Key = day offset * size + position in block: sorting the keys sorts by day, ties by sheet order.
    let firstDay = day[from];
    for (let position = from; position < to; position++) firstDay = Math.min(firstDay, day[position]);
    const blockKeys = keys.subarray(0, size);
    for (let offset = 0; offset < size; offset++) blockKeys[offset] = (day[from + offset] - firstDay) * size + offset;
    if (size <= INSERTION_SORT_LIMIT) insertionSort(blockKeys);
    else blockKeys.sort();
    for (const column of columns) {
      for (let offset = 0; offset < size; offset++) scratch[offset] = column[from + (blockKeys[offset] % size)];
      for (let offset = 0; offset < size; offset++) column[from + offset] = scratch[offset];
    }
  }
}

function insertionSort(values: Float64Array): void {
  for (let index = 1; index < values.length; index++) {
    const value = values[index];
    let hole = index;
    while (hole > 0 && values[hole - 1] > value) {
      values[hole] = values[hole - 1];
      hole--;
    }
    values[hole] = value;
  }
}
