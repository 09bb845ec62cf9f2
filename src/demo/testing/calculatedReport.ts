// For tests (Node only: never imported by the demo page). Jest runs no build, so there is no
// functions.json: the metadata is generated from the functions' JSDoc, as the build's plugin does.
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import type { ReportPlan } from "../../core/report";
import { writeReport } from "../../excel";
import { FakeWorkbook, installFakeExcel } from "../../excel/fake";
import * as cellFunctions from "../../functions/functions";
import { CalculatedWorkbook } from "../workbook/calculatedWorkbook";
import { type CustomFunction, type CustomFunctionMetadata, registerCustomFunctions } from "../workbook/customFunctionsPlugin";
import { CLV_SPILL_SHAPES } from "../workbook/spillShapes";

const FUNCTIONS = path.resolve(__dirname, "..", "..", "functions", "functions.ts");

/** A function as functions.json describes it, with its result's shape. */
export type FunctionsJsonEntry = CustomFunctionMetadata & { result?: { dimensionality?: "scalar" | "matrix" } };

let registration: Promise<FunctionsJsonEntry[]> | undefined;

/**
 * Registers the add-in's cell functions with HyperFormula as the demo page does (namespace CLV, as in
 * manifest.xml; spill shapes `CLV_SPILL_SHAPES`), described by the metadata generated from
 * src/functions/functions.ts. Runs once per test file; later calls give the same metadata.
 * @throws Error listing what the metadata generator refused in the functions' JSDoc
 * @example (await registerClvFunctions()).find((f) => f.id === "AOV")?.name // "AOV"; =CLV.AOV(250,4) is then 62.5
 */
export function registerClvFunctions(): Promise<FunctionsJsonEntry[]> {
  registration ??= generateCustomFunctionsMetadata(FUNCTIONS).then(({ metadataJson, errors }) => {
    if (errors.length > 0) throw new Error(`functions.ts has metadata errors: ${errors.join("; ")}`);
    const { functions } = JSON.parse(metadataJson) as { functions: FunctionsJsonEntry[] };
    registerCustomFunctions("CLV", functions, new Map(Object.entries(cellFunctions as unknown as Record<string, CustomFunction>)), CLV_SPILL_SHAPES);
    return functions;
  });
  return registration;
}

/**
 * A workbook with a sheet "Data" into which `writeReport` (the add-in's writer) wrote `plan`, every
 * formula computed by HyperFormula with the CLV functions registered (`registerClvFunctions`).
 * @throws what `writeReport` throws, e.g. for a formula that refers to a table not written yet
 * @example (await calculatedReport(buildReportPlan(bookAnalysis(), { cac: 50 }))).model.sheet("CLV Summary") // the computed summary
 */
export async function calculatedReport(plan: ReportPlan): Promise<CalculatedWorkbook> {
  await registerClvFunctions();
  const fake = new FakeWorkbook();
  fake.addSheet("Data");
  const uninstall = installFakeExcel(fake);
  try {
    await writeReport(plan, { replaceOwnSheets: false });
  } finally {
    uninstall();
  }
  const book = new CalculatedWorkbook(fake);
  book.recalculate();
  return book;
}
