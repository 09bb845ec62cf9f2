import { FakeWorkbook } from "../excel/fake";
import { installOfficeStandIn } from "./officeStandIn";
import { CalculatedWorkbook } from "./workbook/calculatedWorkbook";
import type { CustomFunction } from "./workbook/customFunctionsPlugin";

// The globals office.js defines in Excel, as the add-in uses them (src/taskpane/index.tsx,
// src/excel/requirements.ts, the associate calls the metadata plugin appends to functions.js).

describe("installOfficeStandIn", () => {
  const book = new CalculatedWorkbook(new FakeWorkbook());
  book.model.addSheet("Data");
  const functions = new Map<string, CustomFunction>();
  let release: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (release = resolve));
  installOfficeStandIn({ book, functions, ready, displayLanguage: "zh-CN" });

  test("Office.onReady calls back once the host is ready, with Excel as the host", async () => {
    const heard: unknown[] = [];
    const done = Office.onReady((info) => heard.push(info));
    await Promise.resolve();
    expect(heard).toEqual([]);
    release();
    await expect(done).resolves.toEqual({ host: "Excel", platform: "OfficeOnline" });
    expect(heard).toEqual([{ host: "Excel", platform: "OfficeOnline" }]);
  });

  test("Office.context gives the display language and the fake's requirement sets", () => {
    expect(Office.context.displayLanguage).toBe("zh-CN");
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
  });

  test("CustomFunctions.associate collects the functions, one at a time or as a map", () => {
    const one = () => 1;
    const two = () => 2;
    CustomFunctions.associate("ONE", one);
    CustomFunctions.associate({ TWO: two });
    expect([...functions]).toEqual([["ONE", one], ["TWO", two]]);
  });

  test("Excel.run computes the formulas after a batch that wrote, and views hear of it", async () => {
    const versions: number[] = [];
    book.subscribe(() => versions.push(book.version));
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:B1").formulas = [[2, "=A1*21"]];
      await context.sync();
    });
    expect(book.model.sheet("Data").value("B1")).toBe(42);
    expect(versions.length).toBeGreaterThan(0);
  });

  test("a batch that only reads computes nothing again (the view still hears of it)", async () => {
    const recalculate = jest.spyOn(book, "recalculate");
    const before = book.version;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B1").load("values");
      await context.sync();
    });
    expect(recalculate).not.toHaveBeenCalled();
    expect(book.version).toBeGreaterThan(before);
  });
});
