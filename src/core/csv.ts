import { ClvError } from "./errors";
import type { TextGrid } from "./transactions/cellGrid";

/** Field separators the reader knows; "whitespace" = runs of spaces or tabs (e.g. CDNOW_master.txt). */
export type CsvDelimiter = "," | ";" | "\t" | "whitespace";

export interface CsvOptions {
  /** The separator; detected from the first lines when omitted (see {@link detectDelimiter}). */
  delimiter?: CsvDelimiter;
}

/** A parsed delimited text: every cell is a string ("" when empty or beyond its row), read in place by the parser. */
export interface CsvGrid extends TextGrid {
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
 * quoting (fields in double quotes may hold delimiters, line breaks and `""` for a quote), CRLF or
 * LF line ends (CR alone when the text has no LF), a leading byte-order mark ignored, a final line
 * end optional; a quote inside an unquoted field is kept as text. With "whitespace",
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
    readonly text: string,
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

  textRange(row: number, column: number, range: Int32Array): boolean {
    const field = this.rowStarts[row] + column;
    if (column >= this.rowStarts[row + 1] - this.rowStarts[row] || this.fieldEnds[field] < 0) return false;
    range[0] = this.fieldStarts[field];
    range[1] = this.fieldEnds[field];
    return true;
  }
}

/** Growable field and row offset arrays, first sized for `expectedRows` rows and `expectedFields` fields. */
class FieldWriter {
  fieldStarts: Int32Array<ArrayBuffer>;
  fieldEnds: Int32Array<ArrayBuffer>;
  rowStarts: Int32Array<ArrayBuffer>;
  fields = 0;
  rows = 0;

  constructor(expectedRows: number, expectedFields: number) {
    this.rowStarts = new Int32Array(expectedRows + 2);
    this.fieldStarts = new Int32Array(expectedFields);
    this.fieldEnds = new Int32Array(expectedFields);
  }

  startRow(): void {
    if (this.rows + 2 > this.rowStarts.length) this.rowStarts = grow(this.rowStarts);
    this.rowStarts[this.rows++] = this.fields;
  }

  field(start: number, end: number): void {
    if (this.fields === this.fieldStarts.length) {
      this.fieldStarts = grow(this.fieldStarts);
      this.fieldEnds = grow(this.fieldEnds);
    }
    this.fieldStarts[this.fields] = start;
    this.fieldEnds[this.fields++] = end;
  }
}

/**
 * Splits the text into fields. Lines without a quote (nearly all) are split with `indexOf`, which
 * is several times faster than a loop over characters; the rare quoted record goes through
 * {@link scanQuotedRecord}. `nextQuote` and `nextSeparator` only move forward, so the text is
 * searched once whatever the line lengths.
 */
function scan(text: string, delimiter: CsvDelimiter): OffsetGrid {
  const whitespace = delimiter === "whitespace";
  const length = text.length;
  // Lines end with LF (CRLF counts as LF); a text with no LF at all may end its lines with CR.
  const lineBreak = text.indexOf("\n") < 0 && text.indexOf("\r") >= 0 ? "\r" : "\n";
  // Sized from the first lines: growing by doubling, i.e. copying, took a quarter of the scan's time at a million rows.
  const { rows: expectedRows, fields: expectedFields } = estimateShape(text, lineBreak, delimiter);
  const out = new FieldWriter(expectedRows, expectedFields);
  let position = length > 0 && text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  let line = 1;
  let nextQuote = text.indexOf('"', position);
  let nextSeparator = whitespace ? -1 : text.indexOf(delimiter, position);
  while (position < length) {
    let lineEnd = text.indexOf(lineBreak, position);
    if (lineEnd < 0) lineEnd = length;
    if (nextQuote >= 0 && nextQuote < position) nextQuote = text.indexOf('"', position);
    if (nextQuote >= 0 && nextQuote < lineEnd) {
      const record = scanQuotedRecord(text, position, whitespace ? -1 : delimiter.charCodeAt(0), lineBreak.charCodeAt(0), line, out);
      line = record.line;
      position = record.position;
      continue;
    }
    const contentEnd = lineEnd > position && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
    out.startRow();
    if (whitespace) {
      splitOnWhitespace(text, position, contentEnd, out);
    } else {
      let start = position;
      for (;;) {
        if (nextSeparator >= 0 && nextSeparator < start) nextSeparator = text.indexOf(delimiter, start);
        if (nextSeparator < 0 || nextSeparator >= contentEnd) break;
        out.field(start, nextSeparator);
        start = nextSeparator + 1;
      }
      out.field(start, contentEnd);
    }
    position = lineEnd + 1;
    line++;
  }
  out.rowStarts[out.rows] = out.fields;
  return new OffsetGrid(delimiter, out.rows, text, out.rowStarts, out.fieldStarts, out.fieldEnds);
}

