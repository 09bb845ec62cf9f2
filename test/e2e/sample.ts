/**
 * The demo's sample as the seeded simulator makes it, in Node: the independent figures the browser
 * tests check the written report against (the demo writes the same log row by row on its Sales sheet).
 */
import { simulateTransactionLog } from "../../src/core/simulation";
import { SAMPLE_LOG_OPTIONS } from "../../src/demo/sampleWorkbook";

export const SAMPLE_LOG = simulateTransactionLog(SAMPLE_LOG_OPTIONS);
/** Every simulated customer makes a first purchase in the acquisition window, so all of them are in the data. */
export const SAMPLE_CUSTOMERS = SAMPLE_LOG_OPTIONS.customers;
/** One row per order: the sample has no order id column. */
export const SAMPLE_ORDERS = SAMPLE_LOG.length;
export const SAMPLE_REVENUE = SAMPLE_LOG.amount.reduce((sum, amount) => sum + amount, 0);
/** The Sales sheet's data: the header, then one row per purchase, columns A to E. */
export const SAMPLE_RANGE = `A1:E${SAMPLE_ORDERS + 1}`;
