import { SALES, SALES_BAD_ROW } from "../testing/transactions";
import { type WorkerRequest, type WorkerResponse, handleRequest } from "./protocol";

/** Every response `handleRequest` posts for one request. */
function responsesTo(request: WorkerRequest): WorkerResponse[] {
  const responses: WorkerResponse[] = [];
  handleRequest(request, (response) => responses.push(response));
  return responses;
}

const AT_B3 = { firstRow: SALES.firstRow, firstColumn: SALES.firstColumn };

describe("check requests", () => {
  const [response] = responsesTo({ kind: "check", id: 7, cells: SALES.values, parse: AT_B3 });
  const check = response.kind === "checked" ? response.check : null;

  test("are answered once, under their id", () => {
    expect(response).toMatchObject({ kind: "checked", id: 7 });
  });

  test("find the columns by their headers (Customer, Order date, Amount, Channel)", () => {
    expect(check?.detection.mapping).toEqual({ customer: 0, date: 1, amount: 2, segment: 3 });
    expect(check?.detection.labels).toEqual(["Customer", "Order date", "Amount", "Channel"]);
  });

  test("count the rows and name the impossible date by sheet row and column", () => {
    expect(check?.rows).toMatchObject({ dataRows: 6, usedRows: 5, rejectedRows: 1, blankRows: 0 });
    expect(check?.rows?.errors).toEqual([
      {
        row: SALES_BAD_ROW,
        column: "Order date",
        reason: expect.stringContaining("2024-02-30"),
        // As data too, for the pane to say in its language: 30 February does not exist.
        problem: { kind: "date", issue: "noSuchDate", shown: '"2024-02-30"', system: 1900, mixedOrders: false },
      },
    ]);
  });

  test("give the segments of every choice, worked by hand from the five valid rows", () => {
    expect(check?.segmentLabels).toMatchObject({
      column: ["Web", "Store"], // first appearance
      cohortMonth: ["2024-01", "2024-02"], // c1, c2 first bought in January, c3 in February
      cohortQuarter: ["2024 Q1"],
      // Three customers: top 20% = ceil(0.6) = 1 customer (c1, 180.50), middle up to ceil(1.5) = 2 (c2, 175), bottom c3.
      value: ["Top 20%", "Middle 30%", "Bottom 50%"],
    });
  });

  test("leave out the column segmentation when no segment column is chosen", () => {
    const columns = { customer: 0, date: 1, amount: 2, segment: null };
    const [answer] = responsesTo({ kind: "check", id: 1, cells: SALES.values, parse: { ...AT_B3, columns } });
    expect(answer.kind === "checked" && Object.keys(answer.check.segmentLabels)).not.toContain("column");
  });

  test("stop at detection while a required column is missing", () => {
    const cells = SALES.values.map((row) => row.slice(0, 2)); // no amount column
    const [answer] = responsesTo({ kind: "check", id: 2, cells, parse: {} });
    expect(answer).toMatchObject({ kind: "checked", check: { rows: null, segmentLabels: {}, detection: { missing: ["amount"] } } });
  });
});

describe("analyse requests", () => {
  const responses = responsesTo({
    kind: "analyse",
    id: 3,
    cells: SALES.values,
    options: { ...AT_B3, segmentBy: { kind: "column" } },
    report: { cac: 10, source: SALES.address },
  });
  const last = responses[responses.length - 1];

  test("report each stage as it starts, in the engine's order, then the layout", () => {
    expect(responses.filter((r) => r.kind === "stage").map((r) => r.kind === "stage" && r.stage)).toEqual([
      "parsing",
      "summarising",
      "segmenting",
      "fittingPurchases",
      "fittingSpend",
      "predicting",
      "estimatingIntervals",
      "tabulating",
      "planning",
    ]);
    expect(responses.every((r) => r.id === 3)).toBe(true);
  });

  test("end with the report plan: summary, customers, cohorts, then one sheet per segment", () => {
    expect(last.kind).toBe("analysed");
    if (last.kind !== "analysed") return;
    expect(last.plan.sheets.map((sheet) => sheet.name)).toEqual(["CLV Summary", "CLV Customers", "CLV Cohorts", "CLV Web", "CLV Store"]);
  });

  test("say what the run found: rows, customers, segments and both fits", () => {
    if (last.kind !== "analysed") throw new Error(`expected an analysis, got ${last.kind}`);
    const { outcome } = last;
    expect(outcome).toMatchObject({ usedRows: 5, rejectedRows: 1, customers: 3, segments: ["Web", "Store"] });
    expect(outcome.purchaseModel.kind).toBe("bgnbd");
    expect(Object.keys(outcome.purchaseModel.parameters)).toEqual(["r", "alpha", "a", "b"]);
    expect(Object.keys(outcome.spendModel.parameters)).toEqual(["p", "q", "v"]);
    // Three customers cannot pin down four parameters: the fit says so rather than throwing.
    expect(outcome.warnings.some((warning) => warning.startsWith("Purchase model:"))).toBe(true);
  });

  test("post only plain data, which a real worker can clone", () => {
    for (const response of responses) expect(structuredClone(response)).toEqual(response);
  });
});

describe("failures", () => {
  test("an engine error is posted with its own message", () => {
    const cells = SALES.values.map((row, i) => (i === 0 ? row : [row[0], "not a date", row[2], row[3]]));
    const answers = responsesTo({ kind: "analyse", id: 4, cells, options: {}, report: { cac: 10 } });
    expect(answers.map((a) => a.kind)).toEqual(["stage", "failed"]); // parsing, then the refusal
    expect(answers[1]).toEqual({ kind: "failed", id: 4, message: expect.stringMatching(/^No usable transaction: 6 rows rejected/) });
  });

  test("a CAC for a segment the analysis does not have is refused by the report", () => {
    const report = { cac: { Web: 10, Store: 20, Phone: 5 } };
    const answers = responsesTo({ kind: "analyse", id: 5, cells: SALES.values, options: { segmentBy: { kind: "column" } }, report });
    expect(answers[answers.length - 1]).toEqual({ kind: "failed", id: 5, message: expect.stringContaining('"Phone"') });
  });

  test("anything else is a fault to report, not a crash", () => {
    const [answer] = responsesTo({ kind: "check", id: 6, cells: null as unknown as [], parse: {} });
    expect(answer).toEqual({ kind: "failed", id: 6, message: expect.stringMatching(/^Unexpected error, please report it: /) });
  });
});
