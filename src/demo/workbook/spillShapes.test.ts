/**
 * The CLV.* functions that return arrays, typed into the demo's computed workbook: they spill over the
 * cells `CLV_SPILL_SHAPES` reserves, the spilled values feed other formulas, and an edit recomputes them.
 * Published figures: sBG cohorts of Fader & Hardie (2007), DEL of Fader & Hardie (2010), BG/NBD on CDNOW
 * (Fader, Hardie & Lee 2005, read from shared/data beside the repo; skipped, with a note, when absent).
 */
import { describeWithSharedData, readNumericCsv } from "../../../test/sharedData";
import { FakeWorkbook } from "../../excel/fake";
import { type FunctionsJsonEntry, registerClvFunctions } from "../testing/calculatedReport";
import type { CellPosition } from "./a1Formula";
import { CalculatedWorkbook } from "./calculatedWorkbook";
import { CLV_SPILL_SHAPES } from "./spillShapes";

const CDNOW_FILE = "cdnow_customers_summary.csv";

/** Published figures have 3 decimals: within half a unit of the third. */
const PUBLISHED = 5e-4;
/** Hand-worked values (exact fractions), computed in floating point. */
const EXACT = 1e-12;

/** The sBG cohorts of Fader & Hardie (2007), % still active in years 0..7, and their published fits. */
const REGULAR = [100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1]; // alpha 0.704, beta 1.182
const HIGH_END = [100, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1]; // alpha 0.668, beta 3.806

let metadata: FunctionsJsonEntry[];
beforeAll(async () => {
  metadata = await registerClvFunctions();
});

