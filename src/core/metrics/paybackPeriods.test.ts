import { paybackPeriods } from "./paybackPeriods";

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-10. */
const DIGITS = 10;

/** Brute force, independent of the closed form: add the margins period by period, interpolate the crossing. */
function paybackBySumming(cac: number, margin: number, retention: number, discount: number): number {
  let cumulative = 0;
  for (let period = 1; ; period += 1) {
    const term = (margin * retention ** period) / (1 + discount) ** period;
    if (cumulative + term >= cac) return period - 1 + (cac - cumulative) / term;
    cumulative += term;
  }
}

describe("paybackPeriods", () => {
  test("CAC 1000, margin 300, no retention or discount: cumulative 300, 600, 900, 1200 -> 3 + 100/300", () => {
    expect(paybackPeriods(1000, 300)).toBeCloseTo(3 + 1 / 3, DIGITS);
  });

  test("reached exactly at a period's end: CAC 900, margin 300 -> 3", () => {
    expect(paybackPeriods(900, 300)).toBeCloseTo(3, DIGITS);
  });

  test("retention 0.5: margins 50, 25 -> cumulative 50, 75; CAC 60 crosses in period 2 at 1 + 10/25 = 1.4", () => {
    expect(paybackPeriods(60, 100, 0.5)).toBeCloseTo(1.4, DIGITS);
  });

  test("discount 10% only: margins 110/1.1 = 100, 110/1.21 = 90.909..., 110/1.331 = 82.644...", () => {
    // cumulative 100, 190.909..., 273.553...; CAC 250 crosses in period 3:
    // 2 + (250 - 2100/11) / (10000/121) = 2 + (650/11) x (121/10000) = 2 + 0.715 = 2.715
    expect(paybackPeriods(250, 110, 1, 0.1)).toBeCloseTo(2.715, DIGITS);
  });

  test("retention 0.8 and discount 10%: margins 80/1.1, 64/1.21 -> 1 + (100 - 800/11) / (6400/121)", () => {
    // (100 - 72.7272...) / 52.8925... = (300/11) x (121/6400) = 3300/6400 = 0.515625
    expect(paybackPeriods(100, 100, 0.8, 0.1)).toBeCloseTo(1.515625, DIGITS);
  });

  test("a negative discount rate makes margins grow: q = 1 / 0.5 = 2, margins 200, 400 -> 1 + 100/400", () => {
    expect(paybackPeriods(300, 100, 1, -0.5)).toBeCloseTo(1.25, DIGITS);
  });

  test("a long payback agrees with adding the margins period by period (retention 0.999, ~hundreds of periods)", () => {
    const [cac, margin, retention, discount] = [5000, 20, 0.999, 0.001];
    expect(paybackPeriods(cac, margin, retention, discount)).toBeCloseTo(
      paybackBySumming(cac, margin, retention, discount),
      8
    );
  });

  test("a CAC of 0 is paid back at once", () => {
    expect(paybackPeriods(0, 100, 0.5, 0.1)).toBe(0);
  });

  test("never reached: retention 0.8, no discount, the margins add up to 100 x 0.8 / 0.2 = 400 < CAC 1000", () => {
    expect(() => paybackPeriods(1000, 100, 0.8)).toThrow(
      expect.objectContaining({
        kind: "number",
        message:
          "`paybackPeriods` never recovers the acquisition cost of 1000: the retained, discounted margin adds up to at most 400",
      })
    );
  });

  test("never reached when the limit equals the CAC (400 is only approached)", () => {
    expect(() => paybackPeriods(400, 100, 0.8)).toThrow(expect.objectContaining({ kind: "number" }));
  });

  test("never reached with a margin of 0 or less, or retention 0", () => {
    const number = expect.objectContaining({ kind: "number" });
    expect(() => paybackPeriods(1000, 0)).toThrow(number);
    expect(() => paybackPeriods(1000, -50)).toThrow(number);
    expect(() => paybackPeriods(1000, 100, 0)).toThrow(number);
  });

  test("negative CAC, retention above 1, discount of -1 or less, text are value errors", () => {
    const value = expect.objectContaining({ kind: "value" });
    expect(() => paybackPeriods(-1, 100)).toThrow(value);
    expect(() => paybackPeriods(1000, 100, 1.2)).toThrow(value);
    expect(() => paybackPeriods(1000, 100, 0.8, -1)).toThrow(value);
    expect(() => paybackPeriods(1000, "100" as unknown as number)).toThrow(value);
  });
});
