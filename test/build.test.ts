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
};

describe("dist/functions.json", () => {
  const functions: FunctionMetadata[] = JSON.parse(read("functions.json")).functions;
  const byId = new Map(functions.map((f) => [f.id, f]));

  test("lists exactly the CLV functions, each named as its id", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED_SIGNATURES).sort());
    for (const f of functions) expect(f.name).toBe(f.id);
  });

  test.each(Object.entries(EXPECTED_SIGNATURES))("%s has its parameters, each described, and returns a number", (id, signature) => {
    const f = byId.get(id)!;
    expect(f.description.length).toBeGreaterThan(20);
    const shown = f.parameters.map((p) => `${p.name}${p.dimensionality === "matrix" ? "[][]" : ""}${p.optional ? "?" : ""}`);
    expect(shown).toEqual(signature);
    for (const p of f.parameters) {
      expect(p.type).toBe("any"); // text reaches the function, which answers with a message naming the argument
      expect(p.description?.length).toBeGreaterThan(10);
    }
    expect(f.result).toEqual({ type: "number" });
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
