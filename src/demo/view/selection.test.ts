import { FakeWorkbook } from "../../excel/fake";
import { farCorner, nameBoxTarget, rectBetween, selectionAddress } from "./selection";

// Excel's behaviour, as the demo copies it: a selection is the rectangle between the active cell and
// the corner being moved; the Name box takes an address, a sheet-qualified address or a defined name.

describe("selection geometry", () => {
  test("the rectangle between two corners, in either order: C5 to A1 is A1:C5", () => {
    expect(rectBetween({ row: 4, column: 2 }, { row: 0, column: 0 })).toEqual({ row: 0, column: 0, rowCount: 5, columnCount: 3 });
    expect(selectionAddress(rectBetween({ row: 4, column: 2 }, { row: 0, column: 0 }))).toBe("A1:C5");
  });

  test("the moving corner is opposite the active cell: active C5 in A1:C5 moves A1; active A1 moves C5", () => {
    const rect = { row: 0, column: 0, rowCount: 5, columnCount: 3 };
    expect(farCorner(rect, { row: 4, column: 2 })).toEqual({ row: 0, column: 0 });
    expect(farCorner(rect, { row: 0, column: 0 })).toEqual({ row: 4, column: 2 });
  });
});

describe("nameBoxTarget", () => {
  const book = new FakeWorkbook();
  book.addSheet("Sales");
  book.addSheet("CLV Summary");
  book.names.set("clv_margin", { name: "CLV_Margin", formula: "='CLV Summary'!$B$7", comment: "", visible: true });

  test.each([
    ["A1:E5364", { sheet: "Sales", rect: { row: 0, column: 0, rowCount: 5364, columnCount: 5 } }],
    ["'CLV Summary'!B2", { sheet: "CLV Summary", rect: { row: 1, column: 1, rowCount: 1, columnCount: 1 } }],
    ["clv_margin", { sheet: "CLV Summary", rect: { row: 6, column: 1, rowCount: 1, columnCount: 1 } }],
  ])("%s", (text, target) => {
    expect(nameBoxTarget(book, text, "Sales")).toEqual(target);
  });

  test("text that is neither an address nor a name, or names a missing sheet, goes nowhere", () => {
    expect(nameBoxTarget(book, "hello world", "Sales")).toBeNull();
    expect(nameBoxTarget(book, "Nope!A1", "Sales")).toBeNull();
  });
});
