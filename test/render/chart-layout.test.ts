import { describe, expect, it } from 'vitest';
import {
  LAYOUT,
  fitText,
  intersects,
  placeValueLabels,
  wrapText,
  type BarGeometry,
  type Box,
  type Measure,
} from '../../src/render/chart-layout.js';
import { createChartRenderer, type ChartSpec, type ChartTrace } from '../../src/render/charts.js';

// Bar charts of areas from 2 to 60: the geometry the renderer drew (bars, every text's box, the
// reference line), checked against the promises of chart-layout.ts.

const NAMES = [
  'Villaggio Prealpino-Stocchetta',
  'Brescia Antica',
  'San Rocchino-Costalunga',
  'Porta Cremona-Volta',
  'Sud',
  'Centro Storico Nord',
  'Crocifissa di Rosa',
  'Lamarmora',
  'Chiusure',
  'Don Bosco',
];
const LONG = 'Quartiere con un nome davvero molto lungo, più di quanto stia accanto a una barra';
const names = (n: number): string[] => Array.from({ length: n }, (_, i) => (i === 0 ? LONG : `${NAMES[i % NAMES.length]} ${i}`));
/** Values around the reference (33), some just under and over it, one withheld every seven. */
const values = (n: number): (number | null)[] =>
  Array.from({ length: n }, (_, i) => (i % 7 === 3 ? null : 20 + ((i * 37) % 23) + (i % 3) * 0.37));

function specs(n: number): Record<string, ChartSpec> {
  const labels = names(n);
  const v = values(n);
  const residents = v.map((x) => (x == null ? null : Math.round(x * 1000)));
  const bar: ChartSpec = { kind: 'bar', title: 'Residenti', labels, series: [{ label: 'Residenti', values: residents }] };
  return {
    bullet: {
      kind: 'bullet',
      title: 'Copertura',
      labels,
      values: v,
      target: 33,
      targetLabel: 'Valore della città',
      reference: 'average',
      unit: '%',
      decimals: 1,
    },
    'bullet with target and city': {
      kind: 'bullet',
      title: 'Copertura',
      labels,
      values: v,
      target: 33,
      targetLabel: 'Obiettivo',
      city: { value: 31.4, label: 'Valore della città' },
      unit: '%',
      decimals: 1,
    },
    bar,
    'bar with target': { ...bar, target: { value: 33_000, label: 'Valore della città' } },
    'horizontal bar with target': { ...bar, horizontal: true, target: { value: 33_000, label: 'Città' } },
  };
}

const SIZES = [2, 4, 5, 12, 33, 60];
const renderer = createChartRenderer();
const cases = SIZES.flatMap((n) => Object.entries(specs(n)).map(([name, spec]) => ({ n, name, spec })));
const traces = new Map<string, ChartTrace>();
const traceOf = (n: number, name: string, spec: ChartSpec): ChartTrace => {
  const key = `${n} ${name}`;
  let trace = traces.get(key);
  if (!trace) traces.set(key, (trace = renderer.trace(spec, 'it')));
  return trace;
};
const show = (b: Box): string => `[${b.left.toFixed(1)}, ${b.top.toFixed(1)} – ${b.right.toFixed(1)}, ${b.bottom.toFixed(1)}]`;
/** Boxes that share more than a hair (antialiasing, rounding) overlap. */
const overlap = (a: Box, b: Box): boolean =>
  intersects({ left: a.left + 0.5, top: a.top + 0.5, right: a.right - 0.5, bottom: a.bottom - 0.5 }, b);

describe.each(cases)('a $name of $n areas', ({ n, name, spec }) => {
  it('has bars no thinner and no thicker than the limits, and a height within bounds', () => {
    const { image, geometry } = traceOf(n, name, spec);
    expect(geometry).not.toBeNull();
    const g = geometry!;
    if (g.horizontal) {
      expect(image.height).toBeGreaterThanOrEqual(LAYOUT.minHeight);
      expect(image.height).toBeLessThanOrEqual(LAYOUT.maxHeight);
    } else {
      expect(n).toBeLessThanOrEqual(LAYOUT.verticalMax);
    }
    if (n > LAYOUT.verticalMax) expect(g.horizontal).toBe(true);
    const v = spec.kind === 'bullet' ? spec.values : spec.kind === 'bar' ? spec.series[0]!.values : [];
    g.bars.forEach((bar, i) => {
      if (v[i] == null) return;
      const thickness = g.horizontal ? bar.bottom - bar.top : bar.right - bar.left;
      expect(thickness, `bar ${i}`).toBeGreaterThanOrEqual(LAYOUT.minThickness);
      expect(thickness, `bar ${i}`).toBeLessThanOrEqual((g.horizontal ? LAYOUT.maxThickness : LAYOUT.maxColumn) + 0.01);
    });
  });

  it('draws no text over another text, over the reference line or outside the image', () => {
    const { image, texts, geometry } = traceOf(n, name, spec);
    const boxed = texts.filter((t) => t.box !== null);
    expect(boxed.length).toBe(texts.length); // nothing rotated
    const lines = geometry!.references.map((r) => r.line);
    for (const [i, a] of boxed.entries()) {
      const box = a.box!;
      expect(box.left, a.text).toBeGreaterThanOrEqual(0);
      expect(box.top, a.text).toBeGreaterThanOrEqual(0);
      expect(box.right, a.text).toBeLessThanOrEqual(image.width);
      expect(box.bottom, a.text).toBeLessThanOrEqual(image.height);
      for (const line of lines) expect(overlap(box, line), `"${a.text}" ${show(box)} on a reference line ${show(line)}`).toBe(false);
      for (const b of boxed.slice(i + 1)) {
        expect(overlap(box, b.box!), `"${a.text}" ${show(box)} and "${b.text}" ${show(b.box!)}`).toBe(false);
      }
    }
  });

  it('keeps every value in the text alternative, and places nearly every value label', () => {
    const { image, geometry } = traceOf(n, name, spec);
    const v = spec.kind === 'bullet' ? spec.values : spec.kind === 'bar' ? spec.series[0]!.values : [];
    const labels = spec.kind === 'bullet' || spec.kind === 'bar' ? spec.labels : [];
    for (const label of labels) expect(image.alt).toContain(label);
    const placed = geometry!.labels.filter((l) => l !== null).length;
    expect(placed).toBeGreaterThanOrEqual(Math.ceil(v.length * 0.9));
  });

  it('shortens long names to their room, keeping the n.d. mark', () => {
    const { image, texts, geometry } = traceOf(n, name, spec);
    const first = texts.find((t) => t.text.startsWith('Quartiere con'));
    expect(first).toBeDefined();
    expect(texts.some((t) => t.text === LONG)).toBe(false);
    if (geometry!.horizontal) {
      const nameBoxes = texts.filter((t) => t.box!.right <= geometry!.area.left);
      for (const t of nameBoxes) expect(t.box!.right - t.box!.left).toBeLessThanOrEqual(image.width * LAYOUT.nameShare + 1);
    }
    // Under vertical bars a name may take two lines, the mark on the second.
    if (n > 3)
      expect(texts.some((t) => t.text.endsWith('(n.d.)') && (!geometry!.horizontal || t.text.includes('Porta Cremona')))).toBe(true);
  });
});

