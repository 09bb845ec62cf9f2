/**
 * @jest-environment jsdom
 *
 * Offline schema check of the manifests: the development manifest.xml (localhost, for sideloading)
 * and the production dist/manifest.xml that `npm run build` writes (npm test builds it for an example
 * address). `office-addin-manifest validate` needs Microsoft's online service, so this test encodes the
 * rules of the add-in manifest schema (OfficeApp 1.1 and VersionOverrides 1.0) that this manifest
 * relies on: element order, value formats, string lengths, resource references and their types, and
 * the shared-runtime wiring of the CLV custom functions.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";

const ROOT = path.resolve(__dirname, "..");
const ASSETS = path.join(ROOT, "assets");

/** The OfficeApp children of a TaskPaneApp in the order the schema's sequence requires. */
const TASKPANE_APP_SEQUENCE = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description",
  "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements",
  "DefaultSettings", "Permissions", "AllowSnapshot", "VersionOverrides",
];
const REQUIRED_CHILDREN = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"];
/** Schema limits: resource ids 32 characters, short strings 125, long strings 250. */
const MAX_RESOURCE_ID = 32;
const MAX_SHORT_STRING = 125;
const MAX_LONG_STRING = 250;
/** The icon sizes scripts/make-icons.js draws: 16, 32 and 80 for the ribbon, 32 and 64 for the add-in's icon, 128 for listings. */
const ICON_SIZES = [16, 32, 64, 80, 128];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const png = fs.readFileSync(file);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

const MANIFESTS: [string, string][] = [
  ["manifest.xml (development)", path.join(ROOT, "manifest.xml")],
  ["dist/manifest.xml (production)", path.join(ROOT, "dist", "manifest.xml")],
];

