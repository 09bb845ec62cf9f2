import { ClvError } from "./errors";
import type { ByteGrid } from "./transactions/cellGrid";
import { decodeUtf8, encodeUtf8 } from "./transactions/utf8";

/** Field separators the reader knows; "whitespace" = runs of spaces or tabs (e.g. CDNOW_master.txt). */
export type CsvDelimiter = "," | ";" | "\t" | "whitespace";

export interface CsvOptions {
  /** The separator; detected from the first lines when omitted (see {@link detectDelimiter}). */
  delimiter?: CsvDelimiter;
}

/** A parsed delimited text: every cell is a string ("" when empty or beyond its row), read in place by the parser. */
export interface CsvGrid extends ByteGrid {
  readonly delimiter: CsvDelimiter;
  cell(row: number, column: number): string;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
/** The byte-order mark U+FEFF in UTF-8. */
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];
/** Lines examined to detect the delimiter. */
const DETECTION_LINES = 10;
/** Bytes (or characters) examined to detect the delimiter. */
const DETECTION_CHARS = 65_536;

/**
 * Reads delimited text, as UTF-8 bytes (a file's contents) or a string, into a {@link CsvGrid} that
 * `parseTransactions` reads directly: RFC 4180 quoting (fields in double quotes may hold delimiters,
 * line breaks and `""` for a quote), CRLF or LF line ends (CR alone when the text has no LF), a
 * leading byte-order mark ignored, a final line end optional; a quote inside an unquoted field is kept
 * as text. With "whitespace", fields are separated by runs of spaces or tabs and leading and trailing
 * ones are ignored (quotes still group). The bytes are scanned once for line ends and only where each
 * row starts is stored (one 32-bit integer per row; records holding a quote also keep their field
 * offsets): a row's fields are found when it is read, and a cell's string is decoded only then. Rows
 * are records: a quoted field spanning lines makes later row numbers differ from line numbers. Cost:
 * O(length of text).
 *
 * @throws ClvError `value` when a quote is never closed or is followed by something other than a delimiter
 * @example parseCsv('id;amount\r\n"a;1";"1,5"\r\n').cell(1, 0) // "a;1"
 */
export function parseCsv(text: string | Uint8Array, options: CsvOptions = {}): CsvGrid {
  // A plain view of a byte array of another class (Node's Buffer): the readers' loops then see one kind of array.
  const bytes = typeof text === "string" ? encodeUtf8(text) : new Uint8Array(text.buffer, text.byteOffset, text.byteLength);
  const delimiter = options.delimiter ?? detectDelimiter(decodeUtf8(bytes, 0, Math.min(bytes.length, DETECTION_CHARS)));
  return scan(bytes, delimiter);
}

/**
 * The rows of a text as where each starts; fields are found on reading. The parser reads a row's
 * columns left to right, so the last field found is remembered and the next one searched from there:
 * each field is passed over once, as a scan storing every field's offsets would, without writing and
 * re-reading those offsets (32 MB for a million rows of four fields).
 */
class LineGrid implements CsvGrid {
  /** The field last found: its row, column and byte range. */
  private row = -1;
  private column = -1;
  private start = 0;
  private end = 0;
  /** Where the content of the row last found ends (before its line break). */
  private contentEnd = 0;
  /** The delimiter's byte; -1 for whitespace. */
  private readonly separator: number;

  constructor(
    readonly delimiter: CsvDelimiter,
    readonly rowCount: number,
    readonly bytes: Uint8Array,
    /** Where each row starts, `~start` for a record holding a quote; one more entry: where a next row would start. */
    private readonly rowStarts: Int32Array,
    /** Field offsets of records holding a quote: start and end per field, `~end` for a field holding `""`. */
    private readonly quotedFields: Map<number, Int32Array>
  ) {
    this.separator = delimiter === "whitespace" ? -1 : delimiter.charCodeAt(0);
  }

  width(row: number): number {
    if (this.rowStarts[row] < 0) return (this.quotedFields.get(row) as Int32Array).length / 2;
    let width = 0;
    while (this.find(row, width)) width++;
    return width;
  }

  cell(row: number, column: number): string {
    if (this.rowStarts[row] >= 0) return this.find(row, column) ? decodeUtf8(this.bytes, this.start, this.end) : "";
    const quoted = this.quotedFields.get(row) as Int32Array;
    if (2 * column >= quoted.length) return "";
    const end = quoted[2 * column + 1];
    if (end >= 0) return decodeUtf8(this.bytes, quoted[2 * column], end);
    return decodeUtf8(this.bytes, quoted[2 * column], ~end).replace(/""/g, '"');
  }

