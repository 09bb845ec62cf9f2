import { dayFromDate, isCalendarDate, isoDate, monthIndex } from "./days";

// Reference: JavaScript's own calendar, Date.UTC (ECMA-262 §21.4.1: MakeDay), divided by 86,400,000 ms.
const utcDay = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;

describe("dayFromDate", () => {
  test.each([
    [1970, 1, 1, 0], // the epoch itself
    [1969, 12, 31, -1],
    [1997, 9, 30, 10_134], // CDNOW calibration end: 27 years (7 leap) = 9,862 days + 272 days into 1997
    [2000, 2, 29, 11_016], // 2000 is a leap year (divisible by 400)
    [1900, 3, 1, -25_508], // 1900 is not (divisible by 100, not 400)
    [1900, 1, 1, -25_567],
    [1904, 1, 1, -24_107], // Excel's 1904 epoch: 66 years, 17 of them leap, before 1970
  ])("%i-%i-%i is day %i", (year, month, day, expected) => {
    expect(dayFromDate(year, month, day)).toBe(expected);
    expect(utcDay(year, month, day)).toBe(expected);
  });

  test("agrees with Date.UTC on every day of 1899..2101", () => {
    for (let day = utcDay(1899, 1, 1); day <= utcDay(2101, 12, 31); day++) {
      const date = new Date(day * 86_400_000);
      expect(dayFromDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
    }
  });
});

describe("isCalendarDate", () => {
  test.each([
    [2024, 2, 29, true], // leap year
    [2023, 2, 29, false],
    [1900, 2, 29, false], // the day Excel pretends exists
    [2000, 2, 29, true],
    [2024, 4, 31, false],
    [2024, 13, 1, false],
    [2024, 0, 10, false],
    [2024, 1, 0, false],
    [2024, 1, 1.5, false],
  ])("%i-%i-%s -> %s", (year, month, day, expected) => {
    expect(isCalendarDate(year, month, day)).toBe(expected);
  });
});

// Independent reference for calendar dates: JavaScript's Date in UTC.
const utc = (day: number) => new Date(day * 86_400_000);

test("isoDate writes YYYY-MM-DD", () => {
  expect(isoDate(10_134)).toBe("1997-09-30");
  expect(isoDate(-1)).toBe("1969-12-31");
});

test("isoDate writes what Date's toISOString writes, every day from 1600 to 2400 and at the four-digit years' ends", () => {
  const days = [dayFromDate(0, 1, 1), dayFromDate(99, 12, 31), dayFromDate(9999, 12, 31), dayFromDate(-1, 12, 31), dayFromDate(10_000, 1, 1)];
  for (let day = dayFromDate(1600, 1, 1); day <= dayFromDate(2400, 12, 31); day++) days.push(day);
  const differing = days.filter((day) => isoDate(day) !== utc(day).toISOString().slice(0, -14));
  expect(differing).toEqual([]);
  expect([isoDate(dayFromDate(99, 12, 31)), isoDate(dayFromDate(10_000, 1, 1))]).toEqual(["0099-12-31", "+010000-01-01"]);
});

describe("monthIndex", () => {
  test("agrees with Date's UTC year and month over 1899..2101, Excel's range and leap years included", () => {
    for (let day = dayFromDate(1899, 12, 1); day <= dayFromDate(2101, 1, 31); day += 7) {
      expect(monthIndex(day)).toBe(utc(day).getUTCFullYear() * 12 + utc(day).getUTCMonth());
    }
  });
  test("1997-09-30 is September 1997; 2024-02-29 is February 2024", () => {
    expect(monthIndex(dayFromDate(1997, 9, 30))).toBe(1997 * 12 + 8);
    expect(monthIndex(dayFromDate(2024, 2, 29))).toBe(2024 * 12 + 1);
  });
});
