import type { ColumnRole } from "./detectColumns";

/** The roles `detectColumns` looks for by content when no header names them. */
export type ContentRole = Extract<ColumnRole, "customer" | "date" | "amount">;

/**
 * A remark of `detectColumns` about one role, as data (plain, so it crosses to a Web Worker and back).
 * Columns are named by their labels (header text, or sheet letter without a header), never translated.
 * - `alsoFit`: the header `chosen` named the role, and the headers `others` fit it too;
 * - `several`: no header named the role and the `columns` all look like its content; the caller must choose;
 * - `none`: no header named the role and no column looks like its content; the caller must choose.
 */
export type ColumnFinding =
  | { role: ColumnRole; kind: "alsoFit"; chosen: string; others: readonly string[] }
  | { role: ContentRole; kind: "several"; columns: readonly string[] }
  | { role: ContentRole; kind: "none" };

/** A remark with its English words: `message` is `columnNoteText(note, ENGLISH_COLUMN_NOTE_TEXTS)`. */
export type ColumnNote = ColumnFinding & { message: string };

/**
 * The column notes' words in one language, under the names the task pane's catalogues give them.
 * Column names come quoted as in the sheet ("Amount") and joined by ", ", like a row error's cell.
 */
export interface ColumnNoteTexts {
  columnNoteAlsoFit: (chosen: string, others: string) => string;
  /** `what` is the role's content: `columnNoteDates`, `columnNoteAmounts` or `columnNoteCustomerIds`. */
  columnNoteSeveral: (columns: string, what: string) => string;
  columnNoteNone: (what: string) => string;
  columnNoteDates: string;
  columnNoteAmounts: string;
  columnNoteCustomerIds: string;
}

/** The English words: `ColumnNote.message` (which `parseTransactions` quotes when a column is missing), and the pane's English catalogue. */
export const ENGLISH_COLUMN_NOTE_TEXTS: ColumnNoteTexts = {
  columnNoteAlsoFit: (chosen, others) => `using ${chosen}; ${others} also fit`,
  columnNoteSeveral: (columns, what) => `columns ${columns} all look like ${what}; choose one`,
  columnNoteNone: (what) => `no column looks like ${what}; choose one`,
  columnNoteDates: "dates",
  columnNoteAmounts: "amounts (numbers with cents or currency signs)",
  columnNoteCustomerIds: "customer ids",
};

const CONTENT_TEXT = { date: "columnNoteDates", amount: "columnNoteAmounts", customer: "columnNoteCustomerIds" } as const;

/**
 * A finding with its English message.
 * @example columnNote({ role: "date", kind: "none" })
 * // { role: "date", kind: "none", message: "no column looks like dates; choose one" }
 */
export function columnNote(finding: ColumnFinding): ColumnNote {
  return { ...finding, message: columnNoteText(finding, ENGLISH_COLUMN_NOTE_TEXTS) };
}

/**
 * A finding in the words of `texts` (the pane passes its catalogue).
 * @example columnNoteText({ role: "date", kind: "several", columns: ["B", "C"] }, ENGLISH_COLUMN_NOTE_TEXTS)
 * // 'columns "B", "C" all look like dates; choose one'
 */
export function columnNoteText(finding: ColumnFinding, texts: ColumnNoteTexts): string {
  switch (finding.kind) {
    case "alsoFit":
      return texts.columnNoteAlsoFit(quoted([finding.chosen]), quoted(finding.others));
    case "several":
      return texts.columnNoteSeveral(quoted(finding.columns), texts[CONTENT_TEXT[finding.role]]);
    case "none":
      return texts.columnNoteNone(texts[CONTENT_TEXT[finding.role]]);
  }
}

function quoted(labels: readonly string[]): string {
  return labels.map((label) => `"${label}"`).join(", ");
}
