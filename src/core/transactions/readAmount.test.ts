import { decimalEvidence, readAmount } from "./readAmount";

describe("readAmount", () => {
  test("numbers pass through; non-finite ones are not amounts", () => {
    expect(readAmount(12.5, null)).toBe(12.5);
    expect(readAmount(-3, null)).toBe(-3);
    expect(readAmount(Number.NaN, null)).toBe("notANumber");
    expect(readAmount(Number.POSITIVE_INFINITY, null)).toBe("notANumber");
  });

  test("plain decimal text reads exactly as Number() does", () => {
    // Reference: JavaScript's Number(), on pseudo-random decimals of up to 15 digits.
    let seed = 1;
    const next = () => (seed = (seed * 16_807) % 2_147_483_647);
    for (let trial = 0; trial < 20_000; trial++) {
      const whole = String(next() % 10 ** (1 + (next() % 9)));
      const fraction = String(next()).slice(0, next() % 7);
      const text = `${next() % 2 ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
      const mayGroup = fraction.length === 3 && whole.length <= 3 && whole[0] !== "0";
      expect(readAmount(text, ".")).toBe(Number(text));
      if (!mayGroup) expect(readAmount(text, null)).toBe(Number(text));
    }
  });

  test.each([
    ["29.33", 29.33],
    ["-12", -12],
    ["007", 7],
    [" 12.50 ", 12.5],
    [".5", 0.5],
    ["$1,234.50", 1234.5],
    ["¥1,234", 1234], // one comma before three digits: a thousands separator under "."
    ["€ 12", 12],
    ["£0.99", 0.99],
    ["12 USD", 12],
    ["USD 12", 12],
    ["US$12.5", 12.5],
    ["RMB 100", 100],
    ["100元", 100],
    ["(12.00)", -12], // accounting negative
    ["($1,234.50)", -1234.5],
    ["-$12", -12],
    ["$-12", -12],
    ["−12", -12], // U+2212 minus sign
    ["+12", 12],
    ["1.234,50", 1234.5], // both separators: the later one is decimal
    ["1,234.50", 1234.5],
    ["1 234,50", 1234.5], // space groups thousands, so the comma is decimal
    ["1\u00a0234,50", 1234.5], // no-break space
    ["1\u202f234.5", 1234.5], // narrow no-break space
    ["1'234.50", 1234.5], // Swiss apostrophe
    ["1 234", 1234],
    ["1,234,567", 1_234_567], // a separator that occurs twice groups thousands
    ["1.234.567", 1_234_567],
    ["12,5", 12.5], // not followed by three digits: decimal
    ["12,50", 12.5],
    ["0,125", 0.125], // "0" cannot start a thousands group
    ["1234.567", 1234.567], // four digits cannot precede a thousands separator
    ["1,2345", 1.2345],
  ])("%j -> %d", (text, expected) => {
    expect(readAmount(text, ".")).toBe(expected);
  });

  test("1,234 and 1.234 are read by the column's decimal separator", () => {
    expect(readAmount("1,234", ".")).toBe(1234);
    expect(readAmount("1,234", ",")).toBe(1.234);
    expect(readAmount("1.234", ".")).toBe(1.234);
    expect(readAmount("1.234", ",")).toBe(1234);
    expect(readAmount("-1.234", ",")).toBe(-1234);
    expect(readAmount("1,234", null)).toBe("ambiguous");
    expect(readAmount("1.234", "detect")).toBe("separatorNeeded");
    expect(readAmount("1,234.5", "detect")).toBe(1234.5); // not ambiguous: no need to look at the column
  });

  test.each([
    "12%",
    "1e3",
    "abc",
    "12 kg",
    "12 usd", // currency codes are capitals
    "1,23,4", // groups must have three digits
    "1,00,000", // Indian lakh grouping is not supported: rejected rather than misread
    "1.2.3,4",
    "1 234.567.8",
    "(-12)",
    "--12",
    "$$12",
    "12.",
    "1.2.3",
    "-",
    "$",
  ])("%j is not an amount", (text) => {
    expect(readAmount(text, ".")).toBe("notANumber");
  });

  test("empty and logical cells", () => {
    expect(readAmount("", ".")).toBe("empty");
    expect(readAmount("  ", ".")).toBe("empty");
    expect(readAmount(null, ".")).toBe("empty");
    expect(readAmount(undefined, ".")).toBe("empty");
    expect(readAmount(true, ".")).toBe("logical");
    expect(readAmount(new Date(0), ".")).toBe("notANumber");
  });
});

describe("decimalEvidence", () => {
  test.each([
    ["1,234.50", "."],
    ["12.5", "."],
    ["1,234,567", "."],
    ["$0.99", "."],
    ["1.234,50", ","],
    ["12,5", ","],
    ["1 234,50", ","],
    ["1.234.567", ","],
    ["(12,50 €)", ","],
    ["1,234", null],
    ["1.234", null],
    ["1234", null],
    ["1 234", null],
    ["abc", null],
    [12.5, null],
  ])("%j -> %s", (value, expected) => {
    expect(decimalEvidence(value)).toBe(expected);
  });
});
