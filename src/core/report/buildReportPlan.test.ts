import { bookAnalysis } from "../../../test/reportFixture";
import { calculatedReport } from "../../demo/testing/calculatedReport";
import type { FakeValue } from "../../excel/fake";
import {
  type PlanCell,
  type ReportPlan,
  type SheetPlan,
  type TablePlan,
  buildReportPlan,
  cellAddress,
  quoteSheetName,
  rangeAddress,
  renameIdentifiers,
  reportInstance,
  resolveRange,
  uniqueSheetName,
} from ".";
import { chartCohorts } from "./cohortsSheet";
import { matchLiteral } from "./segmentSheet";

// The hand-worked book and hand-set predictions of test/reportFixture.ts: Gold = A + C (4 orders, 250
// revenue, 101 days at risk, 1 lapsed), Burden = B + D (2 orders, 50 revenue, 31 days, 1 lapsed).
const CLOSE = 10; // decimal digits for toBeCloseTo on hand-worked fractions
const analysisOf = bookAnalysis;

const sheetOf = (plan: ReportPlan, name: string) => plan.sheets.find((s) => s.name === name) as SheetPlan;
const tableOf = (plan: ReportPlan, name: string) => plan.sheets.flatMap((s) => s.tables).find((t) => t.name === name) as TablePlan;
const column = (table: TablePlan, name: string) => table.rows.map((row) => row[table.columns.findIndex((c) => c.name === name)]);

/** The planned content and format of a cell of a block. */
function cellAt(sheet: SheetPlan, row: number, col: number): { cell: PlanCell; format: string | null } | undefined {
  for (const b of sheet.blocks) {
    const r = row - b.row;
    const c = col - b.column;
    if (r >= 0 && r < b.cells.length && c >= 0 && c < b.cells[r].length) return { cell: b.cells[r][c], format: b.formats?.[r][c] ?? null };
  }
  return undefined;
}

/**
 * Every row of a segment table (data rows, then the totals row) by column name, as a spreadsheet engine
 * computes it: the plan written by the add-in's writer into the demo's HyperFormula workbook.
 */
async function computedSegments(plan: ReportPlan, tableName = "CLV_Segments"): Promise<Record<string, FakeValue>[]> {
  const { model } = await calculatedReport(plan);
  const table = model.table(tableName) as NonNullable<ReturnType<typeof model.table>>;
  const [, ...rows] = table.sheet.values(table.address);
  return rows.map((cells) => Object.fromEntries(table.headers.map((header, c) => [header, cells[c]])));
}

describe("buildReportPlan: sheets and named assumptions", () => {
  const plan = buildReportPlan(analysisOf(), { cac: 50 });
  const summary = plan.sheets[0];

  test("the summary, customers, cohorts and one sheet per segment, in writing order", () => {
    expect(plan.sheets.map((s) => [s.name, s.kind])).toEqual([
      ["CLV Summary", "summary"],
      ["CLV Customers", "customers"],
      ["CLV Cohorts", "cohorts"],
      ["CLV Gold", "segment"],
      ["CLV Burden", "segment"],
    ]);
  });

  test("assumptions are workbook names on column B of the summary, holding the settings", () => {
    const named = plan.names.map((n) => {
      const { cell, format } = cellAt(summary, n.row, n.column) ?? {};
      return [n.name, n.sheet, cellAddress(n.row, n.column), cell, format];
    });
    expect(named).toEqual([
      ["CLV_DiscountRate", "CLV Summary", "B6", 0.01, "0.00%"],
      ["CLV_Margin", "CLV Summary", "B7", 0.5, "0.0%"],
      ["CLV_Horizon", "CLV Summary", "B8", 2, "#,##0"],
      ["CLV_TargetRatio", "CLV Summary", "B9", 3, "0.0"],
      ["CLV_CAC", "CLV Summary", "B10", 50, "#,##0.00"],
    ]);
    expect(cellAt(summary, 4, 0)?.cell).toBe("Period");
    expect(cellAt(summary, 4, 1)).toEqual({ cell: "day", format: "@" });
  });

  test("the churn rule, the segment rule and the model fits are written out", () => {
    const texts = summary.blocks.flatMap((b) => b.cells.flat()).filter((c): c is string => typeof c === "string");
    expect(texts).toContain("Churn: Lapsed = no purchase in the last 30 days of the window. Churn per day = lapsed customers / days at risk (first purchase to last purchase + 1 for lapsed customers, to the end of the window for active ones); ACL = 1 / churn.");
    expect(texts.some((t) => t.startsWith("Segments: High order value: AOV >= 40 (the median customer AOV)"))).toBe(true);
    expect(texts).toEqual(expect.arrayContaining(["Purchase model", "BG/NBD", "  alpha", "  Log-likelihood", "  Converged", "Spend model", "Gamma-Gamma", "  v"]));
    // The settings as percentages (margin 0.5, discount 0.01 a day), not as raw fractions.
    expect(texts).toContain("Predicted CLV and P(alive): BG/NBD purchases x Gamma-Gamma spend per customer, margin 50%, discounted at 1% per day over 2 days.");
    // 6 rows of data: the header plus 6 transactions, all used.
    expect(texts[1]).toBe("4 customers; 6 of 6 rows used (0 rejected, 0 blank, 0 after the window); purchases from 2024-01-01 to the end of the window, 2024-03-31");
  });
});

