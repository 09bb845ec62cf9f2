/**
 * The segment wizard as data: its steps, its state and one pure reducer. Components render the state
 * and dispatch actions; `useWizard` performs the effects (reading, checking, running, writing) and
 * dispatches what they bring back. Problems are message keys, so the reducer knows no language.
 */
import type { ReportOptions } from "../../core/report";
import type { ColumnRole, DateOrder, DecimalSeparator, ParseOptions } from "../../core/transactions";
import type { ColumnCheck, RunOptions, RunOutcome, WorkerStage } from "../analysis/protocol";
import { SEGMENT_CHOICES, type SegmentChoice } from "../analysis/segmentChoices";
import type { ReadProgress, SelectedRange, WriteProgress } from "../excelGateway";
import type { TextKey } from "../i18n/messages";
import {
  type AssumptionField,
  type AssumptionsForm,
  DEFAULT_ASSUMPTIONS,
  type NumberField,
  cacFor,
  holdoutProblem,
  numberProblem,
  periodAssumptions,
} from "./assumptions";
import { COLUMN_ROLES, type ColumnChoices, REQUIRED_COLUMN_ROLES, columnsFromDetection } from "./columnChoices";

export enum Step {
  Data = "data",
  Columns = "columns",
  Assumptions = "assumptions",
  Run = "run",
  Done = "done",
}

/** A field that keeps the user on a step, and why. */
export interface Problem {
  field: "selection" | "rows" | ColumnRole | AssumptionField;
  message: TextKey;
}

/** What the pane shows while a run is under way. */
export interface RunState {
  stage: WorkerStage | "checking" | "writing";
  /** While writing: which sheet. */
  write: WriteProgress | null;
  /** Sheets of an earlier report that the run would replace, while the user decides; else null. */
  existingSheets: string[] | null;
  cancelling: boolean;
}

export interface RunResult {
  /** Sheets created, in order. */
  sheets: string[];
  outcome: RunOutcome;
}

export interface WizardState {
  step: Step;
  /** Set when the user tried to leave a step that has problems: they are shown from then on. */
  showProblems: boolean;
  /** Counts failed attempts to leave a step, so the pane can move focus to the first problem each time. */
  attempts: number;
  reading: ReadProgress | "started" | null;
  selection: SelectedRange | null;
  /** null until the first check of a selection fills them from the detected columns. */
  columns: ColumnChoices | null;
  /** null: detect whether the first row is a header. */
  hasHeader: boolean | null;
  /** How to read dates such as 03/05/2024 and amounts such as 1,234; null: as the columns prove (the engine's default). */
  dateOrder: DateOrder | null;
  decimalSeparator: DecimalSeparator | null;
  checking: boolean;
  check: ColumnCheck | null;
  assumptions: AssumptionsForm;
  run: RunState | null;
  result: RunResult | null;
  /** After a cancelled run: what the cancelled write left in the workbook, or null. */
  cancelled: { detail: string | null } | null;
  /** The last error, shown until dismissed or replaced. */
  error: string | null;
}

export type WizardAction =
  | { type: "readStarted" }
  | { type: "readProgressed"; progress: ReadProgress }
  | { type: "selectionRead"; selection: SelectedRange }
  | { type: "checkStarted" }
  | { type: "checked"; check: ColumnCheck }
  | { type: "columnChosen"; role: ColumnRole; column: number | null }
  | { type: "headerToggled"; hasHeader: boolean }
  | { type: "dateOrderChosen"; dateOrder: DateOrder | null }
  | { type: "decimalSeparatorChosen"; decimalSeparator: DecimalSeparator | null }
  | { type: "assumptionChanged"; field: NumberField; value: string }
  | { type: "segmentByChosen"; choice: SegmentChoice }
  | { type: "unitChosen"; unit: AssumptionsForm["unit"] }
  | { type: "modelChosen"; model: AssumptionsForm["model"] }
  | { type: "cacPerSegmentToggled"; on: boolean }
  | { type: "holdoutToggled"; on: boolean }
  | { type: "segmentCacChanged"; label: string; value: string }
  | { type: "next" }
  | { type: "back" }
  | { type: "stageReached"; stage: RunState["stage"] }
  | { type: "replaceAsked"; sheets: string[] }
  | { type: "replaceAnswered" }
  | { type: "writeProgressed"; progress: WriteProgress }
  | { type: "finished"; result: RunResult }
  | { type: "cancelRequested" }
  | { type: "cancelled"; detail: string | null }
  | { type: "failed"; message: string }
  | { type: "errorDismissed" }
  | { type: "restarted" };

/** One step of the wizard: its title and what keeps the user on it. */
export interface StepDescriptor {
  step: Step;
  title: TextKey;
  /** Problems to fix before going on; none for steps the wizard leaves by itself. */
  problems(state: WizardState): Problem[];
}

