import { Utf8Scratch, decodeUtf8, decodeUtf8Ranges, encodeUtf8 } from "./utf8";

// Reference encoder and decoder: the platform's TextEncoder and TextDecoder.
const encode = (text: string) => new TextEncoder().encode(text);

test("Utf8Scratch gives the UTF-8 bytes of ASCII and of other text, as TextEncoder does", () => {
  const scratch = new Utf8Scratch();
  for (const text of ["C1042", "", "2024-03-05", "张三", "é", "e\u0301", "😀x", "a\u0000b", "C1"]) {
    const length = scratch.encode(text);
    expect(Array.from(scratch.bytes.subarray(0, length))).toEqual(Array.from(encode(text)));
  }
});

test("Utf8Scratch grows for long text", () => {
  const scratch = new Utf8Scratch();
  expect(scratch.encode("张".repeat(1000))).toBe(3000);
  expect(scratch.bytes.subarray(2997, 3000)).toEqual(encode("张"));
});

test("encodeUtf8 gives TextEncoder's bytes in a new array", () => {
  expect(Array.from(encodeUtf8("é1"))).toEqual([195, 169, 49]);
  expect(encodeUtf8("张三")).toEqual(encode("张三"));
});

test("decodeUtf8 reads a range of bytes: short ASCII (decoded by hand), other scripts, long ranges, invalid bytes", () => {
  const bytes = encode("C1,张三,x,a customer name longer than 24 bytes");
  expect(decodeUtf8(bytes, 0, 2)).toBe("C1");
  expect(decodeUtf8(bytes, 3, 9)).toBe("张三");
  expect(decodeUtf8(bytes, 12, bytes.length)).toBe("a customer name longer than 24 bytes");
  expect(decodeUtf8(bytes, 2, 2)).toBe("");
  expect(decodeUtf8(Uint8Array.of(0x41, 0xe2, 0x82), 0, 3)).toBe("A\ufffd");
});

describe("decodeUtf8Ranges", () => {
  const rangesOf = (texts: string[]) => {
    const parts = texts.map(encode);
    const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    const ends = new Int32Array(parts.length);
    parts.reduce((at, part, k) => {
      bytes.set(part, at);
      ends[k] = at + part.length;
      return ends[k];
    }, 0);
    return { bytes, ends };
  };

  test("ASCII ranges, empty ones included, are cut from one decoded text", () => {
    const texts = ["C1", "", "C22", "a long customer name", "x"];
    const { bytes, ends } = rangesOf(texts);
    expect(decodeUtf8Ranges(bytes, ends, texts.length)).toEqual(texts);
  });

  test("ranges holding other characters are decoded one by one", () => {
    const texts = ["C1", "张三", "é", "😀", "e\u0301"];
    const { bytes, ends } = rangesOf(texts);
    expect(decodeUtf8Ranges(bytes, ends, texts.length)).toEqual(texts);
  });

  test("an invalid sequence reads as U+FFFD within its own range, even where joined ranges would decode otherwise", () => {
    // 0xE2 0x82 0xAC is "€": split over two ranges, each part is invalid alone (TextDecoder: one U+FFFD per maximal part).
    const bytes = Uint8Array.of(0x61, 0xe2, 0x82, 0xac, 0x62);
    expect(decodeUtf8Ranges(bytes, Int32Array.of(2, 5), 2)).toEqual(["a\ufffd", "\ufffd\ufffdb"]);
    expect(decodeUtf8Ranges(Uint8Array.of(0x80, 0x41), Int32Array.of(1, 2), 2)).toEqual(["\ufffd", "A"]);
  });

  test("only the first `count` ranges are decoded", () => {
    const { bytes, ends } = rangesOf(["a", "b", "c"]);
    expect(decodeUtf8Ranges(bytes, ends, 2)).toEqual(["a", "b"]);
    expect(decodeUtf8Ranges(bytes, ends, 0)).toEqual([]);
  });
});
