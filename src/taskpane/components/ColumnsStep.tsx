import { Body1, Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type ColumnRole, rowErrorText } from "../../core/transactions";
import { columnLetter } from "../../core/transactions/detectColumns";
import { formatNumber } from "../i18n/formatNumber";
import type { TextKey } from "../i18n/messages";
import { useMessages } from "../i18n/MessagesContext";
import { COLUMN_ROLES, REQUIRED_COLUMN_ROLES } from "../wizard/columnChoices";
import type { Wizard } from "../wizard/useWizard";
import { shownProblems } from "../wizard/wizardState";
import { StepProblem } from "./StepProblem";

/** Row problems listed; the rest are counted. */
const LISTED_ROW_PROBLEMS = 100;

const ROLE_TEXT: Record<ColumnRole, { label: TextKey; hint: TextKey }> = {
  customer: { label: "roleCustomer", hint: "hintCustomer" },
  date: { label: "roleDate", hint: "hintDate" },
  amount: { label: "roleAmount", hint: "hintAmount" },
  order: { label: "roleOrder", hint: "hintOrder" },
  segment: { label: "roleSegment", hint: "hintSegment" },
  cost: { label: "roleCost", hint: "hintCost" },
  margin: { label: "roleMargin", hint: "hintMargin" },
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  problems: {
    maxHeight: "16em",
    overflowY: "auto",
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

/** Step 2: which column holds what, and what parsing the rows with those columns gives. */
export function ColumnsStep({ wizard }: { wizard: Wizard }) {
  const t = useMessages();
  const styles = useStyles();
  const { state, dispatch } = wizard;
  const { columns, check, checking, selection, hasHeader } = state;
  const problems = shownProblems(state);
  const count = (n: number) => formatNumber(t.locale, n);
  const labels = check?.detection.labels ?? [];
  const firstColumn = selection?.firstColumn ?? 1;
  const optionText = (label: string, column: number) => {
    const letter = columnLetter(firstColumn + column);
    return label === letter ? letter : `${label} (${letter})`;
  };
  const rows = check?.rows ?? null;
  const stepProblem = problems.find((p) => p.field === "rows");

  return (
    <div className={styles.root}>
      <Body1>{t.columnsIntro}</Body1>
      <Checkbox
        label={t.hasHeader}
        checked={hasHeader ?? false}
        disabled={columns === null}
        onChange={(_, data) => dispatch({ type: "headerToggled", hasHeader: data.checked === true })}
        data-testid="has-header"
      />
      {COLUMN_ROLES.map((role) => {
        const required = REQUIRED_COLUMN_ROLES.includes(role);
        const problem = problems.find((p) => p.field === role);
        const notes = check?.detection.notes.filter((note) => note.role === role).map((note) => note.message) ?? [];
        const chosen = columns?.[role] ?? null;
        return (
          <Field
            key={role}
            label={t[ROLE_TEXT[role].label]}
            required={required}
            hint={[t[ROLE_TEXT[role].hint], ...notes].join(" ")}
            validationMessage={problem ? t[problem.message] : undefined}
          >
            <Select
              value={chosen === null ? "" : String(chosen)}
              disabled={columns === null}
              onChange={(_, data) => dispatch({ type: "columnChosen", role, column: data.value === "" ? null : Number(data.value) })}
              data-testid={`column-${role}`}
            >
              <option value="">{required ? t.chooseColumn : t.noColumn}</option>
              {labels.map((label, column) => (
                <option key={column} value={String(column)}>
                  {optionText(label, column)}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
      {checking && <Spinner size="tiny" label={t.checkingRows} />}
      {stepProblem && <StepProblem text={t[stepProblem.message]} />}
      {rows && (
        <div aria-live="polite" data-testid="row-summary">
          <Text block>{t.rowsUsable(count(rows.usedRows), count(rows.dataRows))}</Text>
          {rows.blankRows > 0 && <Text block>{t.blankRows(count(rows.blankRows), rows.blankRows !== 1)}</Text>}
        </div>
      )}
      {rows && rows.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.tableWarningsTitle}</MessageBarTitle>
            {rows.warnings.map((warning) => (
              <Text block key={warning}>
                {warning}
              </Text>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {rows && rows.rejectedRows > 0 && (
        <section aria-labelledby="row-problems-title" data-testid="row-problems">
          <Text as="h3" weight="semibold" id="row-problems-title" block>
            {t.rowProblemsTitle(count(rows.rejectedRows), rows.rejectedRows !== 1)}
          </Text>
          <ul className={styles.problems} tabIndex={0} aria-labelledby="row-problems-title">
            {rows.errors.slice(0, LISTED_ROW_PROBLEMS).map((error) => (
              <li key={`${error.row}:${error.column}`}>{t.rowProblem(String(error.row), error.column, rowErrorText(error.problem, t))}</li>
            ))}
          </ul>
          {rows.rejectedRows > Math.min(rows.errors.length, LISTED_ROW_PROBLEMS) && (
            <Text size={200}>{t.rowProblemsShown(count(Math.min(rows.errors.length, LISTED_ROW_PROBLEMS)))}</Text>
          )}
        </section>
      )}
    </div>
  );
}
