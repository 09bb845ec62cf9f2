import { EXCEL_API_REQUIREMENT, missingExcelApi, requireExcelApi, supportsExcelApi } from "./requirements";
import { WorkbookError } from "./workbookError";

/** Installs an Office global whose Excel supports ExcelApi up to `highest` (1.x, compared as numbers). */
function officeSupporting(highest: number) {
  const isSetSupported = (name: string, version: string) => name === "ExcelApi" && Number(version.split(".")[1]) <= highest;
  Object.assign(globalThis, { Office: { context: { requirements: { isSetSupported } } } });
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("the ExcelApi requirement check", () => {
  test("the wizard needs ExcelApi 1.7 (getRangeByIndexes, freezePanes: Microsoft's requirement-set tables)", () => {
    expect(EXCEL_API_REQUIREMENT).toBe("1.7");
  });

  test("an Excel with ExcelApi 1.9 lacks nothing", () => {
    officeSupporting(9);
    expect(supportsExcelApi("1.7")).toBe(true);
    expect(missingExcelApi()).toBeUndefined();
    expect(() => requireExcelApi()).not.toThrow();
  });

  test("an Excel with ExcelApi 1.7 exactly lacks nothing", () => {
    officeSupporting(7);
    expect(missingExcelApi()).toBeUndefined();
  });

  test("an Excel with only ExcelApi 1.6 lacks 1.7, and workbook calls refuse with a WorkbookError", () => {
    officeSupporting(6);
    expect(supportsExcelApi("1.7")).toBe(false);
    expect(missingExcelApi()).toBe("1.7");
    expect(() => requireExcelApi()).toThrow(WorkbookError);
    expect(() => requireExcelApi()).toThrow("This Excel does not support ExcelApi 1.7: use Excel on the web, Microsoft 365 or Excel 2021 or later");
  });

  test("outside Office (no Office global) the set counts as missing", () => {
    expect(supportsExcelApi("1.1")).toBe(false);
    expect(missingExcelApi()).toBe("1.7");
  });

  test("an Office that cannot answer (no requirements object) counts as missing", () => {
    Object.assign(globalThis, { Office: { context: {} } });
    expect(missingExcelApi()).toBe("1.7");
  });
});
