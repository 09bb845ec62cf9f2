import { Input, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type KeyboardEvent, useCallback, useRef, useState, useSyncExternalStore } from "react";
import type { CalculatedWorkbook } from "../workbook/calculatedWorkbook";
import { NUMBER_FORMATS } from "../../core/report";
import { formatValue } from "../../excel/fake";
import { SheetGrid } from "./SheetGrid";
import { type Cell, addressOf, farCorner, nameBoxTarget, rectBetween, selectionAddress } from "./selection";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minWidth: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  toolbar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalS },
  nameBox: { width: "12em", flexShrink: 0 },
  fx: { fontStyle: "italic", color: tokens.colorNeutralForeground2 },
  formulaBar: { flexGrow: 1 },
  tabs: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, overflowX: "auto", flexShrink: 0 },
  status: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, minHeight: "1.5em", flexShrink: 0 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * The simulated Excel window: Name box and formula bar, the active sheet's grid, sheet tabs and a
 * status line. The Name box takes an address ("A1:E5384", "Sales!B2") or a name ("CLV_Margin");
 * the formula bar edits the active cell (Enter keeps it, Escape drops it) and everything that depends
 * on it is computed again. The status line says why a cell shows an error.
 */
export function WorkbookView({ book }: { book: CalculatedWorkbook }) {
  const styles = useStyles();
  const subscribe = useCallback((listener: () => void) => book.subscribe(listener), [book]);
  useSyncExternalStore(subscribe, () => book.version);
  const model = book.model;
  const sheet = model.activeSheet ?? model.sheets[0];
  const selection = model.selection?.sheet === sheet ? model.selection.areas[0] : { row: 0, column: 0, rowCount: 1, columnCount: 1 };
  const anchor = useRef<Cell>({ row: 0, column: 0 });
  const inside = (cell: Cell) =>
    cell.row >= selection.row && cell.row < selection.row + selection.rowCount && cell.column >= selection.column && cell.column < selection.column + selection.columnCount;
  const active = inside(anchor.current) ? anchor.current : { row: selection.row, column: selection.column };
  const corner = farCorner(selection, active);

  const [reveal, setReveal] = useState(0);
  // The formula bar's text while editing (a ref too: blur follows Enter or Escape before React re-renders).
  const [editing, setEditingState] = useState<string | null>(null);
  const editingNow = useRef<string | null>(null);
  const setEditing = (text: string | null) => {
    editingNow.current = text;
    setEditingState(text);
  };
  const [nameText, setNameText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const formulaBar = useRef<HTMLInputElement>(null);
  const focusGrid = () => document.querySelector<HTMLElement>('[data-testid="sheet-grid"]')?.focus();

  const select = (from: Cell, to: Cell, scroll: boolean) => {
    anchor.current = from;
    book.select(sheet, rectBetween(from, to));
    if (scroll) setReveal((n) => n + 1);
  };
  const activeCell = { sheet: sheet.name, ...active };
  // What the formula bar shows: the formula, else the value (a date as a date, as Excel shows it there).
  const formula = sheet.formulaAt(active.row, active.column);
  const format = sheet.formatAt(active.row, active.column);
  const content = typeof formula === "number" && format === NUMBER_FORMATS.date ? formatValue(formula, format) : String(formula);

  const commit = (text: string) => {
    setEditing(null);
    if (text === content) return;
    book.edit(activeCell, text).then(
      () => setProblem(null),
      (error: unknown) => setProblem(`${addressOf(active)} was not changed: ${error instanceof Error ? error.message : String(error)}`)
    );
  };
  const startEdit = (text?: string) => {
    setEditing(text ?? content);
    requestAnimationFrame(() => formulaBar.current?.focus());
  };
  const onFormulaKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === "Escape") {
      event.preventDefault();
      if (event.key === "Enter") commit(event.currentTarget.value);
      else setEditing(null);
      focusGrid();
    }
  };
  const onNameKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter" && event.key !== "Escape") return;
    event.preventDefault();
    const text = event.currentTarget.value;
    setNameText(null);
    if (event.key === "Enter") {
      const target = nameBoxTarget(model, text, sheet.name);
      if (target === null) return setProblem(`“${text}” is not a cell address, a range or a name of this workbook`);
      setProblem(null);
      const { rect } = target;
      anchor.current = { row: rect.row, column: rect.column };
      book.select(model.sheet(target.sheet), rect);
      setReveal((n) => n + 1);
    }
    focusGrid();
  };

  const errorMessage = book.errorMessage(activeCell);
  const status = problem ?? (errorMessage ? `${addressOf(active)} shows ${String(sheet.valueAt(active.row, active.column))}: ${errorMessage}` : null);

  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <Input
          className={styles.nameBox}
          aria-label="Name box: go to a cell, a range or a name"
          value={nameText ?? selectionAddress(selection)}
          onFocus={(event) => event.currentTarget.select()}
          onChange={(_, data) => setNameText(data.value)}
          onBlur={() => setNameText(null)}
          onKeyDown={onNameKey}
          data-testid="name-box"
        />
        <Text className={styles.fx} aria-hidden>
          fx
        </Text>
        <Input
          ref={formulaBar}
          className={styles.formulaBar}
          aria-label={`Formula bar: contents of ${sheet.name}!${addressOf(active)}`}
          value={editing ?? content}
          onFocus={() => setEditing(editingNow.current ?? content)}
          onChange={(_, data) => setEditing(data.value)}
          onBlur={(event) => editingNow.current !== null && commit(event.currentTarget.value)}
          onKeyDown={onFormulaKey}
          data-testid="formula-bar"
        />
      </div>
      <SheetGrid
        key={sheet.name}
        book={book}
        sheet={sheet}
        selection={selection}
        active={active}
        corner={corner}
        reveal={reveal}
        onSelect={(from, to) => select(from, to, true)}
        onStartEdit={startEdit}
        onClear={() => commit("")}
      />
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={sheet.name}
        onTabSelect={(_, data) => book.activate(model.sheet(String(data.value)))}
        aria-label="Sheets"
      >
        {model.sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.status} role="status" data-testid="status">
        {status === null ? (
          <Text size={200}>Formulas computed by HyperFormula with the add-in&apos;s own CLV functions. Nothing leaves this page.</Text>
        ) : (
          <Text size={200} className={problem ? styles.problem : undefined}>
            {status}
          </Text>
        )}
      </div>
    </div>
  );
}
