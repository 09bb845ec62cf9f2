import type { CellValue } from "./cellGrid";
import { dayFromDate, EXCEL_SERIAL_OF_1970, isCalendarDate, MS_PER_DAY } from "./days";
import { Utf8Scratch, decodeUtf8 } from "./utf8";

/** Excel's date systems: serial 1 = 1900-01-01 (Windows default) or serial 0 = 1904-01-01 (old Mac). */
export type DateSystem = 1900 | 1904;

/** How to read numeric dates such as 03/05/2024: day first (3 May) or month first (5 March). */
export type DateOrder = "dayFirst" | "monthFirst";

/**
 * How {@link readDay} treats numeric day/month/year text:
 * a {@link DateOrder}; `null` = no order known, so only dates with a single valid reading are read
 * (25/03/2024) and the others are "ambiguous"; `"detect"` = the caller has not looked at the column
 * yet, so every such date is reported as "orderNeeded" (see `dateOrderEvidence`).
 */
export type DateOrderSetting = DateOrder | null | "detect";

/** Why a cell is not a date; a rejected row carries it as data (`RowProblem`), `rowErrorText` words it. */
export type DateIssue =
  | "empty"
  | "notADate"
  | "ambiguous"
  | "orderNeeded"
  | "twoDigitYear"
  | "noSuchDate"
  | "fakeLeapDay"
  | "outOfRange"
  | "wrongWeekday";

/** 1904-system serial of 1970-01-01: 66 years of which 17 leap, 66 * 365 + 17. */
const SERIAL_OF_1970_IN_1904 = 24_107;
/** Serial of 9999-12-31, the last day Excel knows, in the 1900 system. */
export const LAST_SERIAL_1900 = 2_958_465;
/** Serials run 1904-01-01 .. 9999-12-31 in the 1904 system, 1,462 days fewer. */
export const LAST_SERIAL_1904 = LAST_SERIAL_1900 - 1_462;
/** Excel's serial 60 is 1900-02-29, a day that never was (kept for Lotus 1-2-3 compatibility). */
const FAKE_LEAP_DAY_SERIAL = 60;

