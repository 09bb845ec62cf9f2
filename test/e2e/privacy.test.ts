/**
 * Nothing leaves the page: an end-to-end run of the wizard (the pane, its analysis worker, the report
 * writer) and of the CLV cell functions, with every request of the page, its frames and its workers
 * recorded, and each one checked to go to the page's own origin.
 */
import { STEP_TIMEOUT_MS, goTo, readCell, runWizard, useDemo } from "./harness";
import { SAMPLE_RANGE } from "./sample";

jest.setTimeout(4 * STEP_TIMEOUT_MS); // a guard against a hung browser, not a speed requirement

const demoSession = useDemo();

beforeAll(async () => {
  const { page } = demoSession();
  await goTo(page, SAMPLE_RANGE);
  await runWizard(page, { cac: "50" });
  // The cell functions, typed by a user: =CLV.BASIC(100,2,20) is 100 x 2 x 20 = 4000 (README's worked example).
  await goTo(page, "Sales!H2");
  await page.getByTestId("formula-bar").fill("=CLV.BASIC(100,2,20)");
  await page.getByTestId("formula-bar").press("Enter");
});

test("the run and the functions worked (so the recording covers real work)", async () => {
  const demo = demoSession();
  expect((await readCell(demo.page, "Sales", "H2")).value).toBe(4000);
  expect(await demo.page.getByTestId("created-sheets").locator("li").count()).toBeGreaterThan(3);
  expect(demo.problems).toEqual([]);
});

test("the recording includes the analysis worker's script and the functions' metadata", () => {
  const paths = demoSession().requests.map((url) => new URL(url).pathname);
  expect(paths).toEqual(expect.arrayContaining(["/demo.html", "/office-standin.js", "/functions.js", "/taskpane.js", "/functions.json", "/analysis-worker.js"]));
});

test("every request went to the page's own origin", () => {
  const { requests, origin } = demoSession();
  const elsewhere = requests.filter((url) => new URL(url).origin !== origin);
  expect(elsewhere).toEqual([]);
});
