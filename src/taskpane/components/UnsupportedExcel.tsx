import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useMessages } from "../i18n/MessagesContext";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM },
});

/** Shown instead of the wizard when this Excel lacks the ExcelApi `requirement` set the wizard needs. */
export function UnsupportedExcel({ requirement }: { requirement: string }) {
  const t = useMessages();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <MessageBar intent="error" layout="multiline" data-testid="unsupported-excel">
        <MessageBarBody>
          <MessageBarTitle>{t.unsupportedTitle}</MessageBarTitle>
          {t.unsupportedBody(requirement)}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
