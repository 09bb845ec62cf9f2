/** The `clv analyze` command line, on a hand-worked file and on the CDNOW sample (published values). */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/clv";
import { describeWithSharedData, sharedDataPath } from "./sharedData";

const ROOT = path.resolve(__dirname, "..");

/** Runs the command line in-process; returns its exit code and what it printed. */
function run(...args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, "log").mockImplementation((text: string) => void out.push(text));
  const error = jest.spyOn(console, "error").mockImplementation((text: string) => void err.push(text));
  try {
    return { code: main(args), out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clv-cli-"));
const small = path.join(dir, "small.csv");
// Two customers, window ends 2024-03-31. a: 2024-01-01 $10 and 2024-01-15 $30 (one repeat, mean spend 30);
// b: 2024-02-01 $20; row 4 has an impossible date and is rejected.
fs.writeFileSync(small, "customer,date,amount\na,2024-01-01,$10.00\na,2024-01-15,30\nb,2024-02-30,5\nb,2024-02-01,20\n");

describe("clv analyze", () => {
  test("prints the segment table, the models and the rejected row", () => {
    const { code, out } = run("analyze", small, "--period", "day", "--segment-by", "fourway", "--end", "2024-03-31");
    expect(code).toBe(0);
    expect(out).toMatch(/Rows: 3 used, 1 rejected/);
    expect(out).toMatch(/row 4, date: .*2024-02-30/i);
    expect(out).toMatch(/All customers\s+2\s+100\.0%\s+3\s+60\.00/); // 2 customers, 3 orders, revenue 10 + 30 + 20
  });

  test("--json gives rows, rejected, segments, model, spendModel and customers with the summary fields", () => {
    const { code, out } = run("analyze", small, "--period", "day", "--end", "2024-03-31", "--json");
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.rows).toMatchObject({ used: 3, rejected: 1 });
    expect(doc.rejected).toEqual([expect.objectContaining({ row: 4 })]);
    expect(Object.keys(doc.model.parameters)).toEqual(["r", "alpha", "a", "b"]);
    expect(Object.keys(doc.spendModel.parameters)).toEqual(["p", "q", "v"]);
    // a: x = 1 repeat day, t_x = 14 days, T = Jan 1 -> Mar 31 = 90 days, mean repeat spend 30
    expect(doc.customers[0]).toMatchObject({ id: "a", orders: 2, revenue: 40, frequency: 1, recency: 14, T: 90, monetary_value: 30 });
    expect(doc.customers[0]).toHaveProperty("p_alive");
    expect(doc.customers[0]).toHaveProperty("predicted_clv");
    // One customer per line, the document closed after them.
    expect(out).toMatch(/\n "customers": \[\n  \{"id":"a",[^\n]*\},\n  \{"id":"b",[^\n]*\}\n \]\n\}$/);
  });

  test("--date-order and --decimal read dates such as 03/05/2024 and amounts such as 1.234,50", () => {
    // Every date is ambiguous and no date settles the order; the amounts use a decimal comma (1.234,50 = 1234.5).
    const european = path.join(dir, "european.csv");
    fs.writeFileSync(european, 'customer;date;amount\nc1;03/05/2024;"1.234,50"\nc1;04/06/2024;"2,00"\n');
    const unread = run("analyze", european, "--period", "day");
    expect(unread.code).toBe(1);
    expect(unread.err).toBe(
      'clv: No usable transaction: 2 rows rejected, 0 blank; the first, row 2, column "date": ' +
        '"03/05/2024" could be day/month or month/day and no date in this column settles it; choose the date order'
    );
    const read = JSON.parse(run("analyze", european, "--period", "day", "--json", "--date-order", "day-first", "--decimal", "comma").out);
    expect(read.rows).toMatchObject({ used: 2, rejected: 0 });
    // Day first: 3 May and 4 June 2024, 32 days apart; revenue 1234.5 + 2 = 1236.5.
    expect(read.customers[0]).toMatchObject({ id: "c1", first_purchase: "2024-05-03", recency: 32, revenue: 1236.5 });
    expect(run("analyze", european, "--date-order", "ymd").err).toMatch(/--date-order must be one of day-first, month-first; got ymd/);
  });

  test("usage errors exit 2, unusable input exits 1, each with a message", () => {
    expect(run("analyze").code).toBe(2);
    expect(run("analyze", small, "--holdout", "0").err).toMatch(/--holdout must be a whole number of periods, 1 or more; got 0/);
    expect(run("analyze", small, "--holdout", "two").err).toMatch(/--holdout must be a number; got two/);
    expect(run("analyze", small, "--period", "year").err).toMatch(/--period must be one of day, week, month/);
    const missing = run("analyze", path.join(dir, "nope.csv"));
    expect([missing.code, missing.err]).toEqual([1, expect.stringMatching(/Cannot read .*nope\.csv/)]);
    expect(run("analyze", small, "--customer", "Z")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^clv: --customer Z: no such column \(headers: customer, date, amount; columns A \(1\) to C \(3\)\)/),
    });
    expect(run("analyze", small, "--margin", "1.5")).toMatchObject({ code: 1, err: "clv: The margin must be above 0 and at most 1 (0.3 = 30 % of revenue); got 1.5" });
    const empty = path.join(dir, "empty.csv");
    fs.writeFileSync(empty, "");
    expect(run("analyze", empty)).toMatchObject({ code: 1, err: "clv: The table has no data: every row is empty" });
    const noAmount = path.join(dir, "no-amount.csv");
    fs.writeFileSync(noAmount, "customer,date\na,2024-01-01\n");
    const result = run("analyze", noAmount);
    expect([result.code, result.err]).toEqual([1, expect.stringMatching(/which column holds the amount.*--amount COL/)]);
  });

  test("a file that is not UTF-8 is refused with the line and the encodings to try, and read with --encoding", () => {
    // "客户,日期,金额\n张三,2024-01-01,5\n李四,2024-01-03,7\n张三,2024-02-01,9\n" in GBK, as Excel saves CSV in Chinese
    // (bytes from Python's gbk codec: "客户".encode("gbk") = bf cd bb a7).
    const gbk = path.join(dir, "gbk.csv");
    fs.writeFileSync(
      gbk,
      Buffer.from(
        "bfcdbba72cc8d5c6da2cbdf0b6ee0ad5c5c8fd2c323032342d30312d30312c350ac0eecbc42c323032342d30312d30332c370ad5c5c8fd2c323032342d30322d30312c390a",
        "hex"
      )
    );
    const refused = run("analyze", gbk);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(
      `clv: ${gbk} is not UTF-8 text (line 1 is not): save it as "CSV UTF-8", or name its encoding with --encoding ` +
        "(gb18030 for CSV that Excel saves in Chinese, windows-1252 in Western European languages)"
    );
    const read = JSON.parse(run("analyze", gbk, "--encoding", "gb18030", "--period", "day", "--json").out);
    expect(read.customers.map((customer: { id: string; orders: number }) => [customer.id, customer.orders])).toEqual([["张三", 2], ["李四", 1]]);
    expect(run("analyze", gbk, "--encoding", "utf-16le").err).toMatch(/is not utf-16le text/);
    expect(run("analyze", gbk, "--encoding", "klingon")).toMatchObject({ code: 2, err: expect.stringMatching(/^clv: --encoding must be an encoding such as gb18030/) });
  });

  test("Excel's Unicode Text (UTF-16 with its byte-order mark, tab-separated) is read without --encoding", () => {
    const unicodeText = path.join(dir, "unicode.txt");
    fs.writeFileSync(unicodeText, Buffer.from("\ufeffcustomer\tdate\tamount\nÉlise\t2024-01-01\t5\nÉlise\t2024-01-15\t7\n", "utf16le"));
    const doc = JSON.parse(run("analyze", unicodeText, "--period", "day", "--json").out);
    expect(doc.customers.map((customer: { id: string; revenue: number }) => [customer.id, customer.revenue])).toEqual([["Élise", 12]]);
  });

  test("the installed bin runs the compiled command (built by npm install's prepare step)", () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, "bin", "clv.js"), "--help"], { encoding: "utf8" });
    expect(out).toMatch(/Usage: clv analyze/);
  });
});

