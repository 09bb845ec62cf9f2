import { ensure } from "../errors";
import { type CellGrid, type CellValue, isBlankCell, isBlankRow } from "./cellGrid";
import { type ColumnNote, type ContentRole, columnNote } from "./columnNote";
import { readAmount } from "./readAmount";
import { type DateSystem, readDay } from "./readDay";

/** What a column of a transactions table holds. `margin` (profit) is turned into cost = amount - margin. */
export type ColumnRole = "customer" | "date" | "amount" | "order" | "segment" | "cost" | "margin";

/** The roles a transactions table cannot do without. */
export const REQUIRED_ROLES: readonly ColumnRole[] = ["customer", "date", "amount"];

/** Column of each role, as a 0-based index into the table's rows. */
export type ColumnMapping = Partial<Record<ColumnRole, number>>;

/** The caller's choices: a 0-based column index, or null for "this table has no such column". */
export type ColumnOverrides = Partial<Record<ColumnRole, number | null>>;

/** How a role's column was found. */
export type MappingSource = "override" | "header" | "content";

/** Where each role's column is, how it was found, and what is still needed. */
export interface ColumnDetection {
  hasHeader: boolean;
  /** 0-based row index of the header row, or -1 without a header. */
  headerRow: number;
  /** One name per column: its header text, or its sheet column letter without a header. */
  labels: string[];
  mapping: ColumnMapping;
  sources: Partial<Record<ColumnRole, MappingSource>>;
  /** Required roles without a column: the caller must map them. */
  missing: ColumnRole[];
  /** Why a role is missing, or which other columns would also fit it. */
  notes: ColumnNote[];
}

/** Options shared by {@link detectColumns} and `parseTransactions`. */
export interface DetectOptions {
  /** Whether the first non-blank row is a header; detected when omitted. */
  hasHeader?: boolean;
  /** Columns chosen by the caller; they take precedence over detection. */
  columns?: ColumnOverrides;
  /** Sheet column number of the table's first column (1 = A), for letters in labels. Default 1. */
  firstColumn?: number;
  /** Excel date system of serial-number dates. Default 1900. */
  dateSystem?: DateSystem;
}

/**
 * Header names per role, compared after lower-casing and removing everything but letters and
 * digits (so "Customer ID", "customer_id" and "客户 ID" match). Earlier names win when two columns
 * fit one role.
 */
const HEADER_NAMES: Record<ColumnRole, readonly string[]> = {
  customer: [
    "customerid", "customer", "customerno", "customernumber", "customercode", "clientid", "client",
    "userid", "user", "memberid", "member", "buyerid", "id",
    "客户id", "客户", "客户编号", "客户号", "客户代码", "会员id", "会员", "会员编号", "会员号", "用户id", "用户", "顾客id", "顾客",
  ],
  date: [
    "date", "orderdate", "purchasedate", "transactiondate", "invoicedate", "saledate", "salesdate", "datetime", "timestamp",
    "日期", "下单时间", "下单日期", "订单日期", "订单时间", "交易日期", "交易时间", "购买日期", "购买时间", "支付时间", "付款时间", "时间",
  ],
  amount: [
    "amount", "revenue", "sales", "total", "value", "orderamount", "ordertotal", "ordervalue", "totalamount", "totalvalue",
    "salesamount", "saleamount", "netsales", "spend", "spent", "dollarvalue",
    "金额", "销售额", "订单金额", "实付金额", "支付金额", "付款金额", "交易金额", "消费金额", "总金额", "总额", "营业额",
  ],
  order: [
    "orderid", "order", "orderno", "ordernumber", "ordercode", "invoiceid", "invoice", "invoiceno", "invoicenumber", "transactionid",
    "订单号", "订单id", "订单编号", "订单", "单号", "交易号", "流水号",
  ],
  segment: [
    "segment", "customersegment", "channel", "saleschannel", "region", "customergroup", "group", "tier",
    "渠道", "地区", "区域", "细分", "分组", "客户分组", "客群",
  ],
  cost: ["cost", "totalcost", "costs", "cogs", "成本", "总成本"],
  margin: ["margin", "grossmargin", "profit", "grossprofit", "毛利", "毛利润", "利润"],
};

/** Order in which header names claim columns (each column takes at most one role). */
const ROLE_ORDER: readonly ColumnRole[] = ["order", "customer", "date", "amount", "cost", "margin", "segment"];

/** Rows examined to recognise columns by their content. */
const CONTENT_SAMPLE_ROWS = 200;
/** Share of a column's sampled cells that must look alike, so a few bad cells do not hide it (they become row errors). */
const CONTENT_SHARE = 0.9;
/** Excel serials of 1980-01-01 and 2100-01-01 (1900 system): an integer column in this range may hold dates. */
const SERIAL_RANGE_1900 = [29_221, 73_051] as const;
/** The same days in the 1904 system (1,462 fewer). */
const SERIAL_RANGE_1904 = [27_759, 71_589] as const;

