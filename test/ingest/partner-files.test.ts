// Files as Brescia's offices and associations send them (see test/fixtures/ingest/generate.ts).
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/ingest/read-table.js';
import { decideNumberStyle, parseNumber } from '../../src/ingest/numbers.js';
import { checkStructure } from '../../src/validate/structure.js';
import { FIXTURES, places } from './helpers.js';
import { said } from '../helpers/said.js';

const read = (name: string) => readTable(FIXTURES + name, { displayPath: `contributi/auser/2024/${name}` });

describe('partner files', () => {
  it('Windows-1252 `;` export: Città, ’, “ ”, € decoded; comma decimals read as Italian', async () => {
    const table = await read('erogazioni_auser.csv');
    expect(table.problems).toEqual([]);
    expect(table.dialect).toEqual({ encoding: 'windows-1252', delimiter: ';', lineEnding: '\r\n', skippedTitleRows: 0 });
    expect(table.file).toBe('contributi/auser/2024/erogazioni_auser.csv');
    expect(table.header).toHaveLength(9);
    expect(table.rows[0]?.[2]).toBe('Sant’Eufemia');
    expect(table.rows[0]?.[8]).toBe('Città: consegna pasti “a domicilio”');
    expect(table.rows[1]?.[8]).toBe('rimborso spese in €');
    expect(table.rowNumbers).toEqual([2, 3, 4]);
    expect(checkStructure(table)).toEqual([]);

    const ore = table.rows.map((row) => row[6] ?? '');
    const decision = decideNumberStyle(ore);
    expect(decision).toEqual({ style: 'comma-decimal', ambiguous: [], basis: 'column' });
    expect(ore.map((value) => parseNumber(value, decision.style))).toEqual([1234.5, 310.75, 12.5]);
  });

  it('UTF-8 with BOM and a quoted header', async () => {
    const table = await read('servizi_bom.csv');
    expect(table.dialect.encoding).toBe('utf-8-bom');
    expect(table.dialect.delimiter).toBe(';');
    expect(table.header).toEqual(['codice_servizio', 'servizio', 'cantiere', 'target', 'unita']);
    expect(table.rows[1]).toEqual(['SAD', 'Servizio di assistenza domiciliare', 'anziani_disabili', 'eta:65+', 'utenti']);
  });

  it('a title row above the header is skipped and rows keep their spreadsheet numbers', async () => {
    const table = await read('erogazioni_titolo.csv');
    expect(table.dialect.skippedTitleRows).toBe(1);
    expect(table.header).toEqual(['anno', 'codice_quartiere', 'codice_servizio', 'codice_ente', 'utenti']);
    expect(table.rowNumbers).toEqual([3, 4, 5]);
    // The duplicate is reported where Excel shows it.
    expect(places(checkStructure(table))).toEqual(['duplicate-row@5:-']);
    expect(said(checkStructure(table))[0]?.message).toBe('La riga 5 è identica alla riga 4: se è un doppione, eliminarla.');
  });

  it('CR-only line endings (old Mac Excel)', async () => {
    const table = await read('quartieri_cr.csv');
    expect(table.dialect.lineEnding).toBe('\r');
    expect(table.rows).toHaveLength(3);
    expect(table.rows[2]).toEqual(['17029030', '30', 'Villaggio Prealpino-Stocchetta', 'nord', 'Nord']);
    expect(table.rowNumbers).toEqual([2, 3, 4]);
  });

  it('quoted cells with line breaks count as one row: later row numbers stay right', async () => {
    const table = await read('voci_multiriga.csv');
    expect(table.rows).toHaveLength(4);
    expect(table.rows[0]?.[4]).toBe('Ogni martedì porto la spesa alla signora Maria.\nMi ha detto: "senza di voi sarei sola"');
    expect(table.rowNumbers).toEqual([2, 3, 4, 5]);
    const problems = checkStructure(table);
    expect(places(problems)).toEqual(['missing-cell@5:6']);
    expect(problems[0]).toMatchObject({ columnLetter: 'F', field: 'consenso_pubblicazione' });
  });

  it('a byte invalid in every supported encoding is an encoding-error at its spreadsheet row', async () => {
    const table = await read('erogazioni_rotto.csv');
    expect(table.rows).toEqual([]);
    expect(table.problems).toHaveLength(1);
    // Row 4, although it is text line 5: row 2 spans two lines.
    expect(table.problems[0]).toMatchObject({ code: 'encoding-error', severity: 'error', row: 4, value: '0x81' });
    expect(said(table.problems)[0]?.message).toContain('posizione 87');
    expect(said(table.problems)[0]?.message).toContain('riga 4');
  });
});
