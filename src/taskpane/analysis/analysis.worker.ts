/**
 * The analysis worker: the engine runs here so the pane never freezes. Webpack bundles it from
 * `createAnalysisWorker`; it imports only the protocol, which imports only src/core.
 */
import { type WorkerRequest, type WorkerResponse, handleRequest } from "./protocol";

/** The worker's global scope, typed by hand: the project compiles with the DOM library, not WebWorker's. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
};
scope.onmessage = (event) => handleRequest(event.data, (response) => scope.postMessage(response));
