/**
 * The demo end to end in Chromium: the real task pane beside the simulated workbook. Select the
 * sample by mouse and by the Name box, walk every wizard step, check the sheets it wrote against the
 * simulator's own numbers, edit an assumption and check the recalculation, and load bad rows.
 * Each step is saved as a screenshot in test-results/e2e/ and checked with axe-core.
 */
import type { Page } from "playwright-core";
import { MESSY_SHEET } from "../../src/demo/sampleWorkbook";
import {
  STEP_TIMEOUT_MS,
  goTo,
  readCell,
  readTableCell,
  runWizard,
  saveScreenshot,
  seriousViolations,
  settled,
  useDemo,
  waitForStep,
} from "./harness";
import { SAMPLE_CUSTOMERS as CUSTOMERS, SAMPLE_LOG as LOG, SAMPLE_ORDERS as ORDERS, SAMPLE_RANGE, SAMPLE_REVENUE as REVENUE } from "./sample";

jest.setTimeout(4 * STEP_TIMEOUT_MS); // a guard against a hung browser, not a speed requirement

/** Relative tolerance of floating-point results computed in another order (sums of 5,000 amounts, a doubled NPV). */
const RELATIVE = 1e-9;
/** Published figures with 3 decimals: within half a unit of the third. */
const PUBLISHED = 5e-4;

const demoSession = useDemo();
let page: Page;

beforeAll(() => {
  page = demoSession().page;
});

/** Saves the screenshot and expects no serious or critical accessibility violation. */
async function checkStep(name: string): Promise<void> {
  await saveScreenshot(page, name);
  expect(await seriousViolations(page)).toEqual([]);
}

test("the demo opens on the sample: Sales and Messy data sheets, the header row, the pane's first step", async () => {
  expect(await page.getByRole("tab").allInnerTexts()).toEqual(["Sales", MESSY_SHEET]);
  expect((await readCell(page, "Sales", "A1")).value).toBe("Customer");
  expect((await readCell(page, "Sales", `A${ORDERS + 1}`)).value).toBe(`C${LOG.customer[ORDERS - 1] + 1}`);
  expect(await page.getByTestId("name-box").inputValue()).toBe("A1");
  await waitForStep(page, "data");
  await checkStep("01-opened");
});

test("a mouse drag selects a block, and the pane reads exactly that block", async () => {
  await page.locator('[data-address="A1"]').hover();
  await page.mouse.down();
  await page.locator('[data-address="C12"]').hover();
  await page.locator('[data-address="E12"]').hover();
  await page.mouse.up();
  expect(await settled(() => page.getByTestId("name-box").inputValue(), "A1:E12")).toBe("A1:E12");
  await page.getByTestId("use-selection").click();
  await expect(page.getByTestId("selection-summary").textContent()).resolves.toBe("Sales!A1:E12: 12 rows");
  await checkStep("02-dragged-selection");
});

