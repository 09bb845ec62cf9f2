import { ClvError } from "./errors";
import type { CellGrid } from "./transactions/cellGrid";

/** Field separators the reader knows; "whitespace" = runs of spaces or tabs (e.g. CDNOW_master.txt). */
export type CsvDelimiter = "," | ";" | "\t" | "whitespace";

export interface CsvOptions {
  /** The separator; detected from the first lines when omitted (see {@link detectDelimiter}). */
  delimiter?: CsvDelimiter;
}

/** A parsed delimited text: every cell is a string ("" when empty or beyond its row). */
export interface CsvGrid extends CellGrid {
  readonly delimiter: CsvDelimiter;
  cell(row: number, column: number): string;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
const BYTE_ORDER_MARK = 0xfeff;
/** Lines examined to detect the delimiter. */
const DETECTION_LINES = 10;
/** Characters examined to detect the delimiter. */
const DETECTION_CHARS = 65_536;

/**
 * Reads delimited text into a {@link CsvGrid} that `parseTransactions` reads directly: RFC 4180
 * quoting (fields in double quotes may hold delimiters, line breaks and `""` for a quote), CRLF, LF
 * or CR line ends, a leading byte-order mark ignored, a final line end optional. With "whitespace",
 * fields are separated by runs of spaces or tabs and leading and trailing ones are ignored (quotes
 * still group). The text is scanned once and only field offsets are stored (two 32-bit integers
 * per field); a cell's string is cut out when it is read. Rows are records: a quoted field spanning
 * lines makes later row numbers differ from line numbers. Cost: O(length of text).
 *
 * @throws ClvError `value` when a quote is never closed or is followed by something other than a delimiter
 * @example parseCsv('id;amount\r\n"a;1";"1,5"\r\n').cell(1, 0) // "a;1"
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvGrid {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  return scan(text, delimiter);
}

class OffsetGrid implements CsvGrid {
  constructor(
    readonly delimiter: CsvDelimiter,
    readonly rowCount: number,
    private readonly text: string,
    /** Index of each row's first field; one more entry than rows. */
    private readonly rowStarts: Int32Array,
    private readonly fieldStarts: Int32Array,
    /** Field end offsets; a negative value `~end` marks a quoted field holding `""`. */
    private readonly fieldEnds: Int32Array
  ) {}

  width(row: number): number {
    return this.rowStarts[row + 1] - this.rowStarts[row];
  }

  cell(row: number, column: number): string {
    const field = this.rowStarts[row] + column;
    if (column >= this.rowStarts[row + 1] - this.rowStarts[row]) return "";
    const end = this.fieldEnds[field];
    if (end >= 0) return this.text.slice(this.fieldStarts[field], end);
    return this.text.slice(this.fieldStarts[field], ~end).replace(/""/g, '"');
  }
}

function scan(text: string, delimiter: CsvDelimiter): OffsetGrid {
  const whitespace = delimiter === "whitespace";
  const separator = whitespace ? -1 : delimiter.charCodeAt(0);
  const length = text.length;
  let fieldStarts = new Int32Array(1024);
  let fieldEnds = new Int32Array(1024);
  let rowStarts = new Int32Array(256);
  let fields = 0;
  let rows = 0;
  let line = 1;
  let position = length > 0 && text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  const pushField = (start: number, end: number) => {
    if (fields === fieldStarts.length) {
      fieldStarts = grow(fieldStarts);
      fieldEnds = grow(fieldEnds);
    }
    fieldStarts[fields] = start;
    fieldEnds[fields] = end;
    fields++;
  };

  while (position < length) {
    if (rows + 1 >= rowStarts.length) rowStarts = grow(rowStarts);
    rowStarts[rows++] = fields;
    let code = position < length ? text.charCodeAt(position) : -1;
    if (whitespace) while (code === SPACE || code === TAB) code = ++position < length ? text.charCodeAt(position) : -1;
    for (;;) {
      if (whitespace && (code === LF || code === CR || code === -1)) break;
      if (code === QUOTE) {
        const start = position + 1;
        let escaped = false;
        let close = text.indexOf('"', start);
        while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) {
          escaped = true;
          close = text.indexOf('"', close + 2);
        }
        if (close < 0) throw new ClvError("value", `CSV line ${line}: a quoted field is never closed`);
        line += countLineBreaks(text, start, close);
        pushField(start, escaped ? ~close : close);
        position = close + 1;
        code = position < length ? text.charCodeAt(position) : -1;
        const closed = code === separator || code === CR || code === LF || code === -1;
        if (!closed && !(whitespace && (code === SPACE || code === TAB))) {
          throw new ClvError("value", `CSV line ${line}: a closing quote must be followed by a delimiter or a line end`);
        }
      } else {
        const start = position;
        if (whitespace) {
          while (code !== SPACE && code !== TAB && code !== CR && code !== LF && code !== -1) {
            code = ++position < length ? text.charCodeAt(position) : -1;
          }
        } else {
          while (code !== separator && code !== CR && code !== LF && code !== -1) {
            code = ++position < length ? text.charCodeAt(position) : -1;
          }
        }
        pushField(start, position);
      }
      if (whitespace) {
        while (code === SPACE || code === TAB) code = ++position < length ? text.charCodeAt(position) : -1;
        continue;
      }
      if (code !== separator) break;
      code = ++position < length ? text.charCodeAt(position) : -1;
    }
    // Here code is CR, LF or -1 (end of text).
    if (code === CR) position++;
    if (position < length && text.charCodeAt(position) === LF) position++;
    line++;
  }
  rowStarts[rows] = fields;
  return new OffsetGrid(delimiter, rows, text, rowStarts, fieldStarts, fieldEnds);
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

function countLineBreaks(text: string, start: number, end: number): number {
  let breaks = 0;
  for (let index = text.indexOf("\n", start); index >= 0 && index < end; index = text.indexOf("\n", index + 1)) breaks++;
  return breaks;
}

/**
 * Picks the delimiter of delimited text from its first 10 lines (quoted parts ignored): a tab,
 * `;` or `,` (in that order of preference) that occurs equally often, and at least once, on every
 * line; else the first of them found on the first line; else "whitespace" when lines hold spaces
 * between values; else "," (a single column).
 *
 * @example detectDelimiter(" 00001 19970101  1   11.77\r\n") // "whitespace"
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const lines = sampleLines(text);
  const candidates = ["\t", ";", ","] as const;
  for (const candidate of candidates) {
    const counts = lines.map((line) => count(line, candidate));
    if (counts.length > 0 && counts[0] > 0 && counts.every((found) => found === counts[0])) return candidate;
  }
  for (const candidate of candidates) if (lines.length > 0 && count(lines[0], candidate) > 0) return candidate;
  return lines.some((line) => /\S\s+\S/.test(line.trim())) ? "whitespace" : ",";
}

/** The first non-empty lines of the text with quoted parts removed. */
function sampleLines(text: string): string[] {
  const lines: string[] = [];
  let current = "";
  let quoted = false;
  const end = Math.min(text.length, DETECTION_CHARS);
  for (let index = 0; index < end && lines.length < DETECTION_LINES; index++) {
    const character = text[index];
    if (character === '"') quoted = !quoted;
    else if (quoted || character === "\uFEFF") continue;
    else if (character === "\n" || character === "\r") {
      if (current.trim() !== "") lines.push(current);
      current = "";
    } else current += character;
  }
  if (current.trim() !== "" && lines.length < DETECTION_LINES) lines.push(current);
  return lines;
}

function count(line: string, character: string): number {
  return line.split(character).length - 1;
}
