/**
 * A number as the pane shows it in `locale`: grouped thousands and at most `fractionDigits`
 * decimals, or `significantDigits` significant digits when given (for model parameters, whose
 * scale varies). Non-finite values show as "–".
 *
 * @example formatNumber("en-US", 12345.678, { fractionDigits: 1 }) // "12,345.7"
 * @example formatNumber("en-US", 0.000123456, { significantDigits: 4 }) // "0.0001235"
 */
export function formatNumber(
  locale: string,
  value: number,
  digits: { fractionDigits: number } | { significantDigits: number } = { fractionDigits: 0 }
): string {
  if (!Number.isFinite(value)) return "–";
  const options: Intl.NumberFormatOptions =
    "significantDigits" in digits ? { maximumSignificantDigits: digits.significantDigits } : { maximumFractionDigits: digits.fractionDigits };
  return new Intl.NumberFormat(locale, options).format(value);
}
