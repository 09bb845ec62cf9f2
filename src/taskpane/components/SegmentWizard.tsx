import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type ComponentType, useEffect, useRef } from "react";
import type { AnalysisClient } from "../analysis/analysisClient";
import type { ExcelGateway } from "../excelGateway";
import { useMessages } from "../i18n/MessagesContext";
import { type Wizard, useWizard } from "../wizard/useWizard";
import { STEPS, Step } from "../wizard/wizardState";
import { AssumptionsStep } from "./AssumptionsStep";
import { ColumnsStep } from "./ColumnsStep";
import { DataStep } from "./DataStep";
import { DoneStep } from "./DoneStep";
import { RunStep } from "./RunStep";

const STEP_VIEWS: Record<Step, ComponentType<{ wizard: Wizard }>> = {
  [Step.Data]: DataStep,
  [Step.Columns]: ColumnsStep,
  [Step.Assumptions]: AssumptionsStep,
  [Step.Run]: RunStep,
  [Step.Done]: DoneStep,
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "40em",
  },
  heading: { margin: 0, outlineStyle: "none" },
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  nav: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
});

/**
 * The segment wizard: a heading per step, the step's view, Back and Next. Focus moves to the new
 * step's heading when the step changes, and to the first problem when the user cannot go on.
 */
export function SegmentWizard({ gateway, client }: { gateway: ExcelGateway; client: AnalysisClient }) {
  const t = useMessages();
  const styles = useStyles();
  const wizard = useWizard(gateway, client);
  const { state, dispatch } = wizard;
  const index = STEPS.findIndex((descriptor) => descriptor.step === state.step);
  const View = STEP_VIEWS[state.step];
  const heading = useRef<HTMLHeadingElement>(null);
  const section = useRef<HTMLElement>(null);

  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) firstRender.current = false;
    else heading.current?.focus();
  }, [state.step]);
  useEffect(() => {
    if (state.attempts > 0) section.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem]')?.focus();
  }, [state.attempts]);

  const canGoBack = state.step === Step.Columns || state.step === Step.Assumptions;
  const nextText = state.step === Step.Assumptions ? t.runAnalysis : t.next;

  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">{t.appTitle}</Subtitle1>
      {state.error !== null && (
        <MessageBar intent="error" layout="multiline" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            {state.error}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => dispatch({ type: "errorDismissed" })} data-testid="error-dismiss">
              {t.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <section className={styles.step} aria-labelledby="step-heading" ref={section} data-step={state.step}>
        <Caption1>{t.stepOf(index + 1, STEPS.length)}</Caption1>
        <Text as="h2" size={400} weight="semibold" id="step-heading" tabIndex={-1} ref={heading} className={styles.heading}>
          {t[STEPS[index].title]}
        </Text>
        <View wizard={wizard} />
      </section>
      {state.step !== Step.Run && (
        <nav className={styles.nav} aria-label={t.stepsLabel}>
          {canGoBack ? (
            <Button onClick={() => dispatch({ type: "back" })} data-testid="wizard-back">
              {t.back}
            </Button>
          ) : (
            <span />
          )}
          {state.step === Step.Done ? (
            <Button appearance="primary" onClick={() => dispatch({ type: "restarted" })} data-testid="wizard-restart">
              {t.startAgain}
            </Button>
          ) : (
            <Button appearance="primary" onClick={wizard.next} data-testid={state.step === Step.Assumptions ? "wizard-run" : "wizard-next"}>
              {nextText}
            </Button>
          )}
        </nav>
      )}
    </main>
  );
}
