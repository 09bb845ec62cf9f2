import type { CellValue } from "./cellGrid";
import { Utf8Scratch } from "./utf8";

/** The character that separates whole units from cents in amount text. */
export type DecimalSeparator = "." | ",";

/**
 * How {@link readAmount} treats text such as `1,234` or `1.234`, whose separator may be a decimal
 * point or a thousands separator: a {@link DecimalSeparator}; `null` = unknown, so such text is
 * "ambiguous"; `"detect"` = the caller has not looked at the column yet, so such text is reported
 * as "separatorNeeded" (see {@link decimalEvidence}).
 */
export type DecimalSetting = DecimalSeparator | null | "detect";

/** Why a cell is not an amount; a rejected row carries it as data (`RowProblem`), `rowErrorText` words it. */
export type AmountIssue = "empty" | "notANumber" | "logical" | "ambiguous" | "separatorNeeded";

/** A currency sign or code before or after the number: $ € £ ¥ ₹ (any Unicode Sc), US$ HK$ R$, USD CNY RMB, 元 円. */
const CURRENCY = String.raw`(?:[A-Z]{1,2}\$|[A-Z]{3}|\p{Sc}|元|円)`;
const AMOUNT_TEXT = new RegExp(
  String.raw`^([-−+])?\s*(?:${CURRENCY})?\s*([-−+])?\s*(\d[\d.,'’\s]*\d|\d|[.,]\d+)\s*(?:${CURRENCY})?$`,
  "u"
);
/** Characters that group thousands besides `.` and `,`: spaces (incl. no-break and thin) and apostrophes (Swiss). */
const SPACE_GROUPING = /[\s'’]/;
const ALL_DIGITS = /^\d+$/;
const GROUP_OF_THREE = /^\d{3}$/;
const LEADING_GROUP = /^\d{1,3}$/;

/** What the separators in a number's digits mean. */
interface Separators {
  decimal: DecimalSeparator | null;
  /** The thousands separator, or a pattern for spaces/apostrophes, or null. */
  grouping: string | RegExp | null;
  /** Set when the only separator is one `.` or `,` followed by exactly three digits (1,234). */
  ambiguous: DecimalSeparator | null;
}

/**
 * Reads one cell as an amount of money. Numbers pass through. Text may carry a currency sign or
 * code before or after the number (see CURRENCY), a leading minus (`-`, `−`, before or after the
 * sign) or accounting parentheses `(12.00)` for negatives, and thousands separators. Conventions,
 * chosen so that no text has two readings:
 * - with both `.` and `,` the later one is the decimal separator (`1,234.50`, `1.234,50`);
 * - spaces or apostrophes group thousands, and then a single `.` or `,` is decimal (`1 234,50`,
 *   `1'234.50`);
 * - a separator that occurs twice groups thousands (`1,234,567`);
 * - a single separator not followed by exactly three digits is decimal (`12,5`, `12.50`, `0,125`);
 * - a single separator followed by exactly three digits (`1,234`, `1.234`) is read by `decimal`
 *   (the column's convention; see {@link DecimalSetting}).
 * Thousands groups must have three digits. Exponents (`1e3`) and percentages are not amounts.
 * Cost: O(length of the text).
 *
 * @returns the amount, or an {@link AmountIssue}
 * @example readAmount("$1,234.50", null) // 1234.5
 * @example readAmount("(12.00)", null) // -12
 * @example readAmount("1,234", ".") // 1234
 */
export function readAmount(value: CellValue, decimal: DecimalSetting): number | AmountIssue {
  if (typeof value === "number") return Number.isFinite(value) ? value : "notANumber";
  if (typeof value === "string") return readAmountText(value, decimal);
  if (typeof value === "boolean") return "logical";
  return value === null || value === undefined ? "empty" : "notANumber";
}

const scratch = new Utf8Scratch();

function readAmountText(raw: string, decimal: DecimalSetting): number | AmountIssue {
  const text = raw.trim();
  if (text.length === 0) return "empty";
  const plain = plainDecimal(scratch.bytes, 0, scratch.encode(text));
  if (!Number.isNaN(plain)) return plain;
  const parts = amountParts(text);
  if (parts === null) return "notANumber";
  const separators = separatorsOf(parts.digits);
  if (separators === null) return "notANumber";
  if (separators.ambiguous !== null) {
    if (decimal === "detect") return "separatorNeeded";
    if (decimal === null) return "ambiguous";
    if (decimal === separators.ambiguous) separators.decimal = decimal;
    else separators.grouping = separators.ambiguous;
  }
  const magnitude = numberFrom(parts.digits, separators);
  if (magnitude === null) return "notANumber";
  return parts.negative ? -magnitude : magnitude;
}

/** Powers of ten that doubles hold exactly. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, exponent) => 10 ** exponent);
/** Digits of a mantissa below 2^53, so it is exact. */
const MAX_PLAIN_DIGITS = 15;

/**
 * The value of the trimmed text whose UTF-8 bytes are bytes[from, end) when it is `-?digits(.digits)?` with at most 15 digits
 * and no reading but the plain one (so not `1.234`, whose dot might group thousands); NaN for anything
 * else. This is the common machine format, read in place without a pattern: mantissa / 10^decimals is
 * the correctly rounded quotient of two exact doubles, hence the same double as `Number(text)`.
 * Parsers of large texts call it directly (see `CellReader`).
 *
 * @example plainDecimal(new TextEncoder().encode("x,-12.50,"), 2, 8) // -12.5
 */
export function plainDecimal(bytes: Uint8Array, from: number, end: number): number {
  const start = from < end && bytes[from] === 45 ? from + 1 : from;
  let mantissa = 0;
  let dot = -1;
  for (let index = start; index < end; index++) {
    const code = bytes[index];
    if (code >= 48 && code <= 57) mantissa = mantissa * 10 + (code - 48);
    else if (code === 46 && dot < 0) dot = index;
    else return NaN;
  }
  const digitCount = end - start - (dot < 0 ? 0 : 1);
  if (digitCount === 0 || digitCount > MAX_PLAIN_DIGITS || dot === start || dot === end - 1) return NaN;
  let value = mantissa;
  if (dot >= 0) {
    const decimals = end - dot - 1;
    const mayGroup = decimals === 3 && dot - start <= 3 && bytes[start] !== 48;
    if (mayGroup) return NaN;
    value = mantissa / POWERS_OF_TEN[decimals];
  }
  return start > from ? -value : value;
}

/** Splits amount text into sign and digits, dropping currency; null when it is not an amount. */
function amountParts(text: string): { negative: boolean; digits: string } | null {
  let body = text;
  let negative = false;
  if (body.startsWith("(") && body.endsWith(")")) {
    negative = true;
    body = body.slice(1, -1).trim();
  }
  const match = AMOUNT_TEXT.exec(body);
  if (match === null) return null;
  const sign = match[1] ?? match[2];
  if (match[1] !== undefined && match[2] !== undefined) return null;
  if (sign !== undefined && sign !== "+") {
    if (negative) return null;
    negative = true;
  }
  return { negative, digits: match[3] };
}

/** What `.`, `,` and spaces mean in the digits of one amount; null when they cannot be read. */
function separatorsOf(digits: string): Separators | null {
  const dots = count(digits, ".");
  const commas = count(digits, ",");
  const spaced = SPACE_GROUPING.test(digits);
  if (dots > 0 && commas > 0) {
    if (spaced) return null;
    const decimal = digits.lastIndexOf(".") > digits.lastIndexOf(",") ? "." : ",";
    return { decimal, grouping: decimal === "." ? "," : ".", ambiguous: null };
  }
  const separator: DecimalSeparator | null = dots > 0 ? "." : commas > 0 ? "," : null;
  const occurrences = dots + commas;
  if (spaced) return { decimal: occurrences === 1 ? separator : null, grouping: SPACE_GROUPING, ambiguous: null };
  if (separator === null) return { decimal: null, grouping: null, ambiguous: null };
  if (occurrences > 1) return { decimal: null, grouping: separator, ambiguous: null };
  const at = digits.indexOf(separator);
  const mayGroup = digits.length - at - 1 === 3 && at >= 1 && at <= 3 && digits[0] !== "0";
  return mayGroup
    ? { decimal: null, grouping: null, ambiguous: separator }
    : { decimal: separator, grouping: null, ambiguous: null };
}

/** The value of digits under resolved separators; null when the grouping is malformed. */
function numberFrom(digits: string, separators: Separators): number | null {
  const decimalAt = separators.decimal === null ? -1 : digits.lastIndexOf(separators.decimal);
  const whole = decimalAt < 0 ? digits : digits.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? "" : digits.slice(decimalAt + 1);
  if (decimalAt >= 0 && !ALL_DIGITS.test(fraction)) return null;
  let wholeDigits = whole;
  if (separators.grouping !== null) {
    const groups = whole.split(separators.grouping);
    if (!LEADING_GROUP.test(groups[0]) || !groups.slice(1).every((group) => GROUP_OF_THREE.test(group))) return null;
    wholeDigits = groups.join("");
  } else if (whole.length > 0 && !ALL_DIGITS.test(whole)) {
    return null;
  }
  if (wholeDigits.length === 0 && fraction.length === 0) return null;
  return Number(`${wholeDigits || "0"}.${fraction || "0"}`);
}

function count(text: string, character: string): number {
  let found = 0;
  for (let index = text.indexOf(character); index >= 0; index = text.indexOf(character, index + 1)) found++;
  return found;
}

/**
 * Which decimal separator a cell proves, by the rules of {@link readAmount}: `"."` for
 * `1,234.50`, `12.5` or `1,234,567`; `","` for `1.234,50`, `12,5` or `1 234,50`; `null` for
 * numbers, plain integers and ambiguous text such as `1,234`. Used to choose one convention per column.
 *
 * @example decimalEvidence("12,50") // ","
 */
export function decimalEvidence(value: CellValue): DecimalSeparator | null {
  if (typeof value !== "string") return null;
  const parts = amountParts(value.trim());
  const separators = parts === null ? null : separatorsOf(parts.digits);
  if (separators === null || separators.ambiguous !== null) return null;
  if (separators.decimal !== null) return separators.decimal;
  if (separators.grouping === ",") return ".";
  return separators.grouping === "." ? "," : null;
}
