/**
 * The wizard with the keyboard alone (Tab, Enter, Space, and typing into fields), from selecting the
 * sample in the Name box to a written report and a jump to one of its sheets.
 */
import { STEP_TIMEOUT_MS, saveScreenshot, tabTo, useDemo, waitForStep } from "./harness";
import { SAMPLE_CUSTOMERS, SAMPLE_RANGE } from "./sample";

jest.setTimeout(4 * STEP_TIMEOUT_MS); // a guard against a hung browser, not a speed requirement

const demoSession = useDemo();

test("Tab, Enter and Space alone walk the wizard from the Name box to a written report", async () => {
  const demo = demoSession();
  const { page } = demo;
  await tabTo(page, '[data-testid="name-box"]');
  await page.keyboard.type(SAMPLE_RANGE);
  await page.keyboard.press("Enter");
  expect(await page.getByTestId("name-box").inputValue()).toBe(SAMPLE_RANGE);

  await tabTo(page, '[data-testid="use-selection"]');
  await page.keyboard.press("Enter");
  await page.getByTestId("selection-summary").waitFor();
  await saveScreenshot(page, "10-keyboard-data");
  await tabTo(page, '[data-testid="wizard-next"]');
  await page.keyboard.press("Space");
  await waitForStep(page, "columns");
  await page.getByTestId("row-summary").waitFor();
  await saveScreenshot(page, "11-keyboard-columns");

  await tabTo(page, '[data-testid="wizard-next"]');
  await page.keyboard.press("Enter");
  await waitForStep(page, "assumptions");
  // Run without a CAC: the wizard stays and moves focus to the field that needs it.
  await tabTo(page, '[data-testid="wizard-run"]');
  await page.keyboard.press("Enter");
  await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("assumption-cac");
  await page.keyboard.type("50");
  await saveScreenshot(page, "12-keyboard-assumptions");
  await tabTo(page, '[data-testid="wizard-run"]');
  await page.keyboard.press("Enter");
  await waitForStep(page, "done");
  await saveScreenshot(page, "13-keyboard-done");

  await tabTo(page, '[data-testid="open-sheet"][aria-label="Go to CLV Customers"]');
  await page.keyboard.press("Enter");
  await expect(page.getByRole("tab", { selected: true }).innerText()).resolves.toBe("CLV Customers");
  expect(await page.evaluate(() => window.clvDemo.book.model.table("CLV_Customers")?.rowCount)).toBe(SAMPLE_CUSTOMERS + 1);
  await saveScreenshot(page, "14-keyboard-sheet-shown");
  expect(demo.problems).toEqual([]);
});