test("the Name box selects the whole sample and the wizard runs through every step to a written report", async () => {
  await goTo(page, SAMPLE_RANGE);
  expect(await page.getByTestId("name-box").inputValue()).toBe(SAMPLE_RANGE);
  await runWizard(page, {
    cac: "50",
    margin: "40",
    onStep: async (step) => {
      if (step === "data") {
        expect(await page.getByTestId("selection-summary").textContent()).toBe(`Sales!${SAMPLE_RANGE}: ${(ORDERS + 1).toLocaleString("en-US")} rows`);
        // Sheet row 2, column B: the first order's date as the sheet shows it (Range.text), not its serial number.
        const firstDate = page.getByTestId("selection-preview").getByRole("row").nth(2).getByRole("cell").nth(2);
        expect(await firstDate.textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      if (step === "done") {
        const check = await page.getByTestId("holdout-check").textContent();
        expect(check).toMatch(/Repeat purchases in the holdout: [\d,]+ predicted, [\d,]+ actual \(error -?[\d.]+%\)/);
        // Each segment's mean predicted CLV and 95 % interval as the pane shows them: the figures of the CLV_Segments table, with cents.
        const rows = await page.getByTestId("clv-intervals").getByRole("row").evaluateAll((trs) =>
          trs.slice(1).map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? ""))
        );
        expect(rows.map(([segment]) => segment).sort()).toEqual(["Phone", "Store", "Web"]);
        const money = (value: unknown) => (value as number).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        for (const [segment, mean, interval] of rows) {
          const sheet = async (column: string) => money((await readTableCell(page, "CLV_Segments", segment, column)).value);
          expect([mean, interval]).toEqual([await sheet("Mean predicted CLV"), `${await sheet("Predicted CLV low")} to ${await sheet("Predicted CLV high")}`]);
        }
      }
      if (step === "columns") {
        expect(await page.getByTestId("row-summary").textContent()).toContain(`${ORDERS.toLocaleString("en-US")} of ${ORDERS.toLocaleString("en-US")} rows can be used`);
        const segment = page.getByTestId("column-segment");
        expect(await segment.evaluate((select: HTMLSelectElement) => select.selectedOptions[0].text)).toBe("Channel (D)"); // detected
      }
      await checkStep(`03-step-${step}`);
    },
  });
  expect(await page.getByTestId("created-sheets").locator("li").allTextContents()).toEqual(
    expect.arrayContaining(["CLV Summary", "CLV Customers", "CLV Cohorts", "CLV Web", "CLV Store", "CLV Phone"])
  );
  expect(await page.getByRole("tab", { selected: true }).innerText()).toBe("CLV Summary");
});

test("the written sheets hold the simulator's customers, orders and revenue; the formulas compute", async () => {
  const customers = await readTableCell(page, "CLV_Segments", "All customers", "Customers");
  const orders = await readTableCell(page, "CLV_Segments", "All customers", "Orders");
  const revenue = await readTableCell(page, "CLV_Segments", "All customers", "Revenue");
  expect([customers.value, orders.value]).toEqual([CUSTOMERS, ORDERS]);
  expect(Math.abs((revenue.value as number) - REVENUE) / REVENUE).toBeLessThan(RELATIVE);
  // AOV is a formula, =CLV.AOV(revenue, orders), computed by HyperFormula through the add-in's function.
  const aov = await readTableCell(page, "CLV_Segments", "All customers", "AOV");
  expect(aov.formula).toBe("=CLV.AOV(CLV_Segments[[#Totals],[Revenue]],CLV_Segments[[#Totals],[Orders]])");
  expect(Math.abs((aov.value as number) - REVENUE / ORDERS) / (REVENUE / ORDERS)).toBeLessThan(RELATIVE);
  // One customer row per customer: the table holds a header and 2,000 rows.
  const rows = await page.evaluate(() => window.clvDemo.book.model.table("CLV_Customers")?.rowCount);
  expect(rows).toBe(CUSTOMERS + 1);
  // The summary's three charts are drawn (each canvas has non-blank pixels).
  const charts = page.getByTestId("chart");
  await expect(charts.count()).resolves.toBe(3);
  const drawn = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="chart"] canvas')].map((canvas) => {
      const pixels = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      return pixels.some((value, i) => i % 4 === 3 && value > 0);
    })
  );
  expect(drawn).toEqual([true, true, true]);
  // Show the charts: go to column A of their last row.
  const lastChartRow = await page.evaluate(() => window.clvDemo.book.model.sheet("CLV Summary").charts[0].to?.replace(/^[A-Z]+/, ""));
  await goTo(page, `A${lastChartRow}`);
  await checkStep("03-summary-charts");
});

