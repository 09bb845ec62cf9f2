import { maxAcquisitionCost } from "./maxAcquisitionCost";

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-10. */
const DIGITS = 10;

describe("maxAcquisitionCost", () => {
  test("CLV $4,000 at the default 3:1 target: 4000 / 3 = $1,333.33...", () => {
    expect(maxAcquisitionCost(4000)).toBeCloseTo(4000 / 3, DIGITS);
  });

  test("CLV $4,000 at a 4:1 target: 4000 / 4 = $1,000", () => {
    expect(maxAcquisitionCost(4000, 4)).toBeCloseTo(1000, DIGITS);
  });

  test("a target of 0 is a division by zero", () => {
    expect(() => maxAcquisitionCost(4000, 0)).toThrow(
      expect.objectContaining({
        kind: "divisionByZero",
        message: "`maxAcquisitionCost` requires a positive target LTV:CAC ratio; got 0",
      })
    );
  });

  test("a negative target or non-numeric CLV is a value error", () => {
    const value = expect.objectContaining({ kind: "value" });
    expect(() => maxAcquisitionCost(4000, -3)).toThrow(value);
    expect(() => maxAcquisitionCost("4000" as unknown as number)).toThrow(value);
  });
});
