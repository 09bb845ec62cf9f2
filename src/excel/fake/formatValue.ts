import { EXCEL_SERIAL_OF_1970 } from "../../core/report";
import { isoDate } from "../../core/transactions";
import type { FakeValue } from "./fakeWorkbook";

/** `#,##0`, `0.00`, `0.0%`: digits with optional thousands separators, decimals and percent. */
const NUMBER_FORMAT = /^(#,##)?0(?:\.(0+))?(%)?$/;
/** Significant digits Excel's General format shows in a standard-width column. */
const GENERAL_DIGITS = 10;

/**
 * A cell's value as Excel shows it in US English under its number format, for the formats the report
 * writes: General, text (`@`), `yyyy-mm-dd`, and digit patterns such as `#,##0.00`, `0.0%`, `0`.
 * Other formats show as General. Text and error codes show as they are; booleans as TRUE/FALSE.
 * @example formatValue(0.256, "0.0%") // "25.6%"
 * @example formatValue(45292, "yyyy-mm-dd") // "2024-01-01"
 */
export function formatValue(value: FakeValue, format: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (format === "yyyy-mm-dd") return isoDate(Math.floor(value) - EXCEL_SERIAL_OF_1970);
  const pattern = NUMBER_FORMAT.exec(format);
  if (pattern === null) return Number(value.toPrecision(GENERAL_DIGITS)).toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
  const [, grouping, decimals = "", percent] = pattern;
  return (
    (percent ? value * 100 : value).toLocaleString("en-US", {
      useGrouping: grouping !== undefined,
      minimumFractionDigits: decimals.length,
      maximumFractionDigits: decimals.length,
    }) + (percent ?? "")
  );
}
