// An in-memory stand-in for Excel's workbook and Office.js objects, for tests and demos. No jest here.
export { type Rect, formatAddress, parseAddress } from "./a1";
export { type FakeChart, type FakeChartSeries, type FakeName, type FakeTable, type FakeValue, FakeExcelError, FakeSheet, FakeWorkbook, SHEET_COLUMNS, SHEET_ROWS, tableRect } from "./fakeWorkbook";
export { FakeRequestContext } from "./fakeContext";
export { formatValue } from "./formatValue";
export { customFunctionsStandIn } from "./customFunctionsStandIn";
export { installFakeExcel } from "./installFakeExcel";
export { type StructuredReference, findStructuredReferences } from "./structuredReferences";
