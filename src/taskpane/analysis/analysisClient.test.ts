import { inProcessWorkers } from "../testing/inProcessWorker";
import { SALES } from "../testing/transactions";
import { AnalysisCancelled, type AnalysisWorker, type WorkerFactory, createAnalysisClient } from "./analysisClient";
import type { WorkerStage } from "./protocol";

const RUN = { options: { segmentBy: { kind: "column" as const } }, report: { cac: 10 } };

describe("createAnalysisClient", () => {
  test("starts one worker on the first request and answers each request with its own response", async () => {
    const workers = inProcessWorkers();
    const client = createAnalysisClient(workers.factory);
    expect(workers.started).toBe(0);
    const [first, second] = await Promise.all([
      client.check(SALES.values, {}),
      client.check(SALES.values, { columns: { customer: 0, date: 1, amount: 2, segment: null } }),
    ]);
    expect(workers.started).toBe(1);
    expect(workers.requests.map((r) => r.id)).toEqual([1, 2]);
    expect(first.detection.mapping.segment).toBe(3);
    expect(Object.keys(second.segmentLabels)).not.toContain("column");
  });

  test("passes each stage of an analysis to onStage, then resolves with the plan", async () => {
    const client = createAnalysisClient(inProcessWorkers().factory);
    const stages: WorkerStage[] = [];
    const { plan, outcome } = await client.analyse(SALES.values, RUN.options, RUN.report, (stage) => stages.push(stage));
    expect(stages[0]).toBe("parsing");
    expect(stages[stages.length - 1]).toBe("planning");
    expect(plan.sheets[0].name).toBe("CLV Summary");
    expect(outcome.customers).toBe(3);
  });

  test("rejects with the engine's message when the worker refuses the data", async () => {
    const client = createAnalysisClient(inProcessWorkers().factory);
    const report = { cac: { Phone: 5 } };
    await expect(client.analyse(SALES.values, RUN.options, report, () => undefined)).rejects.toThrow(/"Phone", which is not a segment/);
  });

  test("cancel terminates the worker, rejects the run as cancelled, and the next request starts a new worker", async () => {
    const workers = inProcessWorkers({ holdAnalysis: true });
    const client = createAnalysisClient(workers.factory);
    const stages: WorkerStage[] = [];
    const run = client.analyse(SALES.values, RUN.options, RUN.report, (stage) => stages.push(stage));
    while (stages.length < 2) await new Promise((resolve) => setTimeout(resolve));
    client.cancel();
    await expect(run).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(workers.terminated).toBe(1);
    await expect(client.check(SALES.values, {})).resolves.toMatchObject({ rows: { usedRows: 5 } });
    expect(workers.started).toBe(2);
  });

  test("a worker that fails rejects what was pending with its message, and is replaced on the next request", async () => {
    let failWorker: (message: string) => void = () => undefined;
    let started = 0;
    const factory: WorkerFactory = (_onResponse, onFailure) => {
      started++;
      failWorker = onFailure;
      const worker: AnalysisWorker = { post: () => undefined, terminate: () => undefined };
      return worker;
    };
    const client = createAnalysisClient(factory);
    const pending = client.check(SALES.values, {});
    failWorker("The analysis worker could not start or stopped unexpectedly");
    await expect(pending).rejects.toThrow("The analysis worker could not start or stopped unexpectedly");
    void client.check(SALES.values, {});
    expect(started).toBe(2);
  });

  test("a worker that cannot be created rejects the request with the reason", async () => {
    const client = createAnalysisClient(() => {
      throw new Error("Workers are not allowed here");
    });
    await expect(client.check(SALES.values, {})).rejects.toThrow("Workers are not allowed here");
  });
});
