import { findStructuredReferences } from "./structuredReferences";

// Expected parts follow Microsoft's "Using structured references with Excel tables": the table name,
// the special items (#All, #Data, #Headers, #Totals, #This Row or @) and the column specifiers.

const parts = (formula: string) => findStructuredReferences(formula).map(({ table, items, columns }) => ({ table, items, columns }));

describe("findStructuredReferences", () => {
  test.each([
    ["=[@Orders]", { table: null, items: ["#this row"], columns: ["Orders"] }],
    ["=[@[Customer months]]", { table: null, items: ["#this row"], columns: ["Customer months"] }],
    ["=SUM(CLV_Segments[Revenue])", { table: "CLV_Segments", items: [], columns: ["Revenue"] }],
    ["=SUM(CLV_Segments[[Share of revenue]])", { table: "CLV_Segments", items: [], columns: ["Share of revenue"] }],
    ["=CLV_Segments[[#Totals],[Revenue]]", { table: "CLV_Segments", items: ["#totals"], columns: ["Revenue"] }],
    ["=T[[#This Row],[A]:[B]]", { table: "T", items: ["#this row"], columns: ["A", "B"] }],
    ["=ROWS(T[])", { table: "T", items: [], columns: [] }],
    ["=ROWS(T[#All])", { table: "T", items: ["#all"], columns: [] }],
    ["=T[[#Headers], [#Data], [Amount]]", { table: "T", items: ["#headers", "#data"], columns: ["Amount"] }],
  ])("%s", (formula, expected) => {
    expect(parts(formula)).toEqual([expected]);
  });

  test("unescapes ' in column names: [@[Price '[EUR']]] is the column Price [EUR]", () => {
    expect(parts("=[@[Price '[EUR']]]*2")).toEqual([{ table: null, items: ["#this row"], columns: ["Price [EUR]"] }]);
  });

  test("finds several references with their spans, and none inside text or quoted sheet names", () => {
    const formula = '=IF([@Orders]=0,"[@Not]",\'a[b]\'!A1+T[[#Totals],[Revenue]])';
    const found = findStructuredReferences(formula);
    expect(found.map((r) => formula.slice(r.start, r.end))).toEqual(["[@Orders]", "T[[#Totals],[Revenue]]"]);
  });

  test("refuses an unclosed bracket and a specifier outside Excel's syntax", () => {
    expect(() => findStructuredReferences("=T[[Revenue]")).toThrow(RangeError);
    expect(() => findStructuredReferences("=T[[A]x[B]]")).toThrow(/cannot read/);
  });
});
