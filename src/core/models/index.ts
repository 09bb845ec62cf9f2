export {
  type BgNbdParameters,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilitiesAlive,
  bgNbdProbabilityAlive,
  fitBgNbd,
} from "./bgNbd";
export { type CustomerData, checkCustomer } from "./customerData";
export { type ClvHorizon, PERIODS_PER_MONTH, customerLifetimeValue, discountedPurchasesWhileAlive } from "./customerLifetimeValue";
export {
  type GammaGammaParameters,
  type SpendData,
  checkSpend,
  conditionalExpectedSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
} from "./gammaGamma";
export type { FitOptions, FitReport, FitResult } from "./maximumLikelihood";
export { MODEL_NAMES } from "./modelNames";
export {
  type BlockCell,
  type BlockModel,
  type TimedPurchaseModel,
  readGammaGammaBlock,
  readParameterBlock,
  readPurchaseModelBlock,
  writeParameterBlock,
} from "./parameterBlock";
export {
  type ParetoNbdParameters,
  fitParetoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilitiesAlive,
  paretoNbdProbabilityAlive,
} from "./paretoNbd";
export {
  type PurchaseModel,
  type PurchaseModelFit,
  type PurchaseModelKind,
  type PurchaseModelParameters,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitPurchaseModel,
  probabilitiesAlive,
  probabilityAlive,
  purchaseLogLikelihood,
} from "./purchaseModel";
export {
  type SbgParameters,
  fitSbg,
  sbgCustomerLifetimeValue,
  sbgDiscountedExpectedLifetime,
  sbgDiscountedExpectedResidualLifetime,
  sbgRetention,
  sbgSurvival,
} from "./sbg";
export { type TimeUnit, checkSameTimeUnit, parseTimeUnit } from "./timeUnit";
