/** @jest-environment jsdom */
import "../testing/domSetup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../App";
import { WorkbookError } from "../../excel";
import { FakeWorkbook, installFakeExcel } from "../../excel/fake";
import type { Messages } from "../i18n/messages";
import { en } from "../i18n/en";
import { zhCN } from "../i18n/zhCN";
import type { SelectedRange } from "../excelGateway";
import { type FakeGatewayOptions, fakeGateway } from "../testing/fakeGateway";
import { officeGateway } from "../officeGateway";
import { inProcessWorkers } from "../testing/inProcessWorker";
import { SALES, SALES_BAD_ROW } from "../testing/transactions";

/** The sheets the report of SALES segmented by its Channel column has (see protocol.test.ts), the holdout check on (the default). */
const SALES_SHEETS = ["CLV Summary", "CLV Customers", "CLV Cohorts", "CLV Validation", "CLV Web", "CLV Store"];

function renderPane(options: Partial<FakeGatewayOptions> & { holdAnalysis?: boolean; messages?: Messages } = {}) {
  const fake = fakeGateway({ selection: SALES, ...options });
  const workers = inProcessWorkers({ holdAnalysis: options.holdAnalysis });
  const user = userEvent.setup();
  const t = options.messages ?? en;
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={fake.gateway} createWorker={workers.factory} messages={t} />
    </FluentProvider>
  );
  return { fake, workers, user, t };
}

type Pane = ReturnType<typeof renderPane>;

/** Reads the selection (SALES unless the pane was given another) and goes on to the columns, once they are detected. */
async function toColumns({ user }: Pane) {
  await user.click(screen.getByTestId("use-selection"));
  await screen.findByTestId("selection-summary");
  await user.click(screen.getByTestId("wizard-next"));
  await waitFor(() => expect(screen.getByTestId("column-customer")).toHaveDisplayValue("Customer (B)"));
}

/** Goes on to the assumptions. */
async function toAssumptions(pane: Pane) {
  await toColumns(pane);
  await screen.findByTestId("row-problems");
  await pane.user.click(screen.getByTestId("wizard-next"));
  await screen.findByRole("heading", { name: pane.t.stepAssumptions });
}

/** Enters an acquisition cost and starts the run. */
async function run(pane: Pane, cac = "40") {
  await toAssumptions(pane);
  await pane.user.type(screen.getByTestId("assumption-cac"), cac);
  await pane.user.click(screen.getByTestId("wizard-run"));
}

describe("data step", () => {
  test("Use selection shows the address, the row count and the first rows", async () => {
    const pane = renderPane();
    expect(screen.getByRole("heading", { name: "Data" })).toBeInTheDocument();
    await pane.user.click(screen.getByTestId("use-selection"));
    expect(await screen.findByTestId("selection-summary")).toHaveTextContent("Sales!B3:E9: 7 rows");
    const preview = within(screen.getByTestId("selection-preview"));
    // Sheet columns B to E (the block starts at B3); sheet rows 3 to 7 (the first five of the block).
    expect(preview.getAllByRole("columnheader").map((cell) => cell.textContent)).toEqual(["Row", "B", "C", "D", "E"]);
    const rows = preview.getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[0].textContent)).toEqual(["3", "4", "5", "6", "7"]);
    expect(within(rows[1]).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["4", "c1", "2024-01-05", "120.5", "Web"]);
  });

  test("the preview shows a date cell as the sheet shows it, not its serial number", async () => {
    // Excel's Range.values gives a date cell as its serial: 2024-01-05 is 45296 (45292 is 2024-01-01 in the
    // 1900 date system, Microsoft's DATEVALUE page); Range.text gives what the cell shows under its format.
    const values = SALES.values.map((row, i) => (i === 1 ? ["c1", 45296, 120.5, "Web"] : row));
    const previewText = SALES.previewText.map((row, i) => (i === 1 ? ["c1", "1/5/2024", "$120.50", "Web"] : row));
    const pane = renderPane({ selection: { ...SALES, values, previewText } });
    await pane.user.click(screen.getByTestId("use-selection"));
    const rows = within(await screen.findByTestId("selection-preview")).getAllByRole("row").slice(1);
    expect(within(rows[1]).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["4", "c1", "1/5/2024", "$120.50", "Web"]);
  });

  test("Next before reading says what to do and moves focus to it", async () => {
    const { user } = renderPane();
    await user.click(screen.getByTestId("wizard-next"));
    const problem = await screen.findByText(en.problemSelection);
    expect(screen.getByRole("heading", { name: "Data" })).toBeInTheDocument();
    expect(problem.closest("[data-problem]")).toHaveFocus();
  });

  test("a failed read is shown with Excel's message, and can be dismissed", async () => {
    const { user } = renderPane({ selection: new Error("Select one block of cells (or one cell inside the transactions)") });
    await user.click(screen.getByTestId("use-selection"));
    const error = await screen.findByTestId("error");
    expect(error).toHaveTextContent(en.errorTitle);
    expect(error).toHaveTextContent("Select one block of cells (or one cell inside the transactions)");
    await user.click(screen.getByTestId("error-dismiss"));
    expect(screen.queryByTestId("error")).not.toBeInTheDocument();
  });
});

