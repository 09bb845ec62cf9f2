// The demo's office.js: loaded first, in place of the CDN script, it builds the simulated workbook and
// defines the Office, Excel and CustomFunctions globals over it. The pane's and the functions' own
// bundles, loaded after it, then run unchanged; the workbook view (index.tsx) reads `window.clvDemo`.
import { FakeRequestContext, FakeWorkbook } from "../excel/fake";
import { installOfficeStandIn } from "./officeStandIn";
import { SAMPLE_SHEET, writeSampleSheets } from "./sampleWorkbook";
import { CalculatedWorkbook } from "./workbook/calculatedWorkbook";
import { type CustomFunction, type CustomFunctionMetadata, registerCustomFunctions } from "./workbook/customFunctionsPlugin";
import { CLV_SPILL_SHAPES } from "./workbook/spillShapes";

/** manifest.xml's `Functions.Namespace`: users type =CLV.AOV(...). */
const FUNCTIONS_NAMESPACE = "CLV";

/** What the demo page shares between the stand-in, the workbook view and end-to-end tests. */
export interface DemoHost {
  book: CalculatedWorkbook;
  /** Settles when the sample is loaded and computed; rejects with why the demo cannot start. */
  ready: Promise<void>;
}

declare global {
  interface Window {
    clvDemo: DemoHost;
  }
}

const book = new CalculatedWorkbook(new FakeWorkbook());
const functions = new Map<string, CustomFunction>();

async function start(): Promise<void> {
  // Every script has run (so every CustomFunctions.associate call is made) once the document is parsed.
  if (document.readyState === "loading") await new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
  // Excel reads the functions' metadata from functions.json, as the manifest says; so does the demo.
  const response = await fetch("functions.json");
  if (!response.ok) throw new Error(`functions.json could not be read (${response.status})`);
  const metadata = (await response.json()) as { functions: CustomFunctionMetadata[] };
  registerCustomFunctions(FUNCTIONS_NAMESPACE, metadata.functions, functions, CLV_SPILL_SHAPES);
  await writeSampleSheets(new FakeRequestContext(book.model));
  book.recalculate();
  book.activate(book.model.sheet(SAMPLE_SHEET));
}

const ready = start();
const language = new URLSearchParams(location.search).get("lang") ?? "en-US";
installOfficeStandIn({ book, functions, ready, displayLanguage: language });
window.clvDemo = { book, ready };
