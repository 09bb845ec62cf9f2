import { averageOrderValue } from "./averageOrderValue";
import { basicClv } from "./basicClv";

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-10. */
const DIGITS = 10;

describe("basicClv", () => {
  test("AOV $100, APF 2, ACL 20: 100 x 2 x 20 = $4,000", () => {
    expect(basicClv(100, 2, 20)).toBeCloseTo(4000, DIGITS);
  });

  test("with AOV from $5,000 / 50 orders = $100: 100 x 2 x 20 = $4,000", () => {
    expect(basicClv(averageOrderValue(5000, 50), 2, 20)).toBeCloseTo(4000, DIGITS);
  });

  test("with a 30% gross margin: 100 x 2 x 20 x 0.3 = $1,200", () => {
    expect(basicClv(100, 2, 20, 0.3)).toBeCloseTo(1200, DIGITS);
  });

  test("a negative margin (sold at a loss) is allowed: 100 x 2 x 20 x -0.1 = -$400", () => {
    expect(basicClv(100, 2, 20, -0.1)).toBeCloseTo(-400, DIGITS);
  });

  test("a margin above 1 (30 typed for 30%) is a value error with the fix", () => {
    expect(() => basicClv(100, 2, 20, 30)).toThrow(
      expect.objectContaining({
        kind: "value",
        message: "`basicClv` requires a gross margin of at most 1 (0.3 for 30%); got 30",
      })
    );
  });

  test("negative or non-numeric AOV, APF, ACL are value errors", () => {
    const value = expect.objectContaining({ kind: "value" });
    expect(() => basicClv(-100, 2, 20)).toThrow(value);
    expect(() => basicClv(100, -2, 20)).toThrow(value);
    expect(() => basicClv(100, 2, -20)).toThrow(value);
    expect(() => basicClv(100, 2, Number.NaN)).toThrow(value);
    expect(() => basicClv(100, 2, 20, "0.3" as unknown as number)).toThrow(value);
  });
});
