import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/**
 * A problem of the whole step (not of one field), shown after the user tried to go on. It carries
 * `data-problem` and can take focus, so the wizard can move focus to it (see SegmentWizard).
 */
export function StepProblem({ text }: { text: string }) {
  return (
    <MessageBar intent="error" data-problem tabIndex={-1}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
