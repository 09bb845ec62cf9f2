import {
  type BgNbdParameters,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdProbabilitiesAlive,
  bgNbdPurchasesWhileAlive,
  fitBgNbd,
} from "./bgNbd";
import type { CustomerData } from "./customerData";
import type { FitOptions, FitReport } from "./maximumLikelihood";
import {
  type ParetoNbdParameters,
  fitParetoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  paretoNbdProbabilitiesAlive,
  paretoNbdPurchasesWhileAlive,
} from "./paretoNbd";
import { check } from "./parameterChecks";

/** Each purchase model's parameters, by kind. */
export interface PurchaseModelParameters {
  /** BG/NBD (Fader, Hardie & Lee 2005). */
  bgnbd: BgNbdParameters;
  /** Pareto/NBD (Schmittlein, Morrison & Colombo 1987). */
  pareto: ParetoNbdParameters;
}

/** The purchase ("buy till you die") models: "bgnbd" or "pareto". */
export type PurchaseModelKind = keyof PurchaseModelParameters;

/**
 * A purchase model with its parameters, e.g. `{ kind: "bgnbd", parameters: { r, alpha, a, b } }`.
 * Every function below takes any kind, so callers switch models by changing `kind` alone.
 */
export type PurchaseModel<K extends PurchaseModelKind = PurchaseModelKind> = K extends PurchaseModelKind
  ? { kind: K; parameters: PurchaseModelParameters[K] }
  : never;

/** A fitted purchase model: usable wherever a {@link PurchaseModel} is, plus how the fit went. */
export type PurchaseModelFit<K extends PurchaseModelKind = PurchaseModelKind> = PurchaseModel<K> & FitReport;

/**
 * Fits a purchase model to customers' (x, t_x, T) by maximum likelihood (see `fitBgNbd`,
 * `fitParetoNbd`). Times in any one unit; the rate parameters come back in it.
 *
 * @returns the model, its total log-likelihood, convergence, iterations and warnings; never throws
 *   for non-convergence or data that cannot be fitted (no repeat purchases, one customer, none)
 * @throws ClvError `value` for invalid data (NaN, negative x, t_x > T...), naming the customer
 * @example fitPurchaseModel("bgnbd", cdnowWeeks).parameters.r // 0.2426 (FHL 2005: 0.243)
 */
export function fitPurchaseModel(kind: "bgnbd", data: CustomerData, options?: FitOptions): PurchaseModelFit<"bgnbd">;
export function fitPurchaseModel(kind: "pareto", data: CustomerData, options?: FitOptions): PurchaseModelFit<"pareto">;
export function fitPurchaseModel(kind: PurchaseModelKind, data: CustomerData, options?: FitOptions): PurchaseModelFit;
export function fitPurchaseModel(kind: PurchaseModelKind, data: CustomerData, options: FitOptions = {}): PurchaseModelFit {
  checkKind("fitPurchaseModel", kind);
  return kind === "bgnbd" ? { kind, ...fitBgNbd(data, options) } : { kind, ...fitParetoNbd(data, options) };
}

/**
 * Total log-likelihood of the customers under a purchase model (a density in time: depends on the unit).
 *
 * @throws ClvError `value` for non-positive parameters or invalid data
 * @example purchaseLogLikelihood({ kind: "bgnbd", parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }, cdnowWeeks) // -9582.43
 */
export function purchaseLogLikelihood(model: PurchaseModel, data: CustomerData): number {
  return isBgNbd("purchaseLogLikelihood", model)
    ? bgNbdLogLikelihood(model.parameters, data)
    : paretoNbdLogLikelihood(model.parameters, data);
}

/**
 * P(alive | x, t_x, T): the probability that a customer with x repeat purchases, the last at t_x, first
 * purchase T ago, has not dropped out (see `bgNbdProbabilityAlive`, `paretoNbdProbabilityAlive`).
 *
 * @param x - repeat purchases; `recency` t_x and `T` in the model's time unit
 * @throws ClvError `value` for non-positive parameters or an invalid customer
 * @example probabilityAlive({ kind: "bgnbd", parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }, 2, 30.43, 38.86) // 0.7266
 */