describe("buildReportPlan: the segment table", () => {
  const plan = buildReportPlan(analysisOf(), { cac: 50 });
  const table = tableOf(plan, "CLV_Segments");

  test("columns: values from the engine, then CLV.* formulas, then notes; units in the headers", () => {
    expect(table.columns.map((c) => c.name)).toEqual([
      "Segment", "Customers", "Share of customers", "Orders", "Revenue", "Share of revenue", "Customer days", "Lapsed",
      "Mean predicted CLV", "Predicted CLV low", "Predicted CLV high", "Mean P(alive)", "CAC", "AOV", "APF per day",
      "Churn per day", "ACL (days)", "Basic CLV",
      "NPV CLV", "LTV:CAC", "Payback (days)", "Max CAC", "Notes",
    ]);
    expect(Object.fromEntries(table.columns.filter((c) => c.formula !== undefined).map((c) => [c.name, c.formula]))).toEqual({
      CAC: "=CLV_CAC",
      AOV: "=CLV.AOV([@Revenue],[@Orders])",
      "APF per day": '=IF([@[Customer days]]=0,"",CLV.APF([@Orders],[@[Customer days]]))',
      "Churn per day": '=IF([@[Customer days]]=0,"",CLV.CHURN([@[Customer days]],[@[Customer days]]-[@Lapsed]))',
      "ACL (days)": '=IF([@Lapsed]=0,"",CLV.ACL([@[Churn per day]]))',
      "Basic CLV": '=IF([@[ACL (days)]]="","",CLV.BASIC([@AOV],[@[APF per day]],[@[ACL (days)]]))',
      "NPV CLV":
        '=IF([@[Churn per day]]="","",CLV.RETENTION_CLV([@AOV]*[@[APF per day]]*CLV_Margin,1-[@[Churn per day]],CLV_DiscountRate,CLV_Horizon))',
      "LTV:CAC": '=IF([@[NPV CLV]]="","",CLV.LTV_CAC([@[NPV CLV]],[@CAC]))',
      "Payback (days)": '=IF([@[Churn per day]]="","",CLV.PAYBACK([@CAC],[@AOV]*[@[APF per day]]*CLV_Margin,1-[@[Churn per day]],CLV_DiscountRate))',
      "Max CAC": '=IF([@[NPV CLV]]="","",CLV.MAX_CAC([@[NPV CLV]],CLV_TargetRatio))',
    });
  });

  test("values: Gold = A + C, Burden = B + D, worked by hand (see the top of this file)", () => {
    const valueColumns = ["Segment", "Customers", "Share of customers", "Orders", "Revenue", "Customer days", "Lapsed", "Mean predicted CLV", "Mean P(alive)"];
    const rows = table.rows.map((row) => valueColumns.map((name) => row[table.columns.findIndex((c) => c.name === name)]));
    // Mean predicted CLV: Gold (100 + NaN) / 2 = NaN -> empty; Burden (0 + 10) / 2 = 5. P(alive): Burden (0.2 + 0.9) / 2.
    expect(rows[0]).toEqual(["Gold", 2, 0.5, 4, 250, 101, 1, null, null]);
    expect(rows[1].slice(0, 8)).toEqual(["Burden", 2, 0.5, 2, 50, 31, 1, 5]);
    expect(rows[1][8]).toBeCloseTo(0.55, CLOSE);
    expect(column(table, "Share of revenue")).toEqual([250 / 300, 50 / 300]);
    expect(column(table, "AOV")).toEqual([null, null]); // formula columns hold no value
  });

  test("the totals row holds the engine's totals and the same formulas on the totals cells", () => {
    const totals = table.totals as PlanCell[];
    const at = (name: string) => totals[table.columns.findIndex((c) => c.name === name)];
    expect(["Segment", "Customers", "Share of customers", "Orders", "Revenue", "Share of revenue", "Customer days", "Lapsed"].map(at)).toEqual([
      "All customers", 4, 1, 6, 300, 1, 132, 2,
    ]);
    expect(at("AOV")).toEqual({ formula: "=CLV.AOV(CLV_Segments[[#Totals],[Revenue]],CLV_Segments[[#Totals],[Orders]])" });
    expect(at("CAC")).toEqual({ formula: "=CLV_CAC" });
  });

  test("formulas compute the hand-worked figures in a spreadsheet engine, through the add-in's own cell functions", async () => {
    const [gold, burden, all] = await computedSegments(plan);
    // Gold: AOV 250 / 4; APF 4 / 101; churn 1 / 101; ACL 101; basic 62.5 x 4/101 x 101 = revenue / lapsed = 250.
    expect(gold.AOV).toBe(62.5);
    expect(gold["APF per day"]).toBeCloseTo(4 / 101, CLOSE);
    expect(gold["Churn per day"]).toBeCloseTo(1 / 101, CLOSE);
    expect(gold["ACL (days)"]).toBeCloseTo(101, 8);
    expect(gold["Basic CLV"]).toBeCloseTo(250, 8);
    // NPV: m = 62.5 x 4/101 x 0.5 = 125/101 a day, retention r = 100/101, q = r / 1.01, 2 days: m q + m q^2 = 2.4025698
    const m = 125 / 101;
    const q = 100 / 101 / 1.01;
    expect(gold["NPV CLV"]).toBeCloseTo(m * q + m * q * q, CLOSE);
    expect(gold["NPV CLV"]).toBeCloseTo(2.4025698, 6);
    expect(gold["LTV:CAC"]).toBeCloseTo((m * q + m * q * q) / 50, CLOSE);
    expect(gold["Max CAC"]).toBeCloseTo((m * q + m * q * q) / 3, CLOSE);
    // Payback of CAC 50: S(n) = m q (1 - q^n) / (1 - q) reaches 50 at n = ln(1 - 50 (1 - q) / (m q)) / ln q = 83.99349,
    // in day 84: 83 + (50 - S(83)) / (S(84) - S(83)) = 83.993558 (computed by hand in Python).
    expect(gold["Payback (days)"]).toBeCloseTo(83.993558, 5);
    // Burden: churn 1/31, ACL 31, basic 50; m = 25 x 2/31 x 0.5, r = 30/31: NPV = 1.5130900
    expect(burden["Churn per day"]).toBeCloseTo(1 / 31, CLOSE);
    expect(burden["Basic CLV"]).toBeCloseTo(50, 8);
    expect(burden["NPV CLV"]).toBeCloseTo(1.51309, 5);
    // Payback never reached: all the margin Burden ever brings is m r / (1 + d - r) = 0.80645 x (30/31) / (1.01 - 30/31) = 18.47 < 50.
    expect(burden["Payback (days)"]).toBe("#NUM!");
    // All customers (segments.test.ts): churn 2/132, ACL 66, basic 150; NPV with r = 130/132 over 2 days = 2.1885371
    expect(all["Churn per day"]).toBeCloseTo(2 / 132, CLOSE);
    expect(all["ACL (days)"]).toBeCloseTo(66, 8);
    expect(all["Basic CLV"]).toBeCloseTo(150, 8);
    expect(all["NPV CLV"]).toBeCloseTo(2.1885371, 6);
    // All customers: 1.13636 x (130/132) / (1.01 - 130/132) = 44.50 < 50: never paid back either.
    expect(all["Payback (days)"]).toBe("#NUM!");
  });

  test("no lapsed customer: ACL and basic CLV are blank, NPV still counts the horizon (engine: null, null, number)", async () => {
    const quiet = buildReportPlan(analysisOf({ inactivityPeriods: 100 }), { cac: 50 });
    const all = (await computedSegments(quiet))[2];
    expect([all.Lapsed, all["Churn per day"], all["ACL (days)"], all["Basic CLV"]]).toEqual([0, 0, "", ""]);
    // segments.test.ts: exposure 269 days, m = 50 x 6/269 x 0.5, r = 1: m/1.01 + m/1.01^2
    const m = 50 * (6 / 269) * 0.5;
    expect(all["NPV CLV"]).toBeCloseTo(m / 1.01 + m / 1.01 ** 2, CLOSE);
    expect(column(tableOf(quiet, "CLV_Segments"), "Notes")[0]).toMatch(/^No customer lapsed/);
  });

  test("a CAC per segment is a value column with a customer-weighted total, and no CLV_CAC name", async () => {
    const perSegment = buildReportPlan(analysisOf(), { cac: { Gold: 80, Burden: 20 } });
    const table = tableOf(perSegment, "CLV_Segments");
    expect(column(table, "CAC")).toEqual([80, 20]);
    expect(table.columns.find((c) => c.name === "CAC")?.formula).toBeUndefined();
    expect(perSegment.names.map((n) => n.name)).not.toContain("CLV_CAC");
    // (80 x 2 + 20 x 2) / 4 = 50
    expect((await computedSegments(perSegment))[2].CAC).toBe(50);
  });
});

