import {
  Body1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PurchaseModelKind } from "../../core/models";
import type { PeriodUnit } from "../../core/summary/periodUnit";
import type { SegmentChoice } from "../analysis/segmentChoices";
import { formatNumber } from "../i18n/formatNumber";
import type { TextKey } from "../i18n/messages";
import { useMessages } from "../i18n/MessagesContext";
import { type NumberField, numberProblem, ratePerPeriod, readNumber } from "../wizard/assumptions";
import type { Wizard } from "../wizard/useWizard";
import { type Problem, segmentChoice, segmentLabels, shownProblems } from "../wizard/wizardState";
import { labelWithInfo } from "./fieldLabel";

const SEGMENT_TEXT: Record<Exclude<SegmentChoice, "column">, TextKey> = {
  rfm: "segmentByRfm",
  value: "segmentByValue",
  cohortMonth: "segmentByCohortMonth",
  cohortQuarter: "segmentByCohortQuarter",
  fourway: "segmentByFourway",
};

/** What each segment choice does, shown under the list. */
const SEGMENT_HINT: Record<SegmentChoice, TextKey> = {
  column: "segmentByColumnHint",
  rfm: "segmentByRfmHint",
  value: "segmentByValueHint",
  cohortMonth: "segmentByCohortHint",
  cohortQuarter: "segmentByCohortHint",
  fourway: "segmentByFourwayHint",
};

/** Each period unit's name in the catalogues. */
export const UNIT_TEXT: Record<PeriodUnit, TextKey> = { day: "unitDay", week: "unitWeek", month: "unitMonth" };
const MODEL_TEXT: Record<PurchaseModelKind, TextKey> = { bgnbd: "modelBgNbd", pareto: "modelPareto" };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  segmentCosts: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** Step 3: how to segment, and the assumptions of the CLV figures. */
export function AssumptionsStep({ wizard }: { wizard: Wizard }) {
  const t = useMessages();
  const styles = useStyles();
  const { state, dispatch } = wizard;
  const form = state.assumptions;
  const problems = shownProblems(state);
  const messageOf = (field: Problem["field"]) => {
    const problem = problems.find((p) => p.field === field);
    return problem ? t[problem.message] : undefined;
  };
  const segmentColumn = state.columns?.segment ?? null;
  const segmentColumnLabel = segmentColumn === null ? null : state.check?.detection.labels[segmentColumn];
  const labels = segmentLabels(state);
  const annualRate = readNumber(form.discountRate);
  const discountHint =
    annualRate !== null && numberProblem("discountRate", form.discountRate) === null
      ? t.discountRateHint(
          `${formatNumber(t.locale, ratePerPeriod(annualRate / 100, form.unit) * 100, { fractionDigits: 3 })}%`,
          t[UNIT_TEXT[form.unit]].toLowerCase()
        )
      : undefined;

  const numberInput = (field: NumberField, props: { integer?: boolean } = {}) => (
    <Input
      value={form[field]}
      inputMode={props.integer ? "numeric" : "decimal"}
      onChange={(_, data) => dispatch({ type: "assumptionChanged", field, value: data.value })}
      data-testid={`assumption-${field}`}
    />
  );

  return (
    <div className={styles.root}>
      {state.cancelled !== null && (
        <MessageBar intent="info" data-testid="cancelled-notice">
          <MessageBarBody>
            <MessageBarTitle>{t.cancelledNotice}</MessageBarTitle>
            {state.cancelled.detail}
          </MessageBarBody>
        </MessageBar>
      )}
      <Body1>{t.assumptionsIntro}</Body1>
      <Field label={labelWithInfo(t.segmentBy, t.segmentByInfo)} hint={t[SEGMENT_HINT[segmentChoice(state)]]} validationMessage={messageOf("segmentBy")}>
        <Select
          value={segmentChoice(state)}
          onChange={(_, data) => dispatch({ type: "segmentByChosen", choice: data.value as SegmentChoice })}
          data-testid="assumption-segmentBy"
        >
          <option value="column">{segmentColumnLabel ? t.segmentByColumn(segmentColumnLabel) : t.segmentByColumnNone}</option>
          {(Object.keys(SEGMENT_TEXT) as (keyof typeof SEGMENT_TEXT)[]).map((choice) => (
            <option key={choice} value={choice}>
              {t[SEGMENT_TEXT[choice]]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={labelWithInfo(t.unit, t.unitInfo)}>
        <Select
          value={form.unit}
          onChange={(_, data) => dispatch({ type: "unitChosen", unit: data.value as PeriodUnit })}
          data-testid="assumption-unit"
        >
          {(Object.keys(UNIT_TEXT) as PeriodUnit[]).map((unit) => (
            <option key={unit} value={unit}>
              {t[UNIT_TEXT[unit]]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={labelWithInfo(t.discountRate, t.discountRateInfo)} hint={discountHint} validationMessage={messageOf("discountRate")}>
        {numberInput("discountRate")}
      </Field>
      <Field label={t.margin} hint={t.marginHint} validationMessage={messageOf("margin")}>
        {numberInput("margin")}
      </Field>
      <Field label={t.cac} hint={t.cacHint} required validationMessage={messageOf("cac")}>
        {numberInput("cac")}
      </Field>
      <Switch
        label={t.cacPerSegment}
        checked={form.cacPerSegment}
        onChange={(_, data) => dispatch({ type: "cacPerSegmentToggled", on: data.checked })}
        data-testid="assumption-cacPerSegment"
      />
      {form.cacPerSegment && (
        <div className={styles.segmentCosts}>
          {labels === undefined ? (
            <Text>{t.cacSegmentsUnknown}</Text>
          ) : (
            <>
              <Text size={200}>{t.cacPerSegmentHint}</Text>
              {labels.map((label) => (
                <Field key={label} label={label} validationMessage={messageOf(`cac:${label}`)}>
                  <Input
                    value={form.segmentCac[label] ?? ""}
                    placeholder={form.cac}
                    inputMode="decimal"
                    onChange={(_, data) => dispatch({ type: "segmentCacChanged", label, value: data.value })}
                    data-testid={`assumption-cac-${label}`}
                  />
                </Field>
              ))}
            </>
          )}
        </div>
      )}
      <Field label={t.horizon} hint={t.horizonHint} validationMessage={messageOf("horizonMonths")}>
        {numberInput("horizonMonths", { integer: true })}
      </Field>
      <Field label={labelWithInfo(t.model, t.modelInfo)}>
        <RadioGroup
          value={form.model}
          layout="horizontal"
          onChange={(_, data) => dispatch({ type: "modelChosen", model: data.value as PurchaseModelKind })}
          data-testid="assumption-model"
        >
          {(Object.keys(MODEL_TEXT) as PurchaseModelKind[]).map((model) => (
            <Radio key={model} value={model} label={t[MODEL_TEXT[model]]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t.inactivity} hint={t.inactivityHint} validationMessage={messageOf("inactivityDays")}>
        {numberInput("inactivityDays", { integer: true })}
      </Field>
      <Field hint={t.holdoutHint}>
        <Checkbox
          label={t.holdout}
          checked={form.holdout}
          onChange={(_, data) => dispatch({ type: "holdoutToggled", on: data.checked === true })}
          data-testid="assumption-holdout"
        />
      </Field>
      {form.holdout && (
        <Field
          label={t.holdoutPeriods(t[UNIT_TEXT[form.unit]].toLowerCase())}
          hint={t.holdoutPeriodsHint}
          validationMessage={messageOf("holdoutPeriods")}
        >
          {numberInput("holdoutPeriods", { integer: true })}
        </Field>
      )}
    </div>
  );
}
