import { ENGLISH_ROW_ERROR_TEXTS, type RowProblem, rowError, rowErrorText } from "./rowError";

// The expected sentences are the reasons parseTransactions wrote before problems were data (its
// dateReason and amountReason, and the customer and order id checks, at commit e699d49), word for word:
// the CLI, the report sheets and the tests read them. The serial bounds are Excel's: 9999-12-31 is serial
// 2,958,465 in the 1900 system (Microsoft, "Excel specifications and limits"), 1,462 fewer (2,957,003) in the 1904 one.
type DateProblem = Extract<RowProblem, { kind: "date" }>;
type MoneyProblem = Extract<RowProblem, { kind: "amount" }>;

const CASES: [RowProblem, string][] = [
  [{ kind: "emptyCustomer" }, "the customer id is empty"],
  [{ kind: "notCustomerId", shown: "TRUE" }, "TRUE is not a customer id"],
  [{ kind: "notOrderId", shown: "FALSE" }, "FALSE is not an order id"],
  [date("empty", "(empty)"), "the date is empty"],
  [date("notADate", '"nope"'), '"nope" is not a date'],
  [
    date("ambiguous", '"03/05/2024"'),
    '"03/05/2024" could be day/month or month/day and no date in this column settles it; choose the date order',
  ],
  [
    { ...date("ambiguous", '"03/05/2024"'), mixedOrders: true },
    '"03/05/2024" could be day/month or month/day, and this column has dates in both orders',
  ],
  [date("twoDigitYear", '"03/05/24"'), '"03/05/24" has a two-digit year; write the year in full'],
  [date("noSuchDate", '"2024-02-30"'), '"2024-02-30" is not a real calendar date'],
  [date("fakeLeapDay", "60"), "60 is Excel's 1900-02-29, a day that does not exist"],
  [date("outOfRange", "3000000"), "3000000 is outside Excel's dates (serial numbers 1..2958465, or YYYYMMDD)"],
  [{ ...date("outOfRange", "3000000"), system: 1904 }, "3000000 is outside Excel's dates (serial numbers 0..2957003, or YYYYMMDD)"],
  [date("wrongWeekday", '"Monday, 5 March 2024"'), '"Monday, 5 March 2024": the weekday does not match the date'],
  [money("empty", '""', "amount"), "the amount is empty"],
  [money("empty", "(empty)", "cost"), "the cost is empty"],
  [money("empty", '""', "margin"), "the margin is empty"],
  [money("logical", "TRUE", "amount"), "TRUE is TRUE/FALSE, not an amount"],
  [money("logical", "FALSE", "cost"), "FALSE is TRUE/FALSE, not an amount (cost)"],
  [money("logical", "TRUE", "margin"), "TRUE is TRUE/FALSE, not an amount (margin)"],
  [
    money("ambiguous", '"1,234"', "amount"),
    '"1,234" could use "," or "." as the decimal separator, and this column has both; choose the decimal separator',
  ],
  [money("notANumber", '"abc"', "cost"), '"abc" is not an amount'],
];

function date(issue: DateProblem["issue"], shown: string): DateProblem {
  return { kind: "date", issue, shown, system: 1900, mixedOrders: false };
}

function money(issue: MoneyProblem["issue"], shown: string, role: MoneyProblem["role"]): MoneyProblem {
  return { kind: "amount", issue, shown, role };
}

test.each(CASES)("in English, %j reads as today's reason", (problem, reason) => {
  expect(rowErrorText(problem, ENGLISH_ROW_ERROR_TEXTS)).toBe(reason);
});

test("a row error's reason is its problem in English", () => {
  const problem: RowProblem = { kind: "notCustomerId", shown: "TRUE" };
  expect(rowError(10, "Customer ID", problem)).toEqual({ row: 10, column: "Customer ID", reason: "TRUE is not a customer id", problem });
});
