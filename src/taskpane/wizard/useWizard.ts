import { type Dispatch, useCallback, useEffect, useReducer, useRef } from "react";
import { WorkbookError, workbookErrorText, writeAftermathText } from "../../excel";
import { AnalysisCancelled, type AnalysisClient } from "../analysis/analysisClient";
import type { ExcelGateway } from "../excelGateway";
import type { Messages } from "../i18n/messages";
import { useMessages } from "../i18n/MessagesContext";
import { columnsFromDetection } from "./columnChoices";
import {
  INITIAL_STATE,
  Step,
  type WizardAction,
  type WizardState,
  columnsCheckable,
  parseOptions,
  runRequest,
  stepDescriptor,
  wizardReducer,
} from "./wizardState";

/** The user's answer when an earlier report exists (cancelling is `cancel`). */
export type ReplaceAnswer = "replace" | "keep";

export interface Wizard {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  readSelection(): Promise<void>;
  /** Goes to the next step; from the assumptions, starts the run. */
  next(): void;
  answerReplace(answer: ReplaceAnswer): void;
  /** Cancels the run: terminates the worker, or stops writing between chunks. */
  cancel(): void;
  /** Shows a sheet of the report; a sheet deleted meanwhile is reported as an error. */
  activateSheet(name: string): Promise<void>;
}

/**
 * The wizard's state and its effects: reading the selection, checking the columns in the worker
 * whenever the selection, the column choices or the ways to read dates and amounts change, and the
 * run (analyse in the worker, ask before replacing an earlier report, write). Every failure is
 * dispatched as `failed`, which the pane shows (a workbook error in the pane's language); a cancelled
 * run is dispatched as `cancelled`.
 */
export function useWizard(gateway: ExcelGateway, client: AnalysisClient): Wizard {
  const t = useMessages();
  const [state, dispatch] = useReducer(wizardReducer, INITIAL_STATE);
  const answerReplace = useRef<((answer: ReplaceAnswer | "cancel") => void) | null>(null);
  const abortWrite = useRef<AbortController | null>(null);
  const cancelRequested = useRef(false);
  /** The parse options the shown check stands for, so filling the columns from it does not check again. */
  const checkedFor = useRef<string | null>(null);

  const { selection, columns, hasHeader, dateOrder, decimalSeparator } = state;
  useEffect(() => {
    if (selection === null || !columnsCheckable(state)) return;
    const options = parseOptions(state);
    if (checkedFor.current === JSON.stringify(options)) return;
    let current = true;
    checkedFor.current = null; // until this check answers, no earlier one stands for the choices
    dispatch({ type: "checkStarted" });
    client.check(selection.values, options).then(
      (check) => {
        if (!current) return;
        const { detection } = check;
        const filled = { ...state, hasHeader: detection.hasHeader, columns: columns ?? columnsFromDetection(detection) };
        checkedFor.current = JSON.stringify(parseOptions(filled));
        dispatch({ type: "checked", check });
      },
      (error: unknown) => current && dispatch({ type: "failed", message: messageOf(error, t) })
    );
    return () => {
      current = false;
    };
    // `state` enters only through these parts (see parseOptions).
  }, [client, selection, columns, hasHeader, dateOrder, decimalSeparator]);

  const readSelection = useCallback(async () => {
    dispatch({ type: "readStarted" });
    try {
      const read = await gateway.readSelection((progress) => dispatch({ type: "readProgressed", progress }));
      checkedFor.current = null;
      dispatch({ type: "selectionRead", selection: read });
    } catch (error) {
      dispatch({ type: "failed", message: messageOf(error, t) });
    }
  }, [gateway, t]);

  const run = async (snapshot: WizardState) => {
    cancelRequested.current = false;
    try {
      const { options, report } = runRequest(snapshot);
      const cells = snapshot.selection?.values ?? [];
      const { plan, outcome } = await client.analyse(cells, options, report, (stage) => dispatch({ type: "stageReached", stage }));
      dispatch({ type: "stageReached", stage: "checking" });
      const sourceSheet = snapshot.selection?.sheetName;
      const existing = await gateway.findReportSheets(plan, sourceSheet);
      let replaceOwnSheets = false;
      if (existing.length > 0 && !cancelRequested.current) {
        dispatch({ type: "replaceAsked", sheets: existing });
        const answer = await new Promise<ReplaceAnswer | "cancel">((resolve) => (answerReplace.current = resolve));
        answerReplace.current = null;
        replaceOwnSheets = answer === "replace";
      }
      if (cancelRequested.current) return dispatch({ type: "cancelled", detail: null });
      dispatch({ type: "replaceAnswered" });
      const abort = new AbortController();
      abortWrite.current = abort;
      const sheets = await gateway.writeReport(plan, {
        replaceOwnSheets,
        ...(sourceSheet === undefined ? {} : { sourceSheet }),
        signal: abort.signal,
        onProgress: (progress) => dispatch({ type: "writeProgressed", progress }),
      });
      dispatch({ type: "finished", result: { sheets, outcome } });
    } catch (error) {
      if (error instanceof AnalysisCancelled) dispatch({ type: "cancelled", detail: null });
      else if (cancelRequested.current) dispatch({ type: "cancelled", detail: leftBehind(error, t) });
      else dispatch({ type: "failed", message: messageOf(error, t) });
    } finally {
      abortWrite.current = null;
    }
  };

  return {
    state,
    dispatch,
    readSelection,
    next() {
      const starting = state.step === Step.Assumptions && stepDescriptor(state.step).problems(state).length === 0;
      dispatch({ type: "next" });
      if (starting) void run(state);
    },
    answerReplace(answer) {
      answerReplace.current?.(answer);
    },
    cancel() {
      cancelRequested.current = true;
      dispatch({ type: "cancelRequested" });
      client.cancel();
      answerReplace.current?.("cancel");
      abortWrite.current?.abort();
    },
    async activateSheet(name) {
      try {
        if (!(await gateway.activateSheet(name))) dispatch({ type: "failed", message: t.sheetMissing(name) });
      } catch (error) {
        dispatch({ type: "failed", message: messageOf(error, t) });
      }
    },
  };
}

/** An error's message for the pane: a workbook error in the pane's language, any other (the engine's, Office's) as it comes. */
function messageOf(error: unknown, t: Messages): string {
  if (error instanceof WorkbookError) return workbookErrorText(error.problem, t);
  return error instanceof Error && error.message !== "" ? error.message : String(error);
}

/** After the user stopped a write: what the write left in the workbook (that it failed, they know). */
function leftBehind(error: unknown, t: Messages): string {
  return error instanceof WorkbookError && error.problem.kind === "writeFailed" ? writeAftermathText(error.problem, t) : messageOf(error, t);
}
