import { npvClv } from "./npvClv";

/** Microsoft's NPV help examples give results to the cent. */
const CENT = 0.005;
/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-10. */
const DIGITS = 10;

describe("npvClv", () => {
  test("Excel help, NPV example 1: NPV(10%, -10000, 3000, 4200, 6800) = $1,188.44", () => {
    expect(Math.abs(npvClv(0.1, [-10000, 3000, 4200, 6800]) - 1188.44)).toBeLessThan(CENT);
  });

  test("Excel help, NPV example 2: NPV(8%, 8000, 9200, 10000, 12000, 14500) - 40000 = $1,922.06", () => {
    expect(Math.abs(npvClv(0.08, [8000, 9200, 10000, 12000, 14500], undefined, 40000) - 1922.06)).toBeLessThan(CENT);
  });

  test("Excel help, NPV example 2 with a year-6 loss of 9000: -$3,749.47", () => {
    const flows = [8000, 9200, 10000, 12000, 14500, -9000];
    expect(Math.abs(npvClv(0.08, flows, undefined, 40000) - -3749.47)).toBeLessThan(CENT);
  });

  test("revenues 100, 200, 300, costs 20, 40, 60, CAC 100 at 10%: 80/1.1 + 160/1.21 + 240/1.331 - 100", () => {
    // 72.727272... + 132.231404... + 180.315552... = 385.274229...; less 100 = 285.274229902329
    expect(npvClv(0.1, [100, 200, 300], [20, 40, 60], 100)).toBeCloseTo(285.274229902329, DIGITS);
  });

  test("first flow is discounted one period (end-of-period convention): 110 at 10% is worth 110 / 1.1 = 100", () => {
    expect(npvClv(0.1, [110])).toBeCloseTo(100, DIGITS);
  });

  test("a discount rate of 0 sums the margins: 10 + 20 - 5 = 25", () => {
    expect(npvClv(0, [10, 20], undefined, 5)).toBeCloseTo(25, DIGITS);
  });

  test("a cost list of another length is a value error naming both lengths", () => {
    expect(() => npvClv(0.1, [100, 200, 300], [20, 40])).toThrow(
      expect.objectContaining({
        kind: "value",
        message: "`npvClv` requires one cost per period of revenue (3); got 2",
      })
    );
  });

  test("a discount rate of -1 or less is a value error", () => {
    expect(() => npvClv(-1, [100])).toThrow(
      expect.objectContaining({
        kind: "value",
        message: "`npvClv` requires a discount rate above -1 (0.1 for 10%); got -1",
      })
    );
  });

  test("no revenues, text in revenues or costs, a negative acquisition cost are value errors", () => {
    const value = expect.objectContaining({ kind: "value" });
    expect(() => npvClv(0.1, [])).toThrow(value);
    expect(() => npvClv(0.1, [100, "abc" as unknown as number])).toThrow(value);
    expect(() => npvClv(0.1, [100], [Number.NaN])).toThrow(value);
    expect(() => npvClv(0.1, [100], undefined, -5)).toThrow(value);
  });
});