describeWithSharedData("clv analyze on the CDNOW sample in weeks (Fader, Hardie & Lee 2005)", ["CDNOW_sample.txt"], () => {
  // CDNOW_sample.txt has no header: id_total, id_sample, date, cds, dollars. Calibration ends 1997-09-30.
  const TOLERANCE = 0.005; // relative: 3 significant digits
  const close = (actual: number, expected: number) => expect(Math.abs(actual / expected - 1)).toBeLessThan(TOLERANCE);
  let doc: any;
  beforeAll(() => {
    const { code, out, err } = run(
      "analyze", sharedDataPath("CDNOW_sample.txt"), "--no-header", "--customer", "B", "--date", "C", "--amount", "E",
      "--period", "week", "--end", "1997-09-30", "--json"
    );
    expect([code, err]).toEqual([0, ""]);
    doc = JSON.parse(out);
  });

  test("2,357 customers; 6,919 rows of which those after the calibration window are counted, not dropped", () => {
    expect(doc.customers).toHaveLength(2357);
    expect(doc.rows.used + doc.rows.afterEnd).toBe(6919);
  });

  test("BG/NBD r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4 (published)", () => {
    const { r, alpha, a, b } = doc.model.parameters;
    close(r, 0.243); close(alpha, 4.414); close(a, 0.793); close(b, 2.426);
    expect(doc.model.logLikelihood).toBeCloseTo(-9582.4, 0);
  });

  test("Gamma-Gamma p 6.25, q 3.74, v 15.44 on the 946 repeat buyers (Fader & Hardie note 025)", () => {
    const { p, q, v } = doc.spendModel.parameters;
    close(p, 6.25); close(q, 3.74); close(v, 15.44);
  });

  test("customer 1 (x = 2, t_x = 30.43, T = 38.86 weeks) has P(alive) 0.727 (FHL 2005)", () => {
    const one = doc.customers.find((c: { id: string }) => c.id === "0001");
    expect(one.frequency).toBe(2);
    close(one.p_alive, 0.727);
  });
});

