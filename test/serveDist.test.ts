/**
 * The production build served as users get it: scripts/serveDist.js (`npm run serve:dist`) serves
 * dist/, which npm test builds for https://clv.example.com/addin/, at that address's path on
 * https://localhost, the way a static host would. Every URL the manifest names and every script the
 * page loads answers 200 with its content type; in Chromium the page runs under its own Content
 * Security Policy, starts its worker and asks for nothing beyond its origin while it loads. (The
 * end-to-end wizard runs are in test/e2e.)
 */
import * as fs from "fs";
import * as https from "https";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import type { Server } from "https";
import { type Browser, type Page, chromium } from "playwright-core";
import { DIST, EXAMPLE_ADDRESS, readDist as read } from "./productionDist";

// CommonJS scripts: required, with the types their doc comments state.
const { manifestAddress, serveFiles }: {
  manifestAddress(manifestXml: string): string;
  serveFiles(options: { root: string; basePath: string; tls: { cert: Buffer; key: Buffer }; port: number }): Promise<Server>;
} = require("../scripts/serveDist");
const { generateCertificates }: {
  generateCertificates(caPath: string, certificatePath: string, keyPath: string, days: number): Promise<void>;
} = require("office-addin-dev-certs");

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Debian's chromium, which .ci/run installs; Playwright cannot download browsers here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Generous: two page loads in a browser on a shared 2-core machine. A limit on hanging, not a speed check. */
const BROWSER_TEST_TIMEOUT_MS = 120_000;

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "package.json"), "utf8"));

/** What a static host must send for each kind of file, whatever else it adds (a charset). */
const EXPECTED_TYPES: Record<string, RegExp> = {
  ".html": /^text\/html\b/,
  ".js": /^text\/javascript\b/,
  ".json": /^application\/json\b/,
  ".png": /^image\/png$/,
};

const manifest = read("manifest.xml").toString();

let certificates: string;
let ca: Buffer;
let server: Server;
let base: string;

beforeAll(async () => {
  certificates = fs.mkdtempSync(path.join(os.tmpdir(), "clv-serve-"));
  const file = (name: string) => path.join(certificates, name);
  await generateCertificates(file("ca.crt"), file("localhost.crt"), file("localhost.key"), 1);
  ca = fs.readFileSync(file("ca.crt"));
  const tls = { cert: fs.readFileSync(file("localhost.crt")), key: fs.readFileSync(file("localhost.key")) };
  // As `npm run serve:dist` does: at the path of the address the manifest points at.
  server = await serveFiles({ root: DIST, basePath: new URL(manifestAddress(manifest)).pathname, tls, port: 0 });
  base = `https://localhost:${(server.address() as AddressInfo).port}${new URL(EXAMPLE_ADDRESS).pathname}`;
});

afterAll(() => {
  server?.close();
  fs.rmSync(certificates, { recursive: true, force: true });
});

/** GET over https, trusting only the test's own certificate authority. */
function get(url: string): Promise<{ status: number; type: string; cors: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            type: String(response.headers["content-type"]),
            cors: String(response.headers["access-control-allow-origin"]),
            body: Buffer.concat(chunks),
          })
        );
      })
      .on("error", reject);
  });
}

/** The dist/ file a public URL names. */
const fileOf = (publicUrl: string) => new URL(publicUrl).pathname.slice(new URL(EXAMPLE_ADDRESS).pathname.length);