  byteRange(row: number, column: number, range: Int32Array): boolean {
    if (this.rowStarts[row] < 0) {
      const quoted = this.quotedFields.get(row) as Int32Array;
      if (2 * column >= quoted.length || quoted[2 * column + 1] < 0) return false;
      range[0] = quoted[2 * column];
      range[1] = quoted[2 * column + 1];
      return true;
    }
    if (!this.find(row, column)) return false;
    range[0] = this.start;
    range[1] = this.end;
    return true;
  }

  /** Finds field (row, column) of a record without quotes into `start` and `end`; false when the row has fewer fields. */
  private find(row: number, column: number): boolean {
    if (row !== this.row || column < this.column) this.enter(row);
    if (this.separator < 0) return this.findBetweenBlanks(column);
    // Fields are short: a loop over their bytes is faster here than a search by words.
    const bytes = this.bytes;
    const separator = this.separator;
    const contentEnd = this.contentEnd;
    let end = this.end;
    for (; this.column < column; this.column++) {
      if (end >= contentEnd) {
        this.end = end;
        return false;
      }
      this.start = ++end;
      while (end < contentEnd && bytes[end] !== separator) end++;
    }
    this.end = end;
    return true;
  }

  /** Makes `row` the current row, before its first field. */
  private enter(row: number): void {
    const start = this.rowStarts[row];
    const next = this.rowStarts[row + 1];
    // The row's line break is just before the next row's start (see `scan`).
    const lineBreak = (next < 0 ? ~next : next) - 1;
    this.row = row;
    this.column = -1;
    this.end = start - 1; // as if a delimiter preceded the first field
    this.contentEnd = lineBreak > start && this.bytes[lineBreak - 1] === CR ? lineBreak - 1 : lineBreak;
  }

  /** {@link find} for the "whitespace" delimiter. */
  private findBetweenBlanks(column: number): boolean {
    const bytes = this.bytes;
    const contentEnd = this.contentEnd;
    while (this.column < column) {
      let position = this.end + 1;
      while (position < contentEnd && (bytes[position] === SPACE || bytes[position] === TAB)) position++;
      if (position >= contentEnd) return false;
      this.start = position;
      while (position < contentEnd && bytes[position] !== SPACE && bytes[position] !== TAB) position++;
      this.end = position;
      this.column++;
    }
    return true;
  }
}

/**
 * Finds where each row starts. Lines end with LF (CRLF counts as LF); a text with no LF at all may
 * end its lines with CR. A record holding a quote goes through {@link scanQuotedRecord}, which keeps
 * its field offsets; `nextQuote` only moves forward, so the text is searched for quotes once.
 */
function scan(bytes: Uint8Array, delimiter: CsvDelimiter): LineGrid {
  const length = bytes.length;
  const lineBreak = bytes.indexOf(LF) < 0 && bytes.indexOf(CR) >= 0 ? CR : LF;
  // Sized from the first lines: growing by doubling, i.e. copying, is slower.
  let rowStarts = new Int32Array(estimateRows(bytes, lineBreak));
  const quotedFields = new Map<number, Int32Array>();
  let rows = 0;
  let position = BYTE_ORDER_MARK.every((byte, index) => bytes[index] === byte) ? BYTE_ORDER_MARK.length : 0;
  let line = 1;
  let nextQuote = bytes.indexOf(QUOTE, position);
  const lineBreaks = new ByteFinder(bytes, lineBreak);
  while (position < length) {
    if (rows + 2 > rowStarts.length) rowStarts = grow(rowStarts);
    const lineEnd = lineBreaks.next(position, length);
    if (nextQuote >= 0 && nextQuote < position) nextQuote = bytes.indexOf(QUOTE, position);
    if (nextQuote >= 0 && nextQuote < lineEnd) {
      const separator = delimiter === "whitespace" ? -1 : delimiter.charCodeAt(0);
      const record = scanQuotedRecord(bytes, position, separator, lineBreak, line);
      quotedFields.set(rows, Int32Array.from(record.fields));
      rowStarts[rows++] = ~position;
      line = record.line;
      position = record.position;
      continue;
    }
    rowStarts[rows++] = position;
    position = lineEnd + 1;
    line++;
  }
  // Just past the last row's line break, or one past the end when it has none.
  rowStarts[rows] = position;
  return new LineGrid(delimiter, rows, bytes, rowStarts, quotedFields);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Finds one byte value in a byte array four bytes at a time (a word whose bytes XOR the value holds a
 * zero byte where it occurs: "Bit Twiddling Hacks", Determine if a word has a zero byte): three times
 * faster than a loop over bytes, as fast as a string's `indexOf`. A loop over bytes serves arrays not
 * aligned to four bytes and big-endian processors.
 */
class ByteFinder {
  private readonly words: Int32Array | null;
  private readonly pattern: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly value: number
  ) {
    this.words = LITTLE_ENDIAN && bytes.byteOffset % 4 === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : null;
    this.pattern = Math.imul(value, 0x01010101);
  }

  /** The first index of the value in [from, end); `end` when there is none. */
  next(from: number, end: number): number {
    const { bytes, words, value } = this;
    let at = from;
    if (words !== null) {
      for (; (at & 3) !== 0 && at < end; at++) if (bytes[at] === value) return at;
      if (at >= end) return end;
      const endWord = Math.min(words.length, (end + 3) >> 2);
      for (let word = at >> 2; word < endWord; word++) {
        const differences = words[word] ^ this.pattern;
        // The lowest byte flagged is the first zero byte of `differences` (little-endian: the first in memory).
        const zeroBytes = (differences - 0x01010101) & ~differences & 0x80808080;
        if (zeroBytes !== 0) return Math.min(end, 4 * word + ((31 - Math.clz32(zeroBytes & -zeroBytes)) >> 3));
      }
      at = Math.max(at, 4 * endWord);
    }
    for (; at < end; at++) if (bytes[at] === value) return at;
    return end;
  }
}

