/** @jest-environment jsdom */
import "../testing/domSetup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import { bookAnalysis } from "../../../test/reportFixture";
import type { Analysis } from "../../core/analyze";
import { ENGLISH_TABLE_WARNING_TEXTS, type TableFinding, dayFromDate, tableWarningText } from "../../core/transactions";
import type { HoldoutValidation, SegmentClvIntervals } from "../../core/validation";
import { runOutcome } from "../analysis/protocol";
import { en } from "../i18n/en";
import type { Messages } from "../i18n/messages";
import { MessagesProvider } from "../i18n/MessagesContext";
import { zhCN } from "../i18n/zhCN";
import type { Wizard } from "../wizard/useWizard";
import { INITIAL_STATE } from "../wizard/wizardState";
import { DoneStep } from "./DoneStep";

// The hand-worked book (test/reportFixture.ts) with a hand-made holdout check carrying Fader, Hardie &
// Lee's (2005) CDNOW figures: weeks 1-39 fitted, weeks 40-78 held out, 1,654 repeat purchases predicted
// against 1,882 made; percentage error (1,654 - 1,882) / 1,882 = -228 / 1,882 = -0.12115 (-12.1 %).
const start = dayFromDate(1997, 1, 1);
const CDNOW_CHECK: HoldoutValidation = {
  unit: "week",
  model: { kind: "bgnbd", parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, logLikelihood: -9582.4, converged: true, iterations: 21, warnings: [] },
  startDay: start,
  calibrationEnd: start + 39 * 7 - 1,
  holdoutEnd: start + 78 * 7 - 1,
  holdoutPeriods: 39,
  holdoutLength: 39,
  customers: 2357,
  newInHoldout: 0,
  tracking: { periodEnds: new Int32Array(0), actual: new Float64Array(0), predicted: new Float64Array(0), calibrationPeriods: 0 },
  byFrequency: [],
  errors: { customers: 2357, actual: 1882, predicted: 1654, percentageError: -228 / 1882, meanAbsoluteError: 0.6 },
  warnings: [],
};
const interval = (mean: number, half: number) => ({ mean, low: mean - half, high: mean + half, parameterError: half / 3, samplingError: half / 6 });
// Hand-set intervals for the book's two segments, Gold and Burden: 1,250 +- 125.5 and 5 +- 1.5.
const INTERVALS: SegmentClvIntervals = { rows: [interval(1250, 125.5), interval(5, 1.5)], total: interval(630, 63), notes: [] };
const NO_INTERVALS: SegmentClvIntervals = { rows: null, total: null, notes: ["not asked for"] };

/** The done step for `analysis`, as the wizard shows it after writing two sheets. */
function renderDone(analysis: Analysis, messages: Messages = en) {
  const state = { ...INITIAL_STATE, result: { sheets: ["CLV Summary", "CLV Validation"], outcome: runOutcome(analysis) } };
  const wizard = { state, activateSheet: async () => undefined } as unknown as Wizard;
  render(
    <FluentProvider theme={webLightTheme}>
      <MessagesProvider messages={messages}>
        <DoneStep wizard={wizard} />
      </MessagesProvider>
    </FluentProvider>
  );
}

describe("the done step's holdout check", () => {
  test("shows the holdout length and the predicted and actual repeat purchases with the percentage error", () => {
    renderDone({ ...bookAnalysis(), validation: CDNOW_CHECK, intervals: INTERVALS });
    const check = within(screen.getByTestId("holdout-check"));
    expect(check.getByRole("heading", { name: "Forecast check on the holdout" })).toBeInTheDocument();
    expect(check.getByText("Holdout: the last 39 weeks of the data, left out of a second fit of the purchase model.")).toBeInTheDocument();
    expect(check.getByText("Repeat purchases in the holdout: 1,654 predicted, 1,882 actual (error -12.1%).")).toBeInTheDocument();
  });

  test("in Chinese", () => {
    renderDone({ ...bookAnalysis(), validation: CDNOW_CHECK, intervals: INTERVALS }, zhCN);
    const check = within(screen.getByTestId("holdout-check"));
    expect(check.getByText("留出期：数据的最后 39（周），不参与购买模型的第二次拟合。")).toBeInTheDocument();
    expect(check.getByText("留出期内的重复购买：预测 1,654 次，实际 1,882 次（误差 -12.1%）。")).toBeInTheDocument();
  });

  test("a holdout without repeat purchases has no percentage error; one period is singular", () => {
    const quiet = { ...CDNOW_CHECK, holdoutPeriods: 1, errors: { ...CDNOW_CHECK.errors, actual: 0, predicted: 2.4, percentageError: null } };
    renderDone({ ...bookAnalysis(), validation: quiet, intervals: INTERVALS });
    const check = within(screen.getByTestId("holdout-check"));
    expect(check.getByText("Holdout: the last 1 week of the data, left out of a second fit of the purchase model.")).toBeInTheDocument();
    expect(check.getByText("Repeat purchases in the holdout: 2 predicted, 0 actual (error –).")).toBeInTheDocument();
  });

  test("without a holdout check or intervals, neither is mentioned", () => {
    renderDone({ ...bookAnalysis(), validation: null, intervals: NO_INTERVALS });
    expect(screen.getByTestId("spend-fit")).toBeInTheDocument();
    expect(screen.queryByTestId("holdout-check")).not.toBeInTheDocument();
    expect(screen.queryByTestId("clv-intervals")).not.toBeInTheDocument();
  });
});

