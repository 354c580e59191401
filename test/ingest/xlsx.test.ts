import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../src/ingest/xlsx.js';
import { checkStructure } from '../../src/validate/structure.js';
import { said } from '../helpers/said.js';

type SheetRows = Record<number, ExcelJS.CellValue[]>;

/** An .xlsx in memory: each sheet given as Excel row number → cell values from column A. */
async function workbook(sheets: Record<string, SheetRows>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const [rowNumber, values] of Object.entries(rows)) {
      values.forEach((value, i) => {
        sheet.getCell(Number(rowNumber), i + 1).value = value;
      });
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const erogazioni: SheetRows = {
  1: ['Servizi erogati 2024'],
  3: ['anno', 'codice_quartiere', 'codice_servizio', 'utenti', 'ore', 'data_inizio', 'attivo', 'costo'],
  4: [2024, '17029018', 'SAD', 42, 1234.5, new Date(Date.UTC(2024, 0, 31)), true, { formula: 'D4*2', result: 84 }],
  5: [2024, '17029005', { richText: [{ text: 'TEMPO_' }, { text: 'FAMIGLIE' }] }, 17, 0.1 + 0.2, null, false, { error: '#N/A' }],
  7: [2024, 'ND', 'SAD', 3],
};

describe('parseWorkbook', () => {
  it('reads header, rows as the user sees them, and Excel row numbers', async () => {
    const table = await parseWorkbook(await workbook({ erogazioni }), 'dati/2024/erogazioni.xlsx');
    expect(table.problems).toEqual([]);
    expect(table.file).toBe('dati/2024/erogazioni.xlsx');
    expect(table.dialect).toEqual({ encoding: 'utf-8', delimiter: null, lineEnding: null, skippedTitleRows: 2 });
    expect(table.header).toEqual(['anno', 'codice_quartiere', 'codice_servizio', 'utenti', 'ore', 'data_inizio', 'attivo', 'costo']);
    expect(table.rows).toEqual([
      ['2024', '17029018', 'SAD', '42', '1234.5', '2024-01-31', 'true', '84'],
      ['2024', '17029005', 'TEMPO_FAMIGLIE', '17', '0.3', '', 'false', '#N/A'],
      // Cells left empty at the end of a row are empty values, not missing cells.
      ['2024', 'ND', 'SAD', '3', '', '', '', ''],
    ]);
    expect(table.rowNumbers).toEqual([4, 5, 7]);
    // The empty Excel row 6 between data rows is a blank row, at its Excel number.
    const problems = checkStructure(table);
    expect(problems.map((p) => [p.code, p.row])).toEqual([['blank-row', 6]]);
  });

  it('several title rows above the header are skipped, with a warning at the header saying how many', async () => {
    const rows: SheetRows = {
      1: ['Comune di Brescia'],
      2: ['Servizi sociali'],
      4: ['Fonte: ufficio di piano'],
      5: ['anno', 'utenti'],
      6: [2024, 3],
    };
    const table = await parseWorkbook(await workbook({ erogazioni: rows }), 'x.xlsx');
    expect(table.header).toEqual(['anno', 'utenti']);
    expect(table.dialect.skippedTitleRows).toBe(4);
    expect(table.rowNumbers).toEqual([6]);
    expect(said(table.problems)).toEqual([
      expect.objectContaining({
        code: 'source-error',
        severity: 'warning',
        row: 5,
        message:
          'Sopra l’intestazione (riga 5) ci sono 3 righe di titolo, che sono state saltate. Se una di esse era invece l’intestazione, togliere le righe di titolo dal file.',
      }),
    ]);
  });

  it('a title merged across the columns is still a title row', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Foglio1');
    sheet.getCell('A1').value = 'Erogazioni 2024 - Auser Brescia';
    sheet.mergeCells('A1:D1');
    sheet.getRow(2).values = ['anno', 'codice_servizio', 'codice_ente', 'utenti'];
    sheet.getRow(3).values = [2024, 'SAD', 'auser', 42];
    const table = await parseWorkbook(new Uint8Array(await book.xlsx.writeBuffer()), 'x.xlsx');
    expect(table.dialect.skippedTitleRows).toBe(1);
    expect(table.header).toEqual(['anno', 'codice_servizio', 'codice_ente', 'utenti']);
    expect(table.rows).toEqual([['2024', 'SAD', 'auser', '42']]);
    expect(table.rowNumbers).toEqual([3]);
  });

  it('picks the sheet named after the dataset among several', async () => {
    const bytes = await workbook({ Istruzioni: { 1: ['Compilare il foglio erogazioni'] }, Erogazioni: erogazioni });
    const table = await parseWorkbook(bytes, 'e.xlsx', { dataset: 'erogazioni' });
    expect(table.problems).toEqual([]);
    expect(table.rows).toHaveLength(3);
  });

  it('skipping sheets leaves no temporary file to be deleted while exceljs still opens it (no stray ENOENT)', async () => {
    // exceljs parks sheets that come before the shared strings in temporary files, deleted when a sheet is
    // done: a sheet left unread was deleted while its file was still being opened, an error nobody caught.
    const bytes = await workbook({ Uno: { 1: ['x'] }, Due: { 1: ['y'] }, Tre: { 1: ['z'] }, Erogazioni: erogazioni });
    const stray: unknown[] = [];
    const listener = (error: unknown) => stray.push(error);
    process.on('uncaughtException', listener);
    try {
      for (let i = 0; i < 40; i++) {
        const table = await parseWorkbook(bytes, 'e.xlsx', { dataset: 'erogazioni' });
        expect(table.rows, JSON.stringify(table.problems)).toHaveLength(3);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.off('uncaughtException', listener);
    }
    expect(stray).toEqual([]);
  });

  it('a workbook that exceljs cannot stream (three sheets it wrote itself) is read whole', async () => {
    const bytes = await workbook({ Uno: { 1: ['x'] }, Due: { 1: ['y'] }, Erogazioni: erogazioni });
    const table = await parseWorkbook(bytes, 'e.xlsx', { dataset: 'erogazioni' });
    expect(table.problems).toEqual([]);
    expect(table.sheet).toBe('Erogazioni');
    expect(table.rowNumbers).toEqual([4, 5, 7]);
  });

  it('several sheets and none named after the dataset: a source-error listing them', async () => {
    const bytes = await workbook({ Foglio1: { 1: ['a', 'b'] }, Foglio2: { 1: ['c', 'd'] } });
    const table = await parseWorkbook(bytes, 'e.xlsx', { dataset: 'erogazioni' });
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0]?.code).toBe('source-error');
    expect(said(table.problems)[0]?.message).toContain('«Foglio1», «Foglio2»');
    expect(said(table.problems)[0]?.message).toContain('«erogazioni»');
  });

  it('the only sheet is read whatever its name; extra filled cells beyond the header stay extra', async () => {
    const table = await parseWorkbook(await workbook({ Foglio1: { 1: ['a', 'b'], 2: ['1', '2', 'nota'] } }), 'x.xlsx', {
      dataset: 'erogazioni',
    });
    expect(table.rows).toEqual([['1', '2', 'nota']]);
    expect(checkStructure(table)).toEqual([expect.objectContaining({ code: 'extra-cell', row: 2, column: 3, columnLetter: 'C' })]);
  });

  it('an empty sheet and a file that is no workbook are source-errors', async () => {
    const empty = await parseWorkbook(await workbook({ Foglio1: {} }), 'x.xlsx');
    expect(said(empty.problems)[0]?.message).toMatch(/^Il file è vuoto/);
    const broken = await parseWorkbook(new TextEncoder().encode('anno;utenti\n2024;3\n'), 'x.xlsx');
    expect(broken.problems.map((p) => p.code)).toEqual(['source-error']);
    expect(said(broken.problems)[0]?.message).toMatch(/Cartella di lavoro di Excel/);
  });
});