export const STEPS: readonly StepDescriptor[] = [
  { step: Step.Data, title: "stepData", problems: dataProblems },
  { step: Step.Columns, title: "stepColumns", problems: columnProblems },
  { step: Step.Assumptions, title: "stepAssumptions", problems: assumptionProblems },
  { step: Step.Run, title: "stepRun", problems: () => [] },
  { step: Step.Done, title: "stepDone", problems: () => [] },
];

export const INITIAL_STATE: WizardState = {
  step: Step.Data,
  showProblems: false,
  attempts: 0,
  reading: null,
  selection: null,
  columns: null,
  hasHeader: null,
  dateOrder: null,
  decimalSeparator: null,
  checking: false,
  check: null,
  assumptions: DEFAULT_ASSUMPTIONS,
  run: null,
  result: null,
  cancelled: null,
  error: null,
};

/** The descriptor of a step. */
export function stepDescriptor(step: Step): StepDescriptor {
  return STEPS.find((descriptor) => descriptor.step === step) as StepDescriptor;
}

/** The wizard's one reducer: every transition, pure. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "readStarted":
      return { ...state, reading: "started", error: null };
    case "readProgressed":
      return { ...state, reading: action.progress };
    case "selectionRead":
      // A new selection: its columns and how to read them are detected afresh.
      return {
        ...state,
        reading: null,
        selection: action.selection,
        columns: null,
        hasHeader: null,
        dateOrder: null,
        decimalSeparator: null,
        check: null,
        showProblems: false,
      };
    case "checkStarted":
      return { ...state, checking: true };
    case "checked": {
      const { detection } = action.check;
      const columns = state.columns ?? columnsFromDetection(detection);
      return { ...state, checking: false, check: action.check, columns, hasHeader: detection.hasHeader };
    }
    case "columnChosen": {
      if (state.columns === null) return state;
      const chosen = { ...state, columns: { ...state.columns, [action.role]: action.column } };
      // Choices that cannot be checked (one column twice) start no check: stop waiting for one.
      return { ...chosen, checking: state.checking && columnsCheckable(chosen) };
    }
    case "headerToggled":
      return { ...state, hasHeader: action.hasHeader };
    case "dateOrderChosen":
      return { ...state, dateOrder: action.dateOrder };
    case "decimalSeparatorChosen":
      return { ...state, decimalSeparator: action.decimalSeparator };
    case "assumptionChanged":
      return withAssumptions(state, { [action.field]: action.value });
    case "segmentByChosen":
      return withAssumptions(state, { segmentBy: action.choice });
    case "unitChosen":
      return withAssumptions(state, { unit: action.unit });
    case "modelChosen":
      return withAssumptions(state, { model: action.model });
    case "cacPerSegmentToggled":
      return withAssumptions(state, { cacPerSegment: action.on });
    case "holdoutToggled":
      return withAssumptions(state, { holdout: action.on });
    case "segmentCacChanged":
      return withAssumptions(state, { segmentCac: { ...state.assumptions.segmentCac, [action.label]: action.value } });
    case "next":
      return next(state);
    case "back": {
      const index = STEPS.findIndex((descriptor) => descriptor.step === state.step);
      const leavable = state.step === Step.Columns || state.step === Step.Assumptions;
      return leavable ? { ...state, step: STEPS[index - 1].step, showProblems: false, cancelled: null } : state;
    }
    case "stageReached":
      return state.run === null ? state : { ...state, run: { ...state.run, stage: action.stage } };
    case "replaceAsked":
      return state.run === null ? state : { ...state, run: { ...state.run, existingSheets: action.sheets } };
    case "replaceAnswered":
      return state.run === null ? state : { ...state, run: { ...state.run, existingSheets: null, stage: "writing" } };
    case "writeProgressed":
      return state.run === null ? state : { ...state, run: { ...state.run, stage: "writing", write: action.progress } };
    case "finished":
      return { ...state, step: Step.Done, run: null, result: action.result };
    case "cancelRequested":
      return state.run === null ? state : { ...state, run: { ...state.run, cancelling: true } };
    case "cancelled":
      return { ...state, step: Step.Assumptions, run: null, cancelled: { detail: action.detail } };
    case "failed":
      // A failed run goes back to the assumptions, where it can be changed and run again.
      return {
        ...state,
        error: action.message,
        reading: null,
        checking: false,
        ...(state.step === Step.Run ? { step: Step.Assumptions, run: null } : {}),
      };
    case "errorDismissed":
      return { ...state, error: null };
    case "restarted":
      // Back to the start with the same assumptions: the next data set is often analysed alike.
      return { ...INITIAL_STATE, assumptions: state.assumptions };
  }
}

function withAssumptions(state: WizardState, change: Partial<AssumptionsForm>): WizardState {
  return { ...state, assumptions: { ...state.assumptions, ...change } };
}

/** Moves on when the step has no problems (from the assumptions, into the run); else shows them. */
function next(state: WizardState): WizardState {
  const index = STEPS.findIndex((descriptor) => descriptor.step === state.step);
  if (index >= STEPS.indexOf(stepDescriptor(Step.Run))) return state;
  if (STEPS[index].problems(state).length > 0) return { ...state, showProblems: true, attempts: state.attempts + 1 };
  const step = STEPS[index + 1].step;
  const run: RunState | null = step === Step.Run ? { stage: "parsing", write: null, existingSheets: null, cancelling: false } : null;
  return { ...state, step, showProblems: false, run, result: null, cancelled: null, error: null };
}

