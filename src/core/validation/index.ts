export { type FrequencyBin, OPEN_BIN_FROM, conditionalExpectations } from "./conditionalExpectations";
export { type HoldoutErrors, holdoutErrors } from "./holdoutErrors";
export { type ClvInterval, type ClvIntervalInputs, type SegmentClvIntervals, Z_95, segmentClvIntervals, sensitivityPicks } from "./segmentClvIntervals";
export { type TrackingCurve, trackingCurve } from "./trackingCurve";
export { type HoldoutSettings, type HoldoutValidation, DEFAULT_HOLDOUT_SHARE, endsOfPeriods, validateHoldout } from "./validateHoldout";
