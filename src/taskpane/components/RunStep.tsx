import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { formatNumber } from "../i18n/formatNumber";
import type { Messages } from "../i18n/messages";
import { useMessages } from "../i18n/MessagesContext";
import { runProgress } from "../wizard/runProgress";
import type { Wizard } from "../wizard/useWizard";
import type { RunState } from "../wizard/wizardState";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  cancel: { alignSelf: "flex-start" },
});

/** Step 4: the run's progress and stage, the question about an earlier report, and Cancel. */
export function RunStep({ wizard }: { wizard: Wizard }) {
  const t = useMessages();
  const styles = useStyles();
  const { run, selection } = wizard.state;
  const question = useRef<HTMLDivElement>(null);
  const asking = run?.existingSheets != null;
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  if (run === null) return null;
  const rows = formatNumber(t.locale, selection?.values.length ?? 0);

  return (
    <div className={styles.root}>
      <Body1>{t.runIntro}</Body1>
      <Field label={t.progressLabel} validationState="none" validationMessage={{ children: stageText(t, run, rows), role: "status" }}>
        <ProgressBar value={runProgress(run)} data-testid="run-progress" />
      </Field>
      {run.existingSheets && (
        <MessageBar intent="warning" layout="multiline" ref={question} tabIndex={-1} data-testid="replace-question">
          <MessageBarBody>
            <MessageBarTitle>{t.replaceTitle}</MessageBarTitle>
            {t.replaceBody(run.existingSheets.join(", "))}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => wizard.answerReplace("replace")} data-testid="replace-confirm">
              {t.replace}
            </Button>
            <Button onClick={() => wizard.answerReplace("keep")} data-testid="replace-keep">
              {t.keepBoth}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Button className={styles.cancel} onClick={wizard.cancel} disabled={run.cancelling} data-testid="run-cancel">
        {run.cancelling ? t.cancelling : t.cancel}
      </Button>
    </div>
  );
}

/** The current stage in words. */
function stageText(t: Messages, run: RunState, rows: string): string {
  switch (run.stage) {
    case "parsing":
      return t.stageParsing(rows);
    case "summarising":
      return t.stageSummarising;
    case "segmenting":
      return t.stageSegmenting;
    case "fittingPurchases":
      return t.stageFittingPurchases;
    case "fittingSpend":
      return t.stageFittingSpend;
    case "predicting":
      return t.stagePredicting;
    case "estimatingIntervals":
      return t.stageEstimatingIntervals;
    case "tabulating":
      return t.stageTabulating;
    case "validating":
      return t.stageValidating;
    case "planning":
      return t.stagePlanning;
    case "checking":
      return t.stageChecking;
    case "writing": {
      const write = run.write;
      if (write === null) return t.stageWritingStarted;
      const count = (n: number) => formatNumber(t.locale, n);
      return t.stageWriting(write.sheet, count(write.sheetsWritten + 1), count(write.sheetCount));
    }
  }
}
