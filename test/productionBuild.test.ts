/**
 * The released form: dist/ as `npm run build -- --env url=<address>` writes it. npm test builds it for
 * the example address (./productionDist.ts); these checks fail when dist/ was built for another address (a plain
 * `npm run build` points at localhost). The schema rules for dist/manifest.xml are in
 * manifest.test.ts, and serveDist.test.ts serves dist/ and loads it in a browser.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST, EXAMPLE_ADDRESS, readDist } from "./productionDist";

const ROOT = path.resolve(__dirname, "..");
const read = (file: string) => readDist(file).toString();

/** Every .js file under dist/, as paths relative to it. */
function scripts(dir = DIST): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return scripts(full);
    return entry.name.endsWith(".js") ? [path.relative(DIST, full)] : [];
  });
}

const manifest = read("manifest.xml");
const devManifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const element = (xml: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];

describe("dist/manifest.xml for the example address", () => {
  /** Every address in the manifest except the XML namespaces (which are names, not places). */
  const addresses = manifest.replace(/xmlns(:\w+)?="[^"]*"/g, "").match(/https?:\/\/[^"<\s]+/g) ?? [];

  test(`was built for ${EXAMPLE_ADDRESS}, the address npm test gives the build`, () => {
    expect(pkg.scripts.test).toContain(`npm run build -- --env url=${EXAMPLE_ADDRESS} `);
    const page = /<SourceLocation DefaultValue="([^"]+)"/.exec(manifest)?.[1];
    expect(page).toBe(`${EXAMPLE_ADDRESS}taskpane.html`);
  });

  test("names localhost nowhere", () => {
    expect(manifest).not.toMatch(/localhost/i);
  });

  test("points every address at https under the example address (the AppDomain at its origin)", () => {
    expect(addresses.length).toBeGreaterThan(10);
    for (const address of addresses) {
      expect([address, address === new URL(EXAMPLE_ADDRESS).origin || address.startsWith(EXAMPLE_ADDRESS)]).toEqual([address, true]);
    }
  });

  test("names only files that dist/ holds", () => {
    for (const address of addresses.filter((a) => a.startsWith(EXAMPLE_ADDRESS))) {
      expect([address, fs.existsSync(path.join(DIST, address.slice(EXAMPLE_ADDRESS.length)))]).toEqual([address, true]);
    }
  });

  test("keeps the development manifest's id (one add-in, so updates reach the same installs), package.json's version and the CLV namespace", () => {
    expect(element(manifest, "Id")).toBe(element(devManifest, "Id"));
    expect(element(manifest, "Id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(element(manifest, "Version")).toBe(`${pkg.version}.0`);
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="CLV"/>');
    expect(manifest).toContain('<Namespace resid="Functions.Namespace"/>');
  });
});

describe("dist/taskpane.html's Content Security Policy", () => {
  const html = read("taskpane.html");
  const policy = /<meta http-equiv=["']?Content-Security-Policy["']? content="([^"]+)"/i.exec(html)?.[1] ?? "";
  const directives = new Map(
    policy.split(";").map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources] as [string, string[]];
    })
  );

  test("comes before any script", () => {
    expect(policy).not.toBe("");
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
  });

  test("runs scripts from this origin and Microsoft's Office CDN only, never from strings (no eval)", () => {
    expect(directives.get("script-src")).toEqual([
      "'self'",
      "https://appsforoffice.microsoft.com",
      "https://officeapis.public.onecdn.static.microsoft",
      "https://ajax.aspnetcdn.com",
    ]);
    expect(policy).not.toContain("unsafe-eval");
    expect(directives.get("default-src")).toEqual(["'self'"]);
  });

  test("lets the page talk to its own origin only, and start its worker from there", () => {
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("worker-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("form-action")).toEqual(["'none'"]);
  });

  test("allows inline styles only (Fluent UI inserts <style> elements; serveDist.test.ts shows it unstyled without)", () => {
    expect(directives.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("dist/*.js", () => {
  test.each(scripts())("%s evaluates no strings as code (eval, new Function, Function(\"...\"))", (file) => {
    const code = read(file);
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/\bnew\s+Function\s*\(/);
    expect(code).not.toMatch(/(^|[^.\w$])Function\s*\(\s*["'`]/);
  });

  test("the task pane carries package.json's version (webpack's DefinePlugin replaced __ADDIN_VERSION__)", () => {
    const pane = read("taskpane.js");
    expect(pane).not.toContain("__ADDIN_VERSION__");
    expect(pane).toContain(JSON.stringify(pkg.version));
  });
});
