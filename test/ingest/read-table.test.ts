import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatasetFile, listDatasetFiles, readTable } from '../../src/ingest/read-table.js';
import { saidTable } from '../helpers/said.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bilancio-ingest-'));
  const book = new ExcelJS.Workbook();
  book.addWorksheet('erogazioni').addRow(['anno', 'utenti']);
  book.getWorksheet('erogazioni')?.addRow([2024, 5]);
  const files: Record<string, string | Uint8Array> = {
    'erogazioni.csv': 'anno;utenti\n2024;3\n',
    'erogazioni_auser.csv': 'anno;utenti\n2024;4\n',
    'erogazioni-2.xlsx': new Uint8Array(await book.xlsx.writeBuffer()),
    'erogazioniextra.csv': 'x',
    'popolazione.csv': 'x',
    'erogazioni.pdf': 'x',
    'voci.json': '[{"id":"v1"}]',
    'vecchio.xls': 'x',
  };
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  await mkdir(path.join(dir, 'erogazioni_cartella.csv'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readTable', () => {
  it('dispatches on the extension: CSV, JSON, XLSX', async () => {
    const csv = await readTable(path.join(dir, 'erogazioni_auser.csv'), { displayPath: 'dati/2024/erogazioni_auser.csv' });
    expect(csv).toMatchObject({ file: 'dati/2024/erogazioni_auser.csv', rows: [['2024', '4']], problems: [] });
    const json = await readTable(path.join(dir, 'voci.json'), { displayPath: 'voci.json' });
    expect(json).toMatchObject({ header: ['id'], rows: [['v1']], rowNumbers: [1] });
    const xlsx = await readTable(path.join(dir, 'erogazioni-2.xlsx'), { displayPath: 'x.xlsx', dataset: 'erogazioni' });
    expect(xlsx).toMatchObject({ header: ['anno', 'utenti'], rows: [['2024', '5']], rowNumbers: [2] });
  });

  it('a missing file, a folder, an unsupported format: source-errors, never a throw', async () => {
    const missing = await readTable(path.join(dir, 'manca.csv'), { displayPath: 'manca.csv' });
    expect(missing.problems).toEqual([expect.objectContaining({ code: 'source-error', file: 'manca.csv' })]);
    expect(saidTable(missing).problems[0]?.message).toBe('Impossibile leggere il file: il file non esiste.');
    const folder = saidTable(await readTable(path.join(dir, 'erogazioni_cartella.csv'), { displayPath: 'c.csv' }), 'en');
    expect(folder.problems[0]?.message).toBe('The file cannot be read: it is a folder, not a file.');
    const xls = await readTable(path.join(dir, 'vecchio.xls'), { displayPath: 'vecchio.xls' });
    expect(saidTable(xls).problems[0]?.message).toMatch(/^Formato di file non supportato \(\.xls\)/);
  });
});

describe('listDatasetFiles', () => {
  it('files whose name is the dataset followed by `.`, `_` or `-`, sorted, joined to the folder', async () => {
    expect(await listDatasetFiles(dir, 'erogazioni')).toEqual(
      ['erogazioni-2.xlsx', 'erogazioni.csv', 'erogazioni_auser.csv'].map((name) => path.join(dir, name)),
    );
  });

  it('a missing folder has no files', async () => {
    expect(await listDatasetFiles(path.join(dir, 'nessuna'), 'erogazioni')).toEqual([]);
  });

  it.each([
    ['popolazione.csv', 'popolazione', true],
    ['popolazione_2024.json', 'popolazione', true],
    ['Popolazione-2.XLSX', 'popolazione', true],
    ['popolazionestranieri.csv', 'popolazione', false],
    ['popolazione.pdf', 'popolazione', false],
    ['residenti.csv', 'popolazione', false],
  ] as const)('isDatasetFile(%j, %j) → %s', (name, dataset, expected) => {
    expect(isDatasetFile(name, dataset)).toBe(expected);
  });
});
