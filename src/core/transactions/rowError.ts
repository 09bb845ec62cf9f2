import type { AmountIssue } from "./readAmount";
import { type DateIssue, type DateSystem, LAST_SERIAL_1900, LAST_SERIAL_1904 } from "./readDay";

/**
 * Why `parseTransactions` rejected a row, as data (plain, so it crosses to a Web Worker and back).
 * `shown` is the offending cell as `describeCell` shows it (quoted text, TRUE, a number), never translated.
 * - `emptyCustomer`, `notCustomerId`, `notOrderId`: the customer or order id cell is empty or not an id;
 * - `date`: the date cell's {@link DateIssue} under Excel's date system `system`; `mixedOrders` says an
 *   ambiguous date's column holds dates in both orders (else no date in it settles the order);
 * - `amount`: the {@link AmountIssue} of the cell of the amount column or of the cost or margin column (`role`).
 * The parser settles "orderNeeded" and "separatorNeeded" before it rejects a row, so they do not occur
 * (were they to, they would read as not a date and not an amount).
 */
export type RowProblem =
  | { kind: "emptyCustomer" }
  | { kind: "notCustomerId"; shown: string }
  | { kind: "date"; issue: DateIssue; shown: string; system: DateSystem; mixedOrders: boolean }
  | { kind: "amount"; issue: AmountIssue; shown: string; role: "amount" | "cost" | "margin" }
  | { kind: "notOrderId"; shown: string };

/** A rejected row: its sheet row number, its column (header text or letter), why in English, and why as data. */
export interface RowError {
  row: number;
  column: string;
  /** `problem` in English: `rowErrorText(problem, ENGLISH_ROW_ERROR_TEXTS)`. */
  reason: string;
  problem: RowProblem;
}

/**
 * The row errors' words in one language, under the names the task pane's catalogues give them.
 * `shown` is the cell as the sheet holds it; `first` and `last` bound the date serials Excel knows.
 */
export interface RowErrorTexts {
  rowCustomerEmpty: string;
  rowNotCustomerId: (shown: string) => string;
  rowDateEmpty: string;
  rowNotADate: (shown: string) => string;
  /** A date such as 03/05/2024 that no date of its column settles. */
  rowDateAmbiguous: (shown: string) => string;
  /** A date such as 03/05/2024 in a column holding dates in both orders. */
  rowDateAmbiguousMixed: (shown: string) => string;
  rowTwoDigitYear: (shown: string) => string;
  rowNoSuchDate: (shown: string) => string;
  rowFakeLeapDay: (shown: string) => string;
  rowDateOutOfRange: (shown: string, first: number, last: number) => string;
  rowWrongWeekday: (shown: string) => string;
  rowAmountEmpty: string;
  rowCostEmpty: string;
  rowMarginEmpty: string;
  /** TRUE or FALSE in the amount column; in the cost column; in the margin column. */
  rowAmountLogical: (shown: string) => string;
  rowCostLogical: (shown: string) => string;
  rowMarginLogical: (shown: string) => string;
  /** Text such as 1,234 in a column holding both decimal separators. */
  rowDecimalAmbiguous: (shown: string) => string;
  rowNotAnAmount: (shown: string) => string;
  rowNotOrderId: (shown: string) => string;
}

