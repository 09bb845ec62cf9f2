import { Body1, Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type ColumnRole, type DateOrder, type DecimalSeparator, columnNoteText, rowErrorText, tableWarningText } from "../../core/transactions";
import { columnLetter } from "../../core/transactions/detectColumns";
import { formatNumber } from "../i18n/formatNumber";
import type { TextKey } from "../i18n/messages";
import { useMessages } from "../i18n/MessagesContext";
import { COLUMN_ROLES, REQUIRED_COLUMN_ROLES } from "../wizard/columnChoices";
import type { Wizard } from "../wizard/useWizard";
import { shownProblems } from "../wizard/wizardState";
import { labelWithInfo } from "./fieldLabel";
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

/** The choices besides Automatic (the engine's default), with their texts. */
const DATE_ORDER_TEXT: Record<DateOrder, TextKey> = { dayFirst: "dateOrderDayFirst", monthFirst: "dateOrderMonthFirst" };
const DECIMAL_TEXT: Record<DecimalSeparator, TextKey> = { ".": "decimalPoint", ",": "decimalComma" };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  reading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  readingTitle: { margin: 0 },
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
  /** A choice of how to read cells: Automatic (null, the engine's default) or one of `texts`. */
  const readingChoice = <T extends string>(
    label: string,
    info: string,
    chosen: T | null,
    texts: Record<T, TextKey>,
    choose: (value: T | null) => void
  ) => (
    <Field label={labelWithInfo(label, info)}>
      <Select
        value={chosen ?? ""}
        disabled={columns === null}
        onChange={(_, data) => choose(data.value === "" ? null : (data.value as T))}
      >
        <option value="">{t.readingAutomatic}</option>
        {(Object.keys(texts) as T[]).map((value) => (
          <option key={value} value={value}>
            {t[texts[value]]}
          </option>
        ))}
      </Select>
    </Field>
  );

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
        const notes = check?.detection.notes.filter((note) => note.role === role).map((note) => columnNoteText(note, t)) ?? [];
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
      <section className={styles.reading} aria-labelledby="reading-title">
        <Text as="h3" weight="semibold" id="reading-title" className={styles.readingTitle} block>
          {t.readingTitle}
        </Text>
        {readingChoice(t.dateOrder, t.dateOrderInfo, state.dateOrder, DATE_ORDER_TEXT, (dateOrder) =>
          dispatch({ type: "dateOrderChosen", dateOrder })
        )}
        {readingChoice(t.decimalSeparator, t.decimalSeparatorInfo, state.decimalSeparator, DECIMAL_TEXT, (decimalSeparator) =>
          dispatch({ type: "decimalSeparatorChosen", decimalSeparator })
        )}
      </section>
      {checking && <Spinner size="tiny" label={t.checkingRows} />}
      {stepProblem && <StepProblem text={t[stepProblem.message]} />}
      {rows && (
        <div aria-live="polite" data-testid="row-summary">
          <Text block>{t.rowsUsable(count(rows.usedRows), count(rows.dataRows))}</Text>
          {rows.blankRows > 0 && <Text block>{t.blankRows(count(rows.blankRows), rows.blankRows !== 1)}</Text>}
        </div>
      )}
      {rows && rows.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="table-warnings">
          <MessageBarBody>
            <MessageBarTitle>{t.tableWarningsTitle}</MessageBarTitle>
            {rows.warnings.map((warning) => (
              <Text block key={warning.message}>
                {tableWarningText(warning, t)}
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