describe("columns step", () => {
  test("focus moves to the step's heading", async () => {
    const pane = renderPane();
    await toColumns(pane);
    expect(screen.getByRole("heading", { name: "Columns" })).toHaveFocus();
  });

  test("the columns are pre-filled from the headers, with their sheet letters", async () => {
    const pane = renderPane();
    await toColumns(pane);
    expect(screen.getByTestId("column-date")).toHaveDisplayValue("Order date (C)");
    expect(screen.getByTestId("column-amount")).toHaveDisplayValue("Amount (D)");
    expect(screen.getByTestId("column-segment")).toHaveDisplayValue("Channel (E)");
    expect(screen.getByTestId("column-order")).toHaveDisplayValue("(none)");
    expect(screen.getByLabelText(en.hasHeader)).toBeChecked();
  });

  test("the bad date is listed by sheet row and column, with the count, before anything is written", async () => {
    const pane = renderPane();
    await toColumns(pane);
    const problems = await screen.findByTestId("row-problems");
    expect(problems).toHaveTextContent("1 row has a problem and will be skipped");
    expect(within(problems).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      `Row ${SALES_BAD_ROW}, Order date: "2024-02-30" is not a real calendar date`,
    ]);
    expect(screen.getByTestId("row-summary")).toHaveTextContent("5 of 6 rows can be used.");
    expect(pane.fake.writes).toEqual([]);
  });

  test("a required column left unchosen is flagged on its field, which gets focus", async () => {
    const pane = renderPane();
    await toColumns(pane);
    await pane.user.selectOptions(screen.getByTestId("column-amount"), en.chooseColumn);
    await pane.user.click(screen.getByTestId("wizard-next"));
    const amount = screen.getByTestId("column-amount");
    expect(amount).toHaveAttribute("aria-invalid", "true");
    expect(amount).toHaveAccessibleDescription(expect.stringContaining(en.problemColumnMissing));
    expect(amount).toHaveFocus();
    expect(screen.getByRole("heading", { name: "Columns" })).toBeInTheDocument();
  });

  test("changing a column checks the rows again in the worker", async () => {
    const pane = renderPane();
    await toColumns(pane);
    await screen.findByTestId("row-problems");
    // Amounts read as customer ids: every row is usable, and no row has a problem.
    await pane.user.selectOptions(screen.getByTestId("column-segment"), en.noColumn);
    await waitFor(() => expect(pane.workers.requests.filter((r) => r.kind === "check")).toHaveLength(2));
    const last = pane.workers.requests[pane.workers.requests.length - 1];
    expect(last).toMatchObject({ kind: "check", parse: { columns: { segment: null, customer: 0 } } });
  });

  test("a choice changed and changed back before its check answers does not leave the step waiting", async () => {
    const pane = renderPane();
    await toColumns(pane);
    await screen.findByTestId("row-problems");
    // Two changes in one go (fireEvent, unlike user-event, leaves the worker no time to answer between them).
    const segment = screen.getByTestId("column-segment");
    fireEvent.change(segment, { target: { value: "" } });
    fireEvent.change(segment, { target: { value: "3" } });
    await waitFor(() => expect(screen.queryByText(en.checkingRows)).not.toBeInTheDocument());
    await pane.user.click(screen.getByTestId("wizard-next"));
    expect(await screen.findByRole("heading", { name: "Segments and assumptions" })).toBeInTheDocument();
  });
});