test("editing CLV_Margin recalculates NPV CLV: it is linear in the margin, so 40% to 80% doubles it", async () => {
  const before = await readTableCell(page, "CLV_Segments", "All customers", "NPV CLV");
  expect(typeof before.value).toBe("number");
  await goTo(page, "CLV_Margin");
  expect(await page.getByTestId("formula-bar").inputValue()).toBe("0.4");
  await page.getByTestId("formula-bar").fill("80%");
  await page.getByTestId("formula-bar").press("Enter");
  const after = (await readCell(page, "CLV Summary", before.address)).value as number;
  expect(Math.abs(after - 2 * (before.value as number)) / after).toBeLessThan(RELATIVE);
  expect(await page.locator(`[data-address="${before.address}"]`).textContent()).toBe(
    (2 * (before.value as number)).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  );
  await goTo(page, before.address);
  await checkStep("04-margin-edited");
});

test("a second run asks before replacing the earlier report; replacing it writes the sheets again", async () => {
  await page.getByTestId("wizard-restart").click();
  await goTo(page, `Sales!${SAMPLE_RANGE}`);
  await page.getByTestId("use-selection").click();
  await page.getByTestId("selection-summary").waitFor();
  await page.getByTestId("wizard-next").click();
  await page.getByTestId("row-summary").waitFor();
  await page.getByTestId("wizard-next").click();
  await page.getByTestId("assumption-cac").fill("50");
  await page.getByTestId("wizard-run").click();
  await page.getByTestId("replace-question").waitFor();
  await checkStep("05-step-run-replace-question");
  await page.getByTestId("replace-confirm").click();
  await waitForStep(page, "done");
  expect(await page.getByRole("tab").allInnerTexts()).not.toContain("CLV Summary (2)");
});

test("bad rows: the Columns step lists each rejected row with its row number and column", async () => {
  await page.getByTestId("wizard-restart").click();
  await page.getByRole("tab", { name: MESSY_SHEET }).click();
  await page.locator('[data-address="B3"]').click(); // one cell stands for the block around it
  await page.getByTestId("use-selection").click();
  await expect(page.getByTestId("selection-summary").textContent()).resolves.toBe(`'${MESSY_SHEET}'!A1:D8: 8 rows`);
  await page.getByTestId("wizard-next").click();
  const problems = page.getByTestId("row-problems");
  await problems.waitFor();
  const listed = await problems.locator("li").allTextContents();
  expect(listed).toHaveLength(2);
  expect(listed[0]).toMatch(/^Row 4, Order date: .*2024-02-30/);
  expect(listed[1]).toMatch(/^Row 5, Amount: .*twelve/);
  await problems.scrollIntoViewIfNeeded();
  await checkStep("06-bad-rows");
});

test("a fit typed in the sheet spills its block: =CLV.SBG_FIT over the regular cohort gives alpha 0.704, beta 1.182 (Fader & Hardie 2007)", async () => {
  // % of the cohort still active in years 0..7 (Fader & Hardie 2007, "regular"), typed in H1:O1 of the Messy sheet.
  const cohort = [100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1];
  for (const [i, value] of cohort.entries()) {
    await goTo(page, `${String.fromCharCode(72 + i)}1`);
    await page.getByTestId("formula-bar").fill(String(value));
    await page.getByTestId("formula-bar").press("Enter");
  }
  await goTo(page, "H3");
  await page.getByTestId("formula-bar").fill("=CLV.SBG_FIT(H1:O1)");
  await page.getByTestId("formula-bar").press("Enter");
  const alpha = await readCell(page, MESSY_SHEET, "I4");
  const beta = await readCell(page, MESSY_SHEET, "I5");
  expect([(await readCell(page, MESSY_SHEET, "H4")).value, (await readCell(page, MESSY_SHEET, "H5")).value]).toEqual(["alpha", "beta"]);
  expect(Math.abs((alpha.value as number) - 0.704)).toBeLessThanOrEqual(PUBLISHED);
  expect(Math.abs((beta.value as number) - 1.182)).toBeLessThanOrEqual(PUBLISHED);
  await checkStep("07-sbg-fit-spilled");
});

test("nothing went wrong on the page: no console error, page error or failed request", () => {
  expect(demoSession().problems).toEqual([]);
});
