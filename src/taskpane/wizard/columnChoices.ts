import type { ColumnDetection, ColumnRole } from "../../core/transactions";

/** The column roles the wizard asks about, in the order it shows them. */
export const COLUMN_ROLES: readonly ColumnRole[] = ["customer", "date", "amount", "order", "segment", "cost", "margin"];

/** The roles without which there is no analysis. */
export const REQUIRED_COLUMN_ROLES: readonly ColumnRole[] = ["customer", "date", "amount"];

/** The user's column choices: a 0-based column index, or null for "no such column". */
export type ColumnChoices = Record<ColumnRole, number | null>;

/**
 * The column choices as detection found them: every role, null where no column fits.
 *
 * @example columnsFromDetection({ mapping: { customer: 0, date: 1, amount: 2 } })
 * // { customer: 0, date: 1, amount: 2, order: null, segment: null, cost: null, margin: null }
 */
export function columnsFromDetection(detection: Pick<ColumnDetection, "mapping">): ColumnChoices {
  return Object.fromEntries(COLUMN_ROLES.map((role) => [role, detection.mapping[role] ?? null])) as ColumnChoices;
}