/** A workbook with one sheet, "Model", holding `rows` from A1. */
function workbook(rows: (string | number)[][]): CalculatedWorkbook {
  const fake = new FakeWorkbook();
  fake.addSheet("Model");
  fake.setValues("Model", "A1", rows);
  const book = new CalculatedWorkbook(fake);
  book.recalculate();
  return book;
}
const at = (address: string): CellPosition => {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
  return { sheet: "Model", row: Number(digits) - 1, column: [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1 };
};
const type = (book: CalculatedWorkbook, address: string, input: string) => book.edit(at(address), input);

test("every function whose functions.json result is an array has a spill shape, and no other", () => {
  const arrays = metadata.filter((entry) => entry.result?.dimensionality === "matrix").map((entry) => entry.id);
  expect([...CLV_SPILL_SHAPES.keys()].sort()).toEqual(arrays.sort());
});

describe("=CLV.SBG_FIT over the regular cohort's row (Fader & Hardie 2007)", () => {
  let book: CalculatedWorkbook;
  const sheet = () => book.model.sheet("Model");
  beforeEach(async () => {
    book = workbook([REGULAR]);
    await type(book, "A3", "=CLV.SBG_FIT(A1:H1)");
  });

  test("spills its 6 x 2 block from A3: alpha 0.704, beta 1.182, and the cells below stay blank", () => {
    expect(sheet().values("A3:A9").flat()).toEqual(["model", "alpha", "beta", "log-likelihood", "converged", "warnings", ""]);
    expect(sheet().value("B3")).toBe("sBG");
    expect(Math.abs((sheet().value("B4") as number) - 0.704)).toBeLessThanOrEqual(PUBLISHED);
    expect(Math.abs((sheet().value("B5") as number) - 1.182)).toBeLessThanOrEqual(PUBLISHED);
    expect(sheet().value("B7")).toBe(true);
    expect(sheet().formula("B4")).toBe(sheet().value("B4")); // a spilled cell holds no formula, as in Excel
  });

  test("the spilled alpha and beta feed =CLV.SBG_CLV: DEL at 10 % is 3.695 periods (Fader & Hardie 2010)", async () => {
    await type(book, "D3", "=CLV.SBG_CLV(B4, B5, 1, 10%)");
    expect(Math.abs((sheet().value("D3") as number) - 3.695)).toBeLessThanOrEqual(PUBLISHED);
  });

  test("typing the high-end cohort over the row refits the spilled block: alpha 0.668, beta 3.806", async () => {
    for (const [i, value] of HIGH_END.entries()) await type(book, `${String.fromCharCode(65 + i)}1`, String(value));
    expect(Math.abs((sheet().value("B4") as number) - 0.668)).toBeLessThanOrEqual(PUBLISHED);
    expect(Math.abs((sheet().value("B5") as number) - 3.806)).toBeLessThanOrEqual(PUBLISHED);
  });

  test("a value typed into the block gives #SPILL! and blanks the rest; clearing it spills the block again", async () => {
    await type(book, "B6", "x");
    expect(sheet().value("A3")).toBe("#SPILL!");
    expect(sheet().values("A4:B5").flat()).toEqual(["", "", "", ""]);
    expect(sheet().value("B6")).toBe("x");
    await type(book, "B6", "");
    expect(sheet().value("A3")).toBe("model");
    expect(Math.abs((sheet().value("B5") as number) - 1.182)).toBeLessThanOrEqual(PUBLISHED);
  });

  test("a cohort that rises gives the function's error in its own cell only", async () => {
    await type(book, "C1", "70");
    expect(sheet().value("A3")).toBe("#VALUE!");
    expect(book.errorMessage(at("A3"))).toBe("CLV.SBG_FIT requires counts of 0 or more that never rise; period 2 has 70 after 63.1");
    expect(sheet().values("A4:B8").flat().every((value) => value === "")).toBe(true);
  });
});

test("=CLV.SBG_SURVIVAL and =CLV.SBG_RETENTION spill in the shape of t: a row across, a column down, and shrink with it", async () => {
  // alpha = beta = 1: S(t) = B(1, 1 + t) / B(1, 1) = 1 / (1 + t) and r(t) = t / (1 + t), worked by hand.
  const book = workbook([[1, 0, 1, 3], [2], [3]]); // t = 1, 2, 3 down A1:A3 and 0, 1, 3 across B1:D1
  const sheet = book.model.sheet("Model");
  await type(book, "A5", "=CLV.SBG_SURVIVAL(1, 1, B1:D1)");
  await type(book, "F1", "=CLV.SBG_RETENTION(1, 1, A1:A3)");
  const expectExactly = (values: unknown[], expected: number[]) =>
    expected.forEach((value, i) => expect(Math.abs((values[i] as number) - value)).toBeLessThanOrEqual(EXACT));
  expectExactly(sheet.values("A5:C5")[0], [1, 1 / 2, 1 / 4]);
  expectExactly(sheet.values("F1:F3").flat(), [1 / 2, 2 / 3, 3 / 4]);
  await type(book, "A5", "=CLV.SBG_SURVIVAL(1, 1, B1:C1)");
  expectExactly(sheet.values("A5:B5")[0], [1, 1 / 2]);
  expect(sheet.value("C5")).toBe(""); // blanked when the spill shrank
});

describeWithSharedData("a BG/NBD block spilled from CDNOW's 2,357 customers (weeks) feeds =CLV.PALIVE", [CDNOW_FILE], () => {
  test("r 0.243, alpha 4.414, a 0.793, b 2.426; customer 1 (x 2, t_x 30.43, T 38.86) is alive with P 0.727 (Fader, Hardie & Lee 2005)", async () => {
    // Columns ID,frequency,recency,T (shared/data/README.md); the sheet gets frequency, recency, T in A:C.
    const rows = readNumericCsv(CDNOW_FILE).rows.map((row) => row.slice(1));
    const book = workbook([["frequency", "recency", "T"], ...rows]);
    const sheet = book.model.sheet("Model");
    const last = rows.length + 1;
    await type(book, "F1", `=CLV.BGNBD_FIT(A2:A${last}, B2:B${last}, C2:C${last})`);
    expect(sheet.values("F1:F9").flat()).toEqual(["model", "unit", "r", "alpha", "a", "b", "log-likelihood", "converged", "warnings"]);
    const published: [string, number][] = [["G3", 0.243], ["G4", 4.414], ["G5", 0.793], ["G6", 2.426]];
    for (const [address, expected] of published) expect(Math.abs((sheet.value(address) as number) - expected)).toBeLessThanOrEqual(PUBLISHED);
    await type(book, "I2", "=CLV.PALIVE(F1:G9, A2:A4, B2:B4, C2:C4)");
    expect(sheet.values("A2:C2")[0]).toEqual([2, 30.43, 38.86]);
    expect(Math.abs((sheet.value("I2") as number) - 0.727)).toBeLessThanOrEqual(PUBLISHED);
    expect(sheet.values("I3:I5").flat().map((value) => typeof value)).toEqual(["number", "number", "string"]); // 3 customers, 3 cells
  });
});
