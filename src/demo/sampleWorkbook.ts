import { NUMBER_FORMATS } from "../core/report";
import { CDNOW_IN_DAYS, type TransactionLog, type TransactionLogOptions, createRandom, simulateTransactionLog } from "../core/simulation";
import { dayFromDate, isoDate } from "../core/transactions";
import type { FakeRequestContext } from "../excel/fake";

/**
 * The demo's sample: 2,000 customers of an online shop, each first buying in January to March 2024,
 * then buying and dropping out as CDNOW's customers did (BG/NBD, with each purchase worth a Gamma-Gamma
 * amount: `CDNOW_IN_DAYS`) until 2025-06-30. Seeded: every page load shows the same purchases.
 */
export const SAMPLE_LOG_OPTIONS: TransactionLogOptions = {
  customers: 2000,
  ...CDNOW_IN_DAYS,
  firstDay: dayFromDate(2024, 1, 1),
  acquisitionDays: 90,
  lastDay: dayFromDate(2025, 6, 30),
  channels: ["Web", "Store", "Phone"],
  seed: 2024,
};

/** Each customer's region, drawn evenly with its own seed, so segmenting by either column works. */
const SAMPLE_REGIONS = ["North", "South", "East", "West"] as const;
const REGION_SEED = 7;

export const SAMPLE_SHEET = "Sales";
const SAMPLE_HEADER = ["Customer", "Order date", "Amount", "Channel", "Region"];

/**
 * The sample's sheet rows: the header, then one row per purchase (customer id, ISO date, amount,
 * channel, region), in the order of the simulated log (customer by customer, in time order).
 * @example sampleRows(simulateTransactionLog(SAMPLE_LOG_OPTIONS))[1] // ["C1", "2024-02-20", 9.72, "Phone", "North"]
 */
function sampleRows(log: TransactionLog): (string | number)[][] {
  const random = createRandom(REGION_SEED);
  const regions = Array.from({ length: SAMPLE_LOG_OPTIONS.customers }, () => SAMPLE_REGIONS[Math.floor(random() * SAMPLE_REGIONS.length)]);
  const rows: (string | number)[][] = [SAMPLE_HEADER];
  for (let i = 0; i < log.length; i++) {
    const customer = log.customer[i];
    rows.push([`C${customer + 1}`, isoDate(log.day[i]), log.amount[i], log.channels[log.channel[i]], regions[customer]]);
  }
  return rows;
}

/**
 * A small sheet with two bad rows, to show how the wizard reports them: sheet row 4 has a date that
 * is not in the calendar (30 February), row 5 an amount written in words.
 */
export const MESSY_SHEET = "Messy data";
const MESSY_ROWS: (string | number)[][] = [
  ["Customer", "Order date", "Amount", "Channel"],
  ["C1", "2024-01-05", 25.5, "Web"],
  ["C2", "2024-01-07", 40, "Store"],
  ["C1", "2024-02-30", 12, "Web"],
  ["C3", "2024-02-11", "twelve", "Phone"],
  ["C2", "2024-03-01", 18.25, "Store"],
  ["C4", "2024-03-09", 60, "Web"],
  ["C3", "2024-03-15", 22, "Phone"],
];

/**
 * Writes the sample sheets as a user would type or paste them: dates and amounts formatted, text typed
 * into cells (so ISO dates become date serials and "2024-02-30" stays text, as in Excel).
 */
export async function writeSampleSheets(context: FakeRequestContext): Promise<void> {
  const sheets = [
    { name: SAMPLE_SHEET, rows: sampleRows(simulateTransactionLog(SAMPLE_LOG_OPTIONS)) },
    { name: MESSY_SHEET, rows: MESSY_ROWS },
  ];
  for (const { name, rows } of sheets) {
    const sheet = context.workbook.worksheets.add(name);
    const width = rows[0].length;
    const body = sheet.getRangeByIndexes(1, 0, rows.length - 1, width);
    body.numberFormat = rows.slice(1).map(() => [NUMBER_FORMATS.general, NUMBER_FORMATS.date, NUMBER_FORMATS.money, ...Array(width - 3).fill(NUMBER_FORMATS.general)]);
    sheet.getRangeByIndexes(0, 0, rows.length, width).values = rows;
    sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
  }
  await context.sync();
}
