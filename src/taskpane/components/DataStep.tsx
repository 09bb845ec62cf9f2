import {
  Body1,
  Button,
  Field,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { columnLetter } from "../../core/transactions/detectColumns";
import { formatNumber } from "../i18n/formatNumber";
import { useMessages } from "../i18n/MessagesContext";
import type { Wizard } from "../wizard/useWizard";
import { StepProblem } from "./StepProblem";
import { shownProblems } from "../wizard/wizardState";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  action: { alignSelf: "flex-start" },
  preview: { overflowX: "auto", maxWidth: "100%" },
  cell: { whiteSpace: "nowrap", maxWidth: "12em", overflow: "hidden", textOverflow: "ellipsis" },
  rowNumber: { color: tokens.colorNeutralForeground3 },
});

/** Step 1: read the selected transactions and show where they are and how they start. */
export function DataStep({ wizard }: { wizard: Wizard }) {
  const t = useMessages();
  const styles = useStyles();
  const { reading, selection } = wizard.state;
  const problem = shownProblems(wizard.state).find((p) => p.field === "selection");
  const count = (n: number) => formatNumber(t.locale, n);
  const preview = selection?.previewText ?? []; // the first rows (PREVIEW_TEXT_ROWS) as the sheet shows them: dates as dates
  const width = Math.max(0, ...preview.map((row) => row.length));

  return (
    <div className={styles.root}>
      <Body1>{t.dataIntro}</Body1>
      <Button
        className={styles.action}
        appearance={selection ? "secondary" : "primary"}
        onClick={() => void wizard.readSelection()}
        disabled={reading !== null}
        data-testid="use-selection"
      >
        {t.useSelection}
      </Button>
      {problem && <StepProblem text={t[problem.message]} />}
      {reading !== null && (
        <Field
          validationState="none"
          validationMessage={reading === "started" ? t.readingStarted : t.readingRows(count(reading.rowsRead), count(reading.rowCount))}
        >
          <ProgressBar value={reading === "started" ? undefined : reading.rowsRead / Math.max(1, reading.rowCount)} />
        </Field>
      )}
      {selection && (
        <>
          <Text weight="semibold" data-testid="selection-summary">
            {t.selectionSummary(selection.address, count(selection.values.length))}
          </Text>
          <div className={styles.preview} role="region" aria-label={t.previewCaption(count(preview.length))} tabIndex={0}>
            <Table size="extra-small" aria-label={t.previewCaption(count(preview.length))} data-testid="selection-preview">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.rowHeader}</TableHeaderCell>
                  {Array.from({ length: width }, (_, column) => (
                    <TableHeaderCell key={column}>{columnLetter(selection.firstColumn + column)}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {preview.map((row, index) => (
                  <TableRow key={index}>
                    <TableCell className={styles.rowNumber}>{selection.firstRow + index}</TableCell>
                    {Array.from({ length: width }, (_, column) => (
                      <TableCell key={column} className={styles.cell}>
                        {row[column]}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </div>
  );
}
