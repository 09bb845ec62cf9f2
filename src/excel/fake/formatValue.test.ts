import { formatValue } from "./formatValue";

// Expected texts are what Excel (en-US) shows for the value under the format; dates from the 1900
// date system, where serial 45292 is 2024-01-01 (Microsoft, "DATEVALUE function").
describe("formatValue", () => {
  test.each([
    [1234.5, "#,##0.00", "1,234.50"],
    [1234.5, "#,##0", "1,235"],
    [0.256, "0.0%", "25.6%"],
    [0.01, "0.00%", "1.00%"],
    [2.4025698, "0.00", "2.40"],
    [7, "0", "7"],
    [45292, "yyyy-mm-dd", "2024-01-01"],
    [45292.75, "yyyy-mm-dd", "2024-01-01"],
    [1 / 3, "General", "0.3333333333"],
    [250, "General", "250"],
    [-0.5, "#,##0.0", "-0.5"],
  ])("%p as %s is %s", (value, format, shown) => {
    expect(formatValue(value, format)).toBe(shown);
  });

  test("text, error codes and booleans show as they are", () => {
    expect(formatValue("00123", "@")).toBe("00123");
    expect(formatValue("#NUM!", "0.0")).toBe("#NUM!");
    expect(formatValue(true, "General")).toBe("TRUE");
  });
});
