/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/** Characters Excel refuses in a sheet name. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * A valid Excel sheet name made from `base`, unique (ignoring case, as Excel does) among `taken`:
 * forbidden characters `[ ] : * ? / \` become `_`, leading and trailing apostrophes are dropped, the
 * name is cut to 31 characters, an empty or reserved ("History") name becomes "Sheet", and a clash gets
 * " (2)", " (3)"... (cutting the base to keep 31 characters). The result is added to `taken`.
 *
 * @example uniqueSheetName("CLV a/b", new Set()) // "CLV a_b"
 * @example uniqueSheetName("CLV Summary", new Set(["clv summary"])) // "CLV Summary (2)"
 */
export function uniqueSheetName(base: string, taken: Set<string>): string {
  let clean = base.replace(SHEET_NAME_FORBIDDEN, "_").replace(/^'+|'+$/g, "").trim();
  if (clean === "" || clean.toLowerCase() === "history") clean = "Sheet";
  for (let copy = 1; ; copy++) {
    const suffix = copy === 1 ? "" : ` (${copy})`;
    const name = clean.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/**
 * A sheet name as a formula or a name's reference writes it: quoted unless it is letters, digits,
 * `_` and `.` and starts with a letter or `_` (apostrophes doubled inside quotes).
 * @example quoteSheetName("CLV Summary") // "'CLV Summary'"
 * @example quoteSheetName("Data") // "Data"
 */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
