import { describe, expect, it } from 'vitest';
import type { RawTable } from '../../src/types.js';
import { classify, contrast, SEQUENTIAL, textOn } from '../../src/render/map-classes.js';
import { parseGeojson, parseTiles, type MapLayout } from '../../src/validate/map-layout.js';
import { drawMap, wrapName, type MapArea } from '../../src/render/map-svg.js';
import { said } from '../helpers/said.js';

const QUARTIERI = new Map([
  ['1', 'Centro'],
  ['2', 'Nord'],
  ['3', "Sant'Eufemia"],
  ['4', 'Villaggio Prealpino-Stocchetta'],
]);

function table(rows: string[][], header = ['codice_quartiere', 'riga', 'colonna']): RawTable {
  return {
    file: 'territorio/mappa_tile.csv',
    dialect: { encoding: 'utf-8', delimiter: ',', lineEnding: '\n', skippedTitleRows: 0 },
    header,
    rows,
    rowNumbers: rows.map((_, i) => i + 2),
    problems: [],
  };
}

const square = (x: number, y: number): number[][][] => [
  [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ],
];

describe('the map layout', () => {
  it('reads tiles and warns, with row numbers, about what it leaves off', () => {
    const { layout, problems } = parseTiles(
      table([
        ['1', '0', '0'],
        ['2', '0', '1'],
        ['9', '1', '1'],
        ['3', '0', '1'],
        ['4', 'x', '2'],
      ]),
      QUARTIERI,
    );
    expect(layout).toEqual({
      kind: 'tiles',
      file: 'territorio/mappa_tile.csv',
      tiles: [
        { codice: '1', riga: 0, colonna: 0 },
        { codice: '2', riga: 0, colonna: 1 },
      ],
    });
    expect(problems.map((p) => [p.code, p.row])).toEqual([
      ['foreign-key', 4],
      ['unique-error', 5],
      ['type-error', 6],
      ['consistency-error', undefined],
    ]);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(said(problems).at(-1)!.message).toContain("Sant'Eufemia");
  });

  it('draws no tile map without its columns', () => {
    const { layout, problems } = parseTiles(table([['1', '0']], ['codice_quartiere', 'riga']), QUARTIERI);
    expect(layout).toBeNull();
    expect(problems[0]).toMatchObject({ code: 'missing-label', field: 'colonna' });
  });

  it('reads a GeoJSON of polygons and multipolygons by codice_quartiere', () => {
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { codice_quartiere: 1 }, geometry: { type: 'Polygon', coordinates: square(10, 45) } },
        {
          type: 'Feature',
          properties: { codice_quartiere: '2' },
          geometry: { type: 'MultiPolygon', coordinates: [square(11, 45), square(13, 45)] },
        },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } },
      ],
    });
    const { layout, problems } = parseGeojson(geojson, 'territorio/quartieri.geojson', QUARTIERI);
    expect(layout?.kind).toBe('shapes');
    expect(layout?.kind === 'shapes' && layout.shapes.map((s) => [s.codice, s.polygons.length])).toEqual([
      ['1', 1],
      ['2', 2],
    ]);
    expect(problems.map((p) => p.code)).toEqual(['type-error', 'consistency-error']);
    expect(parseGeojson('{nope', 'q.geojson', QUARTIERI).layout).toBeNull();
  });
});

describe('the map classes', () => {
  it('cuts quantiles, keeps equal values together, puts the withheld apart', () => {
    const areas = [5, 1, 2, 2, 2, 3, 8, null, 9, 10].map((value, i) => ({ codice: String(i), value }));
    const { classes, nd } = classify(areas, 3);
    expect(nd).toEqual(['7']);
    // Sorted: 1 2 2 2 | 3 5 | 8 9 10: the second class would start on a 2, so it starts on the 3.
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [1, 2],
      [3, 5],
      [8, 10],
    ]);
    expect(classes.flatMap((c) => c.codici)).toHaveLength(9);
    expect(classes.map((c) => c.colour)).toEqual([SEQUENTIAL[0], SEQUENTIAL[2], SEQUENTIAL[4]]);
  });

  it('labels every class in a colour that reads on it (WCAG AA)', () => {
    for (const colour of SEQUENTIAL) expect(contrast(colour, textOn(colour))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('drawMap', () => {
  const areas = new Map<string, MapArea>([
    ['1', { nome: 'Centro <b>&', valore: '12,5', fill: SEQUENTIAL[0], textColour: '#000000' }],
    ['2', { nome: 'Nord', valore: 'n.d.', fill: null, textColour: '#000000' }],
  ]);
  const legend = {
    title: 'Quota (%) <x>',
    items: [
      { label: 'da 1 a 2 (1 quartiere)', fill: SEQUENTIAL[0] },
      { label: 'n.d. (1 quartiere)', fill: null },
    ],
  };

  it.each<MapLayout>([
    {
      kind: 'tiles',
      file: 't.csv',
      tiles: [
        { codice: '1', riga: 0, colonna: 0 },
        { codice: '2', riga: 1, colonna: 1 },
      ],
    },
    {
      kind: 'shapes',
      file: 'q.geojson',
      shapes: [
        { codice: '1', polygons: [square(10.2, 45.5) as [number, number][][]] },
        { codice: '2', polygons: [square(11.2, 45.5) as [number, number][][]] },
      ],
    },
  ])('draws $kind as inline SVG with every text escaped and the withheld hatched', (layout) => {
    const { svg } = drawMap({ id: 'mappa-x', title: 'Mappa <t>', desc: 'Classi & quartieri', layout, areas, legend });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 720 \d+"/);
    expect(svg).toContain('role="img" aria-labelledby="mappa-x-title mappa-x-desc"');
    expect(svg).toContain('Centro &lt;b&gt;&amp;');
    expect(svg).toContain('<title id="mappa-x-title">Mappa &lt;t&gt;</title>');
    expect(svg).toContain('Quota (%) &lt;x&gt;');
    expect(svg).toContain('fill="url(#mappa-x-nd)"');
    expect(svg).not.toMatch(/<b>|<script|<a\b|tabindex/);
  });

  it('wraps long names on tiles, after spaces and hyphens', () => {
    const { lines } = wrapName('Villaggio Prealpino-Stocchetta', 80);
    expect(lines).toEqual(['Villaggio', 'Prealpino-', 'Stocchetta']);
    expect(wrapName('Mompiano', 80).lines).toEqual(['Mompiano']);
  });
});
