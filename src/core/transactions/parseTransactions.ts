import { ClvError } from "../errors";
import { type CellGrid, type CellValue, describeCell, gridFromRows, isBlankRow } from "./cellGrid";
import { cellReader } from "./cellReader";
import { KeyTable } from "./keyTable";
import { type ColumnDetection, type DetectOptions, detectColumns } from "./detectColumns";
import { type AmountIssue, type DecimalSeparator, type DecimalSetting, decimalEvidence } from "./readAmount";
import { type DateOrder, type DateOrderSetting, type DateSystem, dateOrderEvidence, readDay } from "./readDay";
import { ENGLISH_ROW_ERROR_TEXTS, type RowError, type RowProblem, rowError, rowErrorText } from "./rowError";
import { type ConventionProof, type TableWarning, tableWarning } from "./tableWarning";

/** Options of {@link parseTransactions}; see also {@link DetectOptions} (header, column overrides, date system). */
export interface ParseOptions extends DetectOptions {
  /** Sheet row number of the table's first row, so errors name the row the user sees. Default 1. */
  firstRow?: number;
  /** Order of numeric dates such as 03/05/2024. Default: the order the column's unambiguous dates prove. */
  dateOrder?: DateOrder;
  /** Decimal separator of amount text such as 1,234. Default: the one the column proves, else ".". */
  decimalSeparator?: DecimalSeparator;
  /**
   * Last day of the observation window, read like a date cell (e.g. "1997-09-30"). Later rows are
   * counted in `afterEndRows` and left out. Default: the latest transaction date.
   */
  observationEnd?: CellValue;
  /** How many row errors to keep (all are counted). Default 1000. */
  maxErrors?: number;
}

/**
 * The valid transactions, one entry per used row, in sheet order, as parallel typed arrays.
 * Days are days since 1970-01-01 (see days.ts); time of day is dropped.
 */
export interface TransactionTable {
  /** Number of transactions. */
  length: number;
  /** Distinct customer ids (trimmed text; numbers as written by `String`), in order of first appearance. */
  customerIds: string[];
  /** Index into `customerIds` per transaction. */
  customer: Int32Array;
  /** Day number per transaction. */
  day: Int32Array;
  /** Amount per transaction; negative amounts are refunds. */
  amount: Float64Array;
  /** Distinct order ids, or null without an order column. */
  orderIds: string[] | null;
  /** Index into `orderIds` per transaction; -1 for a row without an order id (an order of its own). */
  order: Int32Array | null;
  /** Distinct segment labels, or null without a segment column. */
  segmentLabels: string[] | null;
  /** Index into `segmentLabels` per transaction; -1 for a blank segment cell. */
  segment: Int32Array | null;
  /** Cost per transaction (from a cost column, or amount - margin), or null. */
  cost: Float64Array | null;
  /** Sheet row number of each transaction. */
  sourceRow: Int32Array;
  /** Earliest and latest transaction day (NaN when there are none). */
  firstDay: number;
  lastDay: number;
  /** Last day of the observation window: the given end, else `lastDay`. */
  observationEnd: number;
}

/** What happened to every row. `dataRows = usedRows + rejectedRows + blankRows + afterEndRows`. */
export interface ParseReport {
  columns: ColumnDetection;
  /** Rows below the header (all rows without one). */
  dataRows: number;
  usedRows: number;
  rejectedRows: number;
  /** Rows with every cell empty, skipped. */
  blankRows: number;
  /** Valid-dated rows after the given observation end, left out. */
  afterEndRows: number;
  /** The first `maxErrors` row errors, in row order. */
  errors: RowError[];
  /** Table-level findings, e.g. a date column mixing day-first and month-first dates. */
  warnings: TableWarning[];
  /** Order used for numeric dates: given, proved by the column, or null (only unambiguous ones read). */
  dateOrder: DateOrder | null;
  /** Decimal separator used for amount text like 1,234; null when the column mixes both. */
  decimalSeparator: DecimalSeparator | null;
}

export interface ParsedTransactions {
  table: TransactionTable;
  report: ParseReport;
}

const DEFAULT_MAX_ERRORS = 1000;
/** A number in scientific notation as Excel writes a long one in a CSV file (1.23457E+11). */
const SCIENTIFIC_NUMBER = /^\d(?:\.\d+)?E\+\d+$/;
/**
 * Ids that are a number (after a common prefix) below this many times the grid's rows are found by
 * number (see `KeyTable`): that table takes at most 16 bytes per row, less than the parsed columns
 * (customer, day, amount and source row: 20 bytes per row).
 */
const NUMBERED_IDS_PER_ROW = 4;

