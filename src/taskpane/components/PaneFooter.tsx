import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useMessages } from "../i18n/MessagesContext";

const useStyles = makeStyles({
  footer: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground3,
  },
});

/** The pane's footer: the add-in's version, so a user can say which release they run. */
export function PaneFooter({ version }: { version: string }) {
  const t = useMessages();
  const styles = useStyles();
  return (
    <footer className={styles.footer}>
      <Caption1 data-testid="pane-version">{t.versionLabel(version)}</Caption1>
    </footer>
  );
}
