import type { ColumnCheck } from "../analysis/protocol";
import { SALES } from "../testing/transactions";
import { runProgress } from "./runProgress";
import {
  INITIAL_STATE,
  STEPS,
  Step,
  type WizardAction,
  type WizardState,
  parseOptions,
  runRequest,
  segmentChoice,
  shownProblems,
  wizardReducer,
} from "./wizardState";

/** The state after the actions, from the start. */
function after(...actions: WizardAction[]): WizardState {
  return actions.reduce(wizardReducer, INITIAL_STATE);
}

/** A check of SALES as the worker answers it (written out: the reducer is tested on its own). */
function salesCheck(change: { usedRows?: number; segment?: boolean } = {}): ColumnCheck {
  const segment = change.segment ?? true;
  return {
    detection: {
      hasHeader: true,
      headerRow: 0,
      labels: ["Customer", "Order date", "Amount", "Channel"],
      mapping: { customer: 0, date: 1, amount: 2, ...(segment ? { segment: 3 } : {}) },
      sources: {},
      missing: [],
      notes: [],
    },
    rows: {
      dataRows: 6,
      usedRows: change.usedRows ?? 5,
      rejectedRows: 6 - (change.usedRows ?? 5),
      blankRows: 0,
      afterEndRows: 0,
      errors: [
        {
          row: 6,
          column: "Order date",
          reason: '"2024-02-30" is not a real calendar date',
          problem: { kind: "date", issue: "noSuchDate", shown: '"2024-02-30"', system: 1900, mixedOrders: false },
        },
      ],
      warnings: [],
      dateOrder: null,
      decimalSeparator: ".",
    },
    segmentLabels: { ...(segment ? { column: ["Web", "Store"] } : {}), rfm: ["Promising", "Hibernating", "Lost"] },
  };
}

const READ: WizardAction[] = [{ type: "readStarted" }, { type: "selectionRead", selection: SALES }];
const CHECKED: WizardAction[] = [...READ, { type: "checkStarted" }, { type: "checked", check: salesCheck() }];
const AT_ASSUMPTIONS: WizardAction[] = [...CHECKED, { type: "next" }, { type: "next" }];
const VALID_CAC: WizardAction = { type: "assumptionChanged", field: "cac", value: "40" };
const RUNNING: WizardAction[] = [...AT_ASSUMPTIONS, VALID_CAC, { type: "next" }];
const OUTCOME = {
  usedRows: 5,
  rejectedRows: 1,
  customers: 3,
  segments: ["Web", "Store"],
  purchaseModel: { kind: "bgnbd" as const, parameters: { r: 1, alpha: 2, a: 3, b: 4 }, logLikelihood: -4, converged: false, iterations: 200 },
  spendModel: { parameters: { p: 1, q: 2, v: 3 }, logLikelihood: -10, converged: true, iterations: 12 },
  tableWarnings: [],
  warnings: [],
  holdout: null,
  intervals: null,
};

describe("the steps", () => {
  test("are data, columns, assumptions, run and done, each with a title", () => {
    expect(STEPS.map((s) => [s.step, s.title])).toEqual([
      [Step.Data, "stepData"],
      [Step.Columns, "stepColumns"],
      [Step.Assumptions, "stepAssumptions"],
      [Step.Run, "stepRun"],
      [Step.Done, "stepDone"],
    ]);
  });
});

