import { FakeWorkbook } from "../../excel/fake";
import { a1Formula } from "./a1Formula";

// A table "Seg" on the sheet "CLV Summary" over B3:E6 (header row 3, data rows 4 to 6, totals row 7),
// columns Segment (B), Orders (C), Revenue (D), Share of revenue (E). Each expected range is read off
// that layout by hand, following Microsoft's "Using structured references with Excel tables".
function workbook() {
  const book = new FakeWorkbook();
  book.addSheet("CLV Summary");
  book.addSheet("Other");
  book.setValues("CLV Summary", "B3", [["Segment", "Orders", "Revenue", "Share of revenue"]]);
  book.addTable("CLV Summary", "B3:E6", "Seg").showTotals = true;
  return book;
}
const inTable = { sheet: "CLV Summary", row: 4, column: 4 }; // E5, a data row of Seg

describe("a1Formula", () => {
  const { tables } = workbook();

  test.each([
    ["=[@Revenue]/[@Orders]", inTable, "='CLV Summary'!$D$5/'CLV Summary'!$C$5"],
    ["=[@[Share of revenue]]*2", inTable, "='CLV Summary'!$E$5*2"],
    ["=SUM(Seg[Revenue])", { sheet: "Other", row: 0, column: 0 }, "=SUM('CLV Summary'!$D$4:$D$6)"],
    ["=Seg[[#Totals],[Revenue]]", { sheet: "Other", row: 0, column: 0 }, "='CLV Summary'!$D$7"],
    ["=ROWS(Seg[])", { sheet: "Other", row: 0, column: 0 }, "=ROWS('CLV Summary'!$B$4:$E$6)"],
    ["=ROWS(Seg[#All])", { sheet: "Other", row: 0, column: 0 }, "=ROWS('CLV Summary'!$B$3:$E$7)"],
    ["=SUM(Seg[[#Data],[Orders]:[Revenue]])", { sheet: "Other", row: 0, column: 0 }, "=SUM('CLV Summary'!$C$4:$D$6)"],
    ['=INDEX(Seg[Orders],MATCH("A[1]",seg[Segment],0))', { sheet: "Other", row: 0, column: 0 }, "=INDEX('CLV Summary'!$C$4:$C$6,MATCH(\"A[1]\",'CLV Summary'!$B$4:$B$6,0))"],
  ])("%s at %o", (formula, at, expected) => {
    expect(a1Formula(formula, at, tables)).toBe(expected);
  });

  test("a missing table or column, or @ outside the data rows, becomes #REF! as in Excel", () => {
    expect(a1Formula("=SUM(Nope[Revenue])", inTable, tables)).toBe("=SUM(#REF!)");
    expect(a1Formula("=Seg[Cost]", inTable, tables)).toBe("=#REF!");
    const totalsRow = { sheet: "CLV Summary", row: 6, column: 4 }; // E7
    expect(a1Formula("=[@Revenue]", totalsRow, tables)).toBe("=#REF!");
  });

  test("a formula without structured references is unchanged", () => {
    expect(a1Formula("=CLV_Margin*'CLV Summary'!B2", inTable, tables)).toBe("=CLV_Margin*'CLV Summary'!B2");
  });
});
