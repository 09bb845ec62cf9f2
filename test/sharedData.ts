/**
 * Reading the public data sets in `shared/data` beside the repository (described in its README.md) from
 * tests. They are never copied into the repository, so tests that need them are skipped, with a note,
 * where the folder is absent. Test-only code: it uses Node's fs, which src/core may not; src/core's test
 * files import it from here (test/architecture.test.ts checks only the engine's non-test files).
 */
import * as fs from "fs";
import * as path from "path";

/** The data folder: `shared/data` beside the repository, or `CLV_SHARED_DATA` (e.g. a missing folder, to see the skips). */
const SHARED_DATA = process.env.CLV_SHARED_DATA ?? path.resolve(__dirname, "..", "..", "shared", "data");

/**
 * The absolute path of a file in the shared data folder.
 * @param file path inside the folder, e.g. "reference/lifetimes_cdnow_sample.json"
 * @example sharedDataPath("CDNOW_sample.txt") // "<repo>/../shared/data/CDNOW_sample.txt"
 */
export function sharedDataPath(file: string): string {
  return path.join(SHARED_DATA, file);
}

/**
 * `describe(title, body)` when every one of `files` is in the shared data folder. Otherwise one console
 * note naming the missing files and a skipped block whose one test says why; `body` is not run at all
 * (describe.skip would still run it to collect its tests), so it may read the files as it starts.
 * @example describeWithSharedData("CDNOW sample", ["CDNOW_sample.txt"], () => test(...)) // runs or skips
 */
export function describeWithSharedData(title: string, files: readonly string[], body: () => void): void {
  const missing = files.map(sharedDataPath).filter((file) => !fs.existsSync(file));
  if (missing.length === 0) return describe(title, body);
  const note = `${missing.join(", ")} not found (the public data sets belong in shared/data beside the repository)`;
  console.warn(`Skipping "${title}": ${note}`);
  describe.skip(title, () => test(`needs ${note}`, () => undefined));
}

/**
 * A shared data file's text (UTF-8).
 * @example readSharedText("cdnow_customers_summary.csv").slice(0, 22) // "ID,frequency,recency,T"
 */
export function readSharedText(file: string): string {
  return fs.readFileSync(sharedDataPath(file), "utf8");
}

/**
 * A shared JSON file, parsed; its shape is described in the data folder's README.md, not typed here.
 * @example readSharedJson("reference/lifetimes_cdnow_sample.json").summary_aggregate.n_customers // 2357
 */
export function readSharedJson(file: string): any {
  return JSON.parse(readSharedText(file));
}

/**
 * A whitespace-separated file (CDNOW_sample.txt, CDNOW_master.txt) as the fields of each line, as text.
 * @example readSharedFields("CDNOW_sample.txt")[0] // ["00004", "0001", "19970101", "2", "29.33"]
 */
export function readSharedFields(file: string): string[][] {
  return readSharedText(file).trim().split(/\r?\n/).map((line) => line.trim().split(/\s+/));
}

/** A comma-separated file of numbers under one header line. */
export interface NumericCsv {
  /** The column names, from the first line. */
  header: string[];
  /** Every later line's values, in the header's order. */
  rows: number[][];
  /** One column's values, top to bottom; throws for a name the header lacks. */
  column(name: string): number[];
}

/**
 * A comma-separated file whose lines after the header hold only numbers (the CDNOW summaries, the
 * lifetimes per-customer reference). Throws, naming the line and column, for a cell that is not a number
 * (an empty cell would otherwise read as 0) or a line of the wrong width.
 * @example readNumericCsv("cdnow_customers_summary.csv").column("frequency").slice(0, 2) // [2, 1]
 */
export function readNumericCsv(file: string): NumericCsv {
  const [headerLine, ...lines] = readSharedText(file).trim().split(/\r?\n/);
  const header = headerLine.split(",");
  const rows = lines.map((line, index) => {
    const cells = line.split(",");
    if (cells.length !== header.length) throw new Error(`${file} line ${index + 2}: ${cells.length} cells under a header of ${header.length}`);
    return cells.map((cell, column) => {
      const value = Number(cell);
      if (cell.trim() === "" || !Number.isFinite(value)) throw new Error(`${file} line ${index + 2}, column ${header[column]}: "${cell}" is not a number`);
      return value;
    });
  });
  const column = (name: string): number[] => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${file} has no column "${name}"; its columns are ${header.join(", ")}`);
    return rows.map((row) => row[index]);
  };
  return { header, rows, column };
}
