// Excel structured references (Microsoft, "Using structured references with Excel tables"): a table
// name, or nothing inside a table, then a bracketed specifier: `[@Col]`, `[@[Col name]]`, `T[Col]`,
// `T[[Col name]]`, `T[[#Totals],[Col]]`, `T[[#This Row],[A]:[B]]`, `T[]`. Inside the brackets `'`
// escapes the next character ([ ] # ').

/** One structured reference of a formula, at `formula.slice(start, end)`. */
export interface StructuredReference {
  start: number;
  end: number;
  /** The table named before the brackets; null for a reference inside a table, such as `[@Col]`. */
  table: string | null;
  /** Special items in lower case: "#this row" (also written `@`), "#totals", "#data", "#headers", "#all". */
  items: string[];
  /** Column names, unescaped: none (every column), one, or the first and last of a column range. */
  columns: string[];
}

/** A name that may come before `[`: letters, digits, `_`, `.` and `\`, not starting with a digit. */
const TABLE_NAME = /[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

/**
 * Every structured reference of a formula, left to right; text in "double quotes" and quoted sheet
 * names are skipped.
 * @throws RangeError for an unclosed bracket or a specifier that is not Excel's syntax
 * @example findStructuredReferences('=IF([@Orders]=0,"",T[[#Totals],[Revenue]])').map((r) => r.columns) // [["Orders"], ["Revenue"]]
 */
export function findStructuredReferences(formula: string): StructuredReference[] {
  const found: StructuredReference[] = [];
  for (let i = 0; i < formula.length; i++) {
    const char = formula[i];
    if (char === '"' || char === "'") {
      i = closingQuote(formula, i);
      continue;
    }
    if (char !== "[") continue;
    const name = TABLE_NAME.exec(formula.slice(0, i))?.[0];
    const close = closingBracket(formula, i);
    const start = name === undefined ? i : i - name.length;
    found.push({ start, end: close + 1, table: name ?? null, ...specifier(formula.slice(i + 1, close), formula) });
    i = close;
  }
  return found;
}

/** Index of the quote that closes the one at `open` (a doubled quote is an escaped one). */
function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] !== quote) continue;
    if (text[i + 1] === quote) i++;
    else return i;
  }
  throw new RangeError(`${text}: unclosed ${quote}`);
}

/** Index of the `]` that closes the `[` at `open`, skipping `'`-escaped characters. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "'") i++;
    else if (text[i] === "[") depth++;
    else if (text[i] === "]" && --depth === 0) return i;
  }
  throw new RangeError(`${text}: unclosed [`);
}

const unescape = (name: string) => name.replace(/'(.)/g, "$1");

/** The items and columns of what stands between a reference's outer brackets. */
function specifier(inner: string, formula: string): { items: string[]; columns: string[] } {
  if (inner.startsWith("@")) {
    const rest = inner.slice(1);
    const { items, columns } = rest.startsWith("[") ? bracketList(rest, formula) : { items: [], columns: rest === "" ? [] : [unescape(rest)] };
    return { items: ["#this row", ...items], columns };
  }
  if (inner.startsWith("[")) return bracketList(inner, formula);
  if (inner === "") return { items: [], columns: [] };
  return inner.startsWith("#") ? { items: [inner.toLowerCase()], columns: [] } : { items: [], columns: [unescape(inner)] };
}

/** `[#Totals],[Revenue]` or `[A]:[B]`: bracketed parts joined by commas (items) or one colon (a column range). */
function bracketList(list: string, formula: string): { items: string[]; columns: string[] } {
  const items: string[] = [];
  const columns: string[] = [];
  let at = 0;
  while (at < list.length) {
    if (list[at] !== "[") throw new RangeError(`${formula}: expected [ in [${list}]`);
    const close = closingBracket(list, at);
    const part = list.slice(at + 1, close);
    if (part.startsWith("#")) items.push(part.toLowerCase());
    else columns.push(unescape(part));
    at = close + 1;
    const separator = /^\s*([,:])\s*/.exec(list.slice(at));
    if (separator === null) break;
    at += separator[0].length;
  }
  if (at < list.length || columns.length > 2) throw new RangeError(`${formula}: cannot read [${list}]`);
  return { items, columns };
}
