import { deserialize, serialize } from "v8";
import type { AnalysisWorker, WorkerFactory } from "../analysis/analysisClient";
import { type WorkerRequest, type WorkerResponse, handleRequest } from "../analysis/protocol";

/** What a test can see of the workers an {@link inProcessWorkers} factory started. */
export interface InProcessWorkers {
  factory: WorkerFactory;
  /** Every request posted, in order. */
  requests: WorkerRequest[];
  /** Workers started and workers terminated. */
  started: number;
  terminated: number;
}

/** Node's structured clone (jsdom has no `structuredClone`): it refuses functions, as `postMessage` does. */
function clone<T>(value: T): T {
  return deserialize(serialize(value)) as T;
}

/**
 * A stand-in for the analysis Web Worker (jsdom has none) that answers with the worker's own
 * `handleRequest`, each request and each response in a later macrotask and structured-cloned, as
 * a real worker would. With `holdAnalysis`, an analysis reports its first stages and then waits
 * for ever (until terminated), so a test can cancel a run under way.
 */
export function inProcessWorkers(options: { holdAnalysis?: boolean } = {}): InProcessWorkers {
  const workers: InProcessWorkers = {
    requests: [],
    started: 0,
    terminated: 0,
    factory: (onResponse) => {
      workers.started++;
      let alive = true;
      const deliver = (response: WorkerResponse) =>
        setTimeout(() => {
          if (alive) onResponse(clone(response));
        });
      const worker: AnalysisWorker = {
        post(request) {
          workers.requests.push(request);
          const copy = clone(request);
          setTimeout(() => {
            if (!alive) return;
            if (options.holdAnalysis && copy.kind === "analyse") {
              deliver({ kind: "stage", id: copy.id, stage: "parsing" });
              deliver({ kind: "stage", id: copy.id, stage: "fittingPurchases" });
            } else {
              handleRequest(copy, deliver);
            }
          });
        },
        terminate() {
          if (alive) workers.terminated++;
          alive = false;
        },
      };
      return worker;
    },
  };
  return workers;
}
