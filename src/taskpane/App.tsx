import { Body1, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

/** The task pane. The segment wizard lands here; until then it points users to the cell functions. */
export function App() {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">CLV Toolkit</Subtitle1>
      <Body1>
        Type <code>=CLV.</code> in any cell to see the customer lifetime value functions, for example{" "}
        <code>=CLV.BASIC(100, 2, 20)</code>.
      </Body1>
    </main>
  );
}
