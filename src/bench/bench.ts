/**
 * `npm run bench`: times the engine end to end on synthetic transactions (100k and 1M rows) and prints
 * each stage's wall time and the peak memory. Each size runs in a fresh Node process so that its peak
 * resident memory is its own. Figures, not assertions: the machine is shared and noisy.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { type AnalysisStage, analyzeTransactions } from "../core/analyze";
import { parseCsv } from "../core/csv";
import { fitPurchaseModel } from "../core/models/purchaseModel";
import { simulateTransactionLog, transactionLogCsv } from "../core/simulation";
import { dayFromDate } from "../core/transactions";

const SIZES = [100_000, 1_000_000];
/** CDNOW's fits in days (lifetimes 0.11.3 on the CDNOW sample): a realistic purchase and spend process. */
const MODEL = { kind: "bgnbd" as const, parameters: { r: 0.2426, alpha: 30.9, a: 0.793, b: 2.426 } };
const SPEND = { p: 6.25, q: 3.74, v: 15.44 };
/** CDNOW-like customers make about 3 purchases in 18 months; used to size the customer count. */
const ROWS_PER_CUSTOMER = 2.9;

interface Timing {
  rows: number;
  customers: number;
  milliseconds: Record<string, number>;
  peakMegabytes: number;
}

/** Runs the pipeline on one CSV file and reports stage times (child process). */
function timeOne(file: string): Timing {
  const started = performance.now();
  const milliseconds: Record<string, number> = {};
  let current = "read file";
  let mark = started;
  const next = (stage: string) => {
    const now = performance.now();
    milliseconds[current] = now - mark;
    current = stage;
    mark = now;
  };
  const text = readFileSync(file, "utf8");
  next("csv");
  const grid = parseCsv(text);
  const analysis = analyzeTransactions(grid, { unit: "month", onStage: (stage: AnalysisStage) => next(stage) });
  next("done");
  milliseconds.total = performance.now() - started;
  return {
    rows: analysis.report.usedRows,
    customers: analysis.summary.customerIds.length,
    milliseconds,
    peakMegabytes: process.resourceUsage().maxRSS / 1024,
  };
}

/** Pareto/NBD on the full CDNOW cohort (23,570 customers, weeks), where lifetimes takes about 8 s. */
function paretoOnCdnow(): string {
  const file = path.resolve(__dirname, "..", "..", "..", "shared", "data", "cdnow_customers_summary.csv");
  let text: string;
  try {
    text = readFileSync(path.resolve(__dirname, "..", "..", "..", "shared", "data", "CDNOW_master.txt"), "utf8");
  } catch {
    return `Pareto/NBD on CDNOW master: skipped (${path.dirname(file)} is absent)`;
  }
  const analysis = analyzeTransactions(parseCsv(text), { unit: "week", observationEnd: "1997-09-30", onStage: () => undefined });
  const { frequency, recency, T } = analysis.summary;
  const started = performance.now();
  const fit = fitPurchaseModel("pareto", { frequency, recency, T });
  const ms = performance.now() - started;
  return `Pareto/NBD fit on the CDNOW master cohort (${frequency.length} customers, weeks): ${ms.toFixed(0)} ms, ${fit.converged ? "converged" : "not converged"}`;
}

function main(): void {
  const child = process.argv.indexOf("--run");
  if (child >= 0) {
    process.stdout.write(JSON.stringify(timeOne(process.argv[child + 1])));
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "clv-bench-"));
  try {
    const results: Timing[] = [];
    for (const rows of SIZES) {
      const log = simulateTransactionLog({
        customers: Math.round(rows / ROWS_PER_CUSTOMER),
        model: MODEL,
        spend: SPEND,
        firstDay: dayFromDate(2024, 1, 1),
        acquisitionDays: 90,
        lastDay: dayFromDate(2025, 6, 30),
        channels: ["web", "store", "app"],
        seed: 2026,
      });
      const file = path.join(dir, `transactions-${rows}.csv`);
      writeFileSync(file, transactionLogCsv(log));
      const run = spawnSync(process.execPath, [__filename, "--run", file], { encoding: "utf8", maxBuffer: 1 << 24 });
      if (run.status !== 0) throw new Error(`benchmark of ${rows} rows failed:\n${run.stderr}`);
      results.push(JSON.parse(run.stdout));
    }
    const stages = Object.keys(results[0].milliseconds);
    console.log(["stage (ms)", ...results.map((r) => `${r.rows} rows / ${r.customers} customers`)].join(" | "));
    for (const stage of stages) console.log([stage, ...results.map((r) => r.milliseconds[stage].toFixed(0))].join(" | "));
    console.log(["peak memory (MB)", ...results.map((r) => r.peakMegabytes.toFixed(0))].join(" | "));
    console.log(paretoOnCdnow());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
