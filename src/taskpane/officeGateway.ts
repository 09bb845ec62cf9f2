import { activateSheet, findReportSheets, readSelection, writeReport } from "../excel";
import type { ExcelGateway } from "./excelGateway";

/**
 * The wizard's gateway to the running Excel, over src/excel (the only Office.js code).
 * - `findReportSheets` lists the earlier report's sheets only when `writeReport` would replace them all:
 *   when one is the user's (or the data's own sheet), the report goes to a new copy and nothing is replaced.
 * - Cancelling a write: src/excel's writer takes no abort signal, so the progress callback throws
 *   the signal's reason; the writer then stops before its next chunk of rows and removes the sheets it
 *   had created (its error says what is left).
 */
export const officeGateway: ExcelGateway = {
  readSelection,
  async findReportSheets(plan, sourceSheet) {
    const existing = await findReportSheets(plan);
    const replaceable = existing.every((sheet) => sheet.ownedByAddin && sheet.name.toLowerCase() !== sourceSheet?.toLowerCase());
    return replaceable ? existing.map((sheet) => sheet.name) : [];
  },
  async writeReport(plan, { signal, onProgress, ...options }) {
    const result = await writeReport(plan, {
      ...options,
      onProgress: (progress) => {
        if (signal?.aborted) throw new Error("the user cancelled it");
        onProgress?.(progress);
      },
    });
    return result.sheets;
  },
  activateSheet,
};