describe("columns step: detection's notes", () => {
  // "Amount" and "Total" both name the amount ("Amount" ranks first); no header names the date, and
  // "Start" and "End" both hold dates. The English notes are detectColumns' messages (detectColumns.test.ts).
  const values = [
    ["Customer", "Start", "End", "Total", "Amount"],
    ["c1", "2024-01-05", "2024-01-07", "10", "10.50"],
    ["c2", "2024-01-09", "2024-01-10", "20", "20.25"],
  ];

  test.each([
    ["English", en, 'using "Amount"; "Total" also fit', 'columns "Start", "End" all look like dates; choose one'],
    ["Chinese", zhCN, '使用 "Amount" 列；"Total" 列也符合', '"Start", "End" 列看起来都像日期；请选择其中一列'],
  ])("follow each field's hint in the pane's language, the headers as the user wrote them (%s)", async (_, messages, amountNote, dateNote) => {
    const pane = renderPane({ messages, selection: { ...SALES, address: "Sales!B3:F5", values, previewText: values } });
    await toColumns(pane);
    expect(screen.getByTestId("column-amount")).toHaveAccessibleDescription(`${messages.hintAmount} ${amountNote}`);
    expect(screen.getByTestId("column-date")).toHaveAccessibleDescription(`${messages.hintDate} ${dateNote}`);
  });
});

/** Transactions typed as text under a header at Sales!B3, like SALES (the preview: the cells as typed). */
function typedSelection(values: string[][]): SelectedRange {
  return { ...SALES, address: `Sales!B3:D${2 + values.length}`, values, previewText: values.slice(0, 5) };
}

/** Runs from the columns step, as they are, with an acquisition cost of 40, and gives the written customer table's column `name` by customer. */
async function runFromColumns(pane: Pane, name: string): Promise<Record<string, unknown>> {
  await pane.user.click(screen.getByTestId("wizard-next"));
  await pane.user.type(await screen.findByTestId("assumption-cac"), "40");
  await pane.user.click(screen.getByTestId("wizard-run"));
  await screen.findByRole("heading", { name: "Done" });
  const table = pane.fake.writes[0].plan.sheets.flatMap((sheet) => sheet.tables).find((t) => t.name === "CLV_Customers");
  const column = table?.columns.findIndex((c) => c.name === name) ?? -1;
  return Object.fromEntries(table?.rows.map((row) => [row[0], row[column]]) ?? []);
}