/**
 * Finds the columns of a transactions table: the header row (a first non-blank row of text that
 * is neither numbers nor dates, with a known name or above numbers), columns by header name
 * (HEADER_NAMES, English and Chinese), then the still-missing customer, date and amount columns by
 * content: the only column of dates (text dates before YYYYMMDD numbers before plausible Excel
 * serials 1980..2099), the only numeric column with cents or currency signs, and the only remaining
 * id-like column (text or zero-padded digits before plain integers), judging each column by 90 % of
 * its first 200 non-empty cells. Anything less clear is left in `missing` with a note; nothing is
 * guessed. Cost: O(columns x 200 rows).
 *
 * @throws ClvError `value` when an override is not a column index or two roles share a column
 *
 * @example detectColumns(gridFromRows([["客户", "日期", "金额"], ["c1", "2024-03-05", 12]])).mapping
 * // { customer: 0, date: 1, amount: 2 }
 */
export function detectColumns(grid: CellGrid, options: DetectOptions = {}): ColumnDetection {
  const system = options.dateSystem ?? 1900;
  const firstRow = firstNonBlankRow(grid, 0);
  const hasHeader =
    firstRow >= 0 && (options.hasHeader ?? looksLikeHeader(grid, firstRow, firstNonBlankRow(grid, firstRow + 1), system));
  const headerRow = hasHeader ? firstRow : -1;
  const sample = sampleRows(grid, headerRow + 1);
  const width = Math.max(headerRow >= 0 ? grid.width(headerRow) : 0, ...sample.map((row) => grid.width(row)));
  const labels = columnLabels(grid, headerRow, width, options.firstColumn ?? 1);

  const mapping: ColumnMapping = {};
  const sources: ColumnDetection["sources"] = {};
  const notes: ColumnNote[] = [];
  const taken = new Set<number>();
  const assign = (role: ColumnRole, column: number, source: MappingSource) => {
    mapping[role] = column;
    sources[role] = source;
    taken.add(column);
  };
  const overrides = options.columns ?? {};
  for (const role of ROLE_ORDER) {
    const column = overrides[role];
    if (column === undefined || column === null) continue;
    ensure(
      Number.isInteger(column) && column >= 0 && (width === 0 || column < width),
      `\`columns.${role}\` must be a column index from 0 to ${width - 1}, not ${column}`
    );
    const clash = ROLE_ORDER.find((other) => mapping[other] === column);
    ensure(clash === undefined, `\`columns.${role}\` and \`columns.${clash}\` cannot both be column ${column}`);
    assign(role, column, "override");
  }
  if (hasHeader) {
    const names = labels.map(normaliseHeader);
    for (const role of ROLE_ORDER) {
      if (overrides[role] !== undefined) continue;
      const ranked = names
        .map((name, column) => ({ column, rank: taken.has(column) ? -1 : HEADER_NAMES[role].indexOf(name) }))
        .filter((candidate) => candidate.rank >= 0)
        .sort((a, b) => a.rank - b.rank || a.column - b.column);
      if (ranked.length === 0) continue;
      assign(role, ranked[0].column, "header");
      if (ranked.length > 1) {
        const others = ranked.slice(1).map((candidate) => labels[candidate.column]);
        notes.push(columnNote({ role, kind: "alsoFit", chosen: labels[ranked[0].column], others }));
      }
    }
  }
  const unassigned = (role: ColumnRole) => mapping[role] === undefined && overrides[role] !== null;
  if (REQUIRED_ROLES.some(unassigned)) {
    const profiles = Array.from({ length: width }, (_, column) =>
      taken.has(column) ? null : profileColumn(grid, sample, column, system)
    );
    const inferFromContent = (role: ContentRole, tiers: ((profile: ColumnProfile) => boolean)[]) => {
      if (!unassigned(role)) return;
      for (const fits of tiers) {
        const columns = profiles.flatMap((profile, column) => (profile && !taken.has(column) && fits(profile) ? [column] : []));
        if (columns.length === 1) return assign(role, columns[0], "content");
        if (columns.length > 1) {
          notes.push(columnNote({ role, kind: "several", columns: columns.map((column) => labels[column]) }));
          return;
        }
      }
      notes.push(columnNote({ role, kind: "none" }));
    };
    inferFromContent("date", [(p) => p.textDates, (p) => p.compactDates, (p) => p.serialDates]);
    inferFromContent("amount", [(p) => p.numeric && p.cents]);
    const notDates = (p: ColumnProfile) => !p.textDates && !p.compactDates && !p.serialDates;
    inferFromContent("customer", [(p) => notDates(p) && p.idLike && !p.cents, (p) => notDates(p) && p.numeric && !p.cents]);
  }
  const missing = REQUIRED_ROLES.filter((role) => mapping[role] === undefined);
  return { hasHeader, headerRow, labels, mapping, sources, missing, notes };
}