/**
 * Rows and fields a text probably holds: those of its first lines (up to 64 KiB), scaled to its length,
 * plus a tenth; never more fields than characters (a field takes at least a delimiter or a line break).
 */
function estimateShape(text: string, lineBreak: string, delimiter: CsvDelimiter): { rows: number; fields: number } {
  const sampleEnd = Math.min(text.length, DETECTION_CHARS);
  let lines = 0;
  let end = 0;
  for (let at = text.indexOf(lineBreak); at >= 0 && at < sampleEnd; at = text.indexOf(lineBreak, at + 1)) {
    lines++;
    end = at + 1;
  }
  if (lines === 0) return { rows: 16, fields: 256 };
  let fields = lines;
  if (delimiter === "whitespace") fields = text.slice(0, end).trim().split(/\s+/).length;
  else for (let at = text.indexOf(delimiter); at >= 0 && at < end; at = text.indexOf(delimiter, at + 1)) fields++;
  const scale = (1.1 * text.length) / end;
  return { rows: Math.ceil(lines * scale) + 16, fields: Math.min(Math.ceil(fields * scale), text.length) + 16 };
}

function splitOnWhitespace(text: string, from: number, to: number, out: FieldWriter): void {
  let position = from;
  for (;;) {
    let code = position < to ? text.charCodeAt(position) : -1;
    while (code === SPACE || code === TAB) code = ++position < to ? text.charCodeAt(position) : -1;
    if (code === -1) return;
    const start = position;
    while (code !== SPACE && code !== TAB && code !== -1) code = ++position < to ? text.charCodeAt(position) : -1;
    out.field(start, position);
  }
}

/**
 * Reads one record that holds a quote, character by character, from `position` to just after its
 * line break (which may lie several lines on, inside quotes). `separator` is -1 for whitespace.
 */
function scanQuotedRecord(
  text: string,
  position: number,
  separator: number,
  lineBreak: number,
  line: number,
  out: FieldWriter
): { position: number; line: number } {
  const whitespace = separator < 0;
  const length = text.length;
  const at = (index: number) => (index < length ? text.charCodeAt(index) : -1);
  const endsLine = (index: number) => {
    const code = at(index);
    return code === -1 || code === lineBreak || (code === CR && at(index + 1) === LF);
  };
  const isBlank = (code: number) => whitespace && (code === SPACE || code === TAB);
  let lines = line;
  out.startRow();
  while (isBlank(at(position))) position++;
  while (!endsLine(position)) {
    if (at(position) === QUOTE) {
      const start = position + 1;
      let escaped = false;
      let close = text.indexOf('"', start);
      while (close >= 0 && at(close + 1) === QUOTE) {
        escaped = true;
        close = text.indexOf('"', close + 2);
      }
      if (close < 0) throw new ClvError("value", `CSV line ${lines}: a quoted field is never closed`);
      lines += countLineBreaks(text, start, close);
      out.field(start, escaped ? ~close : close);
      position = close + 1;
      if (!endsLine(position) && at(position) !== separator && !isBlank(at(position))) {
        throw new ClvError("value", `CSV line ${lines}: a closing quote must be followed by a delimiter or a line end`);
      }
    } else {
      const start = position;
      while (!endsLine(position) && at(position) !== separator && !(whitespace && isBlank(at(position)))) position++;
      out.field(start, position);
    }
    if (whitespace) {
      while (isBlank(at(position))) position++;
    } else if (at(position) === separator) {
      position++;
      if (endsLine(position)) out.field(position, position);
    }
  }
  if (at(position) === CR && lineBreak === LF) position++;
  return { position: position + 1, line: lines + 1 };
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
