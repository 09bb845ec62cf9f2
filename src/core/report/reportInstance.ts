import { uniqueSheetName } from "./excelNames";
import type { PlanCell, RangeRef, ReportPlan } from "./reportPlan";

/**
 * The plan as its `copy`-th instance in one workbook, so that a second report does not clash with the
 * first: sheets get " (copy)" ("CLV Summary (2)", cut to 31 characters), tables and workbook names get
 * "_copy" ("CLV_Segments_2", "CLV_Margin_2"), and every formula and chart reference is rewritten to
 * match. Copy 1 is the plan itself.
 * @example reportInstance(plan, 2).names[0].name // "CLV_DiscountRate_2"
 */
export function reportInstance(plan: ReportPlan, copy: number): ReportPlan {
  if (copy === 1) return plan;
  const taken = new Set<string>();
  const sheets = new Map(plan.sheets.map((s) => [s.name, uniqueSheetName(copyName(s.name, copy), taken)]));
  const identifiers = new Map<string, string>();
  for (const name of [...plan.names.map((n) => n.name), ...plan.sheets.flatMap((s) => s.tables.map((t) => t.name))]) {
    identifiers.set(name.toLowerCase(), `${name}_${copy}`);
  }
  const sheetOf = (name: string) => sheets.get(name) as string;
  const tableOf = (name: string) => identifiers.get(name.toLowerCase()) ?? name;
  const cell = (c: PlanCell): PlanCell => (c !== null && typeof c === "object" ? { formula: renameIdentifiers(c.formula, identifiers) } : c);
  const ref = (r: RangeRef): RangeRef => ("sheet" in r ? { ...r, sheet: sheetOf(r.sheet) } : { ...r, table: tableOf(r.table) });
  return {
    names: plan.names.map((n) => ({ ...n, name: tableOf(n.name), sheet: sheetOf(n.sheet) })),
    sheets: plan.sheets.map((s) => ({
      ...s,
      name: sheetOf(s.name),
      blocks: s.blocks.map((b) => ({ ...b, cells: b.cells.map((row) => row.map(cell)) })),
      tables: s.tables.map((t) => ({
        ...t,
        name: tableOf(t.name),
        columns: t.columns.map((c) => (c.formula === undefined ? c : { ...c, formula: renameIdentifiers(c.formula, identifiers) })),
        ...(t.totals === undefined ? {} : { totals: t.totals.map(cell) }),
      })),
      charts: s.charts.map((c) => ({ ...c, categories: ref(c.categories), series: c.series.map((x) => ({ ...x, values: ref(x.values) })) })),
    })),
  };
}

function copyName(name: string, copy: number): string {
  const suffix = ` (${copy})`;
  return name.slice(0, 31 - suffix.length).trimEnd() + suffix;
}

/**
 * `formula` with each name or table identifier found in `renames` (keys in lower case, as Excel
 * ignores case) replaced; text in double quotes and inside structured-reference brackets is left alone.
 * @example renameIdentifiers('=IF(A1="CLV_Margin",CLV_Margin,CLV_T[[#Totals],[X]])', new Map([["clv_margin", "CLV_Margin_2"], ["clv_t", "CLV_T_2"]])) // '=IF(A1="CLV_Margin",CLV_Margin_2,CLV_T_2[[#Totals],[X]])'
 */
export function renameIdentifiers(formula: string, renames: ReadonlyMap<string, string>): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const char = formula[i];
    let end = i + 1;
    if (char === '"') {
      while (end < formula.length && !(formula[end] === '"' && formula[end + 1] !== '"')) end += formula[end] === '"' ? 2 : 1;
      end++;
      out += formula.slice(i, end);
    } else if (char === "[") {
      for (let depth = 1; end < formula.length && depth > 0; end++) {
        if (formula[end] === "'") end++;
        else if (formula[end] === "[") depth++;
        else if (formula[end] === "]") depth--;
      }
      out += formula.slice(i, end);
    } else if (/[A-Za-z_\\]/.test(char)) {
      while (end < formula.length && /[A-Za-z0-9_.\\]/.test(formula[end])) end++;
      const word = formula.slice(i, end);
      out += renames.get(word.toLowerCase()) ?? word;
    } else {
      out += char;
    }
    i = end;
  }
  return out;
}
