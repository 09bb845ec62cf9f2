import type { WorkerFactory } from "./analysisClient";
import type { WorkerRequest, WorkerResponse } from "./protocol";

/**
 * Starts the analysis Web Worker (webpack 5 bundles `analysis.worker.ts` as its own file from this
 * `new URL(..., import.meta.url)`). Kept apart from the client so tests, which run without Web
 * Workers or `import.meta`, never load it: they pass an in-process factory instead.
 */
export const createAnalysisWorker: WorkerFactory = (onResponse, onFailure) => {
  const worker = new Worker(/* webpackChunkName: "analysis-worker" */ new URL("./analysis.worker.ts", import.meta.url));
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => onResponse(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    onFailure(event.message || "The analysis worker could not start or stopped unexpectedly");
  };
  worker.onmessageerror = () => onFailure("A message from the analysis worker could not be read");
  return { post: (request: WorkerRequest) => worker.postMessage(request), terminate: () => worker.terminate() };
};