describe("buildReportPlan: customers, segments and cohorts", () => {
  const plan = buildReportPlan(analysisOf(), { cac: 50 });

  test("one customer row each, dates as Excel serials (2024-01-01 = 45292), NaN predictions empty", () => {
    const table = tableOf(plan, "CLV_Customers");
    expect(table.columns.map((c) => [c.name, c.format])).toEqual([
      ["Customer", "@"], ["Segment", "@"], ["First purchase", "yyyy-mm-dd"], ["Last purchase", "yyyy-mm-dd"],
      ["Orders", "#,##0"], ["Revenue", "#,##0.00"], ["AOV", "#,##0.00"], ["R score", "0"], ["F score", "0"], ["M score", "0"],
      ["P(alive)", "0.0%"], ["Expected purchases (next 2 days)", "0.00"], ["Predicted CLV (2 days)", "#,##0.00"],
    ]);
    // A: 2024-01-01 = 45292, 2024-03-20 = 45292 + 31 + 29 + 19 = 45371; RFM scores from segments.test.ts.
    expect(table.rows).toEqual([
      ["A", "Gold", 45292, 45371, 2, 150, 75, 4, 3, 4, 1, 1.5, 100],
      ["B", "Burden", 45292, 45292, 1, 30, 30, 1, 1, 2, 0.2, 0.1, 0],
      ["C", "Gold", 45323, 45333, 2, 100, 50, 2, 3, 3, null, null, null],
      ["D", "Burden", 45352, 45352, 1, 20, 20, 3, 1, 1, 0.9, 0.4, 10],
    ]);
    expect(sheetOf(plan, "CLV Customers").freezeRows).toBe(1);
  });

  test("a segment sheet: counts as values, CLV figures looked up by label, top customers by predicted CLV", () => {
    const gold = sheetOf(plan, "CLV Gold");
    const figure = (label: string) => {
      const block = gold.blocks.find((b) => b.cells.some((row) => row[0] === label)) as (typeof gold.blocks)[number];
      const r = block.cells.findIndex((row) => row[0] === label);
      return { cell: block.cells[r][1], format: block.formats?.[r][1], address: cellAddress(block.row + r, block.column + 1, true) };
    };
    expect(figure("Customers").cell).toBe(2);
    expect(figure("Revenue")).toMatchObject({ cell: 250, format: "#,##0.00" });
    expect(figure("NPV CLV").cell).toEqual({ formula: '=INDEX(CLV_Segments[[NPV CLV]],MATCH("Gold",CLV_Segments[Segment],0))' });
    // The survival curve reads the churn cell of this sheet: t = 0 is the first row under its header.
    const churn = figure("Churn per day").address;
    const curve = gold.blocks.find((b) => b.cells[0][0] === "t (days)") as (typeof gold.blocks)[number];
    expect(curve.cells[1]).toEqual([0, { formula: `=IF(${churn}="","",(1-${churn})^${cellAddress(curve.row + 1, curve.column)})` }]);
    expect(curve.cells).toHaveLength(26); // header + t = 0..24
    // Gold = A (predicted 100) and C (no prediction): only A is ranked.
    expect(tableOf(plan, "CLV_Top1").rows.map((r) => r[0])).toEqual(["A"]);
    // Burden = B (0) and D (10): D first.
    expect(tableOf(plan, "CLV_Top2").rows.map((r) => r[0])).toEqual(["D", "B"]);
  });

  test("a segment sheet's survival curve computes (1 - churn)^t from that sheet's churn cell: Gold (100/101)^t, Burden (30/31)^t", async () => {
    // Churn per day: Gold 1/101, Burden 1/31 (see the top of this file); t = 0, 1 and 24 days.
    const { model } = await calculatedReport(plan);
    const survival = (name: string) => {
      const curve = sheetOf(plan, name).blocks.find((b) => b.cells[0][0] === "t (days)") as SheetPlan["blocks"][number];
      return [0, 1, 24].map((t) => model.sheet(name).valueAt(curve.row + 1 + t, curve.column + 1) as number);
    };
    const [gold, burden] = [survival("CLV Gold"), survival("CLV Burden")];
    expect(gold[0]).toBe(1);
    expect(gold[1]).toBeCloseTo(100 / 101, CLOSE);
    expect(gold[2]).toBeCloseTo((100 / 101) ** 24, CLOSE);
    expect(burden[1]).toBeCloseTo(30 / 31, CLOSE);
    expect(burden[2]).toBeCloseTo((30 / 31) ** 24, CLOSE);
  });

  test("the top customers go by revenue when the model predicted nobody in the segment", () => {
    const analysis = analysisOf();
    const none = { ...analysis, predictions: { ...analysis.predictions, predictedClv: new Float64Array(4).fill(NaN) } };
    const burden = sheetOf(buildReportPlan(none, { cac: 50, topCustomers: 1 }), "CLV Burden");
    // Burden revenue: B 30, D 20 -> B; one customer asked for.
    expect(burden.tables[0].rows.map((r) => r[0])).toEqual(["B"]);
    expect(burden.blocks.flatMap((b) => b.cells.flat())).toContain("Top 1 customers by revenue (the model gave no prediction)");
  });

  test("cohort retention by month since acquisition, empty after the window (worked by hand)", () => {
    // 2024-01: A, B (2). Jan both buy; Feb nobody; Mar A -> 1, 0, 0.5. 2024-02: C -> 1, 0 (Mar), Apr after the window.
    // 2024-03: D -> 1, then after the window.
    const table = tableOf(plan, "CLV_Cohorts");
    expect(table.columns.map((c) => c.name)).toEqual(["Cohort", "Customers", "Month 0", "Month 1", "Month 2"]);
    expect(table.rows).toEqual([
      ["2024-01", 2, 1, 0, 0.5],
      ["2024-02", 1, 1, 0, null],
      ["2024-03", 1, 1, null, null],
    ]);
    const sheet = sheetOf(plan, "CLV Cohorts");
    expect(sheet.freezeRows).toBe(table.row + 1);
    const [chart] = sheet.charts;
    expect(chart.type).toBe("Line");
    expect(chart.series.map((s) => s.name)).toEqual(["2024-01", "2024-02", "2024-03"]);
    const address = (ref: Parameters<typeof resolveRange>[1]) => {
      const r = resolveRange(plan, ref);
      return `${r.sheet}!${rangeAddress(r.row, r.column, r.rowCount, r.columnCount)}`;
    };
    expect(address(chart.categories)).toBe("CLV Cohorts!C4:E4");
    expect(chart.series.map((s) => address(s.values))).toEqual(["CLV Cohorts!C5:E5", "CLV Cohorts!C6:E6", "CLV Cohorts!C7:E7"]);
  });

  test("the retention chart draws at most 12 cohorts, spread from the oldest to the newest", () => {
    expect(chartCohorts(3)).toEqual([0, 1, 2]);
    // 23 cohorts: i x 22 / 11 = 2i
    expect(chartCohorts(23)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]);
  });

  test("summary charts: titled, axis titles with units, series over the segment table's data cells", () => {
    const summary = plan.sheets[0];
    const segments = tableOf(plan, "CLV_Segments");
    const bodyOf = (name: string) => {
      const c = segments.column + segments.columns.findIndex((x) => x.name === name);
      return `CLV Summary!${rangeAddress(segments.row + 1, c, 2, 1)}`;
    };
    const described = summary.charts.map((chart) => ({
      type: chart.type,
      title: chart.title,
      axes: [chart.categoryAxisTitle, chart.valueAxisTitle],
      categories: resolveRange(plan, chart.categories),
      series: chart.series.map((s) => {
        const r = resolveRange(plan, s.values);
        return [s.name, `${r.sheet}!${rangeAddress(r.row, r.column, r.rowCount, r.columnCount)}`];
      }),
    }));
    expect(described.map((d) => [d.type, d.title, d.axes])).toEqual([
      ["ColumnClustered", "CLV per customer by segment", ["Segment", "CLV per customer (currency of the data, 2 days)"]],
      ["ColumnClustered", "Share of customers and of revenue by segment", ["Segment", "Share of the total (%)"]],
      ["ColumnClustered", "LTV vs CAC by segment", ["Segment", "Per customer (currency of the data)"]],
    ]);
    // Burden has a mean predicted CLV (5): the CLV chart shows it beside the NPV CLV.
    expect(described.map((d) => d.series)).toEqual([
      [["NPV CLV", bodyOf("NPV CLV")], ["Mean predicted CLV", bodyOf("Mean predicted CLV")]],
      [["Share of customers", bodyOf("Share of customers")], ["Share of revenue", bodyOf("Share of revenue")]],
      [["LTV (NPV CLV)", bodyOf("NPV CLV")], ["CAC", bodyOf("CAC")]],
    ]);
    expect(described[0].categories).toEqual({ sheet: "CLV Summary", row: segments.row + 1, column: 0, rowCount: 2, columnCount: 1 });
  });

  test("segments beyond maxSegmentSheets get no sheet, and the summary says which", () => {
    const one = buildReportPlan(analysisOf(), { cac: 50, maxSegmentSheets: 1 });
    expect(one.sheets.map((s) => s.name)).toEqual(["CLV Summary", "CLV Customers", "CLV Cohorts", "CLV Gold"]);
    expect(one.sheets[0].blocks.flatMap((b) => b.cells.flat())).toContain("1 segments have no sheet of their own (at most 1): Burden");
  });
});

