/**
 * The end-to-end harness: serves the built demo (demo-dist/, `npm run build:demo`) over http on
 * 127.0.0.1, launches Debian's Chromium through playwright-core, opens the demo in a fresh browser
 * context that records every request (page, frames and the analysis worker) and every console error,
 * and helps drive the wizard, read cells, take screenshots and run axe-core. Reusable by any browser test.
 */
import * as fs from "fs";
import type { Server } from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";

const { serveFiles }: {
  serveFiles(options: { root: string; basePath: string; port: number; host: string }): Promise<Server>;
} = require("../../scripts/serveDist"); // plain JavaScript, the script behind `npm run serve:dist`

export const ROOT = path.resolve(__dirname, "..", "..");
export const DEMO_DIST = path.join(ROOT, "demo-dist");
/** Screenshots go here (ignored by git). */
export const SCREENSHOTS = path.join(ROOT, "test-results", "e2e");
/** Debian's Chromium (apt-get install chromium; .ci/run installs it); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/**
 * Flags that work on these machines (root, no GPU, closed network): without the background-networking
 * ones Chromium keeps trying to reach Google's services. Playwright adds --headless and a fresh
 * temporary --user-data-dir of its own.
 */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** How long a browser step may wait (reading 5,000 rows, fitting the models, writing the report) before the test fails rather than hangs. */
export const STEP_TIMEOUT_MS = 90_000;
/** Viewport of the screenshots: the workbook and the 400-pixel pane side by side. */
const VIEWPORT = { width: 1400, height: 900 };

