/**
 * A number as the pane shows it in `locale`: grouped thousands and at most `fractionDigits`
 * decimals, exactly `fixedDigits` decimals (money, as the report's "#,##0.00"), or
 * `significantDigits` significant digits (for model parameters, whose scale varies). Non-finite
 * values show as "–".
 *
 * @example formatNumber("en-US", 12345.678, { fractionDigits: 1 }) // "12,345.7"
 * @example formatNumber("en-US", 54, { fixedDigits: 2 }) // "54.00"
 * @example formatNumber("en-US", 0.000123456, { significantDigits: 4 }) // "0.0001235"
 */
export function formatNumber(
  locale: string,
  value: number,
  digits: { fractionDigits: number } | { fixedDigits: number } | { significantDigits: number } = { fractionDigits: 0 }
): string {
  if (!Number.isFinite(value)) return "–";
  const options: Intl.NumberFormatOptions =
    "significantDigits" in digits
      ? { maximumSignificantDigits: digits.significantDigits }
      : "fixedDigits" in digits
        ? { minimumFractionDigits: digits.fixedDigits, maximumFractionDigits: digits.fixedDigits }
        : { maximumFractionDigits: digits.fractionDigits };
  return new Intl.NumberFormat(locale, options).format(value);
}
