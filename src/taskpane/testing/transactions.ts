import type { SelectedRange } from "../excelGateway";

/**
 * Six transactions under a header, as Excel's `Range.values` gives them for Sales!B3:E9. Row 4 of
 * the block (sheet row 3 + 3 = 6) has 2024-02-30, a day that does not exist. Worked by hand:
 * customers c1 (120.50 + 60.00 = 180.50 over 2 valid orders), c2 (80 + 95 = 175, 2 orders),
 * c3 (42.25, 1 order); channels Web (c1, c3) and Store (c2), in order of first appearance;
 * first purchases in January (c1, c2) and February (c3) 2024.
 */
export const SALES: SelectedRange = {
  address: "Sales!B3:E9",
  sheetName: "Sales",
  firstRow: 3,
  firstColumn: 2,
  values: [
    ["Customer", "Order date", "Amount", "Channel"],
    ["c1", "2024-01-05", 120.5, "Web"],
    ["c2", "2024-01-09", 80, "Store"],
    ["c1", "2024-02-30", 35, "Web"],
    ["c3", "2024-02-11", 42.25, "Web"],
    ["c1", "2024-03-02", 60, "Web"],
    ["c2", "2024-03-20", 95, "Store"],
  ],
  // The first 5 rows as Excel shows them (Range.text): text as typed, amounts under the General format.
  previewText: [
    ["Customer", "Order date", "Amount", "Channel"],
    ["c1", "2024-01-05", "120.5", "Web"],
    ["c2", "2024-01-09", "80", "Store"],
    ["c1", "2024-02-30", "35", "Web"],
    ["c3", "2024-02-11", "42.25", "Web"],
  ],
};

/** The sheet row of SALES's impossible date: first row 3, fourth row of the block. */
export const SALES_BAD_ROW = 6;