/**
 * Turns a table of cells (Excel's `Range.values`, or a {@link CellGrid} such as the CSV reader's)
 * into a validated, columnar {@link TransactionTable}. Columns come from `options.columns`, else
 * the header, else the content (see `detectColumns`). Every non-blank row is used, rejected with a
 * {@link RowError}, or counted as after the observation end; blank rows are counted. Conventions:
 * - customer ids are trimmed text; a number is its `String` form (so 42 and "42" are one customer);
 * - dates: see `readDay` (Excel serials, YYYYMMDD, ISO, text dates); numeric dates like 03/05/2024
 *   use `dateOrder`, else the one order that the column's unambiguous dates (25/03/2024) prove;
 *   when the column proves none, or both (a warning), such dates are rejected as ambiguous;
 * - amounts: see `readAmount`; text like 1,234 uses `decimalSeparator`, else the one the amount and
 *   cost columns prove, else "." (so 1,234 = 1234); negative amounts are refunds;
 * - rows sharing an order id (per customer) are line items of one order; an empty order id makes
 *   the row an order of its own; a blank segment cell is segment -1;
 * - a margin column gives cost = amount - margin; an empty cost or margin cell rejects the row;
 * - a row is checked column by column (customer, date, amount, cost, order, segment) and only its
 *   first problem is reported; rows dated after `observationEnd` are not checked further.
 * Cost: O(rows x mapped columns), a few typed arrays of one entry per row.
 *
 * @throws ClvError `value` when every row is empty, when a required column (customer, date, amount)
 *   cannot be determined (the message says which and why), or when `observationEnd` or an override is invalid
 * @example
 * const { table, report } = parseTransactions([
 *   ["Customer", "Date", "Amount"],
 *   ["c1", "2024-03-05", "$12.50"],
 *   ["c1", "2024-02-30", 3],
 * ]);
 * // table.length = 1, table.amount[0] = 12.5, table.day[0] = 19787
 * // report.errors[0] = { row: 3, column: "Date", reason: '"2024-02-30" is not a real calendar date',
 * //   problem: { kind: "date", issue: "noSuchDate", shown: '"2024-02-30"', system: 1900, mixedOrders: false } }
 */
