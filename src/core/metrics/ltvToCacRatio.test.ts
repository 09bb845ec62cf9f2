import { ltvToCacRatio } from "./ltvToCacRatio";

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-10. */
const DIGITS = 10;

describe("ltvToCacRatio", () => {
  test("CLV $4,000 and CAC $1,000: 4000 / 1000 = 4", () => {
    expect(ltvToCacRatio(4000, 1000)).toBeCloseTo(4, DIGITS);
  });

  test("a negative CLV gives a negative ratio: -500 / 250 = -2", () => {
    expect(ltvToCacRatio(-500, 250)).toBeCloseTo(-2, DIGITS);
  });

  test("a CAC of 0 is a division by zero", () => {
    expect(() => ltvToCacRatio(4000, 0)).toThrow(
      expect.objectContaining({
        kind: "divisionByZero",
        message: "`ltvToCacRatio` requires a positive acquisition cost; got 0",
      })
    );
  });

  test("a negative CAC or a non-numeric CLV is a value error", () => {
    const value = expect.objectContaining({ kind: "value" });
    expect(() => ltvToCacRatio(4000, -1)).toThrow(value);
    expect(() => ltvToCacRatio(true as unknown as number, 1000)).toThrow(value);
  });
});
