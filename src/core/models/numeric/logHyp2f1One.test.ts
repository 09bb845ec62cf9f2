import { logHyp2f1One } from "./logHyp2f1One";

// Reference values: mpmath 1.3.0 at 30 significant digits, log(hyp2f1(1, b, c, z)) and its partial
// derivatives by mpmath.diff, e.g. `mp.dps = 30; log(hyp2f1(1, 1.6, 2.16, 0.999))`.
const REFERENCES = [
  { b: 1.6, c: 2.16, z: 0.999, value: 3.8752058520574488, gradient: [4.8580882962724, -4.48757825101581, 462.933009558248] },
  { b: 30.5, c: 32.2, z: 0.9, value: 1.9610966850000503, gradient: [0.177365819209156, -0.169207307698897, 7.11072980345999] },
  { b: 0.2, c: 0.9, z: 0.3, value: 0.07985371183869767, gradient: [0.398361306291303, -0.0947813010023506, 0.322261239401168] },
];
/** Relative agreement with mpmath up to z = 0.999 (a few hundred steps of the fraction). */
const RELATIVE = 1e-10;
/** At z = 0.99999 the fraction takes ~4,000 steps and the derivatives gather ~1e-9 relative rounding. */
const RELATIVE_NEAR_ONE = 1e-8;

function expectRelativelyClose(actual: number, expected: number, tolerance = RELATIVE): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe("logHyp2f1One", () => {
  test.each(REFERENCES)("log 2F1(1, $b; $c; $z) and its gradient agree with mpmath", ({ b, c, z, value, gradient }) => {
    const computed = new Float64Array(3);
    expectRelativelyClose(logHyp2f1One(b, c, z, computed), value);
    gradient.forEach((expected, i) => expectRelativelyClose(computed[i], expected));
  });

  test("near z = 1: log 2F1(1, 0.55; 2.16; 0.99999) and its gradient agree with mpmath", () => {
    const computed = new Float64Array(3);
    const value = logHyp2f1One(0.55, 2.16, 0.99999, computed);
    expectRelativelyClose(value, 0.6415624215162399, RELATIVE_NEAR_ONE);
    [1.62693030895349, -0.766466014375747, 69.8795555264845].forEach((expected, i) =>
      expectRelativelyClose(computed[i], expected, RELATIVE_NEAR_ONE)
    );
  });

  test("closed form 2F1(1, 1; 2; z) = -ln(1 - z) / z: at z = 1/2, 2 ln 2", () => {
    expectRelativelyClose(logHyp2f1One(1, 2, 0.5), Math.log(2 * Math.LN2));
  });

  test("at z = 0 the value is 1 (log 0) and d/dz log 2F1 = b / c, the series' first coefficient", () => {
    const gradient = new Float64Array(3);
    expect(logHyp2f1One(1.5, 4, 0, gradient)).toBeCloseTo(0, 15);
    expect(gradient[0]).toBeCloseTo(0, 15);
    expect(gradient[1]).toBeCloseTo(0, 15);
    expectRelativelyClose(gradient[2], 1.5 / 4);
  });

  test("outside 0 < b < c, 0 <= z < 1 it returns NaN rather than a wrong number", () => {
    expect(logHyp2f1One(2, 1.5, 0.5)).toBeNaN();
    expect(logHyp2f1One(1, 2, 1)).toBeNaN();
    expect(logHyp2f1One(1, 2, -0.1)).toBeNaN();
    expect(logHyp2f1One(0, 2, 0.5)).toBeNaN();
  });
});
