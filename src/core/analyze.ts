import { ClvError, ensure } from "./errors";
import { type ClvHorizon, discountedPurchasesWhileAlive } from "./models/customerLifetimeValue";
import { type GammaGammaParameters, conditionalExpectedSpend, fitGammaGamma } from "./models/gammaGamma";
import type { FitResult } from "./models/maximumLikelihood";
import { perFrequencyAndAge } from "./models/perFrequencyAndAge";
import {
  type PurchaseModelFit,
  type PurchaseModelKind,
  fitPurchaseModel,
  probabilitiesAlive,
  probabilityAlive,
  purchasesWhileAlive,
} from "./models/purchaseModel";
import {
  type CohortRetention,
  type ModelPredictions,
  type RfmScores,
  type Segmentation,
  type SegmentStrategy,
  type SegmentTable,
  cohortRetention,
  rfmScores,
  segmentCustomers,
  segmentMetrics,
} from "./segments";
import { type CustomerSummary, type PeriodUnit, daysPerUnit, summarizeCustomers } from "./summary";
import { type CellGrid, type CellValue, type ParseOptions, type ParseReport, type TransactionTable, isoDate, parseTransactions } from "./transactions";
import { type HoldoutValidation, type SegmentClvIntervals, segmentClvIntervals, validateHoldout } from "./validation";

/** What the analysis needs besides the data. Rates and horizons are per period of `unit`. */
export interface AnalysisOptions extends ParseOptions {
  /** Period of the model inputs, churn, APF, discounting and horizon. Default "month". */
  unit?: PeriodUnit;
  /** Default RFM. */
  segmentBy?: SegmentStrategy;
  /** Purchase model. Default BG/NBD. */
  model?: PurchaseModelKind;
  /** Discount rate per period. Default 0.01 (1 % a month). */
  discountRate?: number;
  /** Gross margin as a fraction of revenue. Default 1: CLV in revenue. */
  margin?: number;
  /** Periods ahead for predictions and the NPV CLV. Default 36 months' worth of periods. */
  horizonPeriods?: number;
  /** Periods without a purchase after which a customer has lapsed. Default 90 days' worth of periods. */
  inactivityPeriods?: number;
  /**
   * Estimate 95 % intervals of the segments' mean predicted CLV (`segmentClvIntervals`). Default true.
   * False skips them and the fits' covariance matrices they need: `intervals` then has no rows.
   */
  intervals?: boolean;
  /** Check the purchase model on a holdout (`validateHoldout`): the last `periods` periods (default a third of the window). Omitted: no check. */
  holdout?: { periods?: number };
  /** Called as each stage starts, for progress displays. */
  onStage?: (stage: AnalysisStage) => void;
}

export type AnalysisStage =
  | "parsing"
  | "summarising"
  | "segmenting"
  | "fittingPurchases"
  | "fittingSpend"
  | "predicting"
  | "estimatingIntervals"
  | "tabulating"
  | "validating";

/** Per-customer model outputs, one entry per customer of the summary; NaN where the model could not say. */
export interface CustomerPredictions extends ModelPredictions {
  /** Expected purchases in the next `horizonPeriods`. */
  expectedPurchases: Float64Array;
  /** Expected value of a future purchase (Gamma-Gamma), or the customer's AOV when that model is unusable. */
  expectedSpend: Float64Array;
}

export interface Analysis {
  report: ParseReport;
  table: TransactionTable;
  summary: CustomerSummary;
  settings: Required<Omit<AnalysisOptions, keyof ParseOptions | "onStage" | "holdout" | "intervals">>;
  rfm: RfmScores;
  segmentation: Segmentation;
  segments: SegmentTable;
  cohorts: CohortRetention;
  model: PurchaseModelFit;
  spendModel: FitResult<GammaGammaParameters>;
  predictions: CustomerPredictions;
  /** 95 % intervals of each segment's mean predicted CLV (`segmentClvIntervals`); without rows when not asked for. */
  intervals: SegmentClvIntervals;
  /** The holdout check, when asked for and possible (else a warning says why not). */
  validation: HoldoutValidation | null;
  /** Plain-language findings about the whole run (model fits, fallbacks). */
  warnings: string[];
}

