// Why hand-written: the Pareto/NBD likelihood needs 2F1(1, b; c; z) for z up to nearly 1 together
// with its derivatives in the parameters b and c (for a fast gradient-based fit); no package offers
// parameter derivatives, and the plain power series needs ~36 / (1 - z) terms where this continued
// fraction needs a few hundred at z = 0.999.

// Math's functions as module constants: this loop is the fit's hot spot, and a global lookup per call
// is slow in sandboxed hosts such as Jest's.
const { abs, log } = Math;

const MAX_TERMS = 200_000;
const TOLERANCE = 1e-15;
const TINY = 1e-300;

/**
 * Natural log of the Gauss hypergeometric function 2F1(1, b; c; z) = sum_k z^k (b)_k / (c)_k, and,
 * when `gradient` is given, its partial derivatives [d/db, d/dc, d/dz] of the log written into it.
 *
 * Method: Gauss's continued fraction for the incomplete beta function (DLMF 8.17.22, with
 * 2F1(1, b; c; z) = 2F1(p + q, 1; p + 1; z) for p = c - 1, q = b - c + 1, DLMF 8.17.8), evaluated by
 * the modified Lentz method (Press et al., Numerical Recipes, 3rd ed., 5.2), with the derivatives
 * carried through the same recurrence. Cost grows like 1 / sqrt(1 - z): about 20 steps at z = 0.5,
 * 500 at z = 0.999.
 *
 * @param b - the second upper parameter, 0 < b < c
 * @param c - the lower parameter
 * @param z - the argument, 0 <= z < 1
 * @param gradient - optional output of length >= 3
 * @returns the log of the function; NaN outside the domain or if the fraction has not converged
 *   after 200,000 steps (z within ~1e-10 of 1). Never throws.
 * @example logHyp2f1One(1, 2, 0.5) // 0.3266342599782801 (exactly log(-ln(1 - z) / z) = log(2 ln 2))
 */
export function logHyp2f1One(b: number, c: number, z: number, gradient?: Float64Array): number {
  if (!(b > 0 && c > b && z >= 0 && z < 1)) return Number.NaN;
  // Lentz state for F = 1 + d1 / (1 + d2 / (1 + ...)), the reciprocal of 2F1(1, b; c; z);
  // dC*, dD*, dLog* are derivatives in b, c, z.
  let logF = 0;
  let C = 1;
  let D = 0;
  let dCb = 0, dCc = 0, dCz = 0;
  let dDb = 0, dDc = 0, dDz = 0;
  let dLogB = 0, dLogC = 0, dLogZ = 0;
  for (let j = 1; j <= MAX_TERMS; j++) {
    // d_j = e_j * z, with e_j and its derivatives in b and c (DLMF 8.17.22 in terms of b, c).
    const m = j >> 1;
    let e: number, eb: number, ec: number;
    if (j & 1) {
      if (m === 0) {
        e = -b / c;
        eb = -1 / c;
        ec = b / (c * c);
      } else {
        const scale = 1 / ((c - 1 + 2 * m) * (c + 2 * m));
        e = -(c - 1 + m) * (b + m) * scale;
        eb = -(c - 1 + m) * scale;
        ec = e * (1 / (c - 1 + m) - 1 / (c - 1 + 2 * m) - 1 / (c + 2 * m));
      }
    } else {
      const low = c + 2 * m - 2;
      const high = c + 2 * m - 1;
      const scale = 1 / (low * high);
      e = m * (b - c + 1 - m) * scale;
      eb = m * scale;
      ec = -m * scale - e * (1 / low + 1 / high);
    }
    const d = e * z;
    const db = eb * z;
    const dc = ec * z;

    let denominator = 1 + d * D;
    const dDenB = db * D + d * dDb;
    const dDenC = dc * D + d * dDc;
    const dDenZ = e * D + d * dDz;
    if (abs(denominator) < TINY) denominator = TINY;
    D = 1 / denominator;
    const DD = D * D;
    dDb = -dDenB * DD;
    dDc = -dDenC * DD;
    dDz = -dDenZ * DD;

    const inverseC = 1 / C;
    let nextC = 1 + d * inverseC;
    const dNextCb = (db - d * dCb * inverseC) * inverseC;
    const dNextCc = (dc - d * dCc * inverseC) * inverseC;
    const dNextCz = (e - d * dCz * inverseC) * inverseC;
    if (abs(nextC) < TINY) nextC = TINY;
    C = nextC;
    dCb = dNextCb;
    dCc = dNextCc;
    dCz = dNextCz;

    const delta = C * D;
    logF += log(delta);
    const stepB = dCb / C + dDb / D;
    const stepC = dCc / C + dDc / D;
    const stepZ = dCz / C + dDz / D;
    dLogB += stepB;
    dLogC += stepC;
    dLogZ += stepZ;
    if (
      abs(delta - 1) < TOLERANCE &&
      (gradient === undefined ||
        (abs(stepB) <= TOLERANCE * (1 + abs(dLogB)) &&
          abs(stepC) <= TOLERANCE * (1 + abs(dLogC)) &&
          abs(stepZ) <= TOLERANCE * (1 + abs(dLogZ))))
    ) {
      if (gradient !== undefined) {
        gradient[0] = -dLogB;
        gradient[1] = -dLogC;
        gradient[2] = -dLogZ;
      }
      return -logF;
    }
  }
  return Number.NaN;
}
