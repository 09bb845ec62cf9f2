import type { Analysis } from "../analyze";
import { ensure } from "../errors";
import { DEFAULT_TARGET_LTV_TO_CAC } from "../metrics";
import { cohortsSheet } from "./cohortsSheet";
import { MAX_TABLE_ROWS, customersSheet } from "./customersSheet";
import { uniqueSheetName } from "./excelNames";
import { NUMBER_FORMATS, type ReportPlan } from "./reportPlan";
import { segmentSheet } from "./segmentSheet";
import { summarySheet } from "./summarySheet";
import { validationSheet } from "./validationSheet";

/** What the report needs besides the analysis. Money is in the currency of the data. */
export interface ReportOptions {
  /** Acquisition cost of one customer: one for every segment, or one per segment label. */
  cac: number | Readonly<Record<string, number>>;
  /** LTV:CAC ratio that Max CAC aims at. Default 3. */
  targetRatio?: number;
  /** Segments (in the segment table's order) that get a sheet of their own. Default 12. */
  maxSegmentSheets?: number;
  /** Customers listed on each segment sheet. Default 20. */
  topCustomers?: number;
  /** Number format of money; default "#,##0.00" (no symbol: the data's currency is not known). */
  moneyFormat?: string;
  /** Where the transactions came from, e.g. "Sales!A1:D5001", shown on the summary. */
  source?: string;
}

export const DEFAULT_MAX_SEGMENT_SHEETS = 12;
export const DEFAULT_TOP_CUSTOMERS = 20;

/** Base names of the report's sheets; segment sheets are "CLV " + the segment label. */
export const SHEET_NAMES = { summary: "CLV Summary", customers: "CLV Customers", cohorts: "CLV Cohorts", validation: "CLV Validation" } as const;

/**
 * The worksheets of the segment report, as data (see `ReportPlan`): `CLV Summary` (assumptions as
 * named cells, the segment table with CLV.* formulas, rules, model fits, warnings, charts), `CLV
 * Customers` (one row per customer), `CLV Cohorts` (cohort retention and its chart), `CLV Validation`
 * when the analysis checked its forecast on a holdout (see `validationSheet`), and one sheet per
 * segment for the first `maxSegmentSheets` segments. Sheet names are valid and unique; table and cell
 * names are fixed (`CLV_Segments`, `CLV_Margin`...): `reportInstance` renames them for a second copy.
 * Cost O(customers x log customers) (the top customers of each segment are sorted).
 *
 * @throws ClvError `value` for a negative or missing CAC, a CAC for a label that is not a segment, a
 *   target ratio of 0 or less, a count that is not a whole number of 0 or more, or more customers
 *   than an Excel sheet has rows
 * @example buildReportPlan(analysis, { cac: 50 }).sheets.map((s) => s.name) // ["CLV Summary", "CLV Customers", "CLV Cohorts", "CLV Gold", "CLV Burden"]
 */
export function buildReportPlan(analysis: Analysis, options: ReportOptions): ReportPlan {
  const labels = analysis.segments.rows.map((row) => row.label);
  const cac = checkCac(options.cac, labels);
  const targetRatio = options.targetRatio ?? DEFAULT_TARGET_LTV_TO_CAC;
  ensure(Number.isFinite(targetRatio) && targetRatio > 0, `\`targetRatio\` requires a number above 0; got ${targetRatio}`);
  const maxSegmentSheets = wholeNumber("maxSegmentSheets", options.maxSegmentSheets ?? DEFAULT_MAX_SEGMENT_SHEETS);
  const topCustomers = wholeNumber("topCustomers", options.topCustomers ?? DEFAULT_TOP_CUSTOMERS);
  const money = options.moneyFormat ?? NUMBER_FORMATS.money;
  ensure(money.trim() !== "", "`moneyFormat` requires a number format such as \"#,##0.00\"; got an empty text");
  const customers = analysis.summary.customerIds.length;
  ensure(customers <= MAX_TABLE_ROWS, `The customer table needs ${customers} rows; an Excel sheet holds ${MAX_TABLE_ROWS} below a header`);

  const taken = new Set<string>();
  const summaryName = uniqueSheetName(SHEET_NAMES.summary, taken);
  const customersName = uniqueSheetName(SHEET_NAMES.customers, taken);
  const cohortsName = uniqueSheetName(SHEET_NAMES.cohorts, taken);
  const validationName = analysis.validation === null ? null : uniqueSheetName(SHEET_NAMES.validation, taken);
  const withSheet = labels.slice(0, maxSegmentSheets);
  const segmentNames = withSheet.map((label) => uniqueSheetName(`CLV ${label}`, taken));

  const summary = summarySheet(analysis, {
    name: summaryName,
    cac,
    targetRatio,
    money,
    ...(options.source === undefined ? {} : { source: options.source }),
    segmentsWithoutSheet: labels.slice(maxSegmentSheets),
    maxSegmentSheets,
  });
  return {
    names: summary.names,
    sheets: [
      summary.sheet,
      customersSheet(analysis, customersName, money),
      cohortsSheet(analysis.cohorts, cohortsName),
      ...(analysis.validation === null || validationName === null ? [] : [validationSheet(analysis.validation, validationName)]),
      ...segmentNames.map((name, segment) =>
        segmentSheet(analysis, { name, segment, topTable: `CLV_Top${segment + 1}`, topCustomers, money })
      ),
    ],
  };
}

/** One CAC, or the CACs in the order of `labels`; every cost finite and 0 or more. */
function checkCac(cac: ReportOptions["cac"], labels: readonly string[]): number | number[] {
  const check = (value: unknown, where: string) =>
    ensure(typeof value === "number" && Number.isFinite(value) && value >= 0, `\`cac\` requires an acquisition cost of 0 or more${where}; got ${String(value)}`);
  if (typeof cac === "number") {
    check(cac, "");
    return cac;
  }
  const given = new Map(Object.entries(cac));
  for (const key of given.keys()) {
    ensure(labels.includes(key), `\`cac\` has a cost for "${key}", which is not a segment of this analysis (${labels.join(", ")})`);
  }
  return labels.map((label) => {
    ensure(given.has(label), `\`cac\` requires an acquisition cost for every segment; none for "${label}"`);
    check(given.get(label), ` for "${label}"`);
    return given.get(label) as number;
  });
}

function wholeNumber(name: string, value: number): number {
  ensure(Number.isInteger(value) && value >= 0, `\`${name}\` requires a whole number of 0 or more; got ${value}`);
  return value;
}