describe("columns step: reading dates and amounts", () => {
  test.each([
    [
      "English",
      en,
      'Column "Date" mixes day-first dates (1 like row 4: "25/03/2024") and month-first dates (1 like row 5: "03/25/2024"), ' +
        "so dates such as 03/05/2024 are rejected; if one order is right, choose the date order",
    ],
    [
      "Chinese",
      zhCN,
      '“Date”列中既有日在前的日期（1 个，如第 4 行："25/03/2024"），也有月在前的日期（1 个，如第 5 行："03/25/2024"），' +
        "因此 03/05/2024 这样的日期将被拒绝；如果其中一种顺序是对的，请指定日期顺序",
    ],
  ])("a date column proving both orders is explained in the pane's language, with the first cell of each (%s)", async (_, messages, text) => {
    // Sheet rows 4 and 5 prove day first (25 is no month) and month first (25 is no day); row 6 cannot be read.
    const values = [["Customer", "Date", "Amount"], ["c1", "25/03/2024", "10"], ["c2", "03/25/2024", "20"], ["c3", "03/05/2024", "5"]];
    const pane = renderPane({ messages, selection: typedSelection(values) });
    await toColumns(pane);
    expect(await screen.findByTestId("table-warnings")).toHaveTextContent(`${messages.tableWarningsTitle}${text}`);
  });

  test("Automatic is the default of both choices, each labelled", async () => {
    const pane = renderPane();
    await toColumns(pane);
    expect(screen.getByRole("combobox", { name: en.dateOrder })).toHaveDisplayValue(en.readingAutomatic);
    expect(screen.getByRole("combobox", { name: en.decimalSeparator })).toHaveDisplayValue(en.readingAutomatic);
    expect(pane.workers.requests[0]).toMatchObject({ kind: "check" });
    expect(pane.workers.requests[0]).not.toHaveProperty("parse.dateOrder");
    expect(pane.workers.requests[0]).not.toHaveProperty("parse.decimalSeparator");
  });

  test("dates no date of the column settles are skipped under Automatic; Day first reads them all, 03/05/2024 as 3 May", async () => {
    // Every day and month is 12 or less, so each date reads both ways and none proves the order.
    const pane = renderPane({
      selection: typedSelection([
        ["Customer", "Order date", "Amount"],
        ["c1", "03/05/2024", "120.5"],
        ["c2", "04/06/2024", "80"],
        ["c3", "05/07/2024", "42.25"],
        ["c1", "06/08/2024", "60"],
        ["c2", "07/09/2024", "95"],
      ]),
    });
    await toColumns(pane);
    const problems = await screen.findByTestId("row-problems");
    expect(problems).toHaveTextContent("5 rows have a problem and will be skipped");
    expect(within(problems).getAllByRole("listitem")[0]).toHaveTextContent(
      'Row 4, Order date: "03/05/2024" could be day/month or month/day and no date in this column settles it; choose the date order'
    );
    expect(screen.getByTestId("row-summary")).toHaveTextContent("0 of 5 rows can be used.");

    await pane.user.selectOptions(screen.getByRole("combobox", { name: en.dateOrder }), en.dateOrderDayFirst);
    await waitFor(() => expect(screen.getByTestId("row-summary")).toHaveTextContent("5 of 5 rows can be used."));
    expect(screen.queryByTestId("row-problems")).not.toBeInTheDocument();
    expect(pane.workers.requests[pane.workers.requests.length - 1]).toMatchObject({ kind: "check", parse: { dateOrder: "dayFirst" } });

    // The run reads them day first too. Each customer's first purchase as an Excel serial, 2024-01-01 being 45292
    // (Microsoft's DATEVALUE page) plus the days since (2024 is a leap year): c1 3 May, 45292 + 31 + 29 + 31 + 30 + 2 = 45415;
    // c2 4 June, 45415 + 32 = 45447; c3 5 July, 45447 + 31 = 45478. Month first would make c1's 5 March, 45356.
    expect(await runFromColumns(pane, "First purchase")).toEqual({ c1: 45415, c2: 45447, c3: 45478 });
    expect(pane.workers.requests.find((r) => r.kind === "analyse")).toMatchObject({ options: { dateOrder: "dayFirst" } });
  });

  test("an amount such as 2.000 in a column of both separators is skipped under Automatic; Comma reads it as 2000", async () => {
    // "1.234,50" and "42,25" show a decimal comma, "80.25" a decimal point: the column mixes both, so "2.000" is ambiguous.
    const pane = renderPane({
      selection: typedSelection([
        ["Customer", "Order date", "Amount"],
        ["c1", "2024-01-05", "1.234,50"],
        ["c2", "2024-01-09", "80.25"],
        ["c3", "2024-02-11", "42,25"],
        ["c1", "2024-03-02", "2.000"],
        ["c2", "2024-03-20", "95"],
      ]),
    });
    await toColumns(pane);
    const problems = await screen.findByTestId("row-problems");
    expect(within(problems).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      'Row 7, Amount: "2.000" could use "," or "." as the decimal separator, and this column has both; choose the decimal separator',
    ]);
    expect(screen.getByText(en.tableWarningsTitle)).toBeInTheDocument();

    await pane.user.selectOptions(screen.getByRole("combobox", { name: en.decimalSeparator }), en.decimalComma);
    await waitFor(() => expect(screen.getByTestId("row-summary")).toHaveTextContent("5 of 5 rows can be used."));
    expect(screen.queryByTestId("row-problems")).not.toBeInTheDocument();
    expect(screen.queryByText(en.tableWarningsTitle)).not.toBeInTheDocument();

    // Revenue by hand: c1 1234.50 + 2000 = 3234.50 ("1.234,50": the later separator is the decimal one); c2 80.25 + 95 = 175.25
    // (one separator before two digits is decimal whatever the choice); c3 42.25.
    expect(await runFromColumns(pane, "Revenue")).toEqual({ c1: 3234.5, c2: 175.25, c3: 42.25 });
  });
});

