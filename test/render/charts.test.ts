import { describe, expect, it } from 'vitest';
import { chartKey, createChartRenderer, type ChartSpec } from '../../src/render/charts.js';

const zone: ChartSpec = {
  kind: 'bar',
  title: 'Residenti per zona nel 2024',
  labels: ['Centro', 'Nord', 'Sud', 'Est'],
  series: [{ label: 'Residenti', values: [12_500, 16_000, 19_750, 9_100] }],
};
const trend: ChartSpec = {
  kind: 'line',
  title: 'Residenti stranieri',
  labels: ['2020', '2021', '2022', '2023', '2024'],
  series: [
    { label: 'Città', values: [33.5, 34.1, null, 35.2, 36] },
    { label: 'Zona Sud', values: [40.25, 41, 41.5, 42, 43.75] },
  ],
  unit: '%',
  decimals: 1,
};
const pyramid: ChartSpec = {
  kind: 'pyramid',
  title: 'Residenti per età',
  bands: ['0-4', '5-9', '10-14', '15-19', '100+'],
  male: [4_000, 4_200, 3_900, 3_500, 10],
  female: [3_800, 4_100, 3_700, 3_600, 40],
  maleForeign: [900, 800, 700, 600, 0],
  femaleForeign: [850, 760, 650, 640, 1],
  totals: { male: 15_610, female: 15_240, maleForeign: 3_000, femaleForeign: 2_901 },
  largestBand: { band: '5-9', residenti: 8_300 },
};
const bullet: ChartSpec = {
  kind: 'bullet',
  title: 'Copertura dei nidi',
  labels: ['Nord', 'Sud', 'Est', 'Ovest'],
  values: [35, 28.25, null, 41.5],
  target: 33,
  targetLabel: 'Obiettivo UE',
  unit: '%',
  decimals: 1,
};
const BLUE_FILL = 'fill:rgb(0%,44.71%,69.8%)'; // #0072B2, the first series colour