function dataProblems(state: WizardState): Problem[] {
  if (state.selection === null) return [{ field: "selection", message: "problemSelection" }];
  const empty = state.selection.values.every((row) => row.every((cell) => cell === null || cell === undefined || cell === ""));
  return empty ? [{ field: "selection", message: "problemSelectionEmpty" }] : [];
}

function columnProblems(state: WizardState): Problem[] {
  const { columns, check } = state;
  if (columns === null || state.checking) return [{ field: "rows", message: "problemChecking" }];
  const problems: Problem[] = [];
  const seen = new Set<number>();
  for (const role of COLUMN_ROLES) {
    const column = columns[role];
    if (column === null) {
      if (REQUIRED_COLUMN_ROLES.includes(role)) problems.push({ field: role, message: "problemColumnMissing" });
    } else if (seen.has(column)) {
      problems.push({ field: role, message: "problemColumnTaken" });
    } else {
      seen.add(column);
    }
  }
  if (problems.length === 0 && (check?.rows?.usedRows ?? 0) === 0) problems.push({ field: "rows", message: "problemNoUsableRows" });
  return problems;
}

function assumptionProblems(state: WizardState): Problem[] {
  const form = state.assumptions;
  const problems: Problem[] = [];
  if (segmentChoice(state) === "column" && state.columns?.segment == null) {
    problems.push({ field: "segmentBy", message: "problemSegmentColumn" });
  }
  for (const field of ["discountRate", "margin", "cac", "horizonMonths", "inactivityDays"] as const) {
    const problem = numberProblem(field, form[field]);
    if (problem) problems.push({ field, message: problem });
  }
  const holdout = holdoutProblem(form);
  if (holdout) problems.push({ field: "holdoutPeriods", message: holdout });
  if (form.cacPerSegment) {
    for (const label of segmentLabels(state) ?? []) {
      const text = form.segmentCac[label] ?? "";
      const problem = text.trim() === "" ? null : numberProblem("cac", text);
      if (problem) problems.push({ field: `cac:${label}`, message: problem });
    }
  }
  return problems;
}

/** The problems of the current step, once the user has tried to leave it; else none. */
export function shownProblems(state: WizardState): Problem[] {
  return state.showProblems ? stepDescriptor(state.step).problems(state) : [];
}

/** The segmentation in effect: the user's choice, else the segment column when one is chosen, else RFM. */
export function segmentChoice(state: WizardState): SegmentChoice {
  return state.assumptions.segmentBy ?? (state.columns?.segment != null ? "column" : "rfm");
}

/** The segment labels the chosen segmentation gives on the checked rows, when known. */
export function segmentLabels(state: WizardState): string[] | undefined {
  return state.check?.segmentLabels[segmentChoice(state)];
}

/** How to parse the selection: its position on the sheet and the user's choices (each absent while left to detection). */
export function parseOptions(state: WizardState): ParseOptions {
  const { selection, columns, hasHeader, dateOrder, decimalSeparator } = state;
  return {
    firstRow: selection?.firstRow ?? 1,
    firstColumn: selection?.firstColumn ?? 1,
    ...(hasHeader === null ? {} : { hasHeader }),
    ...(columns === null ? {} : { columns }),
    ...(dateOrder === null ? {} : { dateOrder }),
    ...(decimalSeparator === null ? {} : { decimalSeparator }),
  };
}

/** Whether the column choices can be checked (each column chosen once). */
export function columnsCheckable(state: WizardState): boolean {
  const chosen = Object.values(state.columns ?? {}).filter((column) => column !== null);
  return new Set(chosen).size === chosen.length;
}

/** The analysis and report options of a run, for a state whose steps have no problems. */
export function runRequest(state: WizardState): { options: RunOptions; report: ReportOptions } {
  const form = state.assumptions;
  const choice = segmentChoice(state);
  return {
    options: { ...parseOptions(state), ...periodAssumptions(form), unit: form.unit, model: form.model, segmentBy: SEGMENT_CHOICES[choice] },
    report: { cac: cacFor(form, segmentLabels(state)), ...(state.selection ? { source: state.selection.address } : {}) },
  };
}