/** What the sampled non-empty cells of a column are (see CONTENT_SHARE). */
interface ColumnProfile {
  /** Text dates or Date objects (not plain numbers). */
  textDates: boolean;
  /** 8-digit YYYYMMDD numbers or digit text. */
  compactDates: boolean;
  /** Integer numbers in the 1980..2099 Excel serial range. */
  serialDates: boolean;
  /** Amounts. */
  numeric: boolean;
  /** Some have a fraction, a decimal separator or a currency sign. */
  cents: boolean;
  /** Some are text that is neither a number nor a date, or zero-padded digits such as 00042. */
  idLike: boolean;
}

function profileColumn(grid: CellGrid, sample: number[], column: number, system: DateSystem): ColumnProfile | null {
  const serialRange = system === 1904 ? SERIAL_RANGE_1904 : SERIAL_RANGE_1900;
  const counts = { textDates: 0, compactDates: 0, serialDates: 0, numeric: 0 };
  let cents = false;
  let idLike = false;
  let seen = 0;
  for (const row of sample) {
    const value = grid.cell(row, column);
    if (isBlankCell(value)) continue;
    seen++;
    const text = typeof value === "string" ? value.trim() : null;
    const amount = readAmount(value, ".");
    const isNumber = typeof amount === "number";
    const day = readDay(value, system, null);
    const isDate = typeof day === "number" || day === "ambiguous";
    if (isDate && !isNumber && typeof value !== "number") counts.textDates++;
    if (isDate && isNumber && Number.isInteger(amount) && amount >= 10_000_000) counts.compactDates++;
    if (typeof value === "number" && Number.isInteger(value) && value >= serialRange[0] && value < serialRange[1]) {
      counts.serialDates++;
    }
    if (isNumber) counts.numeric++;
    if (isNumber && (!Number.isInteger(amount) || (text !== null && !/^-?\d+$/.test(text)))) cents = true;
    if ((!isNumber && !isDate) || (text !== null && /^0\d+$/.test(text))) idLike = true;
  }
  if (seen === 0) return null;
  const mostly = (count: number) => count >= CONTENT_SHARE * seen;
  return {
    textDates: mostly(counts.textDates),
    compactDates: mostly(counts.compactDates),
    serialDates: mostly(counts.serialDates),
    numeric: mostly(counts.numeric),
    cents,
    idLike,
  };
}

function looksLikeHeader(grid: CellGrid, row: number, nextRow: number, system: DateSystem): boolean {
  let known = false;
  let aboveValues = false;
  const knownNames = new Set(Object.values(HEADER_NAMES).flat());
  for (let column = 0; column < grid.width(row); column++) {
    const value = grid.cell(row, column);
    if (isBlankCell(value)) continue;
    if (typeof value !== "string" || isValueText(value, system)) return false;
    known ||= knownNames.has(normaliseHeader(value));
    if (nextRow >= 0) {
      const below = grid.cell(nextRow, column);
      aboveValues ||= !isBlankCell(below) && (typeof below !== "string" || isValueText(below, system));
    }
  }
  return known || aboveValues;
}

/** Whether text reads as a number or a date (so it is data, not a header). */
function isValueText(text: string, system: DateSystem): boolean {
  const day = readDay(text, system, null);
  return typeof readAmount(text, ".") === "number" || typeof day === "number" || day === "ambiguous";
}

function firstNonBlankRow(grid: CellGrid, from: number): number {
  for (let row = from; row < grid.rowCount; row++) if (!isBlankRow(grid, row)) return row;
  return -1;
}

function sampleRows(grid: CellGrid, from: number): number[] {
  const rows: number[] = [];
  for (let row = from; row < grid.rowCount && rows.length < CONTENT_SAMPLE_ROWS; row++) {
    if (!isBlankRow(grid, row)) rows.push(row);
  }
  return rows;
}

function columnLabels(grid: CellGrid, headerRow: number, width: number, firstColumn: number): string[] {
  return Array.from({ length: width }, (_, column) => {
    const header: CellValue = headerRow >= 0 ? grid.cell(headerRow, column) : null;
    return typeof header === "string" && header.trim() !== "" ? header.trim() : columnLetter(firstColumn + column);
  });
}

/** Lower case without spaces, underscores or punctuation: "Customer_ID " -> "customerid". */
function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * The sheet letter of a 1-based column number.
 *
 * @example columnLetter(28) // "AB"
 */
export function columnLetter(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}
