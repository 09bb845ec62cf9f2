import { type FakeRequestContext, customFunctionsStandIn, installFakeExcel } from "../excel/fake";
import type { CalculatedWorkbook } from "./workbook/calculatedWorkbook";
import type { CustomFunction } from "./workbook/customFunctionsPlugin";

/** Operations of the fake that cannot change a cell (reads, activation, calculation switches). */
const UNCHANGING = /\.(get[A-Za-z]*|activate|suspend[A-Za-z]*)$/;

/** What the stand-in serves. */
export interface OfficeStandIn {
  book: CalculatedWorkbook;
  /** Filled by `CustomFunctions.associate`, as Excel's runtime collects the functions. */
  functions: Map<string, CustomFunction>;
  /** Settles when the host is ready; `Office.onReady` waits for it. */
  ready: Promise<void>;
  /** Office's display language, e.g. "en-US" (the pane picks its messages from it). */
  displayLanguage: string;
}

/**
 * Defines the globals that office.js defines in Excel, over a simulated workbook, for the demo page
 * (loaded before the pane's and the functions' scripts, in place of the CDN's office.js):
 * - `Office.onReady(callback)`: calls back, and resolves, with `{ host: "Excel", platform: "OfficeOnline" }`
 *   once `ready` settles; `Office.context.displayLanguage`; `Office.context.requirements.isSetSupported`
 *   answers for the ExcelApi sets the fake supports;
 * - `Excel.run`: runs a batch in the fake's request context over `book.model`; after a batch that changed the
 *   workbook every formula is computed again, and the view hears of it;
 * - `CustomFunctions.associate(id, function)` (or a map of them), `CustomFunctions.Error` and `ErrorCode`.
 * @example installOfficeStandIn({ book, functions: new Map(), ready, displayLanguage: "en-US" }); await Office.onReady();
 */
export function installOfficeStandIn({ book, functions, ready, displayLanguage }: OfficeStandIn): void {
  installFakeExcel(book.model);
  const globals = globalThis as unknown as { Excel: { run: typeof runBatch }; Office: { context: object } };
  const run = globals.Excel.run;
  async function runBatch<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    const before = book.model.calls.length;
    try {
      return await run(batch);
    } finally {
      if (book.model.calls.slice(before).some((operation) => !UNCHANGING.test(operation))) book.recalculate();
      book.syncSelection();
    }
  }
  globals.Excel.run = runBatch;
  Object.assign(globals.Office, {
    context: { ...globals.Office.context, displayLanguage },
    onReady: async (callback?: (info: { host: string; platform: string }) => void) => {
      await ready;
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return info;
    },
  });
  Object.assign(globalThis, {
    CustomFunctions: customFunctionsStandIn((id: string | Record<string, CustomFunction>, implementation?: CustomFunction) => {
      const pairs = typeof id === "string" ? [[id, implementation as CustomFunction] as const] : Object.entries(id);
      for (const [name, fn] of pairs) functions.set(name, fn);
    }),
  });
}
