import { ACL, AOV, APF, BASIC, CHURN, LTV_CAC, MAX_CAC, NPV_CLV, PAYBACK, RETENTION_CLV } from "./functions";

// The global CustomFunctions stand-in comes from test/setup.ts; its codes are Excel's (#VALUE!, ...).

/** Digits for toBeCloseTo on hand-worked values: agreement to 1e-10. */
const DIGITS = 10;

/** What Excel shows for a thrown CustomFunctions.Error: its code and message. */
function cellError(code: string, message?: string) {
  return expect.objectContaining(message === undefined ? { code } : { code, message });
}

const { ErrorCode } = CustomFunctions;
const column = (...cells: unknown[]): unknown[][] => cells.map((cell) => [cell]);

describe("hand-worked values through the cell functions", () => {
  test("AOV(5000, 50) = 5000 / 50 = 100", () => {
    expect(AOV([[5000]], 50)).toBeCloseTo(100, DIGITS);
  });

  test("APF(300, 150) = 2; APF of ids C1 C2 C1 C3 C1 C2 = 6 / 3 = 2", () => {
    expect(APF([[300]], 150)).toBeCloseTo(2, DIGITS);
    expect(APF(column("C1", "C2", "C1", "C3", "C1", "C2"))).toBeCloseTo(2, DIGITS);
  });

  test("CHURN(100, 90) = (100 - 90) / 100 = 0.1 and ACL(0.1) = 10", () => {
    expect(CHURN(100, 90)).toBeCloseTo(0.1, DIGITS);
    expect(ACL([[0.1]])).toBeCloseTo(10, DIGITS);
  });

  test("BASIC(100, 2, 20) = 100 x 2 x 20 = 4000; with margin 0.3, 1200", () => {
    expect(BASIC(100, 2, 20)).toBeCloseTo(4000, DIGITS);
    expect(BASIC(100, 2, 20, 0.3)).toBeCloseTo(1200, DIGITS);
  });

  test("NPV_CLV(10%, {110; 121}, , 50) = 110/1.1 + 121/1.21 - 50 = 150", () => {
    expect(NPV_CLV(0.1, column(110, 121), undefined, 50)).toBeCloseTo(150, DIGITS);
  });

  test("NPV_CLV over a row of revenues and costs: (100-20)/1.1 + (200-40)/1.21 = 72.7272... + 132.2314...", () => {
    expect(NPV_CLV(0.1, [[100, 200]], [[20, 40]])).toBeCloseTo(800 / 11 + 16000 / 121, DIGITS);
  });

  test("RETENTION_CLV(100, 0.8, 10%, 2) = 80/1.1 + 64/1.21 = 125.6198...; unlimited: 80 / 0.3", () => {
    expect(RETENTION_CLV(100, 0.8, 0.1, 2)).toBeCloseTo(800 / 11 + 6400 / 121, DIGITS);
    expect(RETENTION_CLV(100, 0.8, 0.1)).toBeCloseTo(800 / 3, DIGITS);
  });

  test("LTV_CAC(4000, 1000) = 4; MAX_CAC(4000) = 4000 / 3; MAX_CAC(4000, 4) = 1000", () => {
    expect(LTV_CAC(4000, 1000)).toBeCloseTo(4, DIGITS);
    expect(MAX_CAC(4000)).toBeCloseTo(4000 / 3, DIGITS);
    expect(MAX_CAC(4000, 4)).toBeCloseTo(1000, DIGITS);
  });

  test("PAYBACK(1000, 300) = 3 + 100/300; PAYBACK(60, 100, 0.5) = 1 + 10/25 = 1.4", () => {
    expect(PAYBACK(1000, 300)).toBeCloseTo(3 + 1 / 3, DIGITS);
    expect(PAYBACK(60, 100, 0.5)).toBeCloseTo(1.4, DIGITS);
  });
});