describe("buildReportPlan: consistency", () => {
  const plans = { uniform: buildReportPlan(analysisOf(), { cac: 50 }), perSegment: buildReportPlan(analysisOf(), { cac: { Gold: 80, Burden: 20 } }) };

  test.each(Object.entries(plans))(
    "%s: the add-in's writer takes every formula (a table is written before the formulas that use it), and each computes without error but a payback never reached",
    async (_, plan) => {
      const book = await calculatedReport(plan);
      const failed = book.model.sheets.flatMap((sheet) => {
        const used = sheet.usedRect();
        const cells = used === null ? [] : sheet.grid(used, (row, column) => ({ sheet: sheet.name, row, column })).flat();
        return cells.flatMap((cell) => {
          const [formula, value] = [String(sheet.formulaAt(cell.row, cell.column)), sheet.valueAt(cell.row, cell.column)];
          // Payback gives #NUM! when never reached (Burden and all customers, worked by hand above).
          const fault = sheet.hasFormula(cell.row, cell.column) && book.errorMessage(cell) !== undefined && !(value === "#NUM!" && /payback/i.test(formula));
          return fault ? [`${sheet.name}!${cellAddress(cell.row, cell.column)} ${formula}: ${value} ${book.errorMessage(cell)}`] : [];
        });
      });
      expect(failed).toEqual([]);
    }
  );

  test.each(Object.entries(plans))("%s: blocks and tables do not overlap, and charts sit below them", (_, plan) => {
    for (const sheet of plan.sheets) {
      const boxes = [
        ...sheet.blocks.map((b) => ({ top: b.row, left: b.column, bottom: b.row + b.cells.length - 1, right: b.column + Math.max(...b.cells.map((r) => r.length)) - 1 })),
        ...sheet.tables.map((t) => ({ top: t.row, left: t.column, bottom: t.row + t.rows.length + (t.totals ? 1 : 0), right: t.column + t.columns.length - 1 })),
      ];
      boxes.forEach((a, i) =>
        boxes.slice(i + 1).forEach((b) => {
          const overlap = a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
          expect([sheet.name, a, b, overlap]).toEqual([sheet.name, a, b, false]);
        })
      );
      for (const chart of sheet.charts) expect(chart.top).toBeGreaterThan(Math.max(...boxes.map((b) => b.bottom)));
    }
  });

  test("every row of a table has one cell per column, and text constants sit in text-formatted table columns", () => {
    for (const table of Object.values(plans).flatMap((p) => p.sheets.flatMap((s) => s.tables))) {
      for (const row of table.rows) {
        expect(row).toHaveLength(table.columns.length);
        row.forEach((cell, c) => {
          if (typeof cell === "string") expect([table.name, table.columns[c].name, table.columns[c].format]).toEqual([table.name, table.columns[c].name, "@"]);
        });
      }
    }
  });

  test("a second copy renames sheets, tables and names, and its formulas still resolve", async () => {
    const copy = reportInstance(plans.uniform, 2);
    expect(copy.sheets.map((s) => s.name)).toEqual(["CLV Summary (2)", "CLV Customers (2)", "CLV Cohorts (2)", "CLV Gold (2)", "CLV Burden (2)"]);
    expect(copy.names.map((n) => [n.name, n.sheet])[1]).toEqual(["CLV_Margin_2", "CLV Summary (2)"]);
    const segments = tableOf(copy, "CLV_Segments_2");
    expect(segments.columns.find((c) => c.name === "NPV CLV")?.formula).toBe(
      '=IF([@[Churn per day]]="","",CLV.RETENTION_CLV([@AOV]*[@[APF per day]]*CLV_Margin_2,1-[@[Churn per day]],CLV_DiscountRate_2,CLV_Horizon_2))'
    );
    expect(segments.totals?.[13]).toEqual({ formula: "=CLV.AOV(CLV_Segments_2[[#Totals],[Revenue]],CLV_Segments_2[[#Totals],[Orders]])" });
    expect(resolveRange(copy, copy.sheets[0].charts[0].series[0].values).sheet).toBe("CLV Summary (2)");
    expect(copy.sheets[2].charts[0].categories).toMatchObject({ sheet: "CLV Cohorts (2)" });
    // The copy computes like the original: the names and tables it refers to exist.
    expect((await computedSegments(copy, "CLV_Segments_2"))[0]["NPV CLV"]).toBeCloseTo(2.4025698, 6);
    expect(reportInstance(plans.uniform, 1)).toBe(plans.uniform);
  });

  test("renaming leaves quoted text, structured-reference columns and function names alone", () => {
    const renames = new Map([["clv_margin", "CLV_Margin_2"], ["clv_t", "CLV_T_2"]]);
    expect(renameIdentifiers('=IF(A1="CLV_Margin",CLV_Margin,CLV_T[[#Totals],[CLV_Margin]])+CLV.AOV(1,2)', renames)).toBe(
      '=IF(A1="CLV_Margin",CLV_Margin_2,CLV_T_2[[#Totals],[CLV_Margin]])+CLV.AOV(1,2)'
    );
    expect(renameIdentifiers('="a""CLV_T"""&clv_t[x]', renames)).toBe('="a""CLV_T"""&CLV_T_2[x]');
  });
});

