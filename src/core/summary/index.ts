export { type PeriodUnit, DAYS_PER_UNIT, daysPerUnit } from "./periodUnit";
export { type CustomerSummary, summarizeCustomers } from "./summarizeCustomers";
export { type CalibrationHoldout, type CalibrationHoldoutOptions, splitCalibrationHoldout } from "./splitCalibrationHoldout";