export interface StaticServer {
  /** e.g. "http://127.0.0.1:40123" */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the files under `root` over http on a free port of 127.0.0.1, with `npm run serve:dist`'s server.
 * @throws Error when `root` has no demo.html: the demo is not built
 */
export async function serveStatic(root: string = DEMO_DIST): Promise<StaticServer> {
  if (!fs.existsSync(path.join(root, "demo.html"))) {
    throw new Error(`${root}/demo.html is missing: run \`npm run build:demo\` first (npm test does)`);
  }
  const server: Server = await serveFiles({ root, basePath: "/", port: 0, host: "127.0.0.1" });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Launches headless Chromium.
 * @throws Error naming the package to install when the browser is missing
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** An open demo page and what it did. */
export interface DemoSession {
  page: Page;
  context: BrowserContext;
  origin: string;
  /** Every request the page, its frames and its workers made, as full URLs, in order (WebSockets too). */
  requests: string[];
  /** Console errors, uncaught page errors and failed requests: a healthy run has none. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Opens `demo.html` (with `query`, e.g. "?lang=zh-CN") in a fresh browser context and waits until
 * the workbook and the pane are shown. Every request is recorded through the context's router, which
 * sees the page's, its frames' and its dedicated workers' requests alike; each is then let through.
 */
export async function openDemo(browser: Browser, origin: string, query = ""): Promise<DemoSession> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const requests: string[] = [];
  const problems: string[] = [];
  await context.route("**/*", (route) => {
    requests.push(route.request().url());
    return route.continue();
  });
  const page = await context.newPage();
  page.on("websocket", (socket) => requests.push(socket.url()));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ""}`));
  await page.goto(`${origin}/demo.html${query}`);
  await page.getByTestId("sheet-grid").waitFor();
  await page.getByTestId("use-selection").waitFor();
  return { page, context, origin, requests, problems, close: () => context.close() };
}

/**
 * For a test file: serves demo-dist, starts Chromium and opens the demo before its tests (beforeAll),
 * and closes all three after them. Returns a getter for the open session.
 */
export function useDemo(): () => DemoSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let demo: DemoSession | undefined;
  beforeAll(async () => {
    server = await serveStatic();
    browser = await launchChromium();
    demo = await openDemo(browser, server.origin);
  });
  afterAll(async () => {
    await demo?.close();
    await browser?.close();
    await server?.close();
  });
  return () => demo as DemoSession;
}

/** Saves a full-window screenshot as test-results/e2e/`name`.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * axe-core's serious and critical violations on the whole page (workbook and pane), each as
 * "rule: help (selectors)"; empty when there are none. One known false positive is left out: Fluent UI's
 * focus manager (tabster) brackets a TabList with hidden `<i data-tabster-dummy tabindex=0 aria-hidden>`
 * sentinels that pass focus on at once, which axe's aria-hidden-focus flags; Fluent closed this "by design"
 * (microsoft/fluentui#27517) and Accessibility Insights suppresses it the same way (accessibility-insights-web#7605).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: a <script> tag would be refused by the page's Content Security Policy.
  await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const violations = await page.evaluate(async () => {
    const results = await (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe.run(document);
    return results.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Types `text` into the Name box and presses Enter: selects that address, range or name. */
export async function goTo(page: Page, text: string): Promise<void> {
  const box = page.getByTestId("name-box");
  await box.fill(text);
  await box.press("Enter");
}

/** Waits until the wizard shows `step` (data, columns, assumptions, run or done). */
export async function waitForStep(page: Page, step: "data" | "columns" | "assumptions" | "run" | "done"): Promise<void> {
  await page.locator(`section[data-step="${step}"]`).waitFor();
}

/** A cell of the simulated workbook: its value (as Range.values gives it) and the text the grid shows. */
export interface CellReading {
  value: string | number | boolean;
  formula: string | number | boolean;
  address: string;
}

/** Reads a cell of the simulated workbook, e.g. ("CLV Summary", "B7"). */
export async function readCell(page: Page, sheet: string, address: string): Promise<CellReading> {
  return page.evaluate(
    ({ sheet, address }) => {
      const cells = window.clvDemo.book.model.sheet(sheet);
      return { value: cells.value(address), formula: cells.formula(address), address };
    },
    { sheet, address }
  );
}

/**
 * The cell of a table's column in the row whose first cell is `rowLabel` (the totals row's label
 * included), e.g. ("CLV_Segments", "All customers", "NPV CLV").
 * @throws Error when the table, the row or the column is missing
 */
export async function readTableCell(page: Page, table: string, rowLabel: string, column: string): Promise<CellReading & { sheet: string }> {
  const found = await page.evaluate(
    ({ table, rowLabel, column }) => {
      const model = window.clvDemo.book.model;
      const t = model.table(table);
      if (t === undefined) return `no table ${table}`;
      const rows = t.rowCount + (t.showTotals ? 1 : 0);
      const labels = Array.from({ length: rows }, (_, r) => t.sheet.valueAt(t.row + r, t.column));
      const r = labels.indexOf(rowLabel);
      const c = t.headers.indexOf(column);
      if (r < 0 || c < 0) return `table ${table} has no row ${rowLabel} or no column ${column} (rows ${labels.join(", ")}; columns ${t.headers.join(", ")})`;
      return { sheet: t.sheet.name, row: t.row + r, column: t.column + c };
    },
    { table, rowLabel, column }
  );
  if (typeof found === "string") throw new Error(found);
  const address = `${columnLetters(found.column)}${found.row + 1}`;
  return { ...(await readCell(page, found.sheet, address)), sheet: found.sheet };
}

/** Column letters of a 0-based column: 0 is A, 26 is AA. */
function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Presses Tab until the focused element matches `selector`; fails after `maxPresses`. */
export async function tabTo(page: Page, selector: string, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector} in ${maxPresses} presses`);
}

/**
 * The wizard with the mouse, from the Data step to the written report: reads the selection, keeps the
 * detected columns (a change would start a new check of the rows), sets the CAC and the margin, runs
 * and waits for the Done step. `onStep` hears each step as it is shown (for screenshots and checks).
 */
export async function runWizard(page: Page, options: { cac: string; margin?: string; onStep?: (step: string) => Promise<void> }): Promise<void> {
  const onStep = options.onStep ?? (async () => undefined);
  await page.getByTestId("use-selection").click();
  await page.getByTestId("selection-summary").waitFor();
  await onStep("data");
  await page.getByTestId("wizard-next").click();
  await waitForStep(page, "columns");
  await page.getByTestId("row-summary").waitFor(); // the check of the rows has answered
  await onStep("columns");
  await page.getByTestId("wizard-next").click();
  await waitForStep(page, "assumptions");
  await page.getByTestId("assumption-cac").fill(options.cac);
  if (options.margin !== undefined) await page.getByTestId("assumption-margin").fill(options.margin);
  await onStep("assumptions");
  await page.getByTestId("wizard-run").click();
  await waitForStep(page, "done");
  await page.getByTestId("created-sheets").waitFor();
  await onStep("done");
}

/**
 * Reads `read()` until it gives `expected` or `timeoutMs` pass, and returns the last reading (for
 * state that follows a mouse move, which React renders a moment later).
 */
export async function settled<T>(read: () => Promise<T>, expected: T, timeoutMs = 5_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (value !== expected && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