describe("assumptions step", () => {
  test("sensible defaults, each field explained", async () => {
    const pane = renderPane();
    await toAssumptions(pane);
    expect(screen.getByTestId("assumption-segmentBy")).toHaveDisplayValue("By the “Channel” column");
    expect(screen.getByTestId("assumption-unit")).toHaveDisplayValue("Month");
    expect(screen.getByTestId("assumption-discountRate")).toHaveValue("10");
    // 1.1^(1/12) - 1 = 0.797 % a month (see assumptions.test.ts).
    expect(screen.getByTestId("assumption-discountRate")).toHaveAccessibleDescription(expect.stringContaining("0.797% per month"));
    expect(screen.getByTestId("assumption-margin")).toHaveAccessibleDescription(en.marginHint);
    expect(screen.getByTestId("assumption-horizonMonths")).toHaveValue("36");
    expect(screen.getByTestId("assumption-inactivityDays")).toHaveValue("90");
    expect(screen.getByRole("radio", { name: "BG/NBD" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: en.holdout })).toBeChecked();
    expect(screen.getByTestId("assumption-holdoutPeriods")).toHaveValue("");
    expect(screen.getByTestId("assumption-holdoutPeriods")).toHaveAccessibleDescription(en.holdoutPeriodsHint);
    expect(screen.getByRole("textbox", { name: "Holdout length (months)" })).toBeInTheDocument();
  });

  test("the hint under Segments explains the segmentation chosen", async () => {
    const pane = renderPane();
    await toAssumptions(pane);
    const segments = screen.getByTestId("assumption-segmentBy");
    expect(segments).toHaveAccessibleDescription("Each value of the segment column (a channel, region or age band, say) is one segment.");
    await pane.user.selectOptions(segments, "value");
    expect(segments).toHaveAccessibleDescription("Customers ranked by revenue: the top 20%, the next 30% and the bottom 50%.");
    await pane.user.selectOptions(segments, "fourway");
    expect(segments).toHaveAccessibleDescription(
      "Order value at or above the median customer's (high) or below (low), crossed with repeat or one-off buyers."
    );
  });

  test("the holdout check: a bad length is named; unticked, the length goes and the run asks for no check", async () => {
    const pane = renderPane();
    await toAssumptions(pane);
    await pane.user.type(screen.getByTestId("assumption-cac"), "40");
    const length = screen.getByTestId("assumption-holdoutPeriods");
    await pane.user.type(length, "0");
    await pane.user.click(screen.getByTestId("wizard-run"));
    expect(length).toHaveAccessibleDescription(expect.stringContaining(en.problemHoldoutRange));
    await pane.user.click(screen.getByRole("checkbox", { name: en.holdout }));
    expect(screen.queryByTestId("assumption-holdoutPeriods")).not.toBeInTheDocument();
    await pane.user.click(screen.getByTestId("wizard-run"));
    await screen.findByRole("heading", { name: "Done" });
    const request = pane.workers.requests.find((r) => r.kind === "analyse");
    expect(request?.kind === "analyse" && request.options).not.toHaveProperty("holdout");
  });

  test("Run with no acquisition cost and a margin above 100 % names both fields and focuses the first", async () => {
    const pane = renderPane();
    await toAssumptions(pane);
    const margin = screen.getByTestId("assumption-margin");
    await pane.user.clear(margin);
    await pane.user.type(margin, "120");
    await pane.user.click(screen.getByTestId("wizard-run"));
    expect(margin).toHaveAccessibleDescription(expect.stringContaining(en.problemMarginRange));
    const cac = screen.getByTestId("assumption-cac");
    expect(cac).toHaveAccessibleDescription(expect.stringContaining(en.problemNumber));
    expect(margin).toHaveFocus();
    expect(pane.workers.requests.some((r) => r.kind === "analyse")).toBe(false);
  });

  test("a cost per segment lists the segments the check found, blank ones taking the common cost", async () => {
    const pane = renderPane();
    await toAssumptions(pane);
    await pane.user.type(screen.getByTestId("assumption-cac"), "40");
    await pane.user.click(screen.getByRole("switch", { name: en.cacPerSegment }));
    await pane.user.type(screen.getByRole("textbox", { name: "Web" }), "25");
    expect(screen.getByRole("textbox", { name: "Store" })).toHaveAttribute("placeholder", "40");
    await pane.user.click(screen.getByTestId("wizard-run"));
    await screen.findByRole("heading", { name: "Done" });
    expect(pane.workers.requests.find((r) => r.kind === "analyse")).toMatchObject({ report: { cac: { Web: 25, Store: 40 } } });
  });
});

