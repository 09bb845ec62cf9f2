/**
 * Text as UTF-8 bytes, for the readers that read cells in place: V8 reads a typed array's bytes about
 * twice as fast as a string's characters (`charCodeAt`), and a file's bytes need not be decoded whole.
 */

/**
 * The WHATWG Encoding API, as far as used here: a global of every runtime the engine runs in (Web
 * Workers, browsers, Node), though not of ECMAScript, whose types alone the engine compiles with.
 */
interface EncodingApi {
  TextEncoder: new () => {
    encode(text: string): Uint8Array;
    encodeInto(text: string, into: Uint8Array): { written: number };
  };
  TextDecoder: new () => { decode(bytes: Uint8Array): string };
}
const encoding = globalThis as unknown as EncodingApi;
const encoder = new encoding.TextEncoder();
const decoder = new encoding.TextDecoder();

/**
 * The UTF-8 bytes of `text`, in a new array.
 *
 * @example encodeUtf8("é1") // Uint8Array [195, 169, 49]
 */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * A reused buffer for the UTF-8 bytes of one string at a time: for passing strings to functions that
 * read bytes, without a new array per string. ASCII text is copied character by character (no encoder call).
 *
 * @example const scratch = new Utf8Scratch(); scratch.encode("C1é"); // 4: scratch.bytes starts 67, 49, 195, 169
 */
export class Utf8Scratch {
  bytes = new Uint8Array(64);

  /** Writes the UTF-8 bytes of `text` to the start of `bytes` (grown as needed) and returns their count. */
  encode(text: string): number {
    if (this.bytes.length < 3 * text.length) this.bytes = new Uint8Array(3 * text.length);
    const bytes = this.bytes;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code >= 0x80) return encoder.encodeInto(text, bytes).written;
      bytes[index] = code;
    }
    return text.length;
  }
}

/** Ranges up to this long are decoded by hand when they are ASCII: a decoder call costs about four times as much. */
const SHORT_RANGE = 24;

/**
 * The text of the UTF-8 bytes[start, end) (an invalid sequence reads as U+FFFD, as when a file is decoded).
 *
 * @example decodeUtf8(new Uint8Array([67, 49, 44, 67, 50]), 3, 5) // "C2"
 */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= SHORT_RANGE) {
    let text = "";
    let at = start;
    for (; at < end && bytes[at] < 0x80; at++) text += String.fromCharCode(bytes[at]);
    if (at === end) return text;
  }
  return decoder.decode(bytes.subarray(start, end));
}

/**
 * The texts of many UTF-8 ranges, all lying in `bytes` one after another (range k is bytes[ends[k - 1],
 * ends[k]), the first from 0): one decoder call for all of them, then each cut from its result, at
 * about a tenth of the cost of one decoder call per range. (ASCII ranges only are cut: a text with
 * other characters is decoded range by range.)
 *
 * @example decodeUtf8Ranges(new Uint8Array([67, 49, 67, 50, 50]), new Int32Array([2, 5]), 2) // ["C1", "C22"]
 */
export function decodeUtf8Ranges(bytes: Uint8Array, ends: Int32Array, count: number): string[] {
  const length = count === 0 ? 0 : ends[count - 1];
  const text = decoder.decode(bytes.subarray(0, length));
  // Every byte is one character exactly when the lengths agree (no sequence gives more characters than bytes).
  const oneCharacterPerByte = text.length === length;
  const texts = new Array<string>(count);
  for (let k = 0, start = 0; k < count; start = ends[k++]) {
    texts[k] = oneCharacterPerByte ? text.slice(start, ends[k]) : decodeUtf8(bytes, start, ends[k]);
  }
  return texts;
}