export function parseTransactions(
  source: CellGrid | readonly (readonly CellValue[])[],
  options: ParseOptions = {}
): ParsedTransactions {
  const grid = Array.isArray(source) ? gridFromRows(source) : (source as CellGrid);
  const system: DateSystem = options.dateSystem ?? 1900;
  const firstRow = options.firstRow ?? 1;
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  const columns = detectColumns(grid, options);
  if (columns.missing.length > 0) throw hasData(grid) ? missingColumnsError(columns) : new ClvError("value", "The table has no data: every row is empty");
  const { mapping, labels, headerRow } = columns;
  const customerColumn = mapping.customer as number;
  const dateColumn = mapping.date as number;
  const amountColumn = mapping.amount as number;
  const costColumn = mapping.cost ?? mapping.margin;
  const costIsMargin = mapping.cost === undefined && mapping.margin !== undefined;
  const end = options.observationEnd === undefined ? null : readObservationEnd(options.observationEnd, system, options.dateOrder);

  const capacity = grid.rowCount;
  const customer = new Int32Array(capacity);
  const day = new Int32Array(capacity);
  const amount = new Float64Array(capacity);
  const sourceRow = new Int32Array(capacity);
  const order = mapping.order === undefined ? null : new Int32Array(capacity);
  const segment = mapping.segment === undefined ? null : new Int32Array(capacity);
  const cost = costColumn === undefined ? null : new Float64Array(capacity);
  const customerIds = new KeyTable(NUMBERED_IDS_PER_ROW * capacity);
  const orderIds = new KeyTable(NUMBERED_IDS_PER_ROW * capacity);
  const segmentLabels = new KeyTable();

  const errors: RowError[] = [];
  const warnings: TableWarning[] = [];
  let rejectedRows = 0;
  let blankRows = 0;
  let afterEndRows = 0;
  let length = 0;
  let firstDay = Infinity;
  let lastDay = -Infinity;
  let dateOrder: DateOrderSetting = options.dateOrder ?? "detect";
  let decimal: DecimalSetting = options.decimalSeparator ?? "detect";
  let datesMixed = false;
  const reject = (row: number, column: number, problem: RowProblem) => {
    rejectedRows++;
    if (errors.length < maxErrors) errors.push(rowError(firstRow + row, labels[column], problem));
  };
  const decideDateOrder = (): DateOrder | null => {
    const evidence = collectEvidence(grid, headerRow, [dateColumn], dateOrderEvidence);
    const found = settle<DateOrder>(evidence, ["dayFirst", "monthFirst"], null);
    datesMixed = found === null && evidence.size > 1;
    if (datesMixed) {
      const proofs = { dayFirst: proofOf(evidence, "dayFirst", firstRow), monthFirst: proofOf(evidence, "monthFirst", firstRow) };
      warnings.push(tableWarning({ kind: "mixedDateOrders", column: labels[dateColumn], proofs }));
    }
    return found;
  };
  const decideDecimal = (): DecimalSeparator | null => {
    const scanned = costColumn === undefined ? [amountColumn] : [amountColumn, costColumn];
    const evidence = collectEvidence(grid, headerRow, scanned, decimalEvidence);
    const found = settle<DecimalSeparator>(evidence, [".", ","], ".");
    if (found === null) {
      const proofs = { ".": proofOf(evidence, ".", firstRow), ",": proofOf(evidence, ",", firstRow) };
      warnings.push(tableWarning({ kind: "mixedDecimalSeparators", column: labels[amountColumn], proofs }));
    }
    return found;
  };
  const cells = cellReader(grid);
  const readMoney = (row: number, column: number): number | AmountIssue => {
    const result = cells.amount(row, column, decimal);
    if (result !== "separatorNeeded") return result;
    decimal = decideDecimal();
    return cells.amount(row, column, decimal);
  };

  for (let row = 0; row < grid.rowCount; row++) {
    if (row === headerRow) continue;
    if (cells.isBlank(row, customerColumn)) {
      if (isBlankRow(grid, row)) blankRows++;
      else reject(row, customerColumn, { kind: "emptyCustomer" });
      continue;
    }
    if (!cells.isId(row, customerColumn, customerKey)) {
      reject(row, customerColumn, { kind: "notCustomerId", shown: describeCell(grid.cell(row, customerColumn)) });
      continue;
    }
    let rowDay = cells.day(row, dateColumn, system, dateOrder);
    if (rowDay === "orderNeeded") {
      dateOrder = decideDateOrder();
      rowDay = cells.day(row, dateColumn, system, dateOrder);
    }
    if (typeof rowDay === "string") {
      reject(row, dateColumn, { kind: "date", issue: rowDay, shown: describeCell(grid.cell(row, dateColumn)), system, mixedOrders: datesMixed });
      continue;
    }
    if (end !== null && rowDay > end) {
      afterEndRows++;
      continue;
    }
    const rowAmount = readMoney(row, amountColumn);
    if (typeof rowAmount === "string") {
      reject(row, amountColumn, { kind: "amount", issue: rowAmount, shown: describeCell(grid.cell(row, amountColumn)), role: "amount" });
      continue;
    }
    if (cost !== null) {
      const rowCost = readMoney(row, costColumn as number);
      if (typeof rowCost === "string") {
        const shown = describeCell(grid.cell(row, costColumn as number));
        reject(row, costColumn as number, { kind: "amount", issue: rowCost, shown, role: costIsMargin ? "margin" : "cost" });
        continue;
      }
      cost[length] = costIsMargin ? rowAmount - rowCost : rowCost;
    }
    if (order !== null) {
      const orderColumn = mapping.order as number;
      if (cells.isBlank(row, orderColumn)) {
        order[length] = -1;
      } else if (cells.isId(row, orderColumn, customerKey)) {
        order[length] = cells.key(row, orderColumn, orderIds, customerKey);
      } else {
        reject(row, orderColumn, { kind: "notOrderId", shown: describeCell(grid.cell(row, orderColumn)) });
        continue;
      }
    }
    if (segment !== null) segment[length] = cells.key(row, mapping.segment as number, segmentLabels, segmentLabel);
    day[length] = rowDay;
    amount[length] = rowAmount;
    sourceRow[length] = row; // made a sheet row number below
    if (rowDay < firstDay) firstDay = rowDay;
    if (rowDay > lastDay) lastDay = rowDay;
    length++;
  }

  // Customer ids are numbered in a pass of their own, in the same row order: a lookup among 100,000s of ids
  // misses the cache, and looked up together (`keyColumn`) the processor overlaps such misses.
  cells.keyColumn(sourceRow.subarray(0, length), customerColumn, customerIds, customerKey, customer);
  for (let used = 0; used < length; used++) sourceRow[used] += firstRow;

  // Ids that Excel shortened when saving a CSV file may have merged customers or orders: said, never silent.
  for (const [column, keys] of [[customerColumn, customerIds], [mapping.order, orderIds]] as const) {
    if (column === undefined) continue;
    const scientific = keys.keys.filter(isScientific);
    if (scientific.length > 0) warnings.push(tableWarning({ kind: "scientificIds", column: labels[column], count: scientific.length, example: scientific[0] }));
  }

  const empty = length === 0;
  // Views, not copies: what they leave unused (rejected, blank and later rows) is at most the grid's rows.
  const table: TransactionTable = {
    length,
    customerIds: customerIds.keys,
    customer: customer.subarray(0, length),
    day: day.subarray(0, length),
    amount: amount.subarray(0, length),
    orderIds: order === null ? null : orderIds.keys,
    order: order === null ? null : order.subarray(0, length),
    segmentLabels: segment === null ? null : segmentLabels.keys,
    segment: segment === null ? null : segment.subarray(0, length),
    cost: cost === null ? null : cost.subarray(0, length),
    sourceRow: sourceRow.subarray(0, length),
    firstDay: empty ? NaN : firstDay,
    lastDay: empty ? NaN : lastDay,
    observationEnd: end ?? (empty ? NaN : lastDay),
  };
  const report: ParseReport = {
    columns,
    dataRows: grid.rowCount - (headerRow >= 0 ? 1 : 0),
    usedRows: length,
    rejectedRows,
    blankRows,
    afterEndRows,
    errors,
    warnings,
    dateOrder: dateOrder === "detect" ? null : dateOrder,
    decimalSeparator: decimal === "detect" ? "." : decimal,
  };
  return { table, report };
}

