// Issue 18: "bars sorted, with the city value and the target drawn". Every bar chart of areas in the
// Brescia report is sorted, highest first and n.d. last, its text alternative in the same order; a
// coverage chart with a target also draws the city's value, as a line of another style, named in the
// legend and in the text alternative. Read from the specs the view model hands to the renderer and from
// the geometry of the drawing, not from pixels.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject, computeProject, reportView, type CheckedProject } from '../../src/pipeline.js';
import { diskEffects } from '../../src/effects.js';
import type { ComputeResult } from '../../src/compute/compute-indicators.js';
import { altText } from '../../src/render/chart-alt.js';
import { createChartRenderer, type BarSpec, type BulletSpec, type ChartSpec } from '../../src/render/charts.js';
import { REFERENCE_LINES } from '../../src/render/chart-style.js';
import { bresciaProject } from '../helpers/paths.js';

let checked: CheckedProject;
let result: ComputeResult;
const specs: ChartSpec[] = [];

beforeAll(async () => {
  checked = await checkProject({ project: bresciaProject }, diskEffects());
  result = computeProject(checked);
  // The view model's charts as specs; the drawing is not needed to read their order.
  await reportView(checked, result, {
    renderChart: (spec) => {
      specs.push(spec);
      return { svg: '<svg></svg>', alt: '', width: 1, height: 1 };
    },
  });
}, 120_000);

type AreaChart = (BarSpec | BulletSpec) & { values: (number | null)[] };

/** The bar and bullet charts whose categories are all areas (zones or quartieri), with the values of their (only) series. */
function areaCharts(): AreaChart[] {
  const { territorio } = checked.project;
  const areas = new Set([...territorio.zone.map((z) => z.nome), ...territorio.quartieri.map((q) => q.nome)]);
  return specs.flatMap((spec): AreaChart[] => {
    if (spec.kind !== 'bar' && spec.kind !== 'bullet') return [];
    if (spec.labels.length < 2 || !spec.labels.every((label) => areas.has(label))) return [];
    if (spec.kind === 'bullet') return [spec];
    return spec.series.length === 1 ? [{ ...spec, values: spec.series[0]!.values }] : [];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('bar charts of areas in the report', () => {
  it('include the residents by zone and the coverage of every service by quartiere', () => {
    const charts = areaCharts();
    expect(charts.some((c) => c.kind === 'bar' && c.labels.length === checked.project.territorio.zone.length)).toBe(true);
    expect(charts.filter((c) => c.kind === 'bullet').length).toBeGreaterThan(5);
  });

  it('are sorted by value, highest first, the withheld (n.d.) last', () => {
    for (const chart of areaCharts()) {
      const known = chart.values.filter((v): v is number => v !== null);
      expect(known, chart.title).toEqual([...known].sort((a, b) => b - a));
      const firstWithheld = chart.values.indexOf(null);
      if (firstWithheld >= 0)
        expect(
          chart.values.slice(firstWithheld).every((v) => v === null),
          chart.title,
        ).toBe(true);
    }
  });

  it('say the areas in their text alternative in the order of the bars', () => {
    for (const chart of areaCharts()) {
      const alt = altText(chart, 'it');
      const positions = chart.labels.map((label) => alt.search(new RegExp(`(?:^|[.;:] )${escape(label)} (?:\\d|n\\.d\\.)`)));
      expect(
        positions.every((p) => p >= 0),
        `${chart.title}: ${alt}`,
      ).toBe(true);
      expect(positions, chart.title).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('draw the city value beside the target, and only there', () => {
    const bullets = areaCharts().filter((c): c is BulletSpec => c.kind === 'bullet');
    const withTarget = bullets.filter((b) => b.reference !== 'average');
    expect(withTarget.length).toBeGreaterThan(0);
    for (const bullet of withTarget) {
      const id = result.definitions.find((d) => d.nome === bullet.title)?.id;
      const city = result.values.find((v) => v.indicatore === id && v.livello === 'citta' && v.anno === result.anno);
      expect(bullet.city?.value, bullet.title).toBe(city?.valore);
      expect(bullet.city?.value).not.toBe(bullet.target);
    }
    for (const bullet of bullets.filter((b) => b.reference === 'average')) expect(bullet.city, bullet.title).toBeUndefined();
  });

  it('draw the target and the city value as two lines of different styles, each named in the legend and the text', () => {
    const nido = areaCharts().find((c): c is BulletSpec => c.kind === 'bullet' && c.city !== undefined)!;
    const { image, drawnText, geometry } = createChartRenderer().trace(nido, 'it');
    const lines = geometry!.references;
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.value)).toEqual([nido.target, nido.city!.value]);
    expect(lines.map((l) => l.dash)).toEqual([REFERENCE_LINES.target.dash, REFERENCE_LINES.city.dash]);
    expect(lines.every((l) => l.label !== null)).toBe(true);
    const joined = drawnText.join('\n');
    expect(joined).toContain(nido.targetLabel);
    expect(joined).toContain(nido.city!.label);
    expect(image.alt).toMatch(/Obiettivo \(.+\): 33,0 per 100\. Riferimento \(Valore della città\): \d+,\d per 100\./);
  });
});
