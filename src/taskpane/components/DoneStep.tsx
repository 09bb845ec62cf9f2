import {
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
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
import { tableWarningText } from "../../core/transactions";
import type { FitSummary, HoldoutSummary, RunOutcome } from "../analysis/protocol";
import { formatNumber } from "../i18n/formatNumber";
import { useMessages } from "../i18n/MessagesContext";
import type { Wizard } from "../wizard/useWizard";
import { UNIT_TEXT } from "./AssumptionsStep";

/** Significant digits of model parameters (the papers report 3 to 4). */
const PARAMETER_DIGITS = 4;
/** Decimals of the holdout's percentage error (FHL 2005 compare totals to about a percent). */
const ERROR_DECIMALS = 1;
/** Decimals of money, as the report's money format "#,##0.00". */
const MONEY_DECIMALS = 2;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/**
 * Step 5: the sheets created (each a button that shows it), the model fits, the holdout check, each
 * segment's mean predicted CLV with its 95 % interval (when estimated), the warnings.
 */
export function DoneStep({ wizard }: { wizard: Wizard }) {
  const t = useMessages();
  const styles = useStyles();
  const { result } = wizard.state;
  if (result === null) return null;
  const { sheets, outcome } = result;
  const count = (n: number) => formatNumber(t.locale, n);
  const modelName = outcome.purchaseModel.kind === "bgnbd" ? t.modelBgNbd : t.modelPareto;

  const fit = (id: string, title: string, summary: FitSummary) => (
    <section className={styles.section} aria-labelledby={id} data-testid={id}>
      <Text as="h3" weight="semibold" id={id}>
        {title}
      </Text>
      <Table size="extra-small" aria-labelledby={id}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.parameter}</TableHeaderCell>
            <TableHeaderCell>{t.value}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {Object.entries(summary.parameters).map(([name, value]) => (
            <TableRow key={name}>
              <TableCell>{name}</TableCell>
              <TableCell>{formatNumber(t.locale, value, { significantDigits: PARAMETER_DIGITS })}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text>{summary.converged ? t.converged(count(summary.iterations)) : t.notConverged(count(summary.iterations))}</Text>
      <Text>{t.logLikelihood(formatNumber(t.locale, summary.logLikelihood, { fractionDigits: 2 }))}</Text>
    </section>
  );

  const holdoutCheck = ({ periods, unit, predicted, actual, percentageError }: HoldoutSummary) => {
    const error = percentageError === null ? "–" : `${formatNumber(t.locale, 100 * percentageError, { fractionDigits: ERROR_DECIMALS })}%`;
    return (
      <section className={styles.section} aria-labelledby="holdout-check" data-testid="holdout-check">
        <Text as="h3" weight="semibold" id="holdout-check">
          {t.holdoutTitle}
        </Text>
        <Text>{t.holdoutLength(count(periods), t[UNIT_TEXT[unit]].toLowerCase(), periods !== 1)}</Text>
        <Text>{t.holdoutPurchases(count(predicted), count(actual), error)}</Text>
      </section>
    );
  };

  const intervalTable = (intervals: NonNullable<RunOutcome["intervals"]>) => {
    const money = (value: number) => formatNumber(t.locale, value, { fixedDigits: MONEY_DECIMALS });
    return (
      <section className={styles.section} aria-labelledby="clv-intervals-title" data-testid="clv-intervals">
        <Text as="h3" weight="semibold" id="clv-intervals-title">
          {t.intervalsTitle}
        </Text>
        <Table size="extra-small" aria-labelledby="clv-intervals-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.segment}</TableHeaderCell>
              <TableHeaderCell>{t.meanPerCustomer}</TableHeaderCell>
              <TableHeaderCell>{t.interval95}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {intervals.map(({ mean, low, high }, s) => (
              <TableRow key={outcome.segments[s]}>
                <TableCell>{outcome.segments[s]}</TableCell>
                <TableCell>{money(mean)}</TableCell>
                <TableCell>{t.intervalRange(money(low), money(high))}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Text size={200}>{t.intervalsNote}</Text>
      </section>
    );
  };

  return (
    <div className={styles.root}>
      <MessageBar intent="success">
        <MessageBarBody>
          <MessageBarTitle>{t.doneTitle}</MessageBarTitle>
          {t.rowsSummary(count(outcome.usedRows), count(outcome.rejectedRows), count(outcome.customers), count(outcome.segments.length))}
        </MessageBarBody>
      </MessageBar>
      <section className={styles.section} aria-labelledby="created-sheets">
        <Text as="h3" weight="semibold" id="created-sheets">
          {t.createdSheets}
        </Text>
        <ul className={styles.list} data-testid="created-sheets">
          {sheets.map((sheet) => (
            <li key={sheet}>
              <Link as="button" aria-label={t.goToSheet(sheet)} onClick={() => void wizard.activateSheet(sheet)} data-testid="open-sheet">
                {sheet}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {fit("purchase-fit", t.purchaseFit(modelName), outcome.purchaseModel)}
      {fit("spend-fit", t.spendFit, outcome.spendModel)}
      {outcome.holdout !== null && holdoutCheck(outcome.holdout)}
      {outcome.intervals !== null && intervalTable(outcome.intervals)}
      {outcome.tableWarnings.length + outcome.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="run-warnings">
          <MessageBarBody>
            <MessageBarTitle>{t.warningsTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {outcome.tableWarnings.map((warning) => (
                <li key={warning.message}>{tableWarningText(warning, t)}</li>
              ))}
              {outcome.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