describe("data step", () => {
  test("Next without a selection stays and shows why, counting the attempt", () => {
    const state = after({ type: "next" });
    expect(state.step).toBe(Step.Data);
    expect(state.attempts).toBe(1);
    expect(shownProblems(state)).toEqual([{ field: "selection", message: "problemSelection" }]);
  });

  test("problems are hidden until the user tries to go on", () => {
    expect(shownProblems(INITIAL_STATE)).toEqual([]);
  });

  test("reading reports progress, then keeps the selection", () => {
    expect(after({ type: "readStarted" }).reading).toBe("started");
    const progress = { rowsRead: 4, rowCount: 7 };
    expect(after({ type: "readStarted" }, { type: "readProgressed", progress }).reading).toEqual(progress);
    const state = after(...READ);
    expect(state.reading).toBeNull();
    expect(state.selection).toBe(SALES);
  });

  test("an empty selection cannot go on", () => {
    const empty = { ...SALES, values: [["", null]] };
    const state = after({ type: "selectionRead", selection: empty }, { type: "next" });
    expect(state.step).toBe(Step.Data);
    expect(shownProblems(state)).toEqual([{ field: "selection", message: "problemSelectionEmpty" }]);
  });

  test("a selection goes on to the columns; a failed read keeps the step and shows the error", () => {
    expect(after(...READ, { type: "next" }).step).toBe(Step.Columns);
    const failed = after({ type: "readStarted" }, { type: "failed", message: "Select one block of cells" });
    expect(failed).toMatchObject({ step: Step.Data, reading: null, error: "Select one block of cells" });
  });

  test("Back does nothing on the first step", () => {
    expect(after({ type: "back" })).toEqual(INITIAL_STATE);
  });
});

describe("columns step", () => {
  test("waits for the check before going on", () => {
    const state = after(...READ, { type: "next" }, { type: "checkStarted" }, { type: "next" });
    expect(state.step).toBe(Step.Columns);
    expect(shownProblems(state)).toEqual([{ field: "rows", message: "problemChecking" }]);
  });

  test("the first check fills every role from detection, none where no column fits", () => {
    const state = after(...CHECKED);
    expect(state.columns).toEqual({ customer: 0, date: 1, amount: 2, order: null, segment: 3, cost: null, margin: null });
    expect(state.hasHeader).toBe(true);
    expect(state.checking).toBe(false);
  });

  test("later checks keep the user's choices", () => {
    const state = after(...CHECKED, { type: "columnChosen", role: "segment", column: null }, { type: "checked", check: salesCheck() });
    expect(state.columns?.segment).toBeNull();
  });

  test("a new selection forgets the old choices, to detect them afresh", () => {
    const chosen: WizardAction[] = [
      { type: "columnChosen", role: "segment", column: null },
      { type: "dateOrderChosen", dateOrder: "dayFirst" },
      { type: "decimalSeparatorChosen", decimalSeparator: "," },
    ];
    const state = after(...CHECKED, ...chosen, ...READ);
    expect(state).toMatchObject({ columns: null, hasHeader: null, dateOrder: null, decimalSeparator: null, check: null });
  });

  test("a required role without a column keeps the user here", () => {
    const state = after(...CHECKED, { type: "next" }, { type: "columnChosen", role: "amount", column: null }, { type: "next" });
    expect(state.step).toBe(Step.Columns);
    expect(shownProblems(state)).toEqual([{ field: "amount", message: "problemColumnMissing" }]);
  });

  test("one column chosen twice is flagged on the later role, and no check is awaited", () => {
    const state = after(...CHECKED, { type: "next" }, { type: "checkStarted" }, { type: "columnChosen", role: "order", column: 0 }, { type: "next" });
    expect(state.checking).toBe(false);
    expect(shownProblems(state)).toEqual([{ field: "order", message: "problemColumnTaken" }]);
  });

  test("no usable row keeps the user here", () => {
    const state = after(...READ, { type: "checked", check: salesCheck({ usedRows: 0 }) }, { type: "next" }, { type: "next" });
    expect(state.step).toBe(Step.Columns);
    expect(shownProblems(state)).toEqual([{ field: "rows", message: "problemNoUsableRows" }]);
  });

  test("valid columns go on to the assumptions; Back returns to the data", () => {
    expect(after(...AT_ASSUMPTIONS).step).toBe(Step.Assumptions);
    expect(after(...CHECKED, { type: "next" }, { type: "back" }).step).toBe(Step.Data);
  });

  test("the parse options carry the selection's position and, once detected or chosen, the choices", () => {
    expect(parseOptions(after(...READ))).toEqual({ firstRow: 3, firstColumn: 2 });
    const header = after(...CHECKED, { type: "headerToggled", hasHeader: false });
    expect(parseOptions(header)).toEqual({ firstRow: 3, firstColumn: 2, hasHeader: false, columns: header.columns });
    const reading = after(...READ, { type: "dateOrderChosen", dateOrder: "monthFirst" }, { type: "decimalSeparatorChosen", decimalSeparator: "," });
    expect(parseOptions(reading)).toEqual({ firstRow: 3, firstColumn: 2, dateOrder: "monthFirst", decimalSeparator: "," });
    const automatic = after(...READ, { type: "dateOrderChosen", dateOrder: "monthFirst" }, { type: "dateOrderChosen", dateOrder: null });
    expect(parseOptions(automatic)).toEqual({ firstRow: 3, firstColumn: 2 });
  });
});

