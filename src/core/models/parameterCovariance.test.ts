import { describeWithSharedData, readNumericCsv, readSharedJson } from "../../../test/sharedData";
import { fitBgNbd } from "./bgNbd";
import { fitGammaGamma } from "./gammaGamma";
import { inversePositiveDefinite } from "./numeric/inversePositiveDefinite";
import { parameterCovariance } from "./parameterCovariance";

describe("inversePositiveDefinite", () => {
  test("[[4, 2], [2, 3]]: determinant 8, inverse 1/8 [[3, -2], [-2, 4]]", () => {
    const inverse = inversePositiveDefinite([[4, 2], [2, 3]]) as number[][];
    [[0.375, -0.25], [-0.25, 0.5]].forEach((row, i) => row.forEach((value, j) => expect(inverse[i][j]).toBeCloseTo(value, 14)));
  });

  test("a 3 x 3 matrix times its inverse is the identity (A = [[4, 1, 2], [1, 5, 3], [2, 3, 6]], by construction)", () => {
    const matrix = [[4, 1, 2], [1, 5, 3], [2, 3, 6]];
    const inverse = inversePositiveDefinite(matrix) as number[][];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const product = matrix[i].reduce((sum, value, k) => sum + value * inverse[k][j], 0);
        expect(product).toBeCloseTo(i === j ? 1 : 0, 13);
      }
    }
  });

  test.each([
    ["singular", [[1, 1], [1, 1]]],
    ["indefinite", [[1, 2], [2, 1]]],
    ["negative", [[-1]]],
    ["NaN", [[NaN]]],
  ])("%s: null", (_, matrix) => {
    expect(inversePositiveDefinite(matrix)).toBeNull();
  });
});

describe("parameterCovariance", () => {
  test("a Gamma rate: logL = 10 log(rate) - 5 rate, maximum at 2, information 10 / 2^2 = 2.5, variance 0.4", () => {
    const covariance = parameterCovariance((p, g) => {
      g[0] = 10 / p[0] - 5;
      return 10 * Math.log(p[0]) - 5 * p[0];
    }, [2]) as number[][];
    expect(covariance[0][0]).toBeCloseTo(0.4, 4);
  });

  test("two independent normal means: logL = -(m1 - 1)^2 / (2 * 0.5) - (m2 - 3)^2 / (2 * 2): variances 0.5 and 2, covariance 0", () => {
    const covariance = parameterCovariance((p, g) => {
      g[0] = -(p[0] - 1) / 0.5;
      g[1] = -(p[1] - 3) / 2;
      return -((p[0] - 1) ** 2) / 1 - (p[1] - 3) ** 2 / 4;
    }, [1, 3]) as number[][];
    expect(covariance[0][0]).toBeCloseTo(0.5, 4);
    expect(covariance[1][1]).toBeCloseTo(2, 3);
    expect(Math.abs(covariance[0][1])).toBeLessThan(1e-6);
  });

  test("a flat direction (the likelihood ignores the second parameter): null", () => {
    expect(
      parameterCovariance((p, g) => {
        g[0] = 10 / p[0] - 5;
        g[1] = 0;
        return 10 * Math.log(p[0]) - 5 * p[0];
      }, [2, 1])
    ).toBeNull();
  });
});

const REFERENCE_FILE = "reference/lifetimes_cdnow_sample.json";
const PER_CUSTOMER_FILE = "reference/lifetimes_cdnow_sample_per_customer.csv";

/**
 * lifetimes reports sqrt(diag(theta^2 * inverse Hessian of the mean negative log-likelihood in log
 * parameters) / n) with autograd's exact Hessian: the same inverse observed information. The two fits'
 * optima differ by ~1e-7 relative and our Hessian by forward differences is good to ~1e-5 (observed: 3e-5).
 */
const LIFETIMES_STANDARD_ERRORS = 1e-4;

describeWithSharedData("standard errors on the CDNOW sample in days (lifetimes 0.11.3 `standard_errors_`)", [REFERENCE_FILE, PER_CUSTOMER_FILE], () => {
  const reference = readSharedJson(REFERENCE_FILE);
  const { column } = readNumericCsv(PER_CUSTOMER_FILE);

  const standardErrors = (covariance: number[][] | null | undefined) => (covariance as number[][]).map((row, i) => Math.sqrt(row[i]));
  const expectClose = (actual: number[], expected: Record<string, number>) =>
    Object.values(expected).forEach((value, i) => expect(Math.abs(actual[i] - value)).toBeLessThan(LIFETIMES_STANDARD_ERRORS * value));

  test("BG/NBD: r 0.01256, alpha 2.648, a 0.1857, b 0.7054", () => {
    const fit = fitBgNbd({ frequency: column("frequency"), recency: column("recency"), T: column("T") }, { covariance: true });
    expectClose(standardErrors(fit.covariance), reference.models.bgnbd.standard_errors);
  });

  test("Gamma-Gamma: p 1.190, q 0.2901, v 4.159", () => {
    const fit = fitGammaGamma({ frequency: column("frequency"), meanSpend: column("monetary_value") }, { covariance: true });
    expectClose(standardErrors(fit.covariance), reference.models.gamma_gamma.standard_errors);
  });

  test("without the option there is no covariance; with it, a symmetric matrix with a positive diagonal", () => {
    const data = { frequency: column("frequency"), recency: column("recency"), T: column("T") };
    expect(fitBgNbd(data).covariance).toBeUndefined();
    const covariance = fitBgNbd(data, { covariance: true }).covariance as number[][];
    covariance.forEach((row, i) => row.forEach((value, j) => expect(value).toBe(covariance[j][i])));
    covariance.forEach((row, i) => expect(row[i]).toBeGreaterThan(0));
  });

  test("unfittable data (no customers): covariance null", () => {
    expect(fitBgNbd({ frequency: [], recency: [], T: [] }, { covariance: true }).covariance).toBeNull();
  });
});