describeWithSharedData("clv analyze --holdout on the whole CDNOW sample: weeks 1-39 calibration, 40-78 holdout (FHL 2005)", ["CDNOW_sample.txt"], () => {
  const args = ["analyze", sharedDataPath("CDNOW_sample.txt"), "--no-header", "--customer", "B", "--date", "C", "--amount", "E", "--period", "week", "--horizon", "12", "--holdout", "39"];

  test("--json: 1,882 actual and 1,653.4 predicted holdout purchases (FHL 2005: 1,654; lifetimes 0.11.3: 1,653.41), by frequency and per week", () => {
    const { code, out } = run(...args, "--json");
    expect(code).toBe(0);
    const { validation, intervals } = JSON.parse(out);
    expect(validation).toMatchObject({ calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30", holdoutPeriods: 39, customers: 2357, newInHoldout: 0 });
    expect(validation.errors.actual).toBe(1882);
    expect(Math.abs(validation.errors.predicted - 1653.41)).toBeLessThan(1e-4 * 1653.41);
    expect(validation.byFrequency.map((bin: { label: string }) => bin.label)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    expect(validation.tracking).toHaveLength(78);
    expect(validation.tracking[38]).toMatchObject({ period: 39, end: "1997-09-30", window: "calibration", actual: 2457 });
    for (const interval of [...intervals.segments, intervals.total]) {
      expect(interval.low).toBeLessThan(interval.mean);
      expect(interval.high).toBeGreaterThan(interval.mean);
    }
  });

  test("text: the holdout error and the table by calibration frequency", () => {
    const { code, out } = run(...args);
    expect(code).toBe(0);
    expect(out).toMatch(/Holdout check: BG\/NBD fitted to 1997-09-30, the last 39 weeks held out \(to 1998-06-30\); 2357 customers/);
    expect(out).toMatch(/Repeat purchases in the holdout: actual 1882, predicted 1653\.4 \(-12\.1%\)/);
    expect(out).toMatch(/end of calibration actual 2457/);
    expect(out).toMatch(/^7\+\s+\d+/m);
    expect(out).toMatch(/low 95%\s+high 95%/);
  });

  test("without --holdout the JSON says validation: null", () => {
    expect(JSON.parse(run("analyze", small, "--period", "day", "--end", "2024-03-31", "--json").out).validation).toBeNull();
  });
});