export function probabilityAlive(model: PurchaseModel, x: number, recency: number, T: number): number {
  return isBgNbd("probabilityAlive", model)
    ? bgNbdProbabilityAlive(model.parameters, x, recency, T)
    : paretoNbdProbabilityAlive(model.parameters, x, recency, T);
}

/**
 * P(alive | x, t_x, T) of every customer ({@link probabilityAlive} for each), the parameters checked
 * once rather than per customer: for whole tables. Cost O(customers).
 *
 * @throws ClvError `value` for non-positive parameters or an invalid customer
 * @example probabilitiesAlive({ kind: "bgnbd", parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }, { frequency: [0, 2], recency: [0, 30.43], T: [38.86, 38.86] }) // Float64Array [1, 0.7266]
 */
export function probabilitiesAlive(model: PurchaseModel, customers: CustomerData): Float64Array {
  return isBgNbd("probabilitiesAlive", model)
    ? bgNbdProbabilitiesAlive(model.parameters, customers)
    : paretoNbdProbabilitiesAlive(model.parameters, customers);
}

/**
 * E[Y(t) | x, t_x, T]: expected repeat purchases in the t model periods after T of a customer with
 * history (x, t_x, T) (FHL 2005 eq. 10; Schmittlein et al. 1987 eq. 22).
 *
 * @param t - horizon in the model's time unit
 * @throws ClvError `value` for non-positive parameters, t < 0 or an invalid customer
 * @example conditionalExpectedPurchases({ kind: "bgnbd", parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }, 39, 2, 30.43, 38.86) // 1.226
 */
export function conditionalExpectedPurchases(
  model: PurchaseModel,
  t: number,
  x: number,
  recency: number,
  T: number
): number {
  return isBgNbd("conditionalExpectedPurchases", model)
    ? bgNbdConditionalExpectedPurchases(model.parameters, t, x, recency, T)
    : paretoNbdConditionalExpectedPurchases(model.parameters, t, x, recency, T);
}

/**
 * E[X(t)]: expected repeat purchases in the first t model periods after a customer's first purchase,
 * for a customer picked at random (FHL 2005 eq. 9; Schmittlein et al. 1987 eq. 17).
 *
 * @param t - horizon in the model's time unit
 * @throws ClvError `value` for non-positive parameters or t < 0
 * @example expectedPurchases({ kind: "bgnbd", parameters: { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 } }, 78) // 1.858
 */
export function expectedPurchases(model: PurchaseModel, t: number): number {
  return isBgNbd("expectedPurchases", model)
    ? bgNbdExpectedPurchases(model.parameters, t)
    : paretoNbdExpectedPurchases(model.parameters, t);
}

/**
 * E[Y(t) | x, T, alive]: expected repeat purchases in the next t periods of a customer known to be alive
 * (the conditional expectation without its P(alive) factor). Does not check its inputs.
 *
 * @example purchasesWhileAlive({ kind: "pareto", parameters: { r: 1, alpha: 1, s: 2, beta: 1 } }, 1, 0, 0) // 0.5
 */
export function purchasesWhileAlive(model: PurchaseModel, t: number, x: number, T: number): number {
  return model.kind === "bgnbd"
    ? bgNbdPurchasesWhileAlive(model.parameters, t, x, T)
    : paretoNbdPurchasesWhileAlive(model.parameters, t, x, T);
}

/** Whether the model is BG/NBD; otherwise it is Pareto/NBD (checked: plain JavaScript may pass anything). */
function isBgNbd(caller: string, model: PurchaseModel): model is PurchaseModel<"bgnbd"> {
  checkKind(caller, model.kind);
  return model.kind === "bgnbd";
}

function checkKind(caller: string, kind: string): void {
  check(caller, kind === "bgnbd" || kind === "pareto", 'a model kind of "bgnbd" or "pareto"', kind);
}
