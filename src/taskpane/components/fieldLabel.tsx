import { InfoLabel, type LabelProps } from "@fluentui/react-components";

/**
 * A Field `label` slot that adds an info button beside the label text, the pattern Fluent documents
 * for InfoLabel inside a Field (the Field still wires the label to its control).
 */
export function labelWithInfo(text: string, info: string) {
  return {
    children: (_: unknown, props: LabelProps) => (
      <InfoLabel {...props} info={info}>
        {text}
      </InfoLabel>
    ),
  };
}
