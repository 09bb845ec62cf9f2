import type { DateOrder } from "./readDay";
import type { DecimalSeparator } from "./readAmount";

/** How many cells of a column prove one convention, and the first of them: its sheet row and the cell as `describeCell` shows it. */
export interface ConventionProof {
  count: number;
  row: number;
  shown: string;
}

/**
 * A finding of `parseTransactions` about a whole column, as data (plain, so it crosses to a Web Worker
 * and back). The column is named by its label (header text, or sheet letter), never translated.
 * - `mixedDateOrders`: the column's dates prove both orders (25/03/2024 day first, 03/25/2024 month
 *   first), so dates such as 03/05/2024 are rejected unless the caller chooses the order;
 * - `mixedDecimalSeparators`: the amount or cost column proves both decimal separators (12.50 and 12,50),
 *   so amounts such as 1,234 are rejected unless the caller chooses the separator;
 * - `scientificIds`: `count` distinct customer or order ids are written like a number in scientific
 *   notation (`example`, such as 1.23457E+11), as Excel saves long numbers in a CSV file when the column is
 *   not formatted as text: digits are lost, so distinct customers (or orders) may have become one.
 */
export type TableFinding =
  | { kind: "mixedDateOrders"; column: string; proofs: Record<DateOrder, ConventionProof> }
  | { kind: "mixedDecimalSeparators"; column: string; proofs: Record<DecimalSeparator, ConventionProof> }
  | { kind: "scientificIds"; column: string; count: number; example: string };

/** A finding with its English words: `message` is `tableWarningText(finding, ENGLISH_TABLE_WARNING_TEXTS)`. */
export type TableWarning = TableFinding & { message: string };

/** The table warnings' words in one language, under the names the task pane's catalogues give them. */
export interface TableWarningTexts {
  /** `dayFirst` and `monthFirst` are the two orders' proofs, as `tableProof` words them. */
  tableMixedDateOrders: (column: string, dayFirst: string, monthFirst: string) => string;
  tableMixedDecimals: (column: string, point: string, comma: string) => string;
  /** "3 like row 5: "25/03/2024"": how many cells prove a convention, and the first. */
  tableProof: (count: number, row: number, shown: string) => string;
  tableScientificIds: (column: string, count: number, example: string) => string;
}

/** The English words: `TableWarning.message` (the command line and the report sheets print it), and the pane's English catalogue. */
export const ENGLISH_TABLE_WARNING_TEXTS: TableWarningTexts = {
  tableMixedDateOrders: (column, dayFirst, monthFirst) =>
    `Column "${column}" mixes day-first dates (${dayFirst}) and month-first dates (${monthFirst}), so dates such as ` +
    "03/05/2024 are rejected; if one order is right, choose the date order",
  tableMixedDecimals: (column, point, comma) =>
    `Column "${column}" mixes decimal points (${point}) and decimal commas (${comma}), so amounts such as 1,234 are ` +
    "rejected; if one separator is right, choose the decimal separator",
  tableProof: (count, row, shown) => `${count} like row ${row}: ${shown}`,
  tableScientificIds: (column, count, example) =>
    `Column "${column}" has ${count === 1 ? "an id" : `${count} ids`} written like ${count === 1 ? "a number" : "numbers"} ` +
    `in scientific notation (such as ${example}), as Excel saves ` +
    "long numbers in a CSV file: digits are lost, so distinct ids may have become one; format the column as text in " +
    "Excel before saving",
};

/**
 * A finding with its English message.
 * @example tableWarning({ kind: "mixedDecimalSeparators", column: "Amount", proofs: { ".": { count: 1, row: 2, shown: '"12.50"' }, ",": { count: 1, row: 3, shown: '"12,50"' } } }).message
 * // 'Column "Amount" mixes decimal points (1 like row 2: "12.50") and decimal commas (1 like row 3: "12,50"), so amounts such as 1,234 are rejected; if one separator is right, choose the decimal separator'
 */
export function tableWarning(finding: TableFinding): TableWarning {
  return { ...finding, message: tableWarningText(finding, ENGLISH_TABLE_WARNING_TEXTS) };
}

/**
 * A finding in the words of `texts` (the pane passes its catalogue).
 * @example tableWarningText({ kind: "scientificIds", column: "Id", count: 2, example: "1.23457E+11" }, ENGLISH_TABLE_WARNING_TEXTS)
 * // 'Column "Id" has 2 ids written like numbers in scientific notation (such as 1.23457E+11), as Excel saves long numbers in a CSV file: ...'
 */
export function tableWarningText(finding: TableFinding, texts: TableWarningTexts): string {
  const proof = ({ count, row, shown }: ConventionProof) => texts.tableProof(count, row, shown);
  switch (finding.kind) {
    case "mixedDateOrders":
      return texts.tableMixedDateOrders(finding.column, proof(finding.proofs.dayFirst), proof(finding.proofs.monthFirst));
    case "mixedDecimalSeparators":
      return texts.tableMixedDecimals(finding.column, proof(finding.proofs["."]), proof(finding.proofs[","]));
    case "scientificIds":
      return texts.tableScientificIds(finding.column, finding.count, finding.example);
  }
}
