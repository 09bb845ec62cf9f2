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

  test("rows with more fields per character than the first 64 KiB still read in full (the offset arrays grow)", () => {
    // 6,000 lines of one field (11 characters each: 66,000, past the 65,536 sampled), then 6,000 of ten
    // fields (1,2,...,9,0): 6,000 + 60,000 = 66,000 fields, about four times the estimate from the sample.
    const text = "abcdefghij\n".repeat(6000) + "1,2,3,4,5,6,7,8,9,0\n".repeat(6000);
    const grid = parseCsv(text, { delimiter: "," });
    expect(grid.rowCount).toBe(12_000);
    let fields = 0;
    for (let row = 0; row < grid.rowCount; row++) fields += grid.width(row);
    expect(fields).toBe(66_000);
    expect([grid.cell(5999, 0), grid.cell(6000, 0), grid.cell(11_999, 8), grid.cell(11_999, 9)]).toEqual(["abcdefghij", "1", "9", "0"]);
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