describe("ranges", () => {
  test("blank cells (null, as Excel passes them, and empty text) are skipped: mean of 80, 120, 100 = 100", () => {
    expect(AOV(column(80, null, 120, "", 100, undefined))).toBeCloseTo(100, DIGITS);
  });

  test("blank cells among ids are skipped: C1 _ C1 C2 = 3 orders / 2 customers", () => {
    expect(APF(column("C1", null, "C1", "C2", ""))).toBeCloseTo(1.5, DIGITS);
  });

  test("a 1x1 range works like a single value", () => {
    expect(AOV([[5000]], 50)).toBeCloseTo(100, DIGITS);
    expect(AOV([[42]])).toBe(42);
    expect(NPV_CLV(0.1, [[110]])).toBeCloseTo(100, DIGITS);
  });

  test("ACL: one cell is a churn rate; a longer range is lifespans, even with one number in it", () => {
    expect(ACL([[0.25]])).toBeCloseTo(4, DIGITS);
    expect(ACL(column(2, 3, 7))).toBeCloseTo(4, DIGITS);
    expect(ACL(column(20, null))).toBe(20);
  });

  test("ACL of one cell above 1 asks for a churn rate or a range of lifespans", () => {
    expect(() => ACL([[20]])).toThrow(
      cellError(
        ErrorCode.invalidValue,
        "CLV.ACL requires a single churn rate from 0 to 1 (0.1 for 10%), or a list of lifespans; got 20"
      )
    );
  });

  test("100,000 order amounts 1..100000: mean = (100000 + 1) / 2 = 50000.5", () => {
    const amounts = Array.from({ length: 100_000 }, (_, index) => [index + 1]);
    expect(AOV(amounts)).toBeCloseTo(50000.5, DIGITS);
  });

  test("100,000 ids over 25,000 customers, in a 2-column range: 100000 / 25000 = 4", () => {
    const ids = Array.from({ length: 50_000 }, (_, row) => [`C${(2 * row) % 25_000}`, `C${(2 * row + 1) % 25_000}`]);
    expect(APF(ids)).toBeCloseTo(4, DIGITS);
  });

  test("trailing blanks end a period series; revenues 110, 121 then blanks = 200", () => {
    expect(NPV_CLV(0.1, column(110, 121, null, ""))).toBeCloseTo(200, DIGITS);
  });
});

describe("optional arguments left out arrive as null and take their defaults", () => {
  test("CHURN new_customers null -> 0: (100 - 90) / 100", () => {
    expect(CHURN(100, 90, null)).toBeCloseTo(0.1, DIGITS);
  });

  test("AOV transactions null -> mean of the amounts; APF customers null -> ids", () => {
    expect(AOV(column(80, 120), null)).toBeCloseTo(100, DIGITS);
    expect(APF(column("C1", "C1"), null)).toBeCloseTo(2, DIGITS);
  });

  test("BASIC margin null -> revenue CLV 4000", () => {
    expect(BASIC(100, 2, 20, null)).toBeCloseTo(4000, DIGITS);
  });

  test("NPV_CLV costs and acquisition_cost null -> 0: 110/1.1 + 121/1.21 = 200", () => {
    expect(NPV_CLV(0.1, column(110, 121), null as unknown as undefined, null)).toBeCloseTo(200, DIGITS);
  });

  test("RETENTION_CLV periods null -> unlimited horizon 80 / 0.3", () => {
    expect(RETENTION_CLV(100, 0.8, 0.1, null)).toBeCloseTo(800 / 3, DIGITS);
  });

  test("PAYBACK retention and discount_rate null -> 1 and 0: 1000 / 300", () => {
    expect(PAYBACK(1000, 300, null, null)).toBeCloseTo(1000 / 300, DIGITS);
  });

  test("MAX_CAC target_ratio null -> 3", () => {
    expect(MAX_CAC(4000, null)).toBeCloseTo(4000 / 3, DIGITS);
  });
});

