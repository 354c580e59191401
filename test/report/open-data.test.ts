import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type Built } from './build.js';
import { formatNumber } from '../../src/render/format.js';

// Issue 16: every number the report prints is in the open data, which is a valid Tabular Data Package.
// One build of the embedded project (no PDF); the report's tables are read back from report.html.

let built: Built;
let html: string;
beforeAll(async () => {
  built = await buildReport({ noPdf: true });
  html = await readFile(path.join(built.out, 'report.html'), 'utf8');
}, 180_000);
afterAll(() => built?.remove());

const file = (name: string) => readFile(path.join(built.out, name), 'utf8');

/** RFC 4180 rows (quotes, doubled quotes, CRLF), as our writer emits them: read with csv-parse, as users' tools would. */
function parseCsv(text: string): string[][] {
  return parse(text, { relaxColumnCount: false }) as string[][];
}

async function table(name: string): Promise<Record<string, string>[]> {
  const [head, ...rows] = parseCsv(await file(name));
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

/** The text of every numeric cell of the report's tables whose id starts with `prefix`. */
function numericCells(prefix: string): string[] {
  const cells: string[] = [];
  for (const m of html.matchAll(/<table class="tabella" id="([^"]+)">([\s\S]*?)<\/table>/g)) {
    if (!m[1]!.startsWith(prefix)) continue;
    for (const td of m[2]!.matchAll(/<td class="num[^"]*">([^<]*)<\/td>/g)) cells.push(td[1]!);
  }
  return cells;
}

/** Numbers as the report writes them in Italian: 1.534, 3,36 (signs apart). */
const numbersIn = (text: string) => [...text.matchAll(/\d{1,3}(?:\.\d{3})*(?:,\d+)?/g)].map((m) => m[0]);

describe('datapackage.json is a valid tabular data package', () => {
  it('lists only tabular CSV resources, each with its path, schema fields and key, matching the file', async () => {
    const pkg = JSON.parse(await file('datapackage.json')) as {
      profile: string;
      description: string;
      resources: {
        name: string;
        path: string;
        profile: string;
        format: string;
        mediatype: string;
        schema: { fields: { name: string; type: string }[]; primaryKey: string[] };
      }[];
    };
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.resources.map((r) => r.path)).toEqual([
      'indicatori.csv',
      'questionario.csv',
      'questionario_differenze.csv',
      'risorse.csv',
      'piramidi.csv',
      'impegni.csv',
      // The figures written in the project's texts (data/brescia/testi/).
      'testi_cifre.csv',
    ]);
    // indicatori.json (its lineage is an object per row) is written beside, not declared, and named in the description.
    expect(pkg.description).toContain('indicatori.json');
    for (const resource of pkg.resources) {
      expect(resource).toMatchObject({ profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv' });
      expect(resource.path).toMatch(/^[a-z_]+\.csv$/);
      expect(resource.name).toMatch(/^[a-z0-9._-]+$/);
      const names = resource.schema.fields.map((f) => f.name);
      expect(names.length).toBeGreaterThan(0);
      for (const f of resource.schema.fields) expect(['integer', 'number', 'string', 'boolean']).toContain(f.type);
      for (const key of resource.schema.primaryKey) expect(names).toContain(key);
      const [head, ...rows] = parseCsv(await file(resource.path));
      expect(head, resource.path).toEqual(names);
      expect(rows.length, resource.path).toBeGreaterThan(0);
      const keys = new Set<string>();
      for (const row of rows) {
        expect(row.length, `${resource.path}: ${row.join(',')}`).toBe(names.length);
        resource.schema.fields.forEach((f, i) => {
          const cell = row[i]!;
          if (cell === '') return;
          if (f.type === 'integer') expect(cell, `${resource.path} ${f.name}`).toMatch(/^-?\d+$/);
          if (f.type === 'number') expect(cell, `${resource.path} ${f.name}`).toMatch(/^-?\d+(\.\d+)?$/);
          if (f.type === 'boolean') expect(cell).toMatch(/^(true|false)$/);
        });
        const key = resource.schema.primaryKey.map((k) => row[names.indexOf(k)]).join('|');
        expect(keys.has(key), `${resource.path}: duplicate key ${key}`).toBe(false);
        keys.add(key);
      }
    }
  });

  it('a withheld figure is empty with soppresso and its reason, never the number', async () => {
    for (const [name, columns] of [
      ['questionario.csv', ['hanno_risposto', 'risposte', 'media', 'ic_basso', 'ic_alto']],
      ['piramidi.csv', ['residenti']],
    ] as const) {
      const withheld = (await table(name)).filter((r) => r.soppresso === 'true');
      expect(withheld.length, name).toBeGreaterThan(0);
      for (const row of withheld) {
        for (const c of columns) expect(row[c], `${name} ${c}`).toBe('');
        expect(row.motivo).toMatch(/soglia|soppressione complementare/);
      }
    }
  });
});

describe("every number of the report's tables is in the open data", () => {
  it('survey: every number of every survey table (means, intervals, shares, counts, differences)', async () => {
    const published = new Set<string>();
    for (const name of ['questionario.csv', 'questionario_differenze.csv']) {
      const rows = await table(name);
      for (const row of rows) {
        for (const [column, cell] of Object.entries(row)) {
          if (cell === '' || !/^-?\d+(\.\d+)?$/.test(cell) || column === 'anno') continue;
          const value = Math.abs(Number(cell));
          const decimals = /^(media|ic_|differenza)/.test(column) ? 2 : 0;
          published.add(formatNumber(value, 'it', decimals));
        }
      }
    }
    const cells = numericCells('tab-questionario');
    expect(cells.length).toBeGreaterThan(500);
    const missing = cells.flatMap(numbersIn).filter((n) => !published.has(n));
    expect(missing).toEqual([]);
  });

  it("survey: the city's means by dimension are the open data's, cell by cell", async () => {
    const rows = (await table('questionario.csv')).filter((r) => r.livello === 'citta' && r.tipo === 'dimensione');
    const means = html.match(/<table class="tabella" id="tab-questionario">[\s\S]*?<tr class="totale">([\s\S]*?)<\/tr>/)![1]!;
    const printed = [...means.matchAll(/<td class="num(?: intervallo)?">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(printed[0]).toBe(formatNumber(Number(rows[0]!.rispondenti), 'it', 0));
    expect(printed.slice(1)).toEqual(
      rows.map(
        (r) =>
          `${formatNumber(Number(r.media), 'it', 2)} (${formatNumber(Number(r.ic_basso), 'it', 2)}–${formatNumber(Number(r.ic_alto), 'it', 2)})`,
      ),
    );
  });

  it("resources: the totals of the resources chapter are risorse.csv's", async () => {
    const rows = await table('risorse.csv');
    const total = (misura: string) => formatNumber(Number(rows.find((r) => r.anno === '2024' && r.misura === misura)!.valore), 'it', 0);
    expect(html).toContain(
      `Nel 2024 i servizi del progetto hanno impiegato ${total('spesa_euro')} euro, ${total('ore')} ore di servizio e ${total('volontari')} volontari`,
    );
    for (const row of rows) expect(row.fonti).toMatch(/erogazioni/);
  });

  it('commitments: the counts by cantiere and by how they stand follow from impegni.csv, whose andamento follows from deadline and state', async () => {
    const rows = await table('impegni.csv');
    // Late: due on or before 31 December of the report year and not completed, whatever the progress.
    for (const r of rows) {
      const late = r.scadenza !== '' && r.scadenza! <= `${r.anno}-12-31` && r.stato !== 'completato';
      expect(r.andamento === 'in_ritardo', `${r.codice} ${r.scadenza} ${r.stato}`).toBe(late);
    }
    const printed = html.match(/<table class="tabella" id="tab-impegni-cantieri">([\s\S]*?)<\/table>/)![1]!;
    const body = [...printed.matchAll(/<tr[^>]*>\s*<th scope="row">[^<]*<\/th>((?:<td class="num(?: intervallo)?">[^<]*<\/td>)+)/g)].map(
      (m) => [...m[1]!.matchAll(/<td class="num(?: intervallo)?">([^<]*)<\/td>/g)].map((c) => c[1]),
    );
    const cantieri = [...new Set(rows.map((r) => r.cantiere))];
    const shown = ['completato', 'nei_tempi', 'in_ritardo', 'non_avviato', 'sospeso'];
    const expected = [...cantieri.map((k) => rows.filter((r) => r.cantiere === k)), rows].map((group) => [
      String(group.length),
      ...shown.map((a) => String(group.filter((r) => r.andamento === a).length)),
    ]);
    expect(body).toEqual(expected);
  });

  it("pyramids: every band of every pyramid (city and quartieri) is piramidi.csv's, withheld cells as n.d.", async () => {
    const rows = await table('piramidi.csv');
    const cell = (area: string, classe: string, sesso: string, cittadinanza: string) => {
      const row = rows.find((r) => r.area === area && r.classe === classe && r.sesso === sesso && r.cittadinanza === cittadinanza)!;
      return row.soppresso === 'true' ? 'n.d. (dato riservato)' : formatNumber(Number(row.residenti), 'it', 0);
    };
    const figures = [
      ...html.matchAll(
        /<figure class="figura" id="fig-(piramide-citta|q-(\d+))"[^>]*>\s*<div class="grafico" role="img" aria-label="([^"]*)"/g,
      ),
    ];
    expect(figures.length).toBe(34);
    for (const [, , quartiere, alt] of figures) {
      const area = quartiere ?? 'citta';
      const bands = alt!
        .replace(/&#x27;/g, "'")
        .split(/Per fascia \(maschi \/ femmine\): /)[1]!
        .split(/\. Fascia più numerosa/)[0]!
        .split('; ');
      for (const band of bands) {
        const [classe] = band.split(' ');
        const expected =
          area === 'citta'
            ? `${classe} ${cell(area, classe!, 'M', 'tutte')} (di cui stranieri ${cell(area, classe!, 'M', 'straniera')}) / ${cell(area, classe!, 'F', 'tutte')} (di cui straniere ${cell(area, classe!, 'F', 'straniera')})`
            : `${classe} ${cell(area, classe!, 'M', 'tutte')} / ${cell(area, classe!, 'F', 'tutte')}`;
        expect(band, `${area} ${classe}`).toBe(expected);
      }
    }
  });
});
