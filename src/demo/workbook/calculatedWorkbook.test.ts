import { bookAnalysis } from "../../../test/reportFixture";
import { buildReportPlan } from "../../core/report";
import { parseAddress } from "../../excel/fake";
import { calculatedReport } from "../testing/calculatedReport";
import type { CalculatedWorkbook } from "./calculatedWorkbook";

// The report of the hand-worked book in test/reportFixture.ts (cac 50, margin 0.5, 1% a day, 2 days),
// written by the add-in's writer and computed by HyperFormula with the add-in's own CLV.* functions.
// src/core/report/buildReportPlan.test.ts checks the segment table's figures; here, what the workbook
// adds (lookups, edits, error messages), with its hand-worked figures:
// Gold = customers A + C: 4 orders, revenue 250, 101 days at risk, 1 lapsed.
//   AOV 250 / 4 = 62.5; margin a day m = 62.5 x 4/101 x 0.5 = 125/101; retention 100/101, q = r / 1.01;
//   NPV CLV = m q + m q^2 = 2.4025698. Burden = B + D: payback never reached (#NUM!).
const CLOSE = 6; // decimal digits of the hand-worked figures

let book: CalculatedWorkbook;
beforeEach(async () => {
  book = await calculatedReport(buildReportPlan(bookAnalysis(), { cac: 50 }));
});

/** The cell of `column` in the segment table's row `label` ("All customers" is the totals row). */
function segmentCell(label: string, column: string) {
  const table = book.model.table("CLV_Segments")!;
  const { row, rowCount } = parseAddress(table.address);
  const sheet = book.model.sheet("CLV Summary");
  const labels = Array.from({ length: rowCount }, (_, r) => sheet.valueAt(row + r, table.column));
  return { sheet: "CLV Summary", row: row + labels.indexOf(label), column: table.column + table.headers.indexOf(column) };
}
const valueOf = (cell: { sheet: string; row: number; column: number }) => book.model.sheet(cell.sheet).valueAt(cell.row, cell.column);
const named = (name: string) => {
  const { sheet, row, column } = parseAddress(book.model.name(name)!.formula.slice(1));
  return { sheet: sheet!, row, column };
};

describe("CalculatedWorkbook on the report of the hand-worked book", () => {
  test("an error cell holds its code, and the function's message is kept", () => {
    const payback = segmentCell("Burden", "Payback (days)");
    expect(valueOf(payback)).toBe("#NUM!");
    expect(book.errorMessage(payback)).toMatch(/^CLV\.PAYBACK/);
  });

  test("a segment sheet looks its figure up in the segment table (INDEX/MATCH over structured references)", () => {
    const gold = book.model.sheet("CLV Gold");
    const used = gold.usedRect()!;
    const found = gold.grid(used, (r, c) => [gold.formulaAt(r, c), gold.valueAt(r, c)] as const).flat();
    const lookup = found.find(([formula]) => String(formula).startsWith("=INDEX(CLV_Segments[[NPV CLV]]"));
    expect(lookup?.[1]).toBeCloseTo(2.4025698, CLOSE);
  });

  test("editing the margin recomputes its dependents: NPV CLV is linear in the margin, so 25% halves it", async () => {
    await book.edit(named("CLV_Margin"), "25%");
    expect(valueOf(named("CLV_Margin"))).toBe(0.25);
    // m = 125/101 x 0.5 at margin 0.25: m q + m q^2 = 2.4025698 / 2
    const m = (125 / 101) * 0.5;
    const q = 100 / 101 / 1.01;
    expect(valueOf(segmentCell("Gold", "NPV CLV"))).toBeCloseTo(m * q + m * q * q, 10);
    expect(valueOf(segmentCell("Gold", "Basic CLV"))).toBeCloseTo(250, 8); // revenue-based: no margin in it
    const gold = book.model.sheet("CLV Gold");
    const lookup = gold.grid(gold.usedRect()!, (r, c) => [gold.formulaAt(r, c), gold.valueAt(r, c)] as const).flat().find(([f]) => String(f).startsWith("=INDEX(CLV_Segments[[NPV CLV]]"));
    expect(lookup?.[1]).toBeCloseTo(m * q + m * q * q, 10);
  });

  test("text typed in the CAC cell gives #VALUE! with the cell function's message naming the argument", async () => {
    await book.edit(named("CLV_CAC"), "abc");
    const ratio = segmentCell("Gold", "LTV:CAC");
    expect(valueOf(ratio)).toBe("#VALUE!");
    expect(book.errorMessage(ratio)).toBe("cac is text 'abc'; use a number");
  });

  test("a formula typed by the user uses names and the CLV functions: =CLV.BASIC(100,2,20)*CLV_Margin is 4000 x 0.5", async () => {
    const cell = { sheet: "Data", row: 0, column: 0 };
    await book.edit(cell, "=CLV.BASIC(100,2,20)*CLV_Margin");
    expect(valueOf(cell)).toBe(2000);
  });

  test("views hear of every change", async () => {
    const heard: number[] = [];
    book.subscribe(() => heard.push(book.version));
    await book.edit({ sheet: "Data", row: 0, column: 0 }, "1");
    book.recalculate();
    expect(heard).toHaveLength(2);
  });
});