/**
 * The whole engine, cells in, per-customer and per-segment CLV out: parse and validate the
 * transactions, summarise customers, segment them, fit the purchase model (BG/NBD or Pareto/NBD) and
 * the Gamma-Gamma spend model, predict every customer, estimate 95 % intervals of the segments' mean
 * predicted CLV (`segmentClvIntervals`, unless `intervals: false`), tabulate the segments and, when asked, check the purchase
 * model on a holdout (`validateHoldout`; a check that cannot be made is a warning). The wizard, the
 * command line and the benchmark all call this. Model fits never throw: a fit that fails is reported
 * in `warnings` and the other outputs still come back.
 *
 * Predicted CLV = margin x sum over periods i = 1..horizon of E[spend] x (E[X(i)] - E[X(i - 1)]) /
 * (1 + discountRate)^i, conditional on each customer's history (`customerLifetimeValue` with one step per period).
 *
 * @throws ClvError `value` when a setting is out of range (horizon, discount rate, margin, inactivity), the
 *   data have no usable transaction or none that is a purchase, or a required column cannot be found
 */
export function analyzeTransactions(cells: CellGrid | readonly (readonly CellValue[])[], options: AnalysisOptions = {}): Analysis {
  const unit = options.unit ?? "month";
  const periodsPer = (days: number) => days / daysPerUnit(unit);
  const settings = {
    unit,
    segmentBy: options.segmentBy ?? { kind: "rfm" as const },
    model: options.model ?? ("bgnbd" as const),
    discountRate: options.discountRate ?? 0.01,
    margin: options.margin ?? 1,
    horizonPeriods: options.horizonPeriods ?? Math.round(periodsPer(36 * daysPerUnit("month"))),
    inactivityPeriods: options.inactivityPeriods ?? periodsPer(90),
  };
  const { horizonPeriods, discountRate, margin, inactivityPeriods } = settings;
  ensure(Number.isInteger(horizonPeriods) && horizonPeriods >= 0, `The horizon must be a whole number of periods, 0 or more; got ${horizonPeriods}`);
  ensure(Number.isFinite(discountRate) && discountRate >= 0, `The discount rate must be 0 or more per period (0.01 = 1 %); got ${discountRate}`);
  ensure(margin > 0 && margin <= 1, `The margin must be above 0 and at most 1 (0.3 = 30 % of revenue); got ${margin}`);
  ensure(Number.isFinite(inactivityPeriods) && inactivityPeriods > 0, `The inactivity threshold must be more than 0 periods; got ${inactivityPeriods}`);
  const stage = options.onStage ?? (() => undefined);

  stage("parsing");
  const { table, report } = parseTransactions(cells, options);
  if (table.length === 0) {
    const first = report.errors[0];
    const example = first === undefined ? "" : `; the first, row ${first.row}, column "${first.column}": ${first.reason}`;
    const later = report.afterEndRows > 0 ? `, ${report.afterEndRows} after the window's end (${isoDate(table.observationEnd)})` : "";
    throw new ClvError("value", `No usable transaction: ${report.rejectedRows} rows rejected, ${report.blankRows} blank${later}${example}`);
  }

  stage("summarising");
  const summary = summarizeCustomers(table, unit);
  if (summary.customerIds.length === 0) {
    const only = summary.refundOnlyCustomers.length;
    throw new ClvError("value", `No customer made a purchase in the window: the ${only} customer(s) with rows have only refunds (negative amounts)`);
  }

  stage("segmenting");
  const rfm = rfmScores(summary);
  const segmentation = segmentCustomers(summary, settings.segmentBy, rfm);

  stage("fittingPurchases");
  const warnings: string[] = [];
  const data = { frequency: summary.frequency, recency: summary.recency, T: summary.T };
  // The covariances (k + 1 more gradient evaluations per fit) serve the intervals alone.
  const withIntervals = options.intervals ?? true;
  const model = fitPurchaseModel(settings.model, data, { covariance: withIntervals });
  stage("fittingSpend");
  const spendModel = fitGammaGamma({ frequency: summary.frequency, meanSpend: summary.monetaryValue }, { covariance: withIntervals });
  warnings.push(...model.warnings.map((w) => `Purchase model: ${w}`), ...spendModel.warnings.map((w) => `Spend model: ${w}`));

  stage("predicting");
  // One step per period: the rate and horizon are per period of `unit`.
  const horizon: ClvHorizon = { months: settings.horizonPeriods, monthlyDiscountRate: settings.discountRate, periodsPerMonth: 1 };
  const spendUsable = usable(() => conditionalExpectedSpend(spendModel.parameters, 0, 0));
  const predictions = predict(summary, model, spendUsable ? spendModel.parameters : null, horizon, settings.margin, warnings);
  let intervals: SegmentClvIntervals = { rows: null, total: null, notes: ["Intervals were not asked for"] };
  if (withIntervals) {
    stage("estimatingIntervals");
    intervals = segmentClvIntervals({
      ...summary,
      segment: segmentation.segment,
      segmentCount: segmentation.labels.length,
      predictedClv: predictions.predictedClv,
      model,
      spendModel: spendUsable ? spendModel : null,
      horizon,
    });
    warnings.push(...intervals.notes);
  }
  stage("tabulating");
  const segments = segmentMetrics(summary, segmentation, settings, predictions);
  const cohorts = cohortRetention(table);
  let validation: HoldoutValidation | null = null;
  if (options.holdout !== undefined) {
    stage("validating");
    try {
      validation = validateHoldout(table, { unit, model: settings.model, holdoutPeriods: options.holdout.periods });
    } catch (error) {
      if (!(error instanceof ClvError)) throw error;
      warnings.push(`Holdout check skipped: ${error.message}`);
    }
  }
  return { report, table, summary, settings, rfm, segmentation, segments, cohorts, model, spendModel, predictions, intervals, validation, warnings };
}

