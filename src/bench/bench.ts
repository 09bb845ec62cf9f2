/**
 * `npm run bench`: times the engine end to end on synthetic transactions (100k and 1M rows) and prints
 * each stage's wall time and process CPU time, and the peak memory, for two runs of it (see PIPELINES):
 * issue 3's job (CSV in, predicted CLV for every customer out) and the wizard's default analysis, which
 * adds the CLV intervals and the holdout check. Each pipeline and size runs RUNS times, each in a
 * fresh Node process (so that its peak resident memory and its JIT warm-up are its own), and every
 * figure printed is the median of those runs. Figures, not assertions: the machine is shared and noisy,
 * so CPU time (user + system, all threads of the process: the garbage collector's helpers count) is
 * shown beside wall time.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { type AnalysisOptions, type AnalysisStage, analyzeTransactions } from "../core/analyze";
import { parseCsv } from "../core/csv";
import { fitPurchaseModel } from "../core/models/purchaseModel";
import { median } from "../core/segments";
import { CDNOW_IN_DAYS, type TransactionLog, simulateTransactionLog, transactionLogCsv } from "../core/simulation";
import { dayFromDate } from "../core/transactions";

const SIZES = [100_000, 1_000_000];
/** Fresh processes per size; the median of each figure is printed. */
const RUNS = 3;
/** CDNOW-like customers make about 3 purchases in 18 months; used to size the customer count. */
const ROWS_PER_CUSTOMER = 2.9;

/** The runs timed: what the engine is asked for in each. */
const PIPELINES = {
  issue: {
    title: "CSV in, predicted CLV for every customer out (issue 3: parse, summarise, segment, fits, predict, tables)",
    options: { unit: "month", intervals: false },
  },
  wizard: {
    title: "The wizard's default analysis (the same, plus the 95 % CLV intervals and the holdout check)",
    options: { unit: "month", intervals: true, holdout: {} },
  },
} as const satisfies Record<string, { title: string; options: AnalysisOptions }>;
type Pipeline = keyof typeof PIPELINES;

/** Milliseconds of one stage: elapsed, and CPU time used by the process meanwhile. */
interface StageTime {
  wall: number;
  cpu: number;
}

interface Timing {
  rows: number;
  customers: number;
  stages: Record<string, StageTime>;
  peakMegabytes: number;
}

/** Runs one pipeline on one CSV file and reports stage times (child process). */
function timeOne(pipeline: Pipeline, file: string): Timing {
  const stages: Record<string, StageTime> = {};
  const cpuNow = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const started = { wall: performance.now(), cpu: cpuNow() };
  let current = "read file";
  let mark = started;
  const next = (stage: string) => {
    const now = { wall: performance.now(), cpu: cpuNow() };
    stages[current] = { wall: now.wall - mark.wall, cpu: now.cpu - mark.cpu };
    current = stage;
    mark = now;
  };
  const bytes = readFileSync(file);
  next("csv");
  const grid = parseCsv(bytes);
  const analysis = analyzeTransactions(grid, { ...PIPELINES[pipeline].options, onStage: (stage: AnalysisStage) => next(stage) });
  next("done");
  stages.total = { wall: mark.wall - started.wall, cpu: mark.cpu - started.cpu };
  return {
    rows: analysis.report.usedRows,
    customers: analysis.summary.customerIds.length,
    stages,
    peakMegabytes: process.resourceUsage().maxRSS / 1024,
  };
}

/** Pareto/NBD on the full CDNOW cohort (23,570 customers, weeks), where lifetimes takes about 8 s. */
function paretoOnCdnow(): string {
  const folder = path.resolve(__dirname, "..", "..", "..", "shared", "data");
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path.join(folder, "CDNOW_master.txt"));
  } catch {
    return `Pareto/NBD on CDNOW master: skipped (${folder} is absent)`;
  }
  const analysis = analyzeTransactions(parseCsv(bytes), { unit: "week", observationEnd: "1997-09-30", intervals: false });
  const { frequency, recency, T } = analysis.summary;
  const started = performance.now();
  const fit = fitPurchaseModel("pareto", { frequency, recency, T });
  const ms = performance.now() - started;
  return `Pareto/NBD fit on the CDNOW master cohort (${frequency.length} customers, weeks): ${ms.toFixed(0)} ms, ${fit.converged ? "converged" : "not converged"}`;
}

/**
 * The log's rows in date order (ties in customer order), as exports list transactions: the simulator
 * writes each customer's rows together, which would flatter the id lookups and the per-customer grouping.
 */
function inDateOrder(log: TransactionLog): TransactionLog {
  const order = Int32Array.from({ length: log.length }, (_, row) => row).sort((i, j) => log.day[i] - log.day[j] || i - j);
  return {
    ...log,
    customer: order.map((row) => log.customer[row]),
    day: order.map((row) => log.day[row]),
    amount: Float64Array.from(order, (row) => log.amount[row]),
    channel: order.map((row) => log.channel[row]),
  };
}

/** One pipeline's table: a row per stage, a column per size, then the total and the peak memory. */
function printTable(title: string, results: Timing[][]): void {
  const stages = Object.keys(results[0][0].stages);
  const cell = (runs: Timing[], stage: string, kind: keyof StageTime) => median(runs.map((r) => r.stages[stage][kind])).toFixed(0);
  console.log(`\n${title}`);
  console.log(`Median of ${RUNS} runs; wall / CPU milliseconds per stage (CPU: user + system time of the process)`);
  console.log(["stage", ...results.map((runs) => `${runs[0].rows} rows / ${runs[0].customers} customers`)].join(" | "));
  for (const stage of stages) {
    console.log([stage, ...results.map((runs) => `${cell(runs, stage, "wall")} / ${cell(runs, stage, "cpu")}`)].join(" | "));
  }
  console.log(["peak memory (MB)", ...results.map((runs) => median(runs.map((r) => r.peakMegabytes)).toFixed(0))].join(" | "));
  // The spread, since the median of a few runs on a shared machine hides how far they scatter.
  console.log(["total wall of each run", ...results.map((runs) => runs.map((r) => r.stages.total.wall.toFixed(0)).join(", "))].join(" | "));
}

function main(): void {
  const child = process.argv.indexOf("--run");
  if (child >= 0) {
    process.stdout.write(JSON.stringify(timeOne(process.argv[child + 1] as Pipeline, process.argv[child + 2])));
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "clv-bench-"));
  try {
    const files: string[] = [];
    for (const rows of SIZES) {
      const log = simulateTransactionLog({
        customers: Math.round(rows / ROWS_PER_CUSTOMER),
        ...CDNOW_IN_DAYS,
        firstDay: dayFromDate(2024, 1, 1),
        acquisitionDays: 90,
        lastDay: dayFromDate(2025, 6, 30),
        channels: ["web", "store", "app"],
        seed: 2026,
      });
      const file = path.join(dir, `transactions-${rows}.csv`);
      writeFileSync(file, transactionLogCsv(inDateOrder(log)));
      files.push(file);
    }
    for (const pipeline of Object.keys(PIPELINES) as Pipeline[]) {
      const results = files.map((file) => {
        const runs: Timing[] = [];
        for (let run = 0; run < RUNS; run++) {
          const result = spawnSync(process.execPath, [__filename, "--run", pipeline, file], { encoding: "utf8", maxBuffer: 1 << 24 });
          if (result.status !== 0) throw new Error(`benchmark of ${pipeline} on ${file} failed:\n${result.stderr}`);
          runs.push(JSON.parse(result.stdout));
        }
        return runs;
      });
      printTable(PIPELINES[pipeline].title, results);
    }
    console.log(paretoOnCdnow());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