const TIME = String.raw`(?:(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?m\.?)?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?`;
const MONTH = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const WEEKDAY = String.raw`(?:(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const ORDINAL = "(?:st|nd|rd|th)?";

/** 2024-03-05, 2024/3/5, 2024.3.5 (year first is never ambiguous). */
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, "i");
/** 2024年3月5日 (or 号), optional time. */
const CHINESE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME}$`, "i");
/** 03/05/2024, 3-5-2024, 03.05.24: day and month order unknown. */
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`, "i");
/** 5 Mar 2024, 05-Mar-2024, Tue, 5 March 2024. */
const DAY_MONTH_NAME = new RegExp(
  String.raw`^${WEEKDAY}(\d{1,2})${ORDINAL}[\s./-]*(${MONTH})\.?,?[\s./-]*(\d{4}|\d{2})${TIME}$`,
  "i"
);
/** March 5, 2024, Mar 5 2024, Tuesday, March 5th, 2024. */
const MONTH_NAME_DAY = new RegExp(
  String.raw`^${WEEKDAY}(${MONTH})\.?[\s-]+(\d{1,2})${ORDINAL},?[\s-]+(\d{4}|\d{2})${TIME}$`,
  "i"
);
const PLAIN_NUMBER = /^\+?\d+(?:\.\d+)?$/;
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/**
 * Reads one cell as a calendar day: days since 1970-01-01 (see days.ts). Accepts
 * - numbers: 8-digit integers as YYYYMMDD (19970101, CDNOW's format), anything smaller as an Excel
 *   serial in `system` (1900: serial 1 = 1900-01-01, serial 60 = Excel's fictitious 1900-02-29 is
 *   refused; 1904: serial 0 = 1904-01-01); number-like text is read the same way;
 * - `Date` objects, by their UTC calendar date;
 * - text: ISO `2024-03-05` (with or without a time and offset), `2024/3/5`, `2024年3月5日`,
 *   `5 Mar 2024`, `March 5, 2024`, with an optional leading weekday (checked), and numeric
 *   `03/05/2024` read by `order` (see {@link DateOrderSetting}).
 * Time of day (and any UTC offset) is dropped: the date is the one written. Two-digit years are
 * refused rather than guessed. Cost: O(length of the text).
 *
 * @returns the day number, or a {@link DateIssue} saying why the cell is not a date
 * @example readDay("2024-03-05", 1900, null) // 19787
 * @example readDay(45356, 1900, null) // 19787
 * @example readDay("03/05/2024", 1900, null) // "ambiguous"
 */
export function readDay(value: CellValue, system: DateSystem, order: DateOrderSetting): number | DateIssue {
  if (typeof value === "string") return readDayText(value, system, order);
  if (typeof value === "number") return readDayNumber(value, system);
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? "notADate" : Math.floor(time / MS_PER_DAY);
  }
  return value === null || value === undefined ? "empty" : "notADate";
}

function readDayNumber(value: number, system: DateSystem): number | DateIssue {
  if (!Number.isFinite(value) || value < 0) return Number.isFinite(value) ? "outOfRange" : "notADate";
  if (value >= 10_000_000) {
    if (!Number.isInteger(value) || value > 99_999_999) return "outOfRange";
    return dayOrIssue(Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100);
  }
  const serial = Math.floor(value);
  if (system === 1904) return serial > LAST_SERIAL_1904 ? "outOfRange" : serial - SERIAL_OF_1970_IN_1904;
  if (serial < 1 || serial > LAST_SERIAL_1900) return "outOfRange";
  if (serial === FAKE_LEAP_DAY_SERIAL) return "fakeLeapDay";
  // Serials before the fictitious leap day are one day ahead of the real calendar.
  return serial < FAKE_LEAP_DAY_SERIAL ? serial - EXCEL_SERIAL_OF_1970 + 1 : serial - EXCEL_SERIAL_OF_1970;
}

const scratch = new Utf8Scratch();

function readDayText(raw: string, system: DateSystem, order: DateOrderSetting): number | DateIssue {
  const text = raw.trim();
  if (text.length === 0) return "empty";
  const machine = readMachineDay(scratch.bytes, 0, scratch.encode(text));
  if (machine !== undefined) return machine;
  if (PLAIN_NUMBER.test(text)) return readDayNumber(Number(text), system);
  let match = YEAR_FIRST.exec(text);
  if (match) return dayOrIssue(Number(match[1]), Number(match[3]), Number(match[4]));
  match = CHINESE.exec(text);
  if (match) return dayOrIssue(Number(match[1]), Number(match[2]), Number(match[3]));
  match = NUMERIC.exec(text);
  if (match) {
    if (match[4].length === 2) return "twoDigitYear";
    return resolveNumeric(Number(match[1]), Number(match[3]), Number(match[4]), order);
  }
  match = DAY_MONTH_NAME.exec(text);
  if (match) return namedMonthDay(match[1], Number(match[2]), match[3], match[4]);
  match = MONTH_NAME_DAY.exec(text);
  if (match) return namedMonthDay(match[1], Number(match[3]), match[2], match[4]);
  return "notADate";
}

/**
 * The fast path of {@link readDay} for the machine formats 19970101 and 2024-03-05 (a time after it is
 * checked by the pattern), reading the trimmed text whose UTF-8 bytes are bytes[start, end) in place;
 * undefined for text in other formats. Parsers of large texts call it directly (see `CellReader`).
 *
 * @example readMachineDay(new TextEncoder().encode("x,2024-03-05,"), 2, 12) // 19787
 */
export function readMachineDay(bytes: Uint8Array, start: number, end: number): number | DateIssue | undefined {
  const length = end - start;
  const compact = length === 8;
  if (!compact && !(length >= 10 && bytes[start + 4] === 45 && bytes[start + 7] === 45)) return undefined;
  const year = digits(bytes, start, start + 4);
  const month = compact ? digits(bytes, start + 4, start + 6) : digits(bytes, start + 5, start + 7);
  const day = compact ? digits(bytes, start + 6, start + 8) : digits(bytes, start + 8, start + 10);
  if (year < 0 || month < 0 || day < 0 || (length > 10 && !YEAR_FIRST.test(decodeUtf8(bytes, start, end)))) return undefined;
  return dayOrIssue(year, month, day);
}

/** Reads numeric day/month/year parts under an order setting. */
function resolveNumeric(first: number, second: number, year: number, order: DateOrderSetting): number | DateIssue {
  if (order === "dayFirst") return dayOrIssue(year, second, first);
  if (order === "monthFirst") return dayOrIssue(year, first, second);
  if (order === "detect") return "orderNeeded";
  const dayFirstValid = isCalendarDate(year, second, first);
  const monthFirstValid = isCalendarDate(year, first, second);
  if (dayFirstValid && monthFirstValid && first !== second) return "ambiguous";
  if (dayFirstValid) return dayFromDate(year, second, first);
  return monthFirstValid ? dayFromDate(year, first, second) : "noSuchDate";
}

function namedMonthDay(weekday: string | undefined, day: number, monthName: string, yearText: string): number | DateIssue {
  if (yearText.length === 2) return "twoDigitYear";
  const month = MONTH_PREFIXES.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  const result = dayOrIssue(Number(yearText), month, day);
  if (typeof result === "number" && weekday !== undefined) {
    // Day 0 (1970-01-01) was a Thursday.
    if (WEEKDAYS[(((result + 4) % 7) + 7) % 7] !== weekday.toLowerCase()) return "wrongWeekday";
  }
  return result;
}

const MONTH_PREFIXES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function dayOrIssue(year: number, month: number, day: number): number | DateIssue {
  return isCalendarDate(year, month, day) ? dayFromDate(year, month, day) : "noSuchDate";
}

/** The integer written by the decimal digits bytes[start..end), or -1 if one is not a digit. */
function digits(bytes: Uint8Array, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index++) {
    const digit = bytes[index] - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Which day/month order a cell proves: `"dayFirst"` for numeric text whose only valid reading is
 * day first (25/03/2024), `"monthFirst"` for 03/25/2024, `null` for anything else (including
 * ambiguous 03/05/2024 and text in other formats). Used to choose one order per column.
 *
 * @example dateOrderEvidence("25/03/2024") // "dayFirst"
 */
export function dateOrderEvidence(value: CellValue): DateOrder | null {
  if (typeof value !== "string") return null;
  const match = NUMERIC.exec(value.trim());
  if (!match || match[4].length === 2) return null;
  const first = Number(match[1]);
  const second = Number(match[3]);
  const year = Number(match[4]);
  const dayFirstValid = isCalendarDate(year, second, first);
  const monthFirstValid = isCalendarDate(year, first, second);
  if (dayFirstValid === monthFirstValid) return null;
  return dayFirstValid ? "dayFirst" : "monthFirst";
}