/** An id as text: trimmed text, or a number's `String` form; null for other values. */
function customerKey(value: CellValue): string | null {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/** Whether an id is written like a long number Excel saved in scientific notation: an id that lost digits. */
function isScientific(id: string): boolean {
  const second = id.charCodeAt(1);
  // Only "." or "E" can follow the first digit: the pattern runs on those ids alone (a few ms for 300,000 ids).
  return (second === 46 || second === 69) && SCIENTIFIC_NUMBER.test(id);
}

function segmentLabel(value: CellValue): string {
  return typeof value === "string" ? value.trim() : describeCell(value);
}

function readObservationEnd(value: CellValue, system: DateSystem, order: DateOrder | undefined): number {
  const day = readDay(value, system, order ?? null);
  if (typeof day === "number") return day;
  const why = rowErrorText({ kind: "date", issue: day, shown: describeCell(value), system, mixedOrders: false }, ENGLISH_ROW_ERROR_TEXTS);
  throw new ClvError("value", `\`observationEnd\` must be a date such as "1997-09-30": ${why}`);
}

/** Values that prove a convention, with the count and first row of each. */
type Evidence<T> = Map<T, { count: number; row: number; value: CellValue }>;

function collectEvidence<T>(
  grid: CellGrid,
  headerRow: number,
  columns: number[],
  prove: (value: CellValue) => T | null
): Evidence<T> {
  const evidence: Evidence<T> = new Map();
  for (let row = headerRow + 1; row < grid.rowCount; row++) {
    for (const column of columns) {
      const value = grid.cell(row, column);
      const proven = prove(value);
      if (proven === null) continue;
      const seen = evidence.get(proven);
      if (seen) seen.count++;
      else evidence.set(proven, { count: 1, row, value });
    }
  }
  return evidence;
}

/** The single proven convention; `fallback` when none is proven; null when several are. */
function settle<T>(evidence: Evidence<T>, options: T[], fallback: T | null): T | null {
  const proven = options.filter((option) => evidence.has(option));
  if (proven.length === 0) return fallback;
  return proven.length === 1 ? proven[0] : null;
}

/** How many cells prove `key`, and the first of them (sheet row, cell as shown). */
function proofOf<T>(evidence: Evidence<T>, key: T, firstRow: number): ConventionProof {
  const seen = evidence.get(key) as { count: number; row: number; value: CellValue };
  return { count: seen.count, row: firstRow + seen.row, shown: describeCell(seen.value) };
}

/** Whether some row of the grid holds a value (an empty table has no column to detect, which is another message). */
function hasData(grid: CellGrid): boolean {
  for (let row = 0; row < grid.rowCount; row++) if (!isBlankRow(grid, row)) return true;
  return false;
}

function missingColumnsError(columns: ColumnDetection): ClvError {
  const explained = columns.missing.map((role) => {
    const why = columns.notes.filter((note) => note.role === role).map((note) => note.message);
    return `the ${role} (${why.join("; ")})`;
  });
  return new ClvError(
    "value",
    `\`parseTransactions\` cannot tell which column holds ${explained.join(" and ")}: choose the column by hand`
  );
}
