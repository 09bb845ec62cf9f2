/**
 * The worker as `npm run build` emits it (npm test builds before running Jest): run in a sandbox that
 * offers what a browser gives a dedicated worker (`self`, `location`, `importScripts`, `postMessage`,
 * `TextEncoder`, `TextDecoder`),
 * it loads its chunks from beside itself and answers the protocol. Skipped, with a note, before a build.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { SALES } from "../testing/transactions";
import type { WorkerRequest, WorkerResponse } from "./protocol";

const DIST = path.resolve(__dirname, "..", "..", "..", "dist");
const WORKER = "analysis-worker.js";
const built = fs.existsSync(path.join(DIST, WORKER));
if (!built) console.warn(`${path.join(DIST, WORKER)} is missing: the worker bundle test is skipped (run \`npm run build\`; npm test does)`);

/**
 * Loads the built worker into a fresh sandbox and returns a function that posts it one request. The
 * bundle installs its message handler once its vendor chunk has loaded, a promise later, as in a browser
 * (where the first message, a task, comes after that).
 */
async function startBuiltWorker(): Promise<{ post(request: WorkerRequest): void; responses: WorkerResponse[]; scripts: string[] }> {
  const responses: WorkerResponse[] = [];
  const scripts: string[] = [];
  const sandbox: Record<string, unknown> = {
    location: new URL(`https://localhost:3000/${WORKER}`),
    TextEncoder,
    TextDecoder,
    postMessage: (message: WorkerResponse) => responses.push(message),
    importScripts: (...urls: string[]) => {
      for (const url of urls) {
        const file = new URL(url).pathname.slice(1);
        scripts.push(file);
        vm.runInContext(fs.readFileSync(path.join(DIST, file), "utf8"), context, { filename: file });
      }
    },
  };
  sandbox.self = sandbox;
  const context = vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(path.join(DIST, WORKER), "utf8"), context, { filename: WORKER });
  await new Promise((resolve) => setTimeout(resolve));
  const onmessage = sandbox.onmessage as (event: { data: WorkerRequest }) => void;
  return { post: (request) => onmessage({ data: request }), responses, scripts };
}

(built ? describe : describe.skip)(`dist/${WORKER}`, () => {
  test("loads its chunks from its own folder and answers a run with stages and a plan", async () => {
    const worker = await startBuiltWorker();
    worker.post({ kind: "analyse", id: 1, cells: SALES.values, options: { segmentBy: { kind: "column" } }, report: { cac: 10 } });
    expect(worker.scripts.every((file) => fs.existsSync(path.join(DIST, file)))).toBe(true);
    const last = worker.responses[worker.responses.length - 1];
    expect(worker.responses[0]).toEqual({ kind: "stage", id: 1, stage: "parsing" });
    expect(last.kind === "analysed" && last.plan.sheets.map((sheet) => sheet.name)).toEqual([
      "CLV Summary", "CLV Customers", "CLV Cohorts", "CLV Web", "CLV Store",
    ]);
  });

  test("answers a check with the row problems", async () => {
    const worker = await startBuiltWorker();
    worker.post({ kind: "check", id: 2, cells: SALES.values, parse: { firstRow: 3 } });
    expect(worker.responses).toEqual([
      expect.objectContaining({ kind: "checked", id: 2, check: expect.objectContaining({ rows: expect.objectContaining({ rejectedRows: 1 }) }) }),
    ]);
  });
});