describe("assumptions step", () => {
  test("the acquisition cost has no default: Run asks for it", () => {
    const state = after(...AT_ASSUMPTIONS, { type: "next" });
    expect(state.step).toBe(Step.Assumptions);
    expect(shownProblems(state)).toEqual([{ field: "cac", message: "problemNumber" }]);
  });

  test("numbers out of range are named field by field", () => {
    const state = after(
      ...AT_ASSUMPTIONS,
      VALID_CAC,
      { type: "assumptionChanged", field: "margin", value: "120" },
      { type: "assumptionChanged", field: "horizonMonths", value: "2.5" },
      { type: "next" }
    );
    expect(shownProblems(state)).toEqual([
      { field: "margin", message: "problemMarginRange" },
      { field: "horizonMonths", message: "problemHorizonRange" },
    ]);
  });

  test("segments default to the segment column when one is chosen, else RFM", () => {
    expect(segmentChoice(after(...AT_ASSUMPTIONS))).toBe("column");
    const withoutColumn = after(...CHECKED, { type: "columnChosen", role: "segment", column: null });
    expect(segmentChoice(withoutColumn)).toBe("rfm");
    expect(segmentChoice(after(...AT_ASSUMPTIONS, { type: "segmentByChosen", choice: "fourway" }))).toBe("fourway");
  });

  test("segmenting by a column needs one", () => {
    const state = after(
      ...CHECKED,
      { type: "columnChosen", role: "segment", column: null },
      { type: "next" },
      { type: "next" },
      VALID_CAC,
      { type: "segmentByChosen", choice: "column" },
      { type: "next" }
    );
    expect(shownProblems(state)).toEqual([{ field: "segmentBy", message: "problemSegmentColumn" }]);
  });

  test("a per-segment cost is checked when typed; blank takes the common cost", () => {
    const state = after(
      ...AT_ASSUMPTIONS,
      VALID_CAC,
      { type: "cacPerSegmentToggled", on: true },
      { type: "segmentCacChanged", label: "Web", value: "-2" },
      { type: "next" }
    );
    expect(shownProblems(state)).toEqual([{ field: "cac:Web", message: "problemCacRange" }]);
    const fixed = wizardReducer(state, { type: "segmentCacChanged", label: "Web", value: "25" });
    expect(runRequest(fixed).report.cac).toEqual({ Web: 25, Store: 40 });
  });

  test("valid assumptions start the run at its first stage", () => {
    const state = after(...RUNNING);
    expect(state.step).toBe(Step.Run);
    expect(state.run).toEqual({ stage: "parsing", write: null, existingSheets: null, cancelling: false });
  });

  test("the run request: the parse options, the per-period assumptions and the report's CAC and source", () => {
    const { options, report } = runRequest(after(...RUNNING));
    expect(options).toMatchObject({
      firstRow: 3,
      firstColumn: 2,
      hasHeader: true,
      columns: { customer: 0, date: 1, amount: 2, order: null, segment: 3, cost: null, margin: null },
      unit: "month",
      model: "bgnbd",
      segmentBy: { kind: "column" },
      margin: 1,
      horizonPeriods: 36,
    });
    expect(options.discountRate).toBeCloseTo(0.00797414043, 10); // 1.1^(1/12) - 1, see assumptions.test.ts
    expect(report).toEqual({ cac: 40, source: "Sales!B3:E9" });
  });

  test("the holdout check is on by default; a bad length is named; switched off, it leaves the run request", () => {
    expect(runRequest(after(...RUNNING)).options.holdout).toEqual({});
    const state = after(...AT_ASSUMPTIONS, VALID_CAC, { type: "assumptionChanged", field: "holdoutPeriods", value: "0" }, { type: "next" });
    expect(shownProblems(state)).toEqual([{ field: "holdoutPeriods", message: "problemHoldoutRange" }]);
    const off = wizardReducer(state, { type: "holdoutToggled", on: false });
    expect(shownProblems(off)).toEqual([]);
    expect(runRequest(off).options).not.toHaveProperty("holdout");
  });

  test("cohort choices map to the engine's cohort strategy", () => {
    const state = after(...AT_ASSUMPTIONS, VALID_CAC, { type: "segmentByChosen", choice: "cohortQuarter" });
    expect(runRequest(state).options.segmentBy).toEqual({ kind: "cohort", by: "quarter" });
  });
});