function predict(
  summary: CustomerSummary,
  model: PurchaseModelFit,
  /** The spend model's parameters, or null when they give no finite expectation. */
  spend: GammaGammaParameters | null,
  horizon: ClvHorizon,
  margin: number,
  warnings: string[]
): CustomerPredictions {
  const n = summary.customerIds.length;
  const predictions: CustomerPredictions = {
    probabilityAlive: new Float64Array(n).fill(NaN),
    expectedPurchases: new Float64Array(n).fill(NaN),
    expectedSpend: new Float64Array(n).fill(NaN),
    predictedClv: new Float64Array(n).fill(NaN),
  };
  const { frequency: x, monetaryValue, aov } = summary;
  if (spend === null) warnings.push("Spend model unusable: each customer's own average order value stands in for the expected spend");
  for (let i = 0; i < n; i++) {
    predictions.expectedSpend[i] = spend === null ? aov[i] : conditionalExpectedSpend(spend, x[i], monetaryValue[i]);
  }
  const purchaseUsable = usable(() => probabilityAlive(model, 0, 0, 1));
  if (!purchaseUsable) {
    warnings.push("Purchase model unusable: P(alive), expected purchases and predicted CLV are left blank");
    return predictions;
  }
  // E[Y(t) | x, t_x, T] = P(alive | x, t_x, T) E[Y(t) | x, T, alive], and the CLV is linear in the spend: the
  // costly factor (one expectation per month of the horizon) depends on (x, T) alone, so it is computed once
  // per distinct (x, T) - a few thousand for a million rows - and the cheap P(alive) per customer.
  const aliveNow = probabilitiesAlive(model, summary);
  // A degenerate fit (tiny or one-sided data) can leave some histories without a finite prediction. Every T
  // runs to the observation end, so the first purchase day keys T.
  const whileAlive = perFrequencyAndAge(
    summary,
    (x, T) => ({
      purchases: purchasesWhileAlive(model, horizon.months, x, T),
      discounted: discountedPurchasesWhileAlive(model, x, T, horizon),
    }),
    { purchases: NaN, discounted: NaN },
    summary.firstDay
  );
  let failures = 0;
  for (let i = 0; i < n; i++) {
    const alive = aliveNow[i];
    const { purchases, discounted } = whileAlive.values[whileAlive.group[i]];
    if (Number.isNaN(alive) || Number.isNaN(purchases)) {
      failures++;
      continue;
    }
    predictions.probabilityAlive[i] = alive;
    predictions.expectedPurchases[i] = purchases * alive;
    predictions.predictedClv[i] = margin * predictions.expectedSpend[i] * (alive * discounted);
  }
  if (failures > 0) warnings.push(`No prediction for ${failures} customer(s): ${whileAlive.failure?.message ?? ""}`);
  return predictions;
}

/** Whether a model's parameters give a finite prediction (a failed fit may return unusable ones). */
function usable(probe: () => number): boolean {
  try {
    return Number.isFinite(probe());
  } catch {
    return false;
  }
}