describe.each(MANIFESTS)("%s against the add-in manifest schema rules", (_, manifestPath) => {
  if (!fs.existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run \`npm run build\` first (npm test does)`);
  const doc = new DOMParser().parseFromString(fs.readFileSync(manifestPath, "utf8"), "application/xml");
  const officeApp = doc.documentElement;
  const elements = (name: string) => Array.from(doc.getElementsByTagName(name));
  const child = (parent: Element, name: string) => Array.from(parent.children).find((c) => c.localName === name);
  const resources = (kind: "Images" | "Urls" | "ShortStrings" | "LongStrings") => {
    const group = elements(`bt:${kind}`)[0];
    return new Map(Array.from(group?.children ?? []).map((e) => [e.getAttribute("id") ?? "", e.getAttribute("DefaultValue") ?? ""]));
  };
  const urls = resources("Urls");
  const images = resources("Images");
  const shortStrings = resources("ShortStrings");
  const longStrings = resources("LongStrings");
  // The icon files beside the manifest: assets/ for the development one, dist/assets/ (as served) for the production one.
  const assetOf = (address: string) => path.join(path.dirname(manifestPath), "assets", path.basename(new URL(address).pathname));

  test("is well-formed XML with an OfficeApp root of type TaskPaneApp", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(officeApp.localName).toBe("OfficeApp");
    expect(officeApp.namespaceURI).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(officeApp.getAttribute("xsi:type")).toBe("TaskPaneApp");
  });

  test("has the required OfficeApp children, in the schema's order", () => {
    const names = Array.from(officeApp.children).map((c) => c.localName);
    for (const name of REQUIRED_CHILDREN) expect(names).toContain(name);
    const positions = names.map((n) => TASKPANE_APP_SEQUENCE.indexOf(n));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test("has a GUID id, a four-part version equal to package.json's and the least permission that writes sheets", () => {
    expect(child(officeApp, "Id")?.textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(child(officeApp, "Version")?.textContent).toBe(`${pkg.version}.0`);
    expect(child(officeApp, "Permissions")?.textContent).toBe("ReadWriteDocument");
  });

  test("display strings fit the schema's length limits", () => {
    expect(child(officeApp, "DisplayName")?.getAttribute("DefaultValue")?.length).toBeLessThanOrEqual(MAX_SHORT_STRING);
    expect(child(officeApp, "Description")?.getAttribute("DefaultValue")?.length).toBeLessThanOrEqual(MAX_LONG_STRING);
    for (const value of shortStrings.values()) expect(value.length).toBeLessThanOrEqual(MAX_SHORT_STRING);
    for (const value of longStrings.values()) expect(value.length).toBeLessThanOrEqual(MAX_LONG_STRING);
    for (const id of [...urls.keys(), ...images.keys(), ...shortStrings.keys(), ...longStrings.keys()]) {
      expect(id.length).toBeLessThanOrEqual(MAX_RESOURCE_ID);
    }
  });

  test("runs in Excel (Workbook) and asks for the shared runtime", () => {
    expect(elements("Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))).toEqual(["Workbook", "Workbook"]);
    const sets = elements("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
    expect(sets).toContainEqual(["SharedRuntime", "1.1"]);
  });

  test("every resid points at a resource of the right kind", () => {
    const kindOf: Record<string, Map<string, string>> = {
      Runtime: urls, SourceLocation: urls, FunctionFile: urls, LearnMoreUrl: urls,
      Image: images, Label: shortStrings, Title: shortStrings, Namespace: shortStrings, Description: longStrings,
    };
    const referencing = Array.from(doc.querySelectorAll("[resid]"));
    expect(referencing.length).toBeGreaterThan(10);
    for (const element of referencing) {
      const table = kindOf[element.localName];
      expect([element.localName, table?.has(element.getAttribute("resid") ?? "")]).toEqual([element.localName, true]);
    }
  });

  test("wires the CLV functions and the task pane to one long-lived runtime", () => {
    const runtime = elements("Runtime")[0];
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const functions = elements("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions")!;
    const page = functions.getElementsByTagName("Page")[0].getElementsByTagName("SourceLocation")[0];
    expect(page.getAttribute("resid")).toBe(runtime.getAttribute("resid"));
    expect(shortStrings.get(functions.getElementsByTagName("Namespace")[0].getAttribute("resid")!)).toBe("CLV");
    expect(urls.get("Functions.Metadata.Url")).toMatch(/\/functions\.json$/);
    expect(urls.get("Functions.Script.Url")).toMatch(/\/functions\.js$/);
  });

  test("every address is https, and every icon exists at its declared size", () => {
    const addresses = [
      ...urls.values(), ...images.values(),
      ...["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"].flatMap((n) => elements(n).map((e) => e.getAttribute("DefaultValue") ?? "")).filter(Boolean),
    ];
    for (const address of addresses) expect(address).toMatch(/^https:\/\//);
    for (const [id, address] of images) {
      const declared = Number(id.split(".")[1]);
      expect(pngSize(assetOf(address))).toEqual([declared, declared]);
    }
    expect(pngSize(assetOf(child(officeApp, "IconUrl")!.getAttribute("DefaultValue")!))).toEqual([32, 32]);
    expect(pngSize(assetOf(child(officeApp, "HighResolutionIconUrl")!.getAttribute("DefaultValue")!))).toEqual([64, 64]);
  });

  test("the ribbon group and its button each have the 16, 32 and 80 px icons", () => {
    const icons = elements("Icon");
    expect(icons).toHaveLength(2);
    for (const icon of icons) {
      const sized = Array.from(icon.children).map((image) => [image.getAttribute("size"), images.get(image.getAttribute("resid") ?? "")]);
      expect(sized).toEqual(["16", "32", "80"].map((size) => [size, expect.stringMatching(new RegExp(`/assets/icon-${size}\\.png$`))]));
    }
  });

  test("Microsoft's own manifest reader (`office-addin-manifest info`, offline) reads it", () => {
    // Run as a separate process: the package loads ESM-only modules that Jest cannot require.
    const cli = path.join(ROOT, "node_modules", "office-addin-manifest", "cli.js");
    const info = execFileSync(process.execPath, [cli, "info", manifestPath], { encoding: "utf8" });
    expect(info).toMatch(/Name: CLV Toolkit/);
    expect(info).toMatch(/Hosts: Workbook/);
    expect(info).toMatch(/Permissions: ReadWriteDocument/);
  });
});

describe("assets/ (drawn by scripts/make-icons.js from one description)", () => {
  test.each(ICON_SIZES)("icon-%i.png is that many pixels wide and high", (size) => {
    expect(pngSize(path.join(ASSETS, `icon-${size}.png`))).toEqual([size, size]);
  });
});