describe("run and done", () => {
  test("the run shows its stage and progress, then what was created and the model's fit", async () => {
    const pane = renderPane({ holdWrite: true });
    await run(pane);
    expect(await screen.findByRole("heading", { name: "Run" })).toBeInTheDocument();
    expect(await screen.findByRole("status")).toHaveTextContent("Writing CLV Summary (sheet 1 of 6)");
    // Writing, the last of twelve stages, at sheet 1 of 6: (11 + 0 / 6) / 12 of the bar (see runProgress).
    expect(Number(screen.getByRole("progressbar", { name: en.progressLabel }).getAttribute("aria-valuenow"))).toBeCloseTo(11 / 12, 12);
    expect(pane.workers.requests.find((r) => r.kind === "analyse")).toMatchObject({ options: { holdout: {} } });
    pane.fake.releaseWrite();
    expect(await screen.findByRole("heading", { name: "Done" })).toHaveFocus();

    const created = within(screen.getByTestId("created-sheets")).getAllByRole("button");
    expect(created.map((button) => button.textContent)).toEqual(SALES_SHEETS);
    expect(pane.fake.writes[0].options).toMatchObject({ replaceOwnSheets: false, sourceSheet: "Sales" });

    const fit = within(screen.getByTestId("purchase-fit"));
    expect(fit.getByRole("heading", { name: "BG/NBD fit" })).toBeInTheDocument();
    expect(fit.getAllByRole("row").slice(1).map((row) => within(row).getAllByRole("cell")[0].textContent)).toEqual(["r", "alpha", "a", "b"]);
    // Three customers cannot pin down four parameters: the optimiser stops at its limit of 200 iterations.
    expect(fit.getByText(/^Did not converge \(200 iterations\)/)).toBeInTheDocument();
    expect(within(screen.getByTestId("spend-fit")).getAllByRole("row").slice(1).map((row) => within(row).getAllByRole("cell")[0].textContent)).toEqual(["p", "q", "v"]);
    expect(screen.getByTestId("run-warnings")).toHaveTextContent("Purchase model:");
    expect(screen.getByText("Rows used: 5, skipped: 1. Customers: 3. Segments: 2.")).toBeInTheDocument();
    // No customer has a prediction (the fit ran off to infinity), so there is no interval: no table, the warnings say why.
    expect(screen.queryByTestId("clv-intervals")).not.toBeInTheDocument();
    expect(screen.getByTestId("run-warnings")).toHaveTextContent("Some customers have no predicted CLV: no interval");
  });

  test("each created sheet is a button that activates it", async () => {
    const pane = renderPane();
    await run(pane);
    await pane.user.click(await screen.findByRole("button", { name: "Go to CLV Web" }));
    expect(pane.fake.activated).toEqual(["CLV Web"]);
  });

  test("a sheet deleted meanwhile is reported, not ignored", async () => {
    const pane = renderPane({ missingSheets: ["CLV Store"] });
    await run(pane);
    await pane.user.click(await screen.findByRole("button", { name: "Go to CLV Store" }));
    expect(await screen.findByTestId("error")).toHaveTextContent("The sheet “CLV Store” is no longer in the workbook.");
  });

  test("Start again returns to the data step, keeping the assumptions", async () => {
    const pane = renderPane();
    await run(pane, "55");
    await pane.user.click(await screen.findByTestId("wizard-restart"));
    expect(screen.getByRole("heading", { name: "Data" })).toHaveFocus();
    await toAssumptions(pane);
    expect(screen.getByTestId("assumption-cac")).toHaveValue("55");
  });

  test("a failed write is shown with its message, back at the assumptions", async () => {
    const pane = renderPane();
    pane.fake.gateway.writeReport = async () => {
      throw new Error("Writing the report failed: the workbook is protected. No half-written sheet was left.");
    };
    await run(pane);
    expect(await screen.findByTestId("error")).toHaveTextContent("the workbook is protected");
    expect(screen.getByRole("heading", { name: "Segments and assumptions" })).toBeInTheDocument();
  });
});

