import { FakeRequestContext, compareVersions } from "./fakeContext";
import type { FakeWorkbook } from "./fakeWorkbook";

/**
 * Makes `Excel.run` and `Office.context.requirements.isSetSupported` globals that serve `workbook`,
 * as office.js would in Excel (for tests and a browser demo). `Excel.run` gives the batch a fresh
 * request context and, like Excel, sends operations still queued when the batch ends. Returns a
 * function that restores the previous globals.
 * @example const uninstall = installFakeExcel(new FakeWorkbook()); // ... uninstall();
 */
export function installFakeExcel(workbook: FakeWorkbook): () => void {
  const globals = globalThis as unknown as Record<string, unknown>;
  const previous = { Excel: globals.Excel, Office: globals.Office };
  Object.assign(globalThis, {
    Excel: {
      run: async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
        const context = new FakeRequestContext(workbook);
        const result = await batch(context);
        if (context.pending) await context.sync();
        return result;
      },
    },
    Office: {
      context: {
        requirements: {
          isSetSupported: (name: string, version = "1.1") => name === "ExcelApi" && compareVersions(version, workbook.apiVersion) <= 0,
        },
      },
    },
  });
  return () => Object.assign(globalThis, previous);
}
