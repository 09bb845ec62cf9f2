// Why hand-written: the matrices here are 2x2 to 4x4 (a model's parameters); a matrix library would be
// a large dependency for a dozen lines. Cholesky factorisation: Golub & Van Loan, Matrix Computations,
// 4th ed., Algorithm 4.2.1.

/**
 * The inverse of a symmetric positive-definite matrix, through its Cholesky factor L (L L' = matrix):
 * inverse = L'^-1 L^-1. Only the lower triangle is read. Returns null when the matrix is not positive
 * definite (a pivot of L at most `relativeTolerance` times its diagonal entry, or not finite), as when
 * a likelihood is flat in some direction. Cost O(n^3) for an n x n matrix.
 *
 * @param relativeTolerance - smallest pivot relative to the matrix's own diagonal entry (default 1e-12)
 * @example inversePositiveDefinite([[4, 2], [2, 3]]) // [[0.375, -0.25], [-0.25, 0.5]] (1/8 [[3, -2], [-2, 4]])
 * @example inversePositiveDefinite([[1, 1], [1, 1]]) // null (singular)
 */
export function inversePositiveDefinite(matrix: readonly (readonly number[])[], relativeTolerance = 1e-12): number[][] | null {
  const n = matrix.length;
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let pivot = matrix[j][j];
    for (let k = 0; k < j; k++) pivot -= lower[j][k] ** 2;
    if (!(pivot > relativeTolerance * Math.abs(matrix[j][j]))) return null;
    lower[j][j] = Math.sqrt(pivot);
    for (let i = j + 1; i < n; i++) {
      let sum = matrix[i][j];
      for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
      lower[i][j] = sum / lower[j][j];
    }
  }
  // Columns of L^-1 by forward substitution, then inverse = (L^-1)' L^-1.
  const inverseLower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let column = 0; column < n; column++) {
    for (let i = column; i < n; i++) {
      let sum = i === column ? 1 : 0;
      for (let k = column; k < i; k++) sum -= lower[i][k] * inverseLower[k][column];
      inverseLower[i][column] = sum / lower[i][i];
    }
  }
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let sum = 0;
      for (let k = Math.max(i, j); k < n; k++) sum += inverseLower[k][i] * inverseLower[k][j];
      return sum;
    })
  );
}
