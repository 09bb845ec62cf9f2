import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { type KeyboardEvent, type MouseEvent, useEffect, useLayoutEffect, useRef, useState } from "react";
import { type FakeSheet, type Rect, formatValue, parseAddress } from "../../excel/fake";
import type { CalculatedWorkbook } from "../workbook/calculatedWorkbook";
import { ChartView } from "./ChartView";
import { type Cell, addressOf } from "./selection";

/** Row height and default column width in pixels (Excel's default column is 64 px; a little wider reads better). */
const ROW_HEIGHT = 22;
const COLUMN_WIDTH = 80;
const ROW_HEADER_WIDTH = 52;
/** Excel column widths are in points; a point is 4/3 of a CSS pixel. */
const PIXELS_PER_POINT = 4 / 3;
/** Rows rendered beyond the visible ones, and empty rows and columns shown past the data. */
const OVERSCAN_ROWS = 10;
const SPARE_ROWS = 30;
const SPARE_COLUMNS = 3;
const MIN_ROWS = 60;
const MIN_COLUMNS = 12;
const PAGE_ROWS = 20;

/** What headers and cells share: one row high, small text, grid lines right and below. */
const box = (line: string) =>
  ({
    flexShrink: 0,
    boxSizing: "border-box",
    borderRight: `1px solid ${line}`,
    borderBottom: `1px solid ${line}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    userSelect: "none",
  }) as const;

const useStyles = makeStyles({
  scroller: { position: "relative", overflow: "auto", flexGrow: 1, minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  content: { position: "relative" },
  grid: { position: "absolute", inset: 0, outlineStyle: "none" },
  /** The grid's focus ring, on the scrolling frame (the grid itself is as large as the sheet). */
  focused: { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  headerRow: { position: "sticky", top: 0, zIndex: 3, display: "flex", height: `${ROW_HEIGHT}px` },
  row: { position: "absolute", left: 0, display: "flex", height: `${ROW_HEIGHT}px` },
  header: {
    ...box(tokens.colorNeutralStroke2),
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    textAlign: "center",
  },
  rowHeader: { position: "sticky", left: 0, zIndex: 2 },
  /** Read by screen readers, not shown. */
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
  selectedHeader: { backgroundColor: tokens.colorNeutralBackground3Selected, color: tokens.colorNeutralForeground1 },
  cell: {
    ...box(tokens.colorNeutralStroke3),
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "clip",
    cursor: "cell",
  },
  number: { textAlign: "right" },
  /** Text runs on over empty cells to its right, as in Excel. */
  spill: { overflow: "visible", position: "relative", zIndex: 1 },
  error: { textAlign: "center", color: tokens.colorPaletteRedForeground1 },
  bold: { fontWeight: tokens.fontWeightSemibold },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  active: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", backgroundColor: tokens.colorNeutralBackground1 },
});

export interface SheetGridProps {
  book: CalculatedWorkbook;
  sheet: FakeSheet;
  /** The selected rectangle and the active cell in it. */
  selection: Rect;
  active: Cell;
  /** Selects from `anchor` (the active cell) to `corner`. */
  onSelect(anchor: Cell, corner: Cell): void;
  /** Moves the corner of the selection (Shift+arrows, Shift+click, dragging). */
  corner: Cell;
  /** Starts editing the active cell, with `text` typed or, when undefined, its current content. */
  onStartEdit(text?: string): void;
  /** Clears the active cell (Delete). */
  onClear(): void;
  /** Bumped to scroll the corner cell into view (after keyboard or Name box moves). */
  reveal: number;
}

/**
 * A sheet as a grid of cells, Excel-like: column letters and row numbers, values under their number
 * formats, the selection, and the sheet's charts over the cells they cover. Only the rows in view are
 * rendered. Mouse: click, drag or Shift+click to select; double-click to edit. Keyboard (the grid is
 * one tab stop, cells are its active descendants): arrows, Shift+arrows, Home, Ctrl+Home, Ctrl+End,
 * Page Up/Down; Enter or F2 edits, typing starts an edit, Delete clears.
 */
export function SheetGrid({ book, sheet, selection, active, corner, onSelect, onStartEdit, onClear, reveal }: SheetGridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const [view, setView] = useState({ top: 0, height: 600 });
  const [focused, setFocused] = useState(false);

  const used = sheet.usedRect();
  const chartEnds = sheet.charts.map((chart) => parseAddress(chart.to ?? chart.from ?? "A1"));
  const rowCount = Math.max(MIN_ROWS, (used ? used.row + used.rowCount : 0) + SPARE_ROWS, ...chartEnds.map((end) => end.row + 2));
  const columnCount = Math.max(MIN_COLUMNS, (used ? used.column + used.columnCount : 0) + SPARE_COLUMNS, ...chartEnds.map((end) => end.column + 2));
  const widths = Array.from({ length: columnCount }, (_, c) => {
    const points = sheet.columnWidths.get(c);
    return points === undefined ? COLUMN_WIDTH : Math.max(24, Math.round(points * PIXELS_PER_POINT));
  });
  const lefts = widths.reduce<number[]>((at, width, c) => [...at, at[c] + width], [ROW_HEADER_WIDTH]);
  const width = lefts[columnCount];
  const height = (rowCount + 1) * ROW_HEIGHT;
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN_ROWS);
  const last = Math.min(rowCount - 1, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN_ROWS);

  useLayoutEffect(() => {
    const element = scroller.current as HTMLDivElement;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const stop = () => (dragging.current = false);
    window.addEventListener("mouseup", stop);
    return () => window.removeEventListener("mouseup", stop);
  }, []);
  // Scroll the moved corner into view, below the sticky header row and right of the row numbers; only
  // when a move asks for it (`reveal`), so scrolling by hand away from the selection stays where it is.
  useEffect(() => {
    const element = scroller.current;
    if (reveal === 0 || element === null) return;
    const top = (corner.row + 1) * ROW_HEIGHT;
    if (top - ROW_HEIGHT < element.scrollTop) element.scrollTop = top - ROW_HEIGHT;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    const left = lefts[corner.column];
    const right = lefts[corner.column + 1] ?? left;
    if (left - ROW_HEADER_WIDTH < element.scrollLeft) element.scrollLeft = left - ROW_HEADER_WIDTH;
    else if (right > element.scrollLeft + element.clientWidth) element.scrollLeft = right - element.clientWidth;
  }, [reveal]);

  const clamp = (cell: Cell): Cell => ({
    row: Math.min(Math.max(cell.row, 0), rowCount - 1),
    column: Math.min(Math.max(cell.column, 0), columnCount - 1),
  });
  const cellOf = (event: MouseEvent): Cell | null => {
    const target = (event.target as HTMLElement).closest<HTMLElement>("[data-row]");
    return target === null ? null : { row: Number(target.dataset.row), column: Number(target.dataset.column) };
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, Cell> = {
      ArrowUp: { row: -1, column: 0 },
      ArrowDown: { row: 1, column: 0 },
      ArrowLeft: { row: 0, column: -1 },
      ArrowRight: { row: 0, column: 1 },
      PageUp: { row: -PAGE_ROWS, column: 0 },
      PageDown: { row: PAGE_ROWS, column: 0 },
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      const from = event.shiftKey ? corner : active;
      const to = clamp({ row: from.row + move.row, column: from.column + move.column });
      return event.shiftKey ? onSelect(active, to) : onSelect(to, to);
    }
    if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      const end = used ? { row: used.row + used.rowCount - 1, column: used.column + used.columnCount - 1 } : { row: 0, column: 0 };
      const to = event.ctrlKey ? (event.key === "Home" ? { row: 0, column: 0 } : end) : { row: active.row, column: event.key === "Home" ? 0 : end.column };
      return onSelect(to, to);
    }
    if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      return onStartEdit();
    }
    if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      return onClear();
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      onStartEdit(event.key);
    }
  };

  const inSelection = (row: number, column: number) =>
    row >= selection.row && row < selection.row + selection.rowCount && column >= selection.column && column < selection.column + selection.columnCount;
  const cellId = (cell: Cell) => `cell-${addressOf(cell)}`;
  const activeRendered = active.row >= first && active.row <= last;

  const rows = [];
  for (let row = first; row <= last; row++) {
    rows.push(
      <div key={row} role="row" aria-rowindex={row + 2} className={styles.row} style={{ top: (row + 1) * ROW_HEIGHT, width }}>
        <div
          role="rowheader"
          className={mergeClasses(styles.header, styles.rowHeader, row >= selection.row && row < selection.row + selection.rowCount && styles.selectedHeader)}
          style={{ width: ROW_HEADER_WIDTH }}
        >
          {row + 1}
        </div>
        {widths.map((cellWidth, column) => {
          const value = sheet.valueAt(row, column);
          const error = typeof value === "string" && book.errorMessage({ sheet: sheet.name, row, column });
          const isActive = row === active.row && column === active.column;
          const spills = typeof value === "string" && !error && value !== "" && !sheet.hasData(row, column + 1);
          return (
            <div
              key={column}
              id={cellId({ row, column })}
              role="gridcell"
              aria-colindex={column + 2}
              aria-selected={inSelection(row, column)}
              data-row={row}
              data-column={column}
              data-address={addressOf({ row, column })}
              title={error || undefined}
              className={mergeClasses(
                styles.cell,
                typeof value === "number" && styles.number,
                spills && styles.spill,
                error && styles.error,
                sheet.isBold(addressOf({ row, column })) && styles.bold,
                inSelection(row, column) && styles.selected,
                isActive && styles.active
              )}
              style={{ width: cellWidth }}
            >
              {formatValue(value, sheet.formatAt(row, column))}
            </div>
          );
        })}
      </div>
    );
  }

  return (
    <div ref={scroller} className={mergeClasses(styles.scroller, focused && styles.focused)} onScroll={(event) => setView({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })}>
      <div className={styles.content} style={{ width, height }}>
        <div
          role="grid"
          aria-label={`Cells of the sheet ${sheet.name}`}
          aria-rowcount={rowCount + 1}
          aria-colcount={columnCount + 1}
          aria-multiselectable
          aria-activedescendant={activeRendered ? cellId(active) : undefined}
          tabIndex={0}
          className={styles.grid}
          data-testid="sheet-grid"
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onKeyDown={onKeyDown}
          onMouseDown={(event) => {
            const cell = cellOf(event);
            if (cell === null || event.button !== 0) return;
            dragging.current = true;
            if (event.shiftKey) onSelect(active, cell);
            else onSelect(cell, cell);
          }}
          onMouseOver={(event) => {
            const cell = cellOf(event);
            if (dragging.current && cell !== null && (cell.row !== corner.row || cell.column !== corner.column)) onSelect(active, cell);
          }}
          onDoubleClick={() => onStartEdit()}
        >
          <div role="row" aria-rowindex={1} className={styles.headerRow} style={{ width }}>
            <div role="columnheader" className={mergeClasses(styles.header, styles.rowHeader)} style={{ width: ROW_HEADER_WIDTH }}>
              <span className={styles.hidden}>Row</span>
            </div>
            {widths.map((cellWidth, column) => (
              <div
                key={column}
                role="columnheader"
                aria-colindex={column + 2}
                className={mergeClasses(styles.header, column >= selection.column && column < selection.column + selection.columnCount && styles.selectedHeader)}
                style={{ width: cellWidth }}
              >
                {addressOf({ row: 0, column }).replace(/\d+$/, "")}
              </div>
            ))}
          </div>
          {rows}
        </div>
        {sheet.charts.map((chart, index) => {
          const from = parseAddress(chart.from ?? "A1");
          const to = parseAddress(chart.to ?? chart.from ?? "A1");
          const box = {
            left: lefts[from.column],
            top: (from.row + 1) * ROW_HEIGHT,
            width: (lefts[to.column + 1] ?? width) - lefts[from.column],
            height: (to.row - from.row + 1) * ROW_HEIGHT,
          };
          return <ChartView key={index} book={book} chart={chart} box={box} />;
        })}
      </div>
    </div>
  );
}
