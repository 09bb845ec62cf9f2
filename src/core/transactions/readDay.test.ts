import { dateOrderEvidence, readDay } from "./readDay";

// Independent reference for day numbers: JavaScript's Date.UTC (days since 1970-01-01).
const utcDay = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;
const MARCH_5_2024 = utcDay(2024, 3, 5); // 19,787

describe("Excel serial numbers", () => {
  // Microsoft, "Date systems in Excel": 1900 system, serial 1 = 1900-01-01 and Excel treats 1900
  // as a leap year (serial 60 = 1900-02-29, KB 214326); 1904 system, serial 0 = 1904-01-01,
  // serials 1,462 lower. OFFICE-NOTES.md: ms = (serial - 25569) * 86,400,000 in the 1900 system.
  test.each([
    [45_356, MARCH_5_2024], // 45,356 - 25,569 = 19,787
    [45_356.99, MARCH_5_2024], // time of day dropped
    [25_569, 0],
    [1, utcDay(1900, 1, 1)],
    [59, utcDay(1900, 2, 28)],
    [61, utcDay(1900, 3, 1)], // the day after the fictitious 1900-02-29
    [2_958_465, utcDay(9999, 12, 31)],
  ])("1900 system: %d", (serial, expected) => {
    expect(readDay(serial, 1900, null)).toBe(expected);
  });

  test("serial 60, Excel's 1900-02-29, does not exist", () => {
    expect(readDay(60, 1900, null)).toBe("fakeLeapDay");
  });

  test.each([
    [43_894, MARCH_5_2024], // 45,356 - 1,462
    [0, utcDay(1904, 1, 1)],
    [60, utcDay(1904, 3, 1)], // no fictitious day in the 1904 system: 1904-01-01 + 60 days
  ])("1904 system: %d", (serial, expected) => {
    expect(readDay(serial, 1904, null)).toBe(expected);
  });

  test.each([0, -1, 2_958_466, 99_999_999.5, 123_456_789])("%d is outside Excel's dates (1900 system)", (serial) => {
    expect(readDay(serial, 1900, null)).toBe("outOfRange");
  });

  test("number-like text reads as the number", () => {
    expect(readDay("45356", 1900, null)).toBe(MARCH_5_2024);
    expect(readDay(" 45356.5 ", 1900, null)).toBe(MARCH_5_2024);
  });
});

describe("YYYYMMDD (CDNOW)", () => {
  test.each([19_970_101, "19970101", " 19970101 "])("%s is 1997-01-01", (value) => {
    expect(readDay(value, 1900, null)).toBe(utcDay(1997, 1, 1));
  });
  test("an impossible 8-digit date is refused, not read as a serial", () => {
    expect(readDay(19_971_340, 1900, null)).toBe("noSuchDate");
    expect(readDay("20230229", 1900, null)).toBe("noSuchDate");
  });
});

describe("text dates", () => {
  test.each([
    "2024-03-05",
    "2024-03-05T23:59:59Z",
    "2024-03-05 10:20",
    "2024-03-05T10:20:30.123+08:00", // the date as written: offset and time dropped
    "2024-3-5",
    "2024/3/5",
    "2024/03/05 14:30:00",
    "2024.03.05",
    "2024年3月5日",
    "2024年03月05号 14:30",
    "5 Mar 2024",
    "05-Mar-2024",
    "5-mar-2024",
    "5 March 2024",
    "5th March, 2024",
    "March 5, 2024",
    "Mar 5 2024",
    "Tue, 5 Mar 2024", // 2024-03-05 was a Tuesday (new Date(Date.UTC(2024, 2, 5)).getUTCDay() === 2)
    "Tuesday, March 5th, 2024",
  ])("%s is 2024-03-05", (text) => {
    expect(readDay(text, 1900, null)).toBe(MARCH_5_2024);
  });

  test("a numeric date may carry a 12-hour time", () => {
    expect(readDay("3/5/2024 2:30 PM", 1900, "monthFirst")).toBe(MARCH_5_2024);
  });

  test("September abbreviations", () => {
    expect(readDay("Sept 5, 2024", 1900, null)).toBe(utcDay(2024, 9, 5));
    expect(readDay("5 Sep 2024", 1900, null)).toBe(utcDay(2024, 9, 5));
  });

  test.each([
    ["2024-02-30", "noSuchDate"],
    ["2024-13-01", "noSuchDate"],
    ["30 Feb 2024", "noSuchDate"],
    ["31/02/2024", "noSuchDate"], // neither 31 February nor month 31
    ["3/5/24", "twoDigitYear"],
    ["5 Mar 24", "twoDigitYear"],
    ["Mon, 5 Mar 2024", "wrongWeekday"],
    ["2024-03-05 garbage", "notADate"],
    ["next Tuesday", "notADate"],
    ["", "empty"],
    ["   ", "empty"],
  ])("%j -> %s", (text, issue) => {
    expect(readDay(text, 1900, null)).toBe(issue);
  });
});

describe("numeric day/month order", () => {
  test("03/05/2024 is ambiguous without an order, and read by a given order", () => {
    expect(readDay("03/05/2024", 1900, null)).toBe("ambiguous");
    expect(readDay("03/05/2024", 1900, "dayFirst")).toBe(utcDay(2024, 5, 3));
    expect(readDay("03/05/2024", 1900, "monthFirst")).toBe(utcDay(2024, 3, 5));
    expect(readDay("03.05.2024", 1900, "dayFirst")).toBe(utcDay(2024, 5, 3));
    expect(readDay("3-5-2024", 1900, "monthFirst")).toBe(utcDay(2024, 3, 5));
  });

  test("a date with only one valid reading is read without an order", () => {
    expect(readDay("25/03/2024", 1900, null)).toBe(utcDay(2024, 3, 25));
    expect(readDay("03/25/2024", 1900, null)).toBe(utcDay(2024, 3, 25));
    expect(readDay("03/03/2024", 1900, null)).toBe(utcDay(2024, 3, 3)); // the same both ways
  });

  test("a date invalid in the given order is refused", () => {
    expect(readDay("25/03/2024", 1900, "monthFirst")).toBe("noSuchDate");
  });

  test('"detect" asks the caller to look at the column first', () => {
    expect(readDay("25/03/2024", 1900, "detect")).toBe("orderNeeded");
    expect(readDay("03/05/2024", 1900, "detect")).toBe("orderNeeded");
    expect(readDay("2024-03-05", 1900, "detect")).toBe(MARCH_5_2024);
  });

  test.each([
    ["25/03/2024", "dayFirst"],
    ["03/25/2024", "monthFirst"],
    ["03/05/2024", null],
    ["03/03/2024", null],
    ["2024-03-25", null],
    ["25/03/24", null],
    [45_356, null],
  ])("evidence of %s: %s", (value, expected) => {
    expect(dateOrderEvidence(value)).toBe(expected);
  });
});

describe("other cells", () => {
  test("a Date is read by its UTC calendar date", () => {
    expect(readDay(new Date(Date.UTC(2024, 2, 5, 23, 30)), 1900, null)).toBe(MARCH_5_2024);
    expect(readDay(new Date(Number.NaN), 1900, null)).toBe("notADate");
  });
  test("booleans are not dates, empty cells are empty", () => {
    expect(readDay(true, 1900, null)).toBe("notADate");
    expect(readDay(null, 1900, null)).toBe("empty");
    expect(readDay(undefined, 1900, null)).toBe("empty");
  });
});
