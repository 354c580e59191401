import type { Chart, Plugin } from 'chart.js';
import { FONT_FAMILY, FONT_SIZE, SUPPRESSED_MARK, TEXT_COLOUR } from './chart-style.js';

// Small Chart.js plugins drawn on top of the bars: a target line and value labels.

const LABEL_FONT = `${FONT_SIZE}px "${FONT_FAMILY}"`;

function scalesOf(chart: Chart, horizontal: boolean) {
  const { x, y } = chart.scales;
  if (!x || !y) throw new Error('chart without x and y scales');
  return horizontal ? { value: x, category: y } : { value: y, category: x };
}

/** A dashed line at `value` on the value axis, labelled above the plot area. */
export function targetLine(value: number, label: string, horizontal: boolean): Plugin {
  return {
    id: 'bilancioTargetLine',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: area } = chart;
      const at = scalesOf(chart, horizontal).value.getPixelForValue(value);
      ctx.save();
      ctx.strokeStyle = '#000000';
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 4]);
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
      ctx.fillStyle = '#000000';
      ctx.font = LABEL_FONT;
      ctx.textBaseline = 'bottom';
      ctx.textAlign = horizontal ? 'center' : 'right';
      ctx.fillText(label, horizontal ? at : area.right, horizontal ? area.top - 3 : at - 3);
      ctx.restore();
    },
  };
}

/** The value at the end of each bar, and `n.d.` at the base where the value is withheld. */
export function valueLabels(values: (number | null)[], format: (v: number) => string, horizontal: boolean): Plugin {
  return {
    id: 'bilancioValueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const scales = scalesOf(chart, horizontal);
      ctx.save();
      ctx.font = LABEL_FONT;
      ctx.fillStyle = TEXT_COLOUR;
      ctx.textAlign = horizontal ? 'left' : 'center';
      ctx.textBaseline = horizontal ? 'middle' : 'bottom';
      values.forEach((value, i) => {
        const across = scales.category.getPixelForValue(i);
        const along = scales.value.getPixelForValue(value ?? 0);
        const text = value == null ? SUPPRESSED_MARK : format(value);
        if (horizontal) ctx.fillText(text, along + 4, across);
        else ctx.fillText(text, across, along - 3);
      });
      ctx.restore();
    },
  };
}
