import { checkSameTimeUnit, parseTimeUnit } from "./timeUnit";

const valueError = (message: string) => expect.objectContaining({ kind: "value", message });

describe("parseTimeUnit", () => {
  test.each([
    ["days", "days"],
    ["Day", "days"],
    [" WEEKS ", "weeks"],
    ["week", "weeks"],
    ["Months", "months"],
    ["month", "months"],
  ])("'%s' is %s", (text, unit) => {
    expect(parseTimeUnit(text, "unit")).toBe(unit);
  });

  test.each(["fortnights", "", "w", "years", "dayss"])("'%s' is refused, naming the argument", (text) => {
    expect(() => parseTimeUnit(text, "unit")).toThrow(valueError(`unit is '${text}'; use days, weeks or months`));
  });
});

describe("checkSameTimeUnit", () => {
  test("the same unit passes", () => {
    expect(() => checkSameTimeUnit("days", "days", "params")).not.toThrow();
  });

  test("another unit is refused, saying both units and the two ways out", () => {
    expect(() => checkSameTimeUnit("weeks", "days", "params")).toThrow(
      valueError("params was fitted in weeks, but unit is days: give the times in weeks, or fit the model on times in days")
    );
  });
});
