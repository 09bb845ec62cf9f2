/**
 * What `npm run build` emits (npm test builds before running Jest): the metadata Excel reads for the
 * function picker, the associate calls without which every function returns #VALUE!, and the shared
 * runtime page that loads both bundles.
 */
import * as fs from "fs";
import * as path from "path";

const DIST = path.resolve(__dirname, "..", "dist");
const read = (file: string) => {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run \`npm run build\` first (npm test does)`);
  return fs.readFileSync(full, "utf8");
};

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  result: { type: string; dimensionality?: string };
}

/** Every function with its parameters: `name[][]` is a range, `name?` optional. */
const EXPECTED_SIGNATURES: Record<string, string[]> = {
  AOV: ["revenue[][]", "transactions?"],
  APF: ["transactions_or_ids[][]", "customers?"],
  CHURN: ["start_customers", "end_customers", "new_customers?"],
  ACL: ["churn_or_lifespans[][]"],
  BASIC: ["aov", "apf", "acl", "margin?"],
  NPV_CLV: ["discount_rate", "revenues[][]", "costs[][]?", "acquisition_cost?"],
  RETENTION_CLV: ["margin", "retention", "discount_rate", "periods?"],
  LTV_CAC: ["clv", "cac"],
  PAYBACK: ["cac", "margin_per_period", "retention?", "discount_rate?"],
  MAX_CAC: ["clv", "target_ratio?"],
  BGNBD_FIT: ["frequency[][]", "recency[][]", "age[][]", "unit?"],
  PARETO_FIT: ["frequency[][]", "recency[][]", "age[][]", "unit?"],
  GG_FIT: ["frequency[][]", "monetary[][]"],
  PALIVE: ["params[][]", "frequency[][]", "recency[][]", "age[][]", "unit?"],
  EXPECTED_PURCHASES: ["params[][]", "t", "frequency[][]", "recency[][]", "age[][]", "unit?"],
  EXPECTED_SPEND: ["gg_params[][]", "frequency[][]", "monetary[][]"],
  PREDICTED_CLV: [
    "params[][]",
    "gg_params[][]",
    "frequency[][]",
    "recency[][]",
    "age[][]",
    "monetary[][]",
    "months",
    "monthly_discount",
    "unit?",
  ],
  SBG_FIT: ["active_by_period[][]"],
  SBG_SURVIVAL: ["alpha", "beta", "t[][]"],
  SBG_RETENTION: ["alpha", "beta", "t[][]"],
  SBG_CLV: ["alpha", "beta", "margin", "discount_rate", "renewals_so_far?"],
};

/**
 * What each function returns: one number unless listed. A spilled parameter block mixes labels and
 * numbers (type any, which the metadata leaves out); predictions spill numbers, one per customer or period.
 */
const BLOCK = { dimensionality: "matrix" };
const NUMBERS = { type: "number", dimensionality: "matrix" };
const SPILLED_RESULTS: Record<string, object> = {
  BGNBD_FIT: BLOCK,
  PARETO_FIT: BLOCK,
  GG_FIT: BLOCK,
  SBG_FIT: BLOCK,
  PALIVE: NUMBERS,
  EXPECTED_PURCHASES: NUMBERS,
  EXPECTED_SPEND: NUMBERS,
  PREDICTED_CLV: NUMBERS,
  SBG_SURVIVAL: NUMBERS,
  SBG_RETENTION: NUMBERS,
};

/** Time arguments, whose descriptions in the function picker must state their unit. */
const TIME_ARGUMENTS = ["recency", "age", "t", "months"];

describe("dist/functions.json", () => {
  const functions: FunctionMetadata[] = JSON.parse(read("functions.json")).functions;
  const byId = new Map(functions.map((f) => [f.id, f]));

  test("lists exactly the CLV functions, each named as its id", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED_SIGNATURES).sort());
    for (const f of functions) expect(f.name).toBe(f.id);
  });

  test.each(Object.entries(EXPECTED_SIGNATURES))("%s has its parameters, each described, and its result", (id, signature) => {
    const f = byId.get(id)!;
    expect(f.description.length).toBeGreaterThan(20);
    const shown = f.parameters.map((p) => `${p.name}${p.dimensionality === "matrix" ? "[][]" : ""}${p.optional ? "?" : ""}`);
    expect(shown).toEqual(signature);
    for (const p of f.parameters) {
      expect(p.type).toBe("any"); // text reaches the function, which answers with a message naming the argument
      expect(p.description?.length).toBeGreaterThan(10);
    }
    expect(f.result).toEqual(SPILLED_RESULTS[id] ?? { type: "number" });
  });

  test("every time argument states its unit", () => {
    const timeParameters = functions.flatMap((f) => f.parameters.filter((p) => TIME_ARGUMENTS.includes(p.name)));
    expect(timeParameters.length).toBeGreaterThan(10);
    for (const p of timeParameters) expect([p.name, p.description]).toEqual([p.name, expect.stringMatching(/unit|periods|months/)]);
  });
});

describe("dist/functions.js", () => {
  test("associates every function id with its implementation", () => {
    const script = read("functions.js");
    for (const id of Object.keys(EXPECTED_SIGNATURES)) expect(script).toContain(`CustomFunctions.associate("${id}"`);
  });
});

describe("dist/taskpane.html, the shared runtime page", () => {
  test("loads Office.js, the task pane and the functions", () => {
    const html = read("taskpane.html");
    expect(html).toMatch(/<script src=["']?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
    expect(html).toMatch(/src=["']?taskpane\.js/);
    expect(html).toMatch(/src=["']?functions\.js/);
  });
});
