import { DEFAULT_ASSUMPTIONS, cacFor, holdoutProblem, numberProblem, periodAssumptions, ratePerPeriod, readNumber } from "./assumptions";

/** Rates and periods are compared to 10 significant digits: they are worked by hand to that. */
const DIGITS = 10;

describe("readNumber", () => {
  test.each([
    ["10", 10],
    [" 7.5 ", 7.5],
    ["7,5", 7.5],
    ["10%", 10],
    ["10 %", 10],
    ["1 250", 1250],
    [".5", 0.5],
    ["-3", -3],
    ["+4", 4],
    ["0", 0],
  ])("%j reads as %d", (text, value) => {
    expect(readNumber(text)).toBe(value);
  });

  test.each(["", "abc", "1e3", "1.2.3", "1,2,3", "%", "12a"])("%j is not a number", (text) => {
    expect(readNumber(text)).toBeNull();
  });
});

describe("numberProblem", () => {
  test.each([
    ["discountRate", "10", null],
    ["discountRate", "0", null],
    ["discountRate", "100", null],
    ["discountRate", "-1", "problemDiscountRange"],
    ["discountRate", "101", "problemDiscountRange"],
    ["margin", "30", null],
    ["margin", "0", "problemMarginRange"],
    ["margin", "120", "problemMarginRange"],
    ["cac", "0", null],
    ["cac", "-5", "problemCacRange"],
    ["cac", "", "problemNumber"],
    ["horizonMonths", "36", null],
    ["horizonMonths", "0", "problemHorizonRange"],
    ["horizonMonths", "2.5", "problemHorizonRange"],
    ["horizonMonths", "1201", "problemHorizonRange"],
    ["inactivityDays", "90", null],
    ["inactivityDays", "0", "problemInactivityRange"],
    ["inactivityDays", "x", "problemNumber"],
  ] as const)("%s = %j: %s", (field, text, problem) => {
    expect(numberProblem(field, text)).toBe(problem);
  });
});

describe("ratePerPeriod", () => {
  // 1.1^(1/12) - 1: ln 1.1 = 0.0953101798; / 12 = 0.00794251498; e^x - 1 = 0.00797414043.
  test("10 % a year is 0.797414043 % a month", () => {
    expect(ratePerPeriod(0.1, "month")).toBeCloseTo(0.00797414043, DIGITS);
  });
  // 1.1^(7/365.25) - 1 = e^(0.0953101798 x 0.0191649555) - 1 = e^0.00182661 - 1 = 0.00182828.
  test("10 % a year is 0.182828 % a week", () => {
    expect(ratePerPeriod(0.1, "week")).toBeCloseTo(0.00182828, 8);
  });
  test("twelve months compound back to the annual rate", () => {
    expect(Math.pow(1 + ratePerPeriod(0.1, "month"), 12) - 1).toBeCloseTo(0.1, DIGITS);
  });
  test("0 % is 0 % in any period", () => {
    expect(ratePerPeriod(0, "day")).toBe(0);
  });
});

describe("periodAssumptions", () => {
  test("the defaults in months: 10 % a year, 100 % margin, 36 months, 90 days", () => {
    const result = periodAssumptions(DEFAULT_ASSUMPTIONS);
    expect(result.discountRate).toBeCloseTo(0.00797414043, DIGITS);
    expect(result.margin).toBe(1);
    expect(result.horizonPeriods).toBe(36);
    // 90 days / 30.4375 days a month = 2.956878850.
    expect(result.inactivityPeriods).toBeCloseTo(2.95687885, 8);
  });

  test("in weeks: 36 months = 36 x 30.4375 / 7 = 156.54 -> 157 weeks; 90 days = 12.857 weeks", () => {
    const result = periodAssumptions({ ...DEFAULT_ASSUMPTIONS, unit: "week", margin: "30" });
    expect(result.horizonPeriods).toBe(157);
    expect(result.inactivityPeriods).toBeCloseTo(90 / 7, DIGITS);
    expect(result.margin).toBeCloseTo(0.3, DIGITS);
  });

  test("in days: 36 months = 1,095.75 -> 1,096 days", () => {
    expect(periodAssumptions({ ...DEFAULT_ASSUMPTIONS, unit: "day" }).horizonPeriods).toBe(1096);
  });

  test("the holdout check: on by default with the engine's default length; a typed length in periods; off: absent", () => {
    expect(periodAssumptions(DEFAULT_ASSUMPTIONS).holdout).toEqual({});
    expect(periodAssumptions({ ...DEFAULT_ASSUMPTIONS, holdoutPeriods: " 6 " }).holdout).toEqual({ periods: 6 });
    expect(periodAssumptions({ ...DEFAULT_ASSUMPTIONS, holdout: false, holdoutPeriods: "6" })).not.toHaveProperty("holdout");
  });
});

describe("holdoutProblem", () => {
  test.each([
    ["", true, null],
    ["  ", true, null],
    ["6", true, null],
    ["0", true, "problemHoldoutRange"],
    ["2.5", true, "problemHoldoutRange"],
    ["six", true, "problemNumber"],
    ["six", false, null],
  ] as const)("%j with the check %s: %s", (holdoutPeriods, holdout, problem) => {
    expect(holdoutProblem({ ...DEFAULT_ASSUMPTIONS, holdout, holdoutPeriods })).toBe(problem);
  });
});

describe("cacFor", () => {
  const form = { ...DEFAULT_ASSUMPTIONS, cac: "50" };

  test("one cost for every segment", () => {
    expect(cacFor(form, ["Gold", "Burden"])).toBe(50);
  });

  test("per segment, a blank segment takes the common cost", () => {
    const perSegment = { ...form, cacPerSegment: true, segmentCac: { Gold: "80", Burden: " " } };
    expect(cacFor(perSegment, ["Gold", "Burden", "Stream"])).toEqual({ Gold: 80, Burden: 50, Stream: 50 });
  });

  test("costs typed for segments the data no longer has are left out", () => {
    const perSegment = { ...form, cacPerSegment: true, segmentCac: { Gold: "80", Meteor: "70" } };
    expect(cacFor(perSegment, ["Gold"])).toEqual({ Gold: 80 });
  });

  test("per segment but with the segments unknown: the common cost", () => {
    expect(cacFor({ ...form, cacPerSegment: true }, undefined)).toBe(50);
  });
});
