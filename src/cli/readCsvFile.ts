import { isUtf8 } from "buffer";
import { readFileSync } from "fs";
import { ClvError } from "../core/errors";

/** Byte-order marks of UTF-16, as Excel's "Unicode Text" files start. */
const UTF16_MARKS = [
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

/**
 * A text file's contents for `parseCsv`: its bytes as they are when they are UTF-8 (the parser reads them
 * in place), else its text decoded from `encoding` (a WHATWG label such as gb18030 or windows-1252), or
 * from UTF-16 when the file starts with UTF-16's byte-order mark. Bytes that are not UTF-8 are never
 * read as U+FFFD silently: ids and headers would change.
 *
 * @throws ClvError `value` when the file cannot be read; when it is not UTF-8 and no encoding is given
 *   (the message names the first line that is not and the encodings Excel saves CSV in); when it is not
 *   valid text in the encoding given
 * @example readCsvFile("orders.csv") // Uint8Array of its bytes, for a UTF-8 file
 */
export function readCsvFile(file: string, encoding?: string): Uint8Array | string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new ClvError("value", `Cannot read ${file}: ${(error as Error).message}`);
  }
  const marked = UTF16_MARKS.find((mark) => mark.bytes.every((byte, index) => bytes[index] === byte));
  const from = encoding ?? marked?.encoding;
  if (from === undefined) {
    if (isUtf8(bytes)) return bytes;
    throw new ClvError(
      "value",
      `${file} is not UTF-8 text (line ${firstLineNotUtf8(bytes)} is not): save it as "CSV UTF-8", or name its encoding with ` +
        `--encoding (gb18030 for CSV that Excel saves in Chinese, windows-1252 in Western European languages)`
    );
  }
  try {
    return new TextDecoder(from, { fatal: true }).decode(bytes);
  } catch {
    throw new ClvError("value", `${file} is not ${from} text: name the encoding it was saved in with --encoding`);
  }
}

/** The number of the first line whose bytes are not UTF-8 (lines end with LF). */
function firstLineNotUtf8(bytes: Uint8Array): number {
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const end = bytes.indexOf(10, start);
    const stop = end < 0 ? bytes.length : end;
    if (!isUtf8(bytes.subarray(start, stop))) return line;
    start = stop + 1;
  }
  return line;
}
