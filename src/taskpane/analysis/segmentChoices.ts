import type { SegmentStrategy } from "../../core/segments";

/**
 * The ways the wizard offers to segment customers, and the engine's strategy for each. Its own
 * module, with type-only imports, so the pane can use it without bundling the engine.
 */
export const SEGMENT_CHOICES = {
  column: { kind: "column" },
  rfm: { kind: "rfm" },
  value: { kind: "value" },
  cohortMonth: { kind: "cohort", by: "month" },
  cohortQuarter: { kind: "cohort", by: "quarter" },
  fourway: { kind: "fourway" },
} as const satisfies Record<string, SegmentStrategy>;

export type SegmentChoice = keyof typeof SEGMENT_CHOICES;
