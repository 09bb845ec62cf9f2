// Excel structured references to table columns. A column name that is not only letters, digits and
// underscores gets the inner brackets (`[@[Customer months]]`), and ' [ ] # are escaped with ' (Microsoft,
// "Using structured references with Excel tables", section "Use escape characters...").

function specifier(column: string): string {
  const escaped = column.replace(/['[\]#]/g, "'$&");
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(column) ? column : `[${escaped}]`;
}

/**
 * The cell of `column` in the formula's own row of its table.
 * @example thisRow("Orders") // "[@Orders]"
 * @example thisRow("Customer months") // "[@[Customer months]]"
 */
export function thisRow(column: string): string {
  return `[@${specifier(column)}]`;
}

/**
 * The data cells of a table column.
 * @example tableColumn("CLV_Segments", "Share of revenue") // "CLV_Segments[[Share of revenue]]"
 */
export function tableColumn(table: string, column: string): string {
  return `${table}[${specifier(column)}]`;
}

/**
 * The totals-row cell of a table column.
 * @example tableTotal("CLV_Segments", "Revenue") // "CLV_Segments[[#Totals],[Revenue]]"
 */
export function tableTotal(table: string, column: string): string {
  const inner = specifier(column);
  return `${table}[[#Totals],${inner.startsWith("[") ? inner : `[${inner}]`}]`;
}
