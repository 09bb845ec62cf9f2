import { ClvError } from "../errors";
import { check, checkDiscountRate, checkRetentionRate, isFiniteNumber, isNonNegative } from "./checks";
import { retentionClv } from "./retentionClv";

const NAME = "paybackPeriods";

/**
 * CAC payback: the number of periods until the cumulative margin of an acquired customer covers the
 * acquisition cost, interpolated linearly within the period in which it is crossed. The margin of period t
 * is m r^t / (1 + d)^t, as in `retentionClv`, so the payback is the n with retentionClv(m, r, d, n) = CAC.
 * With the defaults (full retention, no discounting) it is CAC / m.
 *
 * Units: `acquisitionCost` and `marginPerPeriod` in one currency; `retentionRate` a fraction per period from
 * 0 to 1 (default 1); `discountRate` a fraction per period above -1 (default 0); result in periods (months for
 * a monthly margin). Source: D. Skok, "SaaS Metrics 2.0": months to recover CAC = CAC / monthly margin,
 * extended with retention and discounting. The crossing period comes from the geometric sum solved for n.
 * Cost O(1).
 *
 * @throws ClvError `value` for a negative acquisition cost, a retention outside [0, 1], a discount rate of
 *   -1 or less, or a non-numeric input; `number` when the cost is never recovered: a margin of 0 or less,
 *   or a retained, discounted margin whose sum over all periods does not exceed the acquisition cost.
 * @example paybackPeriods(1000, 300) // 3.333... = 1000 / 300
 * @example paybackPeriods(60, 100, 0.5) // 1.4 : cumulative margin 50 after period 1, 75 after period 2
 */
export function paybackPeriods(
  acquisitionCost: number,
  marginPerPeriod: number,
  retentionRate = 1,
  discountRate = 0
): number {
  check(NAME, isNonNegative(acquisitionCost), "an acquisition cost of 0 or more", acquisitionCost);
  check(NAME, isFiniteNumber(marginPerPeriod), "a margin per period that is a number", marginPerPeriod);
  checkRetentionRate(NAME, retentionRate);
  checkDiscountRate(NAME, discountRate);
  if (acquisitionCost === 0) return 0;
  if (marginPerPeriod <= 0) {
    throw new ClvError(
      "number",
      `\`${NAME}\` never recovers the acquisition cost with a margin per period of ${marginPerPeriod}`
    );
  }
  const ratio = retentionRate / (1 + discountRate);
  if (ratio === 1) return acquisitionCost / marginPerPeriod;
  // Solve m q (1 - q^n) / (1 - q) = CAC for n, q = r / (1 + d): NaN or infinite when the sum never gets there.
  const periodsNeeded =
    Math.log(1 - (acquisitionCost * (1 - ratio)) / (marginPerPeriod * ratio)) / Math.log(ratio);
  const crossing = Math.max(1, Math.ceil(periodsNeeded));
  if (Number.isFinite(crossing)) {
    // Rounding near a period boundary may pick the neighbouring period; the linear pieces meet there.
    const cumulative = (periods: number) => retentionClv(marginPerPeriod, retentionRate, discountRate, periods);
    const before = cumulative(crossing - 1);
    const payback = crossing - 1 + (acquisitionCost - before) / (cumulative(crossing) - before);
    if (Number.isFinite(payback)) return payback;
  }
  const limit = Number(retentionClv(marginPerPeriod, retentionRate, discountRate).toPrecision(6));
  throw new ClvError(
    "number",
    `\`${NAME}\` never recovers the acquisition cost of ${acquisitionCost}: ` +
      `the retained, discounted margin adds up to at most ${limit}`
  );
}