describe("dist/ served at the manifest's address path over https", () => {
  test("the address is the folder of the manifest's task pane page", () => {
    expect(manifestAddress(manifest)).toBe(EXAMPLE_ADDRESS);
    expect(() => manifestAddress("<OfficeApp/>")).toThrow("The manifest has no <SourceLocation DefaultValue=...>");
  });

  const named = [...new Set(manifest.match(/https:\/\/[^"<\s]+/g) ?? [])].filter((url) => url.startsWith(EXAMPLE_ADDRESS));
  const page = read("taskpane.html").toString();
  const pageScripts = [...page.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((match) => match[1]);
  const ownScripts = pageScripts.filter((src) => !/^https?:/.test(src));

  test("the manifest names the page, the functions' script and metadata and the icons", () => {
    expect(named.map(fileOf).sort()).toEqual(
      ["assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png", "functions.js", "functions.json", "taskpane.html"].sort()
    );
  });

  test("every URL the manifest names answers 200 with its content type, readable from Excel's origin (CORS), and the built file", async () => {
    for (const url of named) {
      const file = fileOf(url);
      const response = await get(base + file);
      expect([file, response.status]).toEqual([file, 200]);
      expect([file, response.type]).toEqual([file, expect.stringMatching(EXPECTED_TYPES[path.extname(file)])]);
      expect([file, response.cors]).toEqual([file, "*"]); // Excel on the web reads functions.json from its own origin
      expect(response.body.equals(read(file))).toBe(true);
    }
  });

  test("the page loads office.js from Microsoft's CDN and its own scripts from beside it", () => {
    expect(pageScripts.filter((src) => /^https?:/.test(src))).toEqual([OFFICE_JS]);
    expect(ownScripts).toEqual(["taskpane.js", "functions.js"]);
  });

  test("every script the page and its worker load answers 200 as JavaScript", async () => {
    const all = fs.readdirSync(DIST).filter((file) => file.endsWith(".js"));
    expect(all).toEqual(expect.arrayContaining([...ownScripts, "analysis-worker.js"]));
    for (const file of all) {
      const response = await get(base + file);
      expect([file, response.status, response.type]).toEqual([file, 200, expect.stringMatching(EXPECTED_TYPES[".js"])]);
    }
  });

  test.each([
    ["a file dist/ does not have", "missing.js"],
    ["a path outside the address", "../package.json"],
    ["an encoded way out of dist/", "..%2fpackage.json"],
    ["a folder", "assets"],
  ])("%s answers 404", async (_, file) => {
    expect((await get(base + file)).status).toBe(404);
  });
});

const browserTests = fs.existsSync(CHROMIUM) ? describe : describe.skip;
if (!fs.existsSync(CHROMIUM)) console.warn(`serveDist.test.ts: no Chromium at ${CHROMIUM}; the browser checks are skipped (apt-get install chromium, or set CHROMIUM_PATH)`);

browserTests("dist/taskpane.html in Chromium, under its Content Security Policy", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  }, BROWSER_TEST_TIMEOUT_MS);
  afterAll(async () => browser?.close());

  /**
   * Opens the served page with a stand-in for office.js (its CDN is out of reach here): an Office host
   * in `language` supporting ExcelApi up to 1.`excelApi`, and a CustomFunctions that records the ids
   * associated. `policy` rewrites the page's own Content Security Policy when given.
   */
  async function open({ policy, language = "en-US", excelApi = 17 }: { policy?: (csp: string) => string; language?: string; excelApi?: number } = {}) {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("pageerror", (error) => errors.push(error.message));
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { cspViolations: seen });
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body:
          "window.associated = [];" +
          "window.CustomFunctions = { associate: (id) => window.associated.push(id), Error: Error, ErrorCode: {} };" +
          "window.Office = { onReady: (start) => Promise.resolve({ host: 'Excel' }).then(start)," +
          ` context: { displayLanguage: '${language}', requirements: {` +
          ` isSetSupported: (name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) <= ${excelApi} } } };`,
      })
    );
    if (policy) {
      await page.route(`${base}taskpane.html`, async (route) => {
        const response = await route.fetch();
        route.fulfill({ response, body: (await response.text()).replace(/(Content-Security-Policy content=")([^"]+)/, (_, head, csp) => head + policy(csp)) });
      });
    }
    await page.goto(`${base}taskpane.html`);
    await page.locator("[data-testid=use-selection], [data-testid=unsupported-excel]").waitFor();
    return { page, requests, errors, violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) };
  }

  const fontOf = (page: Page, testId: string) => page.getByTestId(testId).evaluate((element) => getComputedStyle(element).fontFamily);

  test(
    "the pane starts styled with no violation, shows its version, associates every function and asks only its own origin",
    async () => {
      const { page, requests, errors, violations } = await open();
      expect(errors).toEqual([]);
      expect(await violations()).toEqual([]);
      expect(await fontOf(page, "use-selection")).toMatch(/^"?Segoe UI/); // Fluent's webLightTheme font: its styles applied
      expect(await page.getByTestId("pane-version").textContent()).toBe(`Version ${pkg.version}`);
      const functionIds = JSON.parse(read("functions.json").toString()).functions.map((f: { id: string }) => f.id);
      expect(await page.evaluate(() => (window as unknown as { associated: string[] }).associated)).toEqual(functionIds);
      const origin = new URL(base).origin;
      expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([OFFICE_JS]);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT_MS
  );

  test(
    "an Excel without ExcelApi 1.7 gets, at start and in Office's language, the message instead of the wizard",
    async () => {
      const { page, errors } = await open({ language: "zh-CN", excelApi: 6 });
      expect(errors).toEqual([]);
      expect(await page.getByTestId("unsupported-excel").textContent()).toContain("此版本的 Excel 无法运行 CLV 向导");
      expect(await page.getByTestId("use-selection").count()).toBe(0);
      expect(await page.getByTestId("pane-version").textContent()).toBe(`版本 ${pkg.version}`);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT_MS
  );

  test(
    "the analysis worker starts from the page's origin and answers (a check of one good and one bad row)",
    async () => {
      const { page, violations } = await open();
      const answer = await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const worker = new Worker(new URL("analysis-worker.js", location.href));
            worker.onerror = (event) => reject(new Error(event.message));
            worker.onmessage = (event) => resolve(event.data);
            // Hand-made: row c1 is a purchase; row c2's amount is not a number, so it is rejected.
            worker.postMessage({ kind: "check", id: 1, cells: [["Customer", "Date", "Amount"], ["c1", "2024-03-05", 12], ["c2", "2024-03-06", "oops"]], parse: {} });
          })
      );
      expect(answer).toMatchObject({ kind: "checked", id: 1, check: { rows: { usedRows: 1, rejectedRows: 1 } } });
      expect(await violations()).toEqual([]);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT_MS
  );

  test(
    "without style-src 'unsafe-inline' Fluent UI's styles are blocked (why the policy allows inline styles)",
    async () => {
      const { page, violations } = await open({ policy: (csp) => csp.replace("style-src 'self' 'unsafe-inline'", "style-src 'self'") });
      expect(await violations()).toEqual(expect.arrayContaining([expect.stringMatching(/^style-src-elem inline/)]));
      expect(await fontOf(page, "use-selection")).not.toMatch(/Segoe UI/);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT_MS
  );
});