/** Rows a text probably holds: the lines of its first 64 KiB scaled to its length, plus a tenth. */
function estimateRows(bytes: Uint8Array, lineBreak: number): number {
  const sampleEnd = Math.min(bytes.length, DETECTION_CHARS);
  let lines = 0;
  let end = 0;
  for (let at = 0; at < sampleEnd; at++) {
    if (bytes[at] !== lineBreak) continue;
    lines++;
    end = at + 1;
  }
  return lines === 0 ? 16 : Math.ceil((lines * 1.1 * bytes.length) / end) + 16;
}

/**
 * Reads one record that holds a quote, byte by byte, from `position` to just after its line break
 * (which may lie several lines on, inside quotes). `separator` is -1 for whitespace. Returns the
 * fields' offsets (start, end per field; `~end` for a quoted field holding `""`).
 */
function scanQuotedRecord(
  bytes: Uint8Array,
  position: number,
  separator: number,
  lineBreak: number,
  line: number
): { position: number; line: number; fields: number[] } {
  const whitespace = separator < 0;
  const length = bytes.length;
  const at = (index: number) => (index < length ? bytes[index] : -1);
  const endsLine = (index: number) => {
    const code = at(index);
    return code === -1 || code === lineBreak || (code === CR && at(index + 1) === LF);
  };
  const isBlank = (code: number) => whitespace && (code === SPACE || code === TAB);
  const fields: number[] = [];
  let lines = line;
  while (isBlank(at(position))) position++;
  while (!endsLine(position)) {
    if (at(position) === QUOTE) {
      const start = position + 1;
      let escaped = false;
      let close = bytes.indexOf(QUOTE, start);
      while (close >= 0 && at(close + 1) === QUOTE) {
        escaped = true;
        close = bytes.indexOf(QUOTE, close + 2);
      }
      if (close < 0) throw new ClvError("value", `CSV line ${lines}: a quoted field is never closed`);
      lines += countLineBreaks(bytes, start, close);
      fields.push(start, escaped ? ~close : close);
      position = close + 1;
      if (!endsLine(position) && at(position) !== separator && !isBlank(at(position))) {
        throw new ClvError("value", `CSV line ${lines}: a closing quote must be followed by a delimiter or a line end`);
      }
    } else {
      const start = position;
      while (!endsLine(position) && at(position) !== separator && !(whitespace && isBlank(at(position)))) position++;
      fields.push(start, position);
    }
    if (whitespace) {
      while (isBlank(at(position))) position++;
    } else if (at(position) === separator) {
      position++;
      if (endsLine(position)) fields.push(position, position);
    }
  }
  if (at(position) === CR && lineBreak === LF) position++;
  return { position: position + 1, line: lines + 1, fields };
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

function countLineBreaks(bytes: Uint8Array, start: number, end: number): number {
  let breaks = 0;
  for (let index = start; index < end; index++) if (bytes[index] === LF) breaks++;
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
