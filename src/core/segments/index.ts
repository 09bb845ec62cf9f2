export { type RfmScores, type RfmGroup, RFM_GROUPS, quintileScores, rfmGroup, rfmScores } from "./rfmScores";
export { type Segmentation, type SegmentStrategy, BLANK_SEGMENT, SEGMENT_KINDS, segmentCustomers } from "./segmentCustomers";
export { type ModelPredictions, type SegmentAssumptions, type SegmentRow, type SegmentTable, segmentMetrics } from "./segmentMetrics";
export { median } from "./orderStatistics";
export { type CohortRetention, cohortRetention } from "./cohortRetention";