/** The English words: `RowError.reason`, and the pane's English catalogue. */
export const ENGLISH_ROW_ERROR_TEXTS: RowErrorTexts = {
  rowCustomerEmpty: "the customer id is empty",
  rowNotCustomerId: (shown) => `${shown} is not a customer id`,
  rowDateEmpty: "the date is empty",
  rowNotADate: (shown) => `${shown} is not a date`,
  rowDateAmbiguous: (shown) => `${shown} could be day/month or month/day and no date in this column settles it; choose the date order`,
  rowDateAmbiguousMixed: (shown) => `${shown} could be day/month or month/day, and this column has dates in both orders`,
  rowTwoDigitYear: (shown) => `${shown} has a two-digit year; write the year in full`,
  rowNoSuchDate: (shown) => `${shown} is not a real calendar date`,
  rowFakeLeapDay: (shown) => `${shown} is Excel's 1900-02-29, a day that does not exist`,
  rowDateOutOfRange: (shown, first, last) => `${shown} is outside Excel's dates (serial numbers ${first}..${last}, or YYYYMMDD)`,
  rowWrongWeekday: (shown) => `${shown}: the weekday does not match the date`,
  rowAmountEmpty: "the amount is empty",
  rowCostEmpty: "the cost is empty",
  rowMarginEmpty: "the margin is empty",
  rowAmountLogical: (shown) => `${shown} is TRUE/FALSE, not an amount`,
  rowCostLogical: (shown) => `${shown} is TRUE/FALSE, not an amount (cost)`,
  rowMarginLogical: (shown) => `${shown} is TRUE/FALSE, not an amount (margin)`,
  rowDecimalAmbiguous: (shown) =>
    `${shown} could use "," or "." as the decimal separator, and this column has both; choose the decimal separator`,
  rowNotAnAmount: (shown) => `${shown} is not an amount`,
  rowNotOrderId: (shown) => `${shown} is not an order id`,
};

/**
 * The rejected row `row` (sheet row number) of column `column` (its label), with its English reason.
 * @example rowError(7, "Customer", { kind: "emptyCustomer" })
 * // { row: 7, column: "Customer", reason: "the customer id is empty", problem: { kind: "emptyCustomer" } }
 */
export function rowError(row: number, column: string, problem: RowProblem): RowError {
  return { row, column, reason: rowErrorText(problem, ENGLISH_ROW_ERROR_TEXTS), problem };
}

/**
 * A row problem in the words of `texts` (the pane passes its catalogue).
 * @example rowErrorText({ kind: "notOrderId", shown: "TRUE" }, ENGLISH_ROW_ERROR_TEXTS) // "TRUE is not an order id"
 */
export function rowErrorText(problem: RowProblem, texts: RowErrorTexts): string {
  switch (problem.kind) {
    case "emptyCustomer":
      return texts.rowCustomerEmpty;
    case "notCustomerId":
      return texts.rowNotCustomerId(problem.shown);
    case "date":
      return dateText(problem, texts);
    case "amount":
      return moneyText(problem, texts);
    case "notOrderId":
      return texts.rowNotOrderId(problem.shown);
  }
}

function dateText({ issue, shown, system, mixedOrders }: Extract<RowProblem, { kind: "date" }>, texts: RowErrorTexts): string {
  switch (issue) {
    case "empty":
      return texts.rowDateEmpty;
    case "ambiguous":
      return mixedOrders ? texts.rowDateAmbiguousMixed(shown) : texts.rowDateAmbiguous(shown);
    case "twoDigitYear":
      return texts.rowTwoDigitYear(shown);
    case "noSuchDate":
      return texts.rowNoSuchDate(shown);
    case "fakeLeapDay":
      return texts.rowFakeLeapDay(shown);
    case "outOfRange":
      return system === 1904 ? texts.rowDateOutOfRange(shown, 0, LAST_SERIAL_1904) : texts.rowDateOutOfRange(shown, 1, LAST_SERIAL_1900);
    case "wrongWeekday":
      return texts.rowWrongWeekday(shown);
    default:
      return texts.rowNotADate(shown);
  }
}

/** Each money column's texts, for a catalogue's grammar may need the column's name anywhere in them. */
const EMPTY_TEXT = { amount: "rowAmountEmpty", cost: "rowCostEmpty", margin: "rowMarginEmpty" } as const;
const LOGICAL_TEXT = { amount: "rowAmountLogical", cost: "rowCostLogical", margin: "rowMarginLogical" } as const;

function moneyText({ issue, shown, role }: Extract<RowProblem, { kind: "amount" }>, texts: RowErrorTexts): string {
  switch (issue) {
    case "empty":
      return texts[EMPTY_TEXT[role]];
    case "logical":
      return texts[LOGICAL_TEXT[role]](shown);
    case "ambiguous":
      return texts.rowDecimalAmbiguous(shown);
    default:
      return texts.rowNotAnAmount(shown);
  }
}
