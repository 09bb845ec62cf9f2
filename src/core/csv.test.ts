import { describeWithSharedData, readSharedText } from "../../test/sharedData";
import { type CsvGrid, detectDelimiter, parseCsv } from "./csv";
import { ClvError } from "./errors";

/** All rows of a grid as arrays of strings. */
const rowsOf = (grid: CsvGrid) =>
  Array.from({ length: grid.rowCount }, (_, row) => Array.from({ length: grid.width(row) }, (_, column) => grid.cell(row, column)));

describe("RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180, section 2)", () => {
  test("CRLF records, the last one without a line break", () => {
    expect(rowsOf(parseCsv("aaa,bbb,ccc\r\nzzz,yyy,xxx"))).toEqual([
      ["aaa", "bbb", "ccc"],
      ["zzz", "yyy", "xxx"],
    ]);
  });

  test("a final line break adds no row", () => {
    expect(parseCsv("a,b\r\nc,d\r\n").rowCount).toBe(2);
    expect(parseCsv("a,b\nc,d\n").rowCount).toBe(2);
  });

  test("quoted fields hold delimiters, line breaks and doubled quotes", () => {
    expect(rowsOf(parseCsv('"aaa","b\r\nbb","ccc"\r\nzzz,"y""yy",xxx\r\n'))).toEqual([
      ["aaa", "b\r\nbb", "ccc"],
      ["zzz", 'y"yy', "xxx"],
    ]);
  });

  test("empty fields, also at the ends of a line", () => {
    expect(rowsOf(parseCsv(',a,,\n"",b\n'))).toEqual([
      ["", "a", "", ""],
      ["", "b"],
    ]);
  });

  test("spaces are part of a field", () => {
    expect(rowsOf(parseCsv(" a , b \n"))).toEqual([[" a ", " b "]]);
  });

  test("an empty line is a row with one empty field (a blank row for parseTransactions)", () => {
    expect(rowsOf(parseCsv("a,b\n\nc,d\n"))).toEqual([["a", "b"], [""], ["c", "d"]]);
  });

  test("a cell beyond a short row reads as empty", () => {
    const grid = parseCsv("a,b,c\nd\n");
    expect(grid.width(1)).toBe(1);
    expect(grid.cell(1, 2)).toBe("");
  });

  test("more rows than the first 64 KiB suggest still read in full (the table of row starts grows)", () => {
    // 1,000 lines of 99 characters and a line break (100,000 bytes, the first 64 KiB hold 655 of them),
    // then 20,000 lines "1": 21,000 rows, 13 times the 1,556 estimated (655 x 1.1 x 140,000 / 65,500, plus 16).
    const text = `${"x".repeat(99)}\n`.repeat(1000) + "1\n".repeat(20_000);
    const grid = parseCsv(text, { delimiter: "," });
    expect(grid.rowCount).toBe(21_000);
    expect([grid.cell(999, 0).length, grid.cell(1000, 0), grid.cell(20_999, 0), grid.cell(20_999, 1)]).toEqual([99, "1", "1", ""]);
  });

  test("line ends are found four bytes at a time: lines of every length at every alignment, in aligned and unaligned bytes", () => {
    // Reference: String.prototype.split on the same text. Lines of 0 to 12 characters in a scrambled
    // order (so line breaks fall at every position of a 4-byte word), 1,003 bytes in all (not a multiple of 4).
    const lines = Array.from({ length: 130 }, (_, k) => "ab,cdefghij".slice(0, (k * 7) % 13));
    const text = `${lines.join("\n")}\nend`;
    const expected = text.split("\n").map((line) => line.split(","));
    const encoded = new TextEncoder().encode(text);
    const unaligned = new Uint8Array(encoded.length + 1);
    unaligned.set(encoded, 1);
    for (const bytes of [encoded, unaligned.subarray(1)]) {
      expect(bytes.length % 4).not.toBe(0);
      expect(rowsOf(parseCsv(bytes, { delimiter: "," }))).toEqual(expected);
    }
  });

  test("UTF-8 bytes and the same text as a string read alike: other scripts, quotes, a byte-order mark", () => {
    const text = '\uFEFFid,name,amount\r\n1,张三,¥12\r\n2,"李,四 ""老板""",€3\r\n3,😀,1\r\n';
    const expected = [
      ["id", "name", "amount"],
      ["1", "张三", "¥12"],
      ["2", '李,四 "老板"', "€3"],
      ["3", "😀", "1"],
    ];
    expect(rowsOf(parseCsv(text))).toEqual(expected);
    expect(rowsOf(parseCsv(new TextEncoder().encode(text)))).toEqual(expected);
  });

  test("a byte-order mark is ignored", () => {
    expect(rowsOf(parseCsv("\uFEFFid,amount\n1,2\n"))).toEqual([
      ["id", "amount"],
      ["1", "2"],
    ]);
  });

  test("lines may end with CR alone when the text has no LF", () => {
    expect(rowsOf(parseCsv("a,b\rc,d\r"))).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  test("an unclosed quote and text after a closing quote are errors with the line number", () => {
    expect(() => parseCsv('a,b\nc,"d\n')).toThrow(ClvError);
    expect(() => parseCsv('a,b\nc,"d\n')).toThrow("CSV line 2: a quoted field is never closed");
    expect(() => parseCsv('a,b\nc,"d"x,e\n')).toThrow("CSV line 2: a closing quote must be followed by a delimiter or a line end");
  });

  test("a quote inside an unquoted field is kept as is", () => {
    expect(rowsOf(parseCsv('12" pizza,3\n'))).toEqual([['12" pizza', "3"]]);
  });
});

describe("delimiters", () => {
  test.each([
    ["customer,date,amount\nc1,2024-03-05,1.5\n", ","],
    ["customer;date;amount\nc1;05.03.2024;1,5\n", ";"], // decimal commas do not fool it
    ["customer\tdate\tamount\nc1\t2024-03-05\t1,5\n", "\t"],
    [" customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n", "whitespace"],
    ["id\n1\n2\n", ","], // one column
    ['"a,b";c\n"d,e";f\n', ";"], // delimiters inside quotes are not counted
  ])("%j -> %j", (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
    expect(parseCsv(text).delimiter).toBe(delimiter);
  });

  test("semicolons with decimal commas", () => {
    expect(rowsOf(parseCsv('id;amount\r\n"a;1";"1,5"\r\n'))).toEqual([
      ["id", "amount"],
      ["a;1", "1,5"],
    ]);
  });

  test("whitespace: runs of spaces and tabs, leading and trailing ones ignored, quotes still group", () => {
    const text = " 00004 0001 19970101  2   29.33\r\n\t00021\t0002  19970101 3 63.34  \r\n   \r\n\"a b\" c\r\n";
    expect(rowsOf(parseCsv(text, { delimiter: "whitespace" }))).toEqual([
      ["00004", "0001", "19970101", "2", "29.33"],
      ["00021", "0002", "19970101", "3", "63.34"],
      [],
      ["a b", "c"],
    ]);
  });

  test("a given delimiter is used as given", () => {
    expect(rowsOf(parseCsv("a;b,c\n", { delimiter: "," }))).toEqual([["a;b", "c"]]);
  });
});

describeWithSharedData("CDNOW files (shared/data/README.md)", ["CDNOW_master.txt", "CDNOW_sample.txt", "example_transactions.csv"], () => {
  test("CDNOW_master.txt: a header line and 69,659 rows of 4 whitespace-separated fields", () => {
    const grid = parseCsv(readSharedText("CDNOW_master.txt"));
    expect(grid.delimiter).toBe("whitespace");
    expect(grid.rowCount).toBe(69_660);
    expect([0, 1, 2, 3].map((column) => grid.cell(0, column))).toEqual(["customer_id", "date", "number_of_cds", "dollar_value"]);
    expect([0, 1, 2, 3].map((column) => grid.cell(1, column))).toEqual(["00001", "19970101", "1", "11.77"]);
    for (let row = 0; row < grid.rowCount; row++) expect(grid.width(row)).toBe(4);
  });

  test("CDNOW_sample.txt: 6,919 rows of 5 fields", () => {
    const grid = parseCsv(readSharedText("CDNOW_sample.txt"));
    expect(grid.rowCount).toBe(6_919);
    expect([0, 1, 2, 3, 4].map((column) => grid.cell(0, column))).toEqual(["00004", "0001", "19970101", "2", "29.33"]);
  });

  test("example_transactions.csv: a header and 15,273 comma-separated rows", () => {
    const grid = parseCsv(readSharedText("example_transactions.csv"));
    expect(grid.delimiter).toBe(",");
    expect(grid.rowCount).toBe(15_274);
    expect([grid.cell(1, 0), grid.cell(1, 1)]).toEqual(["2014-03-08 00:00:00", "0"]);
  });
});