describe("run step", () => {
  test("follows the stages, the question about an earlier report and the writing", () => {
    let state = after(...RUNNING, { type: "stageReached", stage: "fittingPurchases" });
    expect(state.run?.stage).toBe("fittingPurchases");
    state = wizardReducer(state, { type: "replaceAsked", sheets: ["CLV Summary"] });
    expect(state.run?.existingSheets).toEqual(["CLV Summary"]);
    state = wizardReducer(state, { type: "replaceAnswered" });
    expect(state.run).toMatchObject({ existingSheets: null, stage: "writing" });
    const progress = { sheet: "CLV Summary", sheetsWritten: 0, sheetCount: 5, rowsWritten: 2, rowCount: 2 };
    state = wizardReducer(state, { type: "writeProgressed", progress });
    expect(state.run?.write).toEqual(progress);
  });

  test("Next and Back do nothing while running", () => {
    const state = after(...RUNNING);
    expect(wizardReducer(state, { type: "next" })).toBe(state);
    expect(wizardReducer(state, { type: "back" })).toBe(state);
  });

  test("a finished run shows what was written", () => {
    const result = { sheets: ["CLV Summary", "CLV Customers"], outcome: OUTCOME };
    const state = after(...RUNNING, { type: "finished", result });
    expect(state).toMatchObject({ step: Step.Done, run: null, result });
  });

  test("cancel: marked as cancelling, then back at the assumptions with a notice", () => {
    const cancelling = after(...RUNNING, { type: "cancelRequested" });
    expect(cancelling.run?.cancelling).toBe(true);
    const cancelled = wizardReducer(cancelling, { type: "cancelled", detail: null });
    expect(cancelled).toMatchObject({ step: Step.Assumptions, run: null, cancelled: { detail: null } });
    expect(cancelled.assumptions.cac).toBe("40"); // nothing typed is lost
  });

  test("the notice goes when the user moves on", () => {
    const cancelled = after(...RUNNING, { type: "cancelled", detail: "No half-written sheet was left." });
    expect(wizardReducer(cancelled, { type: "back" }).cancelled).toBeNull();
  });

  test("a failed run returns to the assumptions with the error", () => {
    const state = after(...RUNNING, { type: "failed", message: "No usable transaction" });
    expect(state).toMatchObject({ step: Step.Assumptions, run: null, error: "No usable transaction" });
    expect(wizardReducer(state, { type: "errorDismissed" }).error).toBeNull();
  });

  test("progress counts stages alike and writing by sheet and rows", () => {
    const run = { stage: "parsing" as const, write: null, existingSheets: null, cancelling: false };
    expect(runProgress(run)).toBe(0);
    expect(runProgress({ ...run, stage: "planning" })).toBeCloseTo(0.75, 12); // 10th of 12 stages: 9 / 12
    const write = { sheet: "CLV Cohorts", sheetsWritten: 2, sheetCount: 4, rowsWritten: 50, rowCount: 100 };
    expect(runProgress({ ...run, stage: "writing", write })).toBeCloseTo(0.96875, 12); // (11 + (2 + 0.5) / 4) / 12
  });
});

describe("done step", () => {
  test("Start again returns to the data with the same assumptions", () => {
    const done = after(...RUNNING, { type: "finished", result: { sheets: [], outcome: OUTCOME } });
    const state = wizardReducer(done, { type: "restarted" });
    expect(state).toEqual({ ...INITIAL_STATE, assumptions: done.assumptions });
  });
});