describe("bad arguments: the error code and the message the user sees", () => {
  test("text in a range names the argument and the cell", () => {
    expect(() => AOV(column(80, null, "abc"))).toThrow(
      cellError(ErrorCode.invalidValue, "revenue: cell 3 is text 'abc'; use numbers")
    );
  });

  test("a boolean in a range names the argument and the cell", () => {
    expect(() => NPV_CLV(0.1, [[100, true]])).toThrow(
      cellError(ErrorCode.invalidValue, "revenues: cell 2 is TRUE; use numbers")
    );
    expect(() => APF(column("C1", false))).toThrow(
      cellError(ErrorCode.invalidValue, "transactions_or_ids: cell 2 is FALSE; use customer ids (text or numbers)")
    );
  });

  test("in a 2-D range the position is a row and a column", () => {
    expect(() => ACL([[2, 3], [4, "x"]])).toThrow(
      cellError(ErrorCode.invalidValue, "churn_or_lifespans: row 2, column 2 is text 'x'; use numbers")
    );
  });

  test("an error value in a range is passed on with its own code", () => {
    const divisionError = new CustomFunctions.Error(ErrorCode.divisionByZero);
    expect(() => AOV(column(80, divisionError))).toThrow(
      cellError(ErrorCode.divisionByZero, "revenue: cell 2 is #DIV/0!; fix or clear that cell")
    );
    const notAvailable = new CustomFunctions.Error(ErrorCode.notAvailable);
    expect(() => NPV_CLV(0.1, column(100, notAvailable))).toThrow(cellError(ErrorCode.notAvailable));
  });

  test("#REF! and #NAME?, which a function may not return, become #VALUE! naming them", () => {
    const refError = new CustomFunctions.Error(ErrorCode.invalidReference);
    expect(() => AOV(column(refError))).toThrow(
      cellError(ErrorCode.invalidValue, "revenue: cell 1 is #REF!; fix or clear that cell")
    );
  });

  test("an error value in a single-value argument is passed on", () => {
    const notAvailable = new CustomFunctions.Error(ErrorCode.notAvailable);
    expect(() => LTV_CAC(notAvailable, 1000)).toThrow(
      cellError(ErrorCode.notAvailable, "clv is #N/A; fix or clear that cell")
    );
  });

  test("text, a boolean or a blank in a single-value argument", () => {
    expect(() => LTV_CAC("abc", 1000)).toThrow(cellError(ErrorCode.invalidValue, "clv is text 'abc'; use a number"));
    expect(() => MAX_CAC(true)).toThrow(cellError(ErrorCode.invalidValue, "clv is TRUE; use a number"));
    expect(() => LTV_CAC(4000, null)).toThrow(cellError(ErrorCode.invalidValue, "cac is blank; enter a number"));
    expect(() => BASIC(100, 2, 20, "30%")).toThrow(
      cellError(ErrorCode.invalidValue, "margin is text '30%'; use a number")
    );
  });

  test("long text is cut in the message", () => {
    expect(() => CHURN("x".repeat(50), 90)).toThrow(
      cellError(ErrorCode.invalidValue, `start_customers is text '${"x".repeat(30)}...'; use a number`)
    );
  });

  test("an out-of-range value gets #VALUE! with the engine's message", () => {
    expect(() => LTV_CAC(4000, -1)).toThrow(
      cellError(ErrorCode.invalidValue, "CLV.LTV_CAC requires an acquisition cost of 0 or more; got -1")
    );
    expect(() => RETENTION_CLV(100, 80, 0.1)).toThrow(
      cellError(ErrorCode.invalidValue, "CLV.RETENTION_CLV requires a retention rate from 0 to 1 (0.8 for 80%); got 80")
    );
  });

  test("a zero denominator gets #DIV/0!", () => {
    expect(() => LTV_CAC(4000, 0)).toThrow(cellError(ErrorCode.divisionByZero));
    expect(() => CHURN(0, 0)).toThrow(cellError(ErrorCode.divisionByZero));
    expect(() => ACL([[0]])).toThrow(cellError(ErrorCode.divisionByZero));
    expect(() => AOV(column(null, null))).toThrow(cellError(ErrorCode.divisionByZero));
  });

  test("a value that does not exist gets #NUM!: payback never reached, unlimited sum without discounting", () => {
    expect(() => PAYBACK(1000, 100, 0.8)).toThrow(cellError(ErrorCode.invalidNumber));
    expect(() => RETENTION_CLV(100, 1, 0)).toThrow(cellError(ErrorCode.invalidNumber));
  });

  test("a blank between periods would shift later periods: asks for a 0", () => {
    expect(() => NPV_CLV(0.1, column(100, null, 300))).toThrow(
      cellError(ErrorCode.invalidValue, "revenues: cell 2 is blank but a later period is not; enter 0 there")
    );
  });

  test("with transactions or customers given, the first argument must hold one number", () => {
    expect(() => AOV(column(100, 200), 5)).toThrow(
      cellError(
        ErrorCode.invalidValue,
        "revenue: give one number when transactions is given (found 2), or leave transactions out"
      )
    );
    expect(() => APF(column("C1"), 5)).toThrow(
      cellError(ErrorCode.invalidValue, "transactions_or_ids: cell 1 is text 'C1'; use numbers")
    );
  });
});