describe('bar charts of areas', () => {
  it('are byte-identical when drawn again by another renderer', () => {
    const spec = specs(60).bullet!;
    expect(createChartRenderer().render(spec, 'it').svg).toBe(renderer.render(spec, 'it').svg);
  });

  it('get taller with more areas, within the limits', () => {
    const heights = SIZES.map((n) => renderer.render(specs(n).bullet!, 'it').height);
    for (let i = 1; i < heights.length; i++) expect(heights[i]).toBeGreaterThanOrEqual(heights[i - 1]!);
    expect(heights[0]).toBe(LAYOUT.minHeight);
    expect(heights.at(-1)).toBe(LAYOUT.maxHeight);
  });

  it('respect a height the caller asks for', () => {
    expect(renderer.render(specs(4).bullet!, 'it', { height: 300 }).height).toBe(300);
  });
});

// Pure placement with a font of fixed width: 6 px per character, at any size.
const mono: Measure = (text) => [...text].length * 6;
const area: Box = { left: 100, top: 20, right: 600, bottom: 220 };
const bar = (end: number, center: number, text = '12,5%'): BarGeometry => ({
  base: 100,
  end,
  center,
  thickness: 20,
  text,
  colour: '#0072B2',
  withheld: false,
});

describe('placeValueLabels', () => {
  const place = (bars: BarGeometry[], at: number | null, width = 720) =>
    placeValueLabels(
      {
        bars,
        horizontal: true,
        area,
        width,
        height: 260,
        references: at === null ? [] : [{ at, label: null }],
        size: 12,
        textColour: '#222222',
      },
      mono,
    );

  it('writes the value just after the end of the bar', () => {
    const [label] = place([bar(300, 50)], null);
    expect(label!.box.left).toBe(304);
    expect(label!.colour).toBe('#222222');
  });

  it('moves a label that would cross the reference line past it', () => {
    const [label] = place([bar(300, 50)], 320);
    expect(label!.box.left).toBeGreaterThan(322);
  });

  it('writes the value inside the bar when past the line there is no room, in a colour that reads on it', () => {
    const [label] = place([bar(560, 50)], 570, 600);
    expect(label!.box.right).toBeLessThanOrEqual(556);
    expect(label!.colour).toBe('#ffffff');
  });

  it('leaves a label out when it fits nowhere', () => {
    const [label] = place([bar(130, 50)], 140, 150);
    expect(label).toBeNull();
  });

  it('never lets two labels overlap when the bars are closer than a line of text', () => {
    const labels = place([bar(300, 50), bar(290, 55), bar(300, 60)], null);
    expect(labels[1]!.box.right).toBeLessThanOrEqual(286); // inside its bar, clear of the first label
    expect(labels[2]).toBeNull(); // after its bar and inside it, the others' labels are already there
    expect(intersects(labels[0]!.box, labels[1]!.box)).toBe(false);
  });
});

describe('fitText and wrapText', () => {
  it('shorten with an ellipsis and keep the suffix whole', () => {
    expect(fitText('Brescia Antica', 100, 12, mono)).toBe('Brescia Antica');
    const short = fitText('Villaggio Prealpino-Stocchetta', 90, 12, mono, ' (n.d.)');
    expect(short.endsWith('… (n.d.)')).toBe(true);
    expect(mono(short, 12)).toBeLessThanOrEqual(90);
  });

  it('break a long name on two lines before shortening it', () => {
    expect(wrapText('Porta Cremona-Volta', 80, 12, mono, 2)).toEqual(['Porta', 'Cremona-Volta']);
    const lines = wrapText('Villaggio Prealpino-Stocchetta e dintorni', 80, 12, mono, 2, ' (n.d.)');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('(n.d.)')).toBe(true);
    for (const line of lines) expect(mono(line, 12)).toBeLessThanOrEqual(80);
  });
});
