import { retentionClv } from "./retentionClv";

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-10. */
const DIGITS = 10;

describe("retentionClv", () => {
  test("margin 100, retention 0.8, discount 10%, 3 periods: the series written out term by term", () => {
    // t = 1: 100 x 0.8 / 1.1     = 80 / 1.1     = 72.72727272727273
    // t = 2: 100 x 0.64 / 1.21   = 64 / 1.21    = 52.89256198347107
    // t = 3: 100 x 0.512 / 1.331 = 51.2 / 1.331 = 38.46731780616078
    // sum                                         = 164.08715251690458
    expect(retentionClv(100, 0.8, 0.1, 3)).toBeCloseTo(164.08715251690458, DIGITS);
  });

  test("unlimited horizon: 100 x 0.8 / (1 + 0.1 - 0.8) = 80 / 0.3 = 266.666...", () => {
    expect(retentionClv(100, 0.8, 0.1)).toBeCloseTo(800 / 3, DIGITS);
  });

  test("Gupta & Lehmann margin multiple r / (1 + i - r): r = 0.9, i = 0.1 gives 0.9 / 0.2 = 4.5", () => {
    expect(retentionClv(1, 0.9, 0.1)).toBeCloseTo(4.5, DIGITS);
  });

  test("full retention, no discounting, 5 periods: 5 x 100 = 500", () => {
    expect(retentionClv(100, 1, 0, 5)).toBeCloseTo(500, DIGITS);
  });

  test("retention 0.5, no discounting, 2 periods: 100 x 0.5 + 100 x 0.25 = 75", () => {
    expect(retentionClv(100, 0.5, 0, 2)).toBeCloseTo(75, DIGITS);
  });

  test("0 periods are worth 0; retention 0 is worth 0", () => {
    expect(retentionClv(100, 0.8, 0.1, 0)).toBe(0);
    expect(retentionClv(100, 0, 0.1)).toBe(0);
  });

  test("full retention and no discounting over an unlimited horizon has no finite value: number error", () => {
    expect(() => retentionClv(100, 1, 0)).toThrow(expect.objectContaining({ kind: "number" }));
  });

  test("retention outside [0, 1], discount of -1 or less, fractional periods are value errors", () => {
    const value = expect.objectContaining({ kind: "value" });
    expect(() => retentionClv(100, 80, 0.1)).toThrow(
      expect.objectContaining({
        kind: "value",
        message: "`retentionClv` requires a retention rate from 0 to 1 (0.8 for 80%); got 80",
      })
    );
    expect(() => retentionClv(100, -0.1, 0.1)).toThrow(value);
    expect(() => retentionClv(100, 0.8, -1)).toThrow(value);
    expect(() => retentionClv(100, 0.8, 0.1, 2.5)).toThrow(
      expect.objectContaining({
        kind: "value",
        message: "`retentionClv` requires a whole number of periods, 0 or more; got 2.5",
      })
    );
    expect(() => retentionClv(100, 0.8, 0.1, -1)).toThrow(value);
    expect(() => retentionClv("100" as unknown as number, 0.8, 0.1)).toThrow(value);
  });
});
