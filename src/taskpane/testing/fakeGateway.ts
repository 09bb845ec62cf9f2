import type { ReportPlan } from "../../core/report";
import { WorkbookError } from "../../excel";
import type { ExcelGateway, SelectedRange, WriteOptions } from "../excelGateway";

/** What a test can see and steer of a {@link fakeGateway}. */
export interface FakeGateway {
  gateway: ExcelGateway;
  /** Plans written and the options each write got. */
  writes: { plan: ReportPlan; options: WriteOptions }[];
  /** Sheets activated, in order. */
  activated: string[];
  /** Lets a write held by `holdWrite` go on past its first sheet. */
  releaseWrite(): void;
}

export interface FakeGatewayOptions {
  /** What "Use selection" reads; an Error makes the read fail with it. */
  selection: SelectedRange | Error;
  /** Sheets of an earlier report, as `findReportSheets` answers. */
  existingSheets?: string[];
  /** Stop each write after its first sheet's progress until `releaseWrite`. */
  holdWrite?: boolean;
  /** Sheets that `activateSheet` no longer finds. */
  missingSheets?: string[];
}

/**
 * An in-memory Excel for the wizard's tests: reads a fixed selection (reporting progress in two
 * halves), lists given earlier-report sheets, and "writes" a plan by reporting one progress step
 * per sheet, stopping like src/excel's writer when the signal is aborted.
 */
export function fakeGateway(options: FakeGatewayOptions): FakeGateway {
  let release: () => void = () => undefined;
  const fake: FakeGateway = {
    writes: [],
    activated: [],
    releaseWrite: () => release(),
    gateway: {
      async readSelection(onProgress) {
        if (options.selection instanceof Error) throw options.selection;
        const rowCount = options.selection.values.length;
        onProgress?.({ rowsRead: Math.ceil(rowCount / 2), rowCount });
        onProgress?.({ rowsRead: rowCount, rowCount });
        return options.selection;
      },
      async findReportSheets() {
        return options.existingSheets ?? [];
      },
      async writeReport(plan, writeOptions) {
        fake.writes.push({ plan, options: writeOptions });
        const released = new Promise<void>((resolve) => (release = resolve));
        for (const [index, sheet] of plan.sheets.entries()) {
          writeOptions.onProgress?.({ sheet: sheet.name, sheetsWritten: index, sheetCount: plan.sheets.length, rowsWritten: 0, rowCount: 1 });
          if (options.holdWrite && index === 0) await released;
          if (writeOptions.signal?.aborted) {
            throw new WorkbookError({ kind: "writeFailed", reason: "the user cancelled it", remainingSheets: [], deletedSheets: [] });
          }
        }
        return plan.sheets.map((sheet) => sheet.name);
      },
      async activateSheet(name) {
        fake.activated.push(name);
        return !(options.missingSheets ?? []).includes(name);
      },
    },
  };
  return fake;
}
