import type { ParseOptions } from "../../core/transactions";
import type { ReportOptions, ReportPlan } from "../../core/report";
import type { Cells, ColumnCheck, RunOptions, RunOutcome, WorkerRequest, WorkerResponse, WorkerStage } from "./protocol";

/** The pane's handle on one worker. */
export interface AnalysisWorker {
  post(request: WorkerRequest): void;
  /** Stops the worker at once, whatever it is doing. */
  terminate(): void;
}

/**
 * Starts a worker that calls `onResponse` for each of its responses and `onFailure` when it cannot
 * run (the script failed to load, a message could not be read). `createAnalysisWorker` starts a real
 * Web Worker; tests pass one that calls `handleRequest` in-process.
 */
export type WorkerFactory = (onResponse: (response: WorkerResponse) => void, onFailure: (message: string) => void) => AnalysisWorker;

/** Why a request was rejected when the user cancelled it. */
export class AnalysisCancelled extends Error {
  constructor() {
    super("The analysis was cancelled");
    this.name = "AnalysisCancelled";
  }
}

/** A finished run: the report to write and what the run found. */
export interface AnalysedReport {
  plan: ReportPlan;
  outcome: RunOutcome;
}

/** Requests to the analysis worker, as promises. */
export interface AnalysisClient {
  /** Detects the columns and parses the rows with the given choices. */
  check(cells: Cells, parse: ParseOptions): Promise<ColumnCheck>;
  /** Runs the analysis and lays out the report; `onStage` hears each stage as it starts. */
  analyse(cells: Cells, options: RunOptions, report: ReportOptions, onStage: (stage: WorkerStage) => void): Promise<AnalysedReport>;
  /** Terminates the worker: every pending request rejects with {@link AnalysisCancelled}; the next request starts a new worker. */
  cancel(): void;
}

interface Pending {
  resolve(response: WorkerResponse): void;
  reject(error: Error): void;
  onStage?: (stage: WorkerStage) => void;
}

/**
 * A client that starts its worker on the first request, matches responses to requests by id, and
 * rejects a request with the worker's message when the engine refuses the data (`failed`) or the
 * worker itself fails (then the next request starts a fresh worker).
 *
 * @example await createAnalysisClient(inProcessWorker).check([["Customer", "Date", "Amount"], ["c1", "2024-03-05", 12]], {})
 * // { detection: { mapping: { customer: 0, date: 1, amount: 2 }, ... }, rows: { usedRows: 1, ... }, ... }
 */
export function createAnalysisClient(createWorker: WorkerFactory): AnalysisClient {
  let worker: AnalysisWorker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const rejectAll = (error: Error) => {
    const waiting = [...pending.values()];
    pending.clear();
    for (const request of waiting) request.reject(error);
  };
  const onResponse = (response: WorkerResponse) => {
    const request = pending.get(response.id);
    if (!request) return; // a response to a request cancelled meanwhile
    if (response.kind === "stage") return request.onStage?.(response.stage);
    pending.delete(response.id);
    if (response.kind === "failed") request.reject(new Error(response.message));
    else request.resolve(response);
  };
  const onFailure = (message: string) => {
    worker?.terminate();
    worker = null;
    rejectAll(new Error(message));
  };
  const send = (request: WorkerRequest, onStage?: (stage: WorkerStage) => void) =>
    new Promise<WorkerResponse>((resolve, reject) => {
      pending.set(request.id, { resolve, reject, onStage });
      try {
        worker ??= createWorker(onResponse, onFailure);
        worker.post(request);
      } catch (error) {
        pending.delete(request.id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });

  return {
    async check(cells, parse) {
      const response = await send({ kind: "check", id: nextId++, cells, parse });
      return (response as Extract<WorkerResponse, { kind: "checked" }>).check;
    },
    async analyse(cells, options, report, onStage) {
      const response = await send({ kind: "analyse", id: nextId++, cells, options, report }, onStage);
      const { plan, outcome } = response as Extract<WorkerResponse, { kind: "analysed" }>;
      return { plan, outcome };
    },
    cancel() {
      worker?.terminate();
      worker = null;
      rejectAll(new AnalysisCancelled());
    },
  };
}