/** Well-formedness, enough for our SVG: every opened tag closed, in order. */
function assertBalanced(svg: string): void {
  const stack: string[] = [];
  for (const [, close, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (close) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
}

describe('renderChart', () => {
  const renderer = createChartRenderer();

  it('begins a line of two years at zero, and lets a longer one follow its data', () => {
    const ticks = (spec: ChartSpec) =>
      [...renderer.render(spec, 'it').svg.matchAll(/<text[^>]*>([^<]*%)<\/text>/g)].map((m) => Number.parseFloat(m[1]!));
    const twoYears: ChartSpec = { ...trend, labels: ['2023', '2024'], series: [{ label: 'Città', values: [35.2, 36] }] };
    // 35,2 → 36: on an axis from 35 the change would look steep.
    expect(Math.min(...ticks(twoYears))).toBe(0);
    expect(Math.min(...ticks(trend))).toBeGreaterThan(0);
  });

  it.each([zone, trend, pyramid, bullet])('draws a $kind chart as an inline SVG', (spec) => {
    const image = renderer.render(spec, 'it');
    expect(image.svg.startsWith('<svg')).toBe(true);
    expect(image.svg.trimEnd().endsWith('</svg>')).toBe(true);
    assertBalanced(image.svg);
    expect(image.svg).toContain(`width="${image.width}" height="${image.height}"`);
    expect(image.svg).toContain(`viewBox="0 0 720 ${image.height}"`);
    expect(image.svg).toContain('role="img"');
    expect(image.svg).toContain(`<title id="chart-`);
    expect(image.svg).not.toMatch(/<script|\son\w+=|<foreignObject/i);
    expect(image.alt.length).toBeGreaterThan(spec.title.length);
  });

  it('writes Italian numbers on the ticks and in the alt text', () => {
    const { image, drawnText } = renderer.trace(zone, 'it');
    expect(drawnText).toContain('16.000');
    expect(drawnText.join(' ')).not.toContain('16,000');
    expect(image.alt).toBe(
      'Grafico a barre: Residenti per zona nel 2024. Centro 12.500; Nord 16.000; Sud 19.750; Est 9.100. ' +
        'Valore più alto: Sud (19.750), più basso: Est (9.100).',
    );
  });

  it('writes English numbers in English', () => {
    const { image, drawnText } = renderer.trace(zone, 'en');
    expect(drawnText).toContain('16,000');
    expect(image.alt).toContain('Highest value: Sud (19,750), lowest: Est (9,100).');
  });

  it('writes decimals with a comma and the unit', () => {
    const { image, drawnText } = renderer.trace(trend, 'it');
    expect(image.alt).toContain('Città: 2020 33,5%; 2021 34,1%; 2022 n.d. (dato riservato); 2023 35,2%; 2024 36,0%');
    expect(image.alt).toContain('variazione 2020–2024: +2,5');
    expect(image.alt).toContain('Valore più alto: Zona Sud, 2024 (43,8%), più basso: Città, 2020 (33,5%).');
    expect(drawnText.some((text) => /^\d+(,\d)?%$/.test(text))).toBe(true);
  });

  it('draws no bar for a withheld value and marks its label n.d.', () => {
    const withheld: ChartSpec = { ...zone, series: [{ label: 'Residenti', values: [12_500, 16_000, 19_750, null] }] };
    const full = renderer.trace(zone, 'it');
    const partial = renderer.trace(withheld, 'it');
    const bars = (svg: string): number => svg.split(BLUE_FILL).length - 1;
    expect(bars(full.image.svg)).toBe(4);
    expect(bars(partial.image.svg)).toBe(3);
    expect(partial.drawnText).toContain('Est (n.d.)');
    expect(partial.drawnText).toContain('n.d. = dato riservato');
    expect(partial.image.alt).toContain('Est n.d. (dato riservato)');
    expect(partial.image.alt).toContain('più basso: Centro (12.500)');
  });

  it('shows absolute values on both sides of the pyramid', () => {
    const { image, drawnText } = renderer.trace(pyramid, 'it');
    expect(drawnText.filter((text) => text === '2.000')).toHaveLength(2);
    expect(drawnText.some((text) => text.startsWith('-') || text.startsWith('\u2212'))).toBe(false);
    expect(drawnText).toEqual(expect.arrayContaining(['Maschi stranieri', 'Femmine italiane', '100+']));
    expect(image.alt).toContain('Maschi 15.610, femmine 15.240.');
    expect(image.alt).toContain('0-4 4.000 (di cui stranieri 900) / 3.800 (di cui straniere 850)');
    expect(image.alt).toContain('Fascia più numerosa: 5-9 (8.300).');
  });

  it('tells which areas reach the target', () => {
    const { image, drawnText } = renderer.trace(bullet, 'it');
    expect(image.alt).toContain('Obiettivo (Obiettivo UE): 33,0%.');
    expect(image.alt).toContain("Sud 28,3% (sotto l'obiettivo); Est n.d. (dato riservato)");
    expect(image.alt).toContain("Aree che raggiungono l'obiettivo: 2 su 3.");
    expect(drawnText).toEqual(expect.arrayContaining(['Obiettivo UE 33,0%', 'Est (n.d.)', 'n.d.', '41,5%']));
  });

  it('draws the city value beside the target as a second line, apart in style, in the legend and in the text', () => {
    const both: ChartSpec = { ...bullet, city: { value: 30.5, label: 'Valore della città' } } as ChartSpec;
    const { image, drawnText, geometry } = renderer.trace(both, 'it');
    const [target, city] = geometry!.references;
    expect(geometry!.references).toHaveLength(2);
    expect([target!.value, city!.value]).toEqual([33, 30.5]);
    expect(city!.line.right).toBeLessThan(target!.line.left); // 30,5 left of 33
    expect(city!.dash).not.toEqual(target!.dash);
    expect(drawnText).toEqual(expect.arrayContaining(['Obiettivo UE 33,0%', 'Valore della città 30,5%', '33,0%', '30,5%']));
    expect(image.alt).toContain('Obiettivo (Obiettivo UE): 33,0%. Riferimento (Valore della città): 30,5%.');
    // Without a city value, the target's line alone.
    expect(renderer.trace(bullet, 'it').geometry!.references).toHaveLength(1);
  });

  it('gives byte-identical SVG for the same input, in any renderer', () => {
    const first = createChartRenderer().render(pyramid, 'it').svg;
    const second = createChartRenderer().render(pyramid, 'it').svg;
    createChartRenderer().render(zone, 'it'); // other drawings in between must not matter
    expect(createChartRenderer().render(pyramid, 'it').svg).toBe(first);
    expect(second).toBe(first);
  });

  it('renders each distinct spec once', () => {
    const reordered = { series: zone.series, labels: zone.labels, title: zone.title, kind: 'bar' } as ChartSpec;
    expect(renderer.render(reordered, 'it')).toBe(renderer.render(zone, 'it'));
    expect(chartKey(reordered, 'it', {})).toBe(chartKey(zone, 'it', {}));
    expect(renderer.render(zone, 'en')).not.toBe(renderer.render(zone, 'it'));
    const small = renderer.render(zone, 'it', { width: 480, height: 240 });
    expect([small.width, small.height]).toEqual([480, 240]);
  });

  it('keeps the ids of two charts apart, for one HTML page', () => {
    const ids = (svg: string): string[] => [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
    const a = ids(renderer.render(zone, 'it').svg);
    const b = ids(renderer.render(bullet, 'it').svg);
    expect(a.length).toBeGreaterThan(2);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect(new Set(a).size).toBe(a.length);
  });

  it('escapes labels from the data inside the SVG', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const spec: ChartSpec = { ...zone, title: `Zone & ${hostile}`, labels: ['Centro', hostile, 'Sud', 'Est'] };
    const { svg, alt } = renderer.render(spec, 'it');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).toContain('Zone &amp; &lt;img');
    expect(alt).toContain(hostile); // the template engine escapes the alt text
    assertBalanced(svg);
  });

  it('refuses a spec whose values do not match its labels', () => {
    const broken: ChartSpec = { ...zone, series: [{ label: 'Residenti', values: [1, 2] }] };
    expect(() => renderer.render(broken, 'it')).toThrow(RangeError);
    expect(() => renderer.render({ ...bullet, values: [1, Number.NaN, 3, 4] }, 'it')).toThrow(/finite/);
  });
});