describe("names and literals", () => {
  test("sheet names: forbidden characters replaced, 31 characters at most, unique ignoring case", () => {
    const taken = new Set<string>(["clv summary"]);
    expect(uniqueSheetName("CLV Summary", taken)).toBe("CLV Summary (2)");
    expect(uniqueSheetName("CLV a/b: [c]*?\\", taken)).toBe("CLV a_b_ _c____");
    expect(uniqueSheetName("CLV An extremely long segment name here", taken)).toBe("CLV An extremely long segment n");
    expect(uniqueSheetName("CLV An extremely long segment name too", taken)).toBe("CLV An extremely long segme (2)");
    expect(uniqueSheetName("'History'", taken)).toBe("Sheet");
  });

  test("a segment called Summary does not take the summary's sheet", () => {
    const analysis = analysisOf();
    const renamed = { ...analysis, segments: { ...analysis.segments, rows: analysis.segments.rows.map((r, i) => ({ ...r, label: i === 0 ? "Summary" : r.label })) } };
    expect(buildReportPlan(renamed, { cac: { Summary: 1, Burden: 1 } }).sheets.map((s) => s.name)).toContain("CLV Summary (2)");
  });

  test("quoting sheet names and MATCH literals", () => {
    expect([quoteSheetName("CLV Summary"), quoteSheetName("Data"), quoteSheetName("A1"), quoteSheetName("it's")]).toEqual(["'CLV Summary'", "Data", "'A1'", "'it''s'"]);
    // MATCH(..., 0) treats * ? ~ as wildcards: escaped with ~; quotes doubled.
    expect(matchLiteral('Top 20%* "new"?~')).toBe('"Top 20%~* ""new""~?~~"');
  });
});

describe("buildReportPlan: bad options say what to fix", () => {
  const analysis = analysisOf();
  test.each([
    [{ cac: -5 }, "`cac` requires an acquisition cost of 0 or more; got -5"],
    [{ cac: { Gold: 10 } }, '`cac` requires an acquisition cost for every segment; none for "Burden"'],
    [{ cac: { Gold: 10, Burden: 5, Silver: 1 } }, '`cac` has a cost for "Silver", which is not a segment of this analysis (Gold, Burden)'],
    [{ cac: { Gold: 10, Burden: Number.NaN } }, '`cac` requires an acquisition cost of 0 or more for "Burden"; got NaN'],
    [{ cac: 50, targetRatio: 0 }, "`targetRatio` requires a number above 0; got 0"],
    [{ cac: 50, maxSegmentSheets: 1.5 }, "`maxSegmentSheets` requires a whole number of 0 or more; got 1.5"],
    [{ cac: 50, topCustomers: -1 }, "`topCustomers` requires a whole number of 0 or more; got -1"],
  ])("%j", (options, message) => {
    expect(() => buildReportPlan(analysis, options)).toThrow(message);
  });
});