describe("the done step's CLV intervals", () => {
  /** The interval table's header and body rows, cell by cell. */
  function intervalTable(name: string) {
    const table = within(screen.getByRole("table", { name }));
    const texts = (cells: HTMLElement[]) => cells.map((cell) => cell.textContent);
    return {
      headers: texts(table.getAllByRole("columnheader")),
      rows: table.getAllByRole("row").slice(1).map((row) => texts(within(row).getAllByRole("cell"))),
    };
  }

  test("one row per segment: the mean predicted CLV and its 95% interval, from the worker's summary, with cents as on the sheet", () => {
    renderDone({ ...bookAnalysis(), validation: null, intervals: INTERVALS });
    // INTERVALS by hand: Gold 1,250 - 125.5 = 1,124.50 to 1,250 + 125.5 = 1,375.50; Burden 5 -+ 1.5 = 3.50 to 6.50.
    expect(intervalTable("Predicted CLV by segment")).toEqual({
      headers: ["Segment", "Mean per customer", "95% interval"],
      rows: [
        ["Gold", "1,250.00", "1,124.50 to 1,375.50"],
        ["Burden", "5.00", "3.50 to 6.50"],
      ],
    });
    expect(screen.getByTestId("clv-intervals")).toHaveTextContent("The same figures are on the CLV Summary sheet");
  });

  test("in Chinese", () => {
    renderDone({ ...bookAnalysis(), validation: null, intervals: INTERVALS }, zhCN);
    expect(intervalTable("各分群的预测 CLV")).toEqual({
      headers: ["分群", "每位客户平均值", "95% 区间"],
      rows: [
        ["Gold", "1,250.00", "1,124.50 至 1,375.50"],
        ["Burden", "5.00", "3.50 至 6.50"],
      ],
    });
  });
});

describe("the done step's warnings", () => {
  // A hand-made finding: the amount column proved both decimal separators (rows 7 and 9 of the sheet).
  const mixed: TableFinding = {
    kind: "mixedDecimalSeparators",
    column: "Amount",
    proofs: { ".": { count: 3, row: 7, shown: '"12.50"' }, ",": { count: 1, row: 9, shown: '"12,50"' } },
  };
  const withWarnings = (): Analysis => {
    const book = bookAnalysis();
    const tableWarning = { ...mixed, message: tableWarningText(mixed, ENGLISH_TABLE_WARNING_TEXTS) };
    return { ...book, validation: null, intervals: NO_INTERVALS, report: { ...book.report, warnings: [tableWarning] }, warnings: ["Spend model: a warning"] };
  };

  test.each([
    ["English", en, 'Column "Amount" mixes decimal points (3 like row 7: "12.50") and decimal commas (1 like row 9: "12,50")'],
    ["Chinese", zhCN, '“Amount”列中既有小数点（3 个，如第 7 行："12.50"），也有小数逗号（1 个，如第 9 行："12,50"）'],
  ])("list the table's findings in the pane's language, then the analysis's (%s)", (_, messages, start) => {
    renderDone(withWarnings(), messages);
    const items = within(screen.getByTestId("run-warnings")).getAllByRole("listitem").map((item) => item.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]?.startsWith(start)).toBe(true);
    expect(items[1]).toBe("Spend model: a warning");
  });
});