describe("cancel", () => {
  test("while analysing: the worker is terminated and the pane returns to the assumptions", async () => {
    const pane = renderPane({ holdAnalysis: true });
    await run(pane);
    expect(await screen.findByText("Fitting the purchase model")).toBeInTheDocument();
    await pane.user.click(screen.getByTestId("run-cancel"));
    expect(await screen.findByTestId("cancelled-notice")).toHaveTextContent(en.cancelledNotice);
    expect(pane.workers.terminated).toBe(1);
    expect(pane.fake.writes).toEqual([]);
    expect(screen.getByTestId("assumption-cac")).toHaveValue("40");
  });

  test("while writing: the write stops at its next chunk and says what it left", async () => {
    const pane = renderPane({ holdWrite: true });
    await run(pane);
    expect(await screen.findByText("Writing CLV Summary (sheet 1 of 6)")).toBeInTheDocument();
    await pane.user.click(screen.getByTestId("run-cancel"));
    expect(screen.getByTestId("run-cancel")).toHaveTextContent(en.cancelling);
    expect(pane.fake.writes[0].options.signal?.aborted).toBe(true);
    pane.fake.releaseWrite();
    const notice = await screen.findByTestId("cancelled-notice");
    expect(notice).toHaveTextContent("No half-written sheet was left.");
    expect(notice).not.toHaveTextContent("Writing the report failed"); // the user knows why it stopped
    expect(screen.queryByRole("heading", { name: "Done" })).not.toBeInTheDocument();
  });
});

describe("an earlier report", () => {
  const existingSheets = ["CLV Summary", "CLV Customers"];

  test("is named and the user is asked before it is replaced", async () => {
    const pane = renderPane({ existingSheets });
    await run(pane);
    const question = await screen.findByTestId("replace-question");
    expect(question).toHaveTextContent("These sheets from an earlier run would be replaced: CLV Summary, CLV Customers.");
    expect(question).toHaveFocus();
    expect(pane.fake.writes).toEqual([]);
    await pane.user.click(screen.getByTestId("replace-confirm"));
    await screen.findByRole("heading", { name: "Done" });
    expect(pane.fake.writes.map((write) => write.options.replaceOwnSheets)).toEqual([true]);
  });

  test("can be kept: the report is written beside it", async () => {
    const pane = renderPane({ existingSheets });
    await run(pane);
    await pane.user.click(await screen.findByTestId("replace-keep"));
    await screen.findByRole("heading", { name: "Done" });
    expect(pane.fake.writes.map((write) => write.options.replaceOwnSheets)).toEqual([false]);
  });

  test("cancelling at the question writes nothing", async () => {
    const pane = renderPane({ existingSheets });
    await run(pane);
    await screen.findByTestId("replace-question");
    await pane.user.click(screen.getByTestId("run-cancel"));
    expect(await screen.findByTestId("cancelled-notice")).toBeInTheDocument();
    expect(pane.fake.writes).toEqual([]);
  });
});

