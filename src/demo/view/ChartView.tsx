import { makeStyles, tokens } from "@fluentui/react-components";
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Colors,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Title,
} from "chart.js";
import { useEffect, useRef } from "react";
import { type FakeChart, parseAddress } from "../../excel/fake";
import type { CalculatedWorkbook } from "../workbook/calculatedWorkbook";

Chart.register(BarController, BarElement, CategoryScale, Colors, Legend, LineController, LineElement, LinearScale, PointElement, Title);

/** Excel's chart types that the report uses, as Chart.js draws them. */
const CHART_TYPES = { ColumnClustered: "bar", Line: "line" } as const;

const useStyles = makeStyles({
  chart: {
    position: "absolute",
    zIndex: 1,
    margin: 0,
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
  },
});

/** The cells of a sheet-qualified address, row by row. */
function cells(book: CalculatedWorkbook, address: string | undefined): (string | number | boolean)[] {
  if (address === undefined || address === "") return [];
  const { sheet, ...rect } = parseAddress(address);
  const source = book.model.sheet(sheet as string);
  return source.grid(rect, (r, c) => source.valueAt(r, c)).flat();
}

/** Where a chart is drawn, in pixels of the grid. */
export interface ChartBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * A chart the add-in placed on a sheet, drawn by Chart.js in `box` (the cells it covers), from the
 * current values of its series and categories, so it follows every recalculation. Cells that do not
 * hold a number (blank "" figures, errors) are gaps.
 */
export function ChartView({ book, chart, box }: { book: CalculatedWorkbook; chart: FakeChart; box: ChartBox }) {
  const styles = useStyles();
  const canvas = useRef<HTMLCanvasElement>(null);
  const instance = useRef<Chart | null>(null);
  const { left, top, width, height } = box;

  useEffect(() => {
    const labels = cells(book, chart.series[0]?.categories).map(String);
    const datasets = chart.series.map((series) => ({
      label: series.name,
      data: cells(book, series.values).map((value) => (typeof value === "number" ? value : null)),
    }));
    if (instance.current === null) {
      instance.current = new Chart(canvas.current as HTMLCanvasElement, {
        type: CHART_TYPES[chart.type as keyof typeof CHART_TYPES] ?? "bar",
        data: { labels, datasets },
        options: {
          animation: false,
          responsive: false,
          plugins: { title: { display: true, text: chart.title } },
          scales: {
            x: { title: { display: chart.categoryAxisTitle !== "", text: chart.categoryAxisTitle } },
            y: { title: { display: chart.valueAxisTitle !== "", text: chart.valueAxisTitle } },
          },
        },
      });
    } else {
      instance.current.data = { labels, datasets };
      instance.current.update();
    }
  }, [book, book.version, chart]);
  useEffect(() => () => instance.current?.destroy(), []);

  const padding = 16;
  return (
    <figure className={styles.chart} style={{ left, top, width, height }} data-testid="chart">
      <canvas
        ref={canvas}
        width={width - padding}
        height={height - padding}
        role="img"
        aria-label={`Chart: ${chart.title}. ${chart.series.map((s) => s.name).join(", ")} by ${chart.categoryAxisTitle.toLowerCase() || "category"}.`}
      />
    </figure>
  );
}
