import type { Chart, Plugin } from 'chart.js';
import { FONT_FAMILY, TEXT_COLOUR } from './chart-style.js';
import {
  placeReferenceLabel,
  placeValueLabels,
  referenceLineBox,
  type BarGeometry,
  type Box,
  type Measure,
  type PlacedLabel,
} from './chart-layout.js';

// A Chart.js plugin drawn on top of the bars: the reference lines (a target, the city's value, or both)
// with their labels, and the value of each bar, placed by chart-layout.ts so that no label covers another
// or a line.

/** Where the plugin drew things, for the tests (pixels of the image). */
export interface ChartGeometry {
  width: number;
  height: number;
  area: Box;
  horizontal: boolean;
  /** One per category of the first series: the bar's box (zero length for a withheld value). */
  bars: Box[];
  /** The value label of each bar, null where it could not be placed without covering something. */
  labels: (PlacedLabel | null)[];
  /** The reference lines in the order given, each with its dash pattern. */
  references: { value: number; line: Box; label: PlacedLabel | null; dash: readonly number[] }[];
}

/** A reference line: where, its text (none: no label), and how it is stroked, so that two lines read apart. */
export interface ReferenceLine {
  value: number;
  text: string | null;
  colour: string;
  dash: readonly number[];
}

export interface BarLabelsOptions {
  values: (number | null)[];
  format: (v: number) => string;
  /** What a withheld value's bar says (n.d. / n.a.). */
  withheldText: string;
  horizontal: boolean;
  /** Colour of each bar, to write a label inside it in a colour that reads. */
  colours: string[];
  /** The lines and their labels: none, a target, or a target and the city's value. */
  references: ReferenceLine[];
  /** Whether to write the bars' values (a chart with several series does not). */
  showValues: boolean;
  fontSize: number;
  measure: Measure;
  geometry?: (g: ChartGeometry) => void;
}

function scalesOf(chart: Chart, horizontal: boolean) {
  const { x, y } = chart.scales;
  if (!x || !y) throw new Error('chart without x and y scales');
  return horizontal ? { value: x, category: y } : { value: y, category: x };
}

/** The reference line, its label and the bars' value labels. */
export function barLabels(options: BarLabelsOptions): Plugin {
  const { horizontal, fontSize: size, measure } = options;
  return {
    id: 'bilancioBarLabels',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      const area: Box = { left: chartArea.left, top: chartArea.top, right: chartArea.right, bottom: chartArea.bottom };
      const scales = scalesOf(chart, horizontal);
      const meta = chart.getDatasetMeta(0);
      const base = scales.value.getPixelForValue(0);
      const bars: BarGeometry[] = options.values.map((value, i) => {
        const element = meta.data[i] as unknown as { width?: number; height?: number } | undefined;
        const thickness = (horizontal ? element?.height : element?.width) ?? 0;
        return {
          base,
          end: value == null ? base : scales.value.getPixelForValue(value),
          center: scales.category.getPixelForValue(i),
          thickness: Number.isFinite(thickness) ? thickness : 0,
          text: value == null ? options.withheldText : options.format(value),
          colour: options.colours[i] ?? '#000000',
          withheld: value == null,
        };
      });
      const references: ChartGeometry['references'] = [];
      ctx.save();
      ctx.font = `${size}px "${FONT_FAMILY}"`;
      ctx.textBaseline = 'middle';
      for (const [row, line] of options.references.entries()) {
        const at = scales.value.getPixelForValue(line.value);
        ctx.strokeStyle = line.colour;
        ctx.lineWidth = 1.5;
        ctx.setLineDash([...line.dash]);
        ctx.beginPath();
        if (horizontal) {
          ctx.moveTo(at, area.top);
          ctx.lineTo(at, area.bottom);
        } else {
          ctx.moveTo(area.left, at);
          ctx.lineTo(area.right, at);
        }
        ctx.stroke();
        ctx.setLineDash([]);
        const label = line.text
          ? placeReferenceLabel({ text: line.text, at, colour: line.colour, row }, horizontal, area, chart.width, size, measure)
          : null;
        if (label) draw(ctx, label);
        references.push({ value: line.value, line: referenceLineBox(at, horizontal, area), label, dash: line.dash });
      }
      const labels = options.showValues
        ? placeValueLabels(
            {
              bars,
              horizontal,
              area,
              width: chart.width,
              height: chart.height,
              references: references.map((r) => ({ at: scales.value.getPixelForValue(r.value), label: r.label?.box ?? null })),
              size,
              textColour: TEXT_COLOUR,
            },
            measure,
          )
        : [];
      for (const label of labels) if (label) draw(ctx, label);
      ctx.restore();
      options.geometry?.({
        width: chart.width,
        height: chart.height,
        area,
        horizontal,
        bars: bars.map((bar) => {
          const [from, to] = [Math.min(bar.base, bar.end), Math.max(bar.base, bar.end)];
          const half = bar.thickness / 2;
          return horizontal
            ? { left: from, right: to, top: bar.center - half, bottom: bar.center + half }
            : { left: bar.center - half, right: bar.center + half, top: from, bottom: to };
        }),
        labels,
        references,
      });
    },
  };
}

function draw(ctx: Chart['ctx'], label: PlacedLabel): void {
  ctx.fillStyle = label.colour;
  ctx.textAlign = label.align;
  ctx.fillText(label.text, label.x, label.y);
}
