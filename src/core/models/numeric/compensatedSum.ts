/**
 * A running sum with Neumaier's compensation (A. Neumaier 1974, "Rundungsfehleranalyse einiger Verfahren
 * zur Summation endlicher Summen", ZAMM 54; N. Higham, Accuracy and Stability of Numerical Algorithms,
 * 2nd ed., section 4.3): the rounding error of each addition is kept aside and added back at the end, so
 * the result is within about one rounding of the exact sum however many terms there are, instead of an
 * error growing with their count. The likelihoods add hundreds of thousands of terms far larger than
 * their total; summed plainly, their value is noisy at ~1e-12 relative, which near the optimum hides the
 * optimiser's progress and stalls its line search. Cost: a few additions per term.
 *
 * @example
 * const sum = new CompensatedSum();
 * for (const term of [1, 1e100, 1, -1e100]) sum.add(term);
 * sum.value // 2 (plain summation gives 0)
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(term: number): void {
    const next = this.sum + term;
    // The low-order digits lost by this addition: those of the smaller operand.
    this.compensation += Math.abs(this.sum) >= Math.abs(term) ? this.sum - next + term : term - next + this.sum;
    this.sum = next;
  }

  /** The compensated total of the terms added so far. */
  get value(): number {
    return this.sum + this.compensation;
  }
}