describe("in Chinese", () => {
  test("the pane speaks Simplified Chinese when Office's display language is zh-CN", async () => {
    const { user } = renderPane({ messages: zhCN });
    expect(screen.getByRole("heading", { name: "CLV 工具箱" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "数据" })).toBeInTheDocument();
    expect(screen.getByText("第 1 步，共 5 步")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "使用所选区域" }));
    expect(await screen.findByText("Sales!B3:E9：7 行")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "下一步" }));
    expect(await screen.findByRole("combobox", { name: "客户" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "日期顺序" })).toHaveDisplayValue("自动");
    expect(await screen.findByText("1 行有问题，将被跳过")).toBeInTheDocument();
    // The reason is Chinese too; the column is the header the user wrote, the cell as typed.
    expect(screen.getByText(`第 ${SALES_BAD_ROW} 行，Order date："2024-02-30" 不是真实存在的日期`)).toBeInTheDocument();
  });

  test("a bad amount and a bad date are explained in Chinese, each cell as the user typed it", async () => {
    // SALES with sheet row 5 (c2's 80) typed as "八十元" (eighty yuan in words), which no number reader takes.
    const values = SALES.values.map((row, i) => (i === 2 ? ["c2", "2024-01-09", "八十元", "Store"] : row));
    const pane = renderPane({ messages: zhCN, selection: { ...SALES, values } });
    await toColumns(pane);
    const problems = await screen.findByTestId("row-problems");
    expect(problems).toHaveTextContent("2 行有问题，将被跳过");
    expect(within(problems).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      '第 5 行，Amount："八十元" 不是金额',
      `第 ${SALES_BAD_ROW} 行，Order date："2024-02-30" 不是真实存在的日期`,
    ]);
  });

  test("a failed write is explained in Chinese around Excel's own reason", async () => {
    const pane = renderPane({ messages: zhCN });
    pane.fake.gateway.writeReport = async () => {
      throw new WorkbookError({ kind: "writeFailed", reason: "the workbook is protected", remainingSheets: ["CLV Summary", "CLV Web"], deletedSheets: [] });
    };
    await run(pane);
    expect(await screen.findByTestId("error")).toHaveTextContent("写入报告失败：the workbook is protected。以下工作表未能删除：CLV Summary, CLV Web。");
  });

  test("a write cancelled midway says in Chinese what it left", async () => {
    const pane = renderPane({ messages: zhCN, holdWrite: true });
    await run(pane);
    await screen.findByText("正在写入 CLV Summary（第 1 个工作表，共 6 个）");
    await pane.user.click(screen.getByTestId("run-cancel"));
    pane.fake.releaseWrite();
    expect(await screen.findByTestId("cancelled-notice")).toHaveTextContent("运行已取消。没有留下写了一半的工作表。");
  });
});

describe("a selection Excel cannot read, through the real workbook code (src/excel over the Excel stand-in)", () => {
  let uninstall: () => void;
  beforeEach(() => {
    const workbook = new FakeWorkbook();
    workbook.addSheet("Sales");
    workbook.setValues("Sales", "B3", SALES.values as (string | number)[][]);
    workbook.select("Sales", "B3:B9", "D3:D9"); // two areas (Ctrl+click)
    uninstall = installFakeExcel(workbook);
  });
  afterEach(() => uninstall());

  test.each([
    // The English is src/excel's own message (readSelection.test.ts), word for word.
    ["English", en, "Select one block of cells (or one cell inside the transactions); several areas, a chart or a shape cannot be read"],
    ["Chinese", zhCN, "请只选中一块单元格（或交易数据中的一个单元格）；无法读取多个区域、图表或形状"],
  ])("several areas: the error is in the pane's language (%s)", async (_, messages, text) => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App gateway={officeGateway} createWorker={inProcessWorkers().factory} messages={messages} />
      </FluentProvider>
    );
    await userEvent.setup().click(screen.getByTestId("use-selection"));
    const error = await screen.findByTestId("error");
    expect(error).toHaveTextContent(messages.errorTitle);
    expect(error).toHaveTextContent(text);
  });
});
