// residenti.csv streamed, validated and counted: the same counts as the in-memory table path,
// the same problems at the same places, a limit per code, and memory that does not grow with the file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTable } from '../../src/ingest/read-table.js';
import { loadSchemas } from '../../src/schemas/load-schemas.js';
import { createQuartiereIndex, type QuartiereIndex } from '../../src/validate/quartieri.js';
import { validateTable } from '../../src/validate/validate-table.js';
import { streamResidenti, type ResidentiStreamOptions } from '../../src/validate/residenti/stream-residenti.js';
import type { Problem, TypedRow } from '../../src/types.js';
import { seeded, writeResidentiFile } from '../../bench/residenti-file.js';
import { bresciaCatalogues } from '../helpers/brescia-catalogues.js';
import { said } from '../helpers/said.js';
import { say } from '../../src/i18n.js';

const schemas = loadSchemas();
let quartieri: QuartiereIndex;
let codes: string[];
let dir: string;

beforeAll(async () => {
  const territorio = (await bresciaCatalogues()).territorio;
  quartieri = createQuartiereIndex(territorio.quartieri);
  codes = territorio.quartieri.map((q) => q.codice);
  dir = await mkdtemp(path.join(tmpdir(), 'bilancio-residenti-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const stream = (file: string, options: Partial<ResidentiStreamOptions> = {}) =>
  streamResidenti(file, { displayPath: 'dati/2024/residenti.csv', anno: 2024, schemas, quartieri, ...options });

/** The oracle: the file read whole by parseTable, checked by validateTable, counted naively. */
function tablePath(bytes: Uint8Array) {
  const entry = schemas.datasets.get('residenti')!;
  const table = parseTable(bytes, 'dati/2024/residenti.csv');
  const checked = validateTable(table, {
    dataset: 'residenti',
    schema: entry.schema,
    quartieri,
    validateRow: (row) => entry.validateRow(row) as boolean,
    rowErrors: () => entry.validateRow.errors,
  });
  const counts = new Map<string, number>();
  for (const { values: v, invalid } of checked.rows) {
    if (invalid || v.cittadinanza === null || v.cittadinanza === undefined) continue;
    const eta = Math.min(100, (v.anno as number) - (v.anno_nascita as number));
    const key = [v.codice_quartiere, v.sesso, eta, v.cittadinanza].join('|');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { counts, problems: checked.problems };
}

const countsOf = (rows: TypedRow[]) =>
  new Map(rows.map(({ values: v }) => [[v.codice_quartiere, v.sesso, v.eta, v.cittadinanza].join('|'), v.residenti]));
const place = (p: Problem) => `${p.code}@${p.row ?? '-'}:${p.column ?? '-'} ${say('it', p.message)}`;

/** A residenti file written every way people write one: codes, numbers, names, quotes, ND. */
function variedFile(rows: number, seed: number): string[] {
  const random = seeded(seed);
  const written = [
    '17029018',
    '18',
    "Sant'Eufemia",
    'S. Eufemia',
    'Sant’Eufemia',
    '"Porta Cremona - Volta"',
    '17029001',
    'ND',
    '"17029005"',
    'Chiusure',
  ];
  const lines = ['anno;codice_quartiere;anno_nascita;sesso;cittadinanza'];
  for (let i = 0; i < rows; i++) {
    const quartiere = random() < 0.5 ? codes[Math.floor(random() * codes.length)]! : written[Math.floor(random() * written.length)]!;
    const nascita = 2024 - Math.floor(random() * 108);
    const sesso = random() < 0.5 ? 'M' : '"F"';
    lines.push(`2024;${quartiere};${nascita};${sesso};${random() < 0.2 ? 'STR' : 'ITA'}`);
  }
  return lines;
}

describe('streamed residenti: the same counts as the table path', () => {
  const files: [string, () => Uint8Array][] = [
    [
      'UTF-8 with BOM, CRLF, quoted fields',
      () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${variedFile(3000, 1).join('\r\n')}\r\n`)]),
    ],
    ['Windows-1252, CRLF, quoted fields', () => iconv.encode(`${variedFile(3000, 2).join('\r\n')}\r\n`, 'win1252')],
    [
      'UTF-8, LF, a name column, a multi-line quoted field',
      () =>
        Buffer.from(
          `${variedFile(3000, 3)
            .join('\n')
            .replace(/^anno;codice_quartiere/, 'anno;quartiere')
            .replace('\n2024;', '\n"2024\n";')}\n`,
        ),
    ],
  ];
  for (const [name, bytes] of files) {
    for (const chunkSize of [1024, 1024 * 1024]) {
      it(`${name} (chunks of ${chunkSize} bytes)`, async () => {
        const file = path.join(dir, `${name.replace(/\W+/g, '_')}.csv`);
        const content = bytes();
        await writeFile(file, content);
        const streamed = await stream(file, { chunkSize });
        const expected = tablePath(content);
        expect(countsOf(streamed.rows)).toEqual(expected.counts);
        expect(streamed.problems.map(place).sort()).toEqual(expected.problems.map(place).sort());
        expect(streamed.rows.reduce((n, r) => n + (r.values.residenti as number), 0)).toBeGreaterThan(2500);
      });
    }
  }
});

describe('streamed residenti: problems', () => {
  it('are those of the table validator, at the same rows and columns', async () => {
    const text = [
      'anno;codice_quartiere;anno_nascita;sesso;cittadinanza;note',
      '2024;17029001;1950;M;ITA;',
      '2024;Quartiere Inventato;1980;F;ITA;',
      '2024;17029001;19x0;M;STR;',
      '',
      '2024;17029002;1975;X;ITA;',
      '2024;17029002;1975;F;',
      '2024;17029003;1800;F;ITA;',
      ';;;;;',
      '2024;17029003;1990;F;ITA;;extra',
      '2024;S. Eufemia;1990;F;ITA;',
      '2024;;1990;F;ITA;',
      '"2024";"17029004";"1999";"M";"UE";',
    ].join('\r\n');
    const file = path.join(dir, 'errori.csv');
    await writeFile(file, text);
    const streamed = await stream(file, { chunkSize: 16 });
    const expected = tablePath(Buffer.from(text));
    expect(streamed.problems.map(place).sort()).toEqual(expected.problems.map(place).sort());
    expect(streamed.problems.map((p) => `${p.code}@${p.row}:${p.columnLetter ?? '-'}`).sort()).toEqual([
      'blank-row@5:-',
      'blank-row@9:-',
      'constraint-error@12:B',
      'constraint-error@13:E',
      'constraint-error@6:D',
      'constraint-error@7:E',
      'constraint-error@8:C',
      'extra-cell@10:G',
      'extra-label@1:F',
      'foreign-key@3:B',
      'missing-cell@7:F',
      'quartiere-match@11:B',
      'type-error@4:C',
    ]);
    expect(countsOf(streamed.rows)).toEqual(expected.counts);
  });

  it('without a required column: the missing-label and the shape of each row, as the table validator', async () => {
    const text =
      'anno;codice_quartiere;anno_nascita;cittadinanza\n2024;17029001;1950;ITA\n2024;17029001;1950\n;;;\n\n2024;17029001;1950;ITA;x\n';
    const file = path.join(dir, 'senza-sesso.csv');
    await writeFile(file, text);
    const streamed = await stream(file, { chunkSize: 8 });
    expect(streamed.problems.map(place).sort()).toEqual(tablePath(Buffer.from(text)).problems.map(place).sort());
    expect(streamed.problems.map((p) => p.code).sort()).toEqual(['blank-row', 'blank-row', 'extra-cell', 'missing-cell', 'missing-label']);
    expect(streamed.rows).toEqual([]);
  });

  it("add the checks across cells: a year other than the folder's, a birth after the year", async () => {
    const file = path.join(dir, 'anni.csv');
    await writeFile(
      file,
      'anno;codice_quartiere;anno_nascita;sesso;cittadinanza\n2023;17029001;1950;M;ITA\n2024;17029001;2025;M;ITA\n2024;17029001;1900;F;ITA\n',
    );
    const streamed = await stream(file);
    expect(streamed.problems.map((p) => [p.code, p.row, p.columnLetter, p.field, p.value])).toEqual([
      ['consistency-error', 2, 'A', 'anno', '2023'],
      ['constraint-error', 3, 'C', 'anno_nascita', '2025'],
    ]);
    // Born in 1900, counted at 100 ("100 and over").
    expect(streamed.rows.map((r) => [r.values.eta, r.values.residenti, r.row])).toEqual([[100, 1, 4]]);
  });

  it('are kept up to the limit per code, and the rest counted in one closing problem', async () => {
    const lines = ['anno;codice_quartiere;anno_nascita;sesso;cittadinanza'];
    for (let i = 0; i < 250; i++) lines.push(`2024;17029001;1950;X;ITA`, `2024;17029001;19x0;M;ITA`, `2024;17029001;1950;M;ITA`);
    const file = path.join(dir, 'limite.csv');
    await writeFile(file, lines.join('\n'));
    const streamed = await stream(file, { problemsPerCode: 100 });
    const byCode = (code: string) => said(streamed.problems).filter((p) => p.code === code);
    expect(byCode('constraint-error')).toHaveLength(101);
    expect(byCode('type-error')).toHaveLength(101);
    expect(byCode('type-error')[100]).toMatchObject({ value: '150', message: expect.stringMatching(/^… e altri 150 errori type-error/) });
    expect(byCode('type-error')[99]!.row).toBe(2 + 3 * 99 + 1);
    expect(streamed.rows[0]!.values.residenti).toBe(250);
    expect(streamed.rowsRead).toBe(750);
  });

  it('an encoding error stops the file: no rows, the problem at its row', async () => {
    const file = path.join(dir, 'codifica.csv');
    const ascii = Buffer.from(
      `anno;codice_quartiere;anno_nascita;sesso;cittadinanza\ncittà;1;1;M;ITA\n${'2024;17029001;1950;M;ITA\n'.repeat(20_000)}`,
    );
    await writeFile(file, Buffer.concat([ascii, Buffer.from([0x32, 0x30, 0x32, 0xe0, 0x0a])]));
    const streamed = await stream(file);
    expect(streamed.rows).toEqual([]);
    expect(streamed.problems[0]).toMatchObject({ code: 'encoding-error', row: 20_003, value: '0xE0' });
  });
});

describe('streamed residenti: memory', () => {
  it('does not grow with the file (2,000,000 rows, 50 MB, read in 256 KiB chunks)', async () => {
    const file = path.join(dir, 'grande.csv');
    const territory = codes.map((codice, i) => ({ codice, peso: 1 + (i % 5) }));
    const written = await writeResidentiFile(file, { rows: 2_000_000, anno: 2024, quartieri: territory, badEvery: 250_000 });
    expect(written.bytes).toBeGreaterThan(45_000_000);
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const streamed = await stream(file, {
      progressEveryMs: 0,
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      },
    });
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    expect(streamed.rowsRead).toBe(2_000_000);
    expect(streamed.rows.reduce((n, r) => n + (r.values.residenti as number), 0)).toBe(2_000_000 - written.bad);
    // Holding the file would take more than 50 MB; the stream keeps a buffer, counts and a few problems.
    expect(peak - before).toBeLessThan(24 * 1024 * 1024);
  }, 60_000);
});
