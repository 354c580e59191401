import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, copyOfBrescia } from './build.js';

// The map of the quartieri drawn from the project's GeoJSON when it has one, instead of the tiles;
// and drawn from nothing when it has neither (the report still builds, without maps).

const BRESCIA_LON = 10.21;
const BRESCIA_LAT = 45.54;

/** A GeoJSON of the quartieri made from the tile layout: each tile a small square in degrees. */
async function geojsonFromTiles(project: string, leaveOut: string): Promise<string> {
  const csv = await readFile(path.join(project, 'territorio/mappa_tile.csv'), 'utf8');
  const features = csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter(([codice]) => codice !== leaveOut)
    .map(([codice, riga, colonna], i) => {
      const [x, y] = [BRESCIA_LON + Number(colonna) * 0.012, BRESCIA_LAT - Number(riga) * 0.008];
      const ring = [
        [x, y],
        [x + 0.011, y],
        [x + 0.011, y - 0.007],
        [x, y - 0.007],
        [x, y],
      ];
      // Every other quartiere as a MultiPolygon with a second, smaller part.
      const geometry =
        i % 2 === 0
          ? { type: 'Polygon', coordinates: [ring] }
          : {
              type: 'MultiPolygon',
              coordinates: [
                [ring],
                [
                  [
                    [x, y],
                    [x + 0.002, y],
                    [x + 0.002, y - 0.002],
                    [x, y],
                  ],
                ],
              ],
            };
      return { type: 'Feature', properties: { codice_quartiere: codice }, geometry };
    });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('maps from the project', () => {
  const remove: (() => Promise<void>)[] = [];
  let withShapes: { html: string; validation: string };
  let withoutMap: string;

  beforeAll(async () => {
    const shapes = await copyOfBrescia();
    const bare = await copyOfBrescia();
    remove.push(shapes.remove, bare.remove);
    await writeFile(path.join(shapes.dir, 'territorio/quartieri.geojson'), await geojsonFromTiles(shapes.dir, '17029016'));
    await rm(path.join(bare.dir, 'territorio/mappa_tile.csv'));
    const [a, b] = await Promise.all([buildReport({ noPdf: true }, shapes.dir), buildReport({ noPdf: true }, bare.dir)]);
    remove.push(a.remove, b.remove);
    withShapes = {
      html: await readFile(path.join(a.out, 'report.html'), 'utf8'),
      validation: await readFile(path.join(a.out, 'validazione.json'), 'utf8'),
    };
    withoutMap = await readFile(path.join(b.out, 'report.html'), 'utf8');
  }, 240_000);
  afterAll(async () => {
    await Promise.all(remove.map((r) => r()));
  });

  it('draws the quartieri as shapes from territorio/quartieri.geojson', () => {
    const map = /<figure class="figura" id="fig-mappa-quota_65_plus"[\s\S]*?<\/figure>/.exec(withShapes.html)?.[0] ?? '';
    expect(map).toContain('fill-rule="evenodd"');
    expect(map.match(/<path d="M/g)).toHaveLength(32);
    expect(map).not.toContain('rx="3"'); // no tiles
    expect(map).toContain('Mappa dei 33 quartieri');
  });

  it('warns, in validazione.json, about a quartiere the GeoJSON leaves out', () => {
    expect(withShapes.validation).toContain('territorio/quartieri.geojson');
    expect(withShapes.validation).toMatch(/Mancano sulla mappa 1 quartieri: Caionvico/);
  });

  it('builds without maps when the project has neither GeoJSON nor tiles', () => {
    expect(withoutMap).not.toContain('fig-mappa-');
    expect(withoutMap).toMatch(/<h2 id="la-citta-titolo">La città<\/h2>/);
    expect(withoutMap).not.toMatch(/Le mappe \(/);
  });
});
