import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/ingest/read-table.js';
import { validateFiles } from '../../src/validate/validate-files.js';
import { loadSchemas } from '../../src/schemas/load-schemas.js';
import { bresciaCatalogues } from '../helpers/brescia-catalogues.js';
import { sayReport } from '../../src/problem-text.js';

describe('a partner workbook (.xlsx)', () => {
  let dir: string | undefined;
  afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  it('is validated with the sheet, row and column letter Excel shows', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bilancio-xlsx-'));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Istruzioni').addRow(['Compilare il foglio erogazioni']);
    const sheet = workbook.addWorksheet('erogazioni');
    sheet.addRow(['Servizi erogati nel 2024 – Città di Brescia']);
    sheet.addRow(['anno', 'quartiere', 'codice_servizio', 'codice_ente', 'utenti', 'spesa_euro']);
    sheet.addRow([2024, "Sant'Eufemia", 'SAD', 'comune', 12, 1234.5]);
    sheet.addRow([2024, 'Porta Cremona', 'SAD', 'comune', 'tanti', 10]);
    const file = path.join(dir, 'erogazioni_auser.xlsx');
    await workbook.xlsx.writeFile(file);
    const table = await readTable(file, { displayPath: 'erogazioni_auser.xlsx', dataset: 'erogazioni' });
    const report = sayReport('it', validateFiles([{ dataset: 'erogazioni', table }], await bresciaCatalogues(), loadSchemas()));
    expect(report.files[0]!.sheet).toBe('erogazioni');
    const errors = report.files[0]!.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'type-error', row: 4, column: 5, columnLetter: 'E', value: 'tanti' });
    expect(report.files[0]!.warnings.map((w) => w.code)).toEqual(['quartiere-match']);
  });
});
