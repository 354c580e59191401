import { describe, expect, it } from 'vitest';
import { isDate, loadSchemas } from '../../src/schemas/load-schemas.js';
import { typeCell } from '../../src/validate/typing.js';
import { parseNumber } from '../../src/ingest/numbers.js';
import { normalizeConfig } from '../../src/config/normalize-config.js';
import { parseTable } from '../../src/ingest/read-table.js';
import { validateTable } from '../../src/validate/validate-table.js';
import { said } from '../helpers/said.js';

const dateField = { type: 'string', format: 'date' } as const;
const integerField = { type: 'integer' } as const;

describe('dates are days of the calendar', () => {
  it.each(['2025-02-31', '2024-02-30', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00'])(
    '%s does not exist',
    (text) => {
      expect(isDate(text)).toBe(false);
      expect(typeCell(text, dateField as never, 'comma-decimal', parseNumber)).toEqual({ expected: 'date', reason: 'no-such-day' });
    },
  );

  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '0004-02-29'])('%s exists', (text) => {
    expect(isDate(text)).toBe(true);
    expect(typeCell(text, dateField as never, 'comma-decimal', parseNumber)).toBe(text);
  });

  it('in the Italian form too: 31/02/2025 does not exist, 29/02/2024 does', () => {
    expect(typeCell('31/02/2025', dateField as never, 'comma-decimal', parseNumber)).toEqual({ expected: 'date', reason: 'no-such-day' });
    expect(typeCell('29/02/2024', dateField as never, 'comma-decimal', parseNumber)).toBe('2024-02-29');
  });

  it('the publication date and the deadlines of the config are refused when the day does not exist', () => {
    const schemas = loadSchemas();
    const base = { titolo: 'T', ente: 'E', citta: 'C', anno: 2024 };
    for (const config of [
      { ...base, data_pubblicazione: '2025-02-31' },
      { ...base, scadenza_contributi: { 2024: '2023-02-29' } },
    ]) {
      const result = normalizeConfig(config, schemas.config, { file: 'bilancio.config.json' });
      expect('config' in result).toBe(false);
      expect(said(result.problems)[0]?.message).toMatch(/non è una data del calendario.*31 febbraio non esiste/);
    }
    const good = normalizeConfig({ ...base, data_pubblicazione: '2024-02-29' }, schemas.config, {
      file: 'bilancio.config.json',
    });
    expect('config' in good).toBe(true);
  });
});

describe('a dataset date that does not exist', () => {
  it('is a type-error at its row and column, saying the day does not exist; 2024-02-29 is read', () => {
    const entry = loadSchemas().datasets.get('catalogo_impegni')!;
    const text =
      'codice_impegno,cantiere,descrizione,scadenza\nIMP01,giovani,Uno,2025-02-31\nIMP02,giovani,Due,2024-02-29\nIMP03,giovani,Tre,31/02/2025\n';
    const table = parseTable(new TextEncoder().encode(text), 'impegni.csv');
    const result = validateTable(table, {
      dataset: 'catalogo_impegni',
      schema: entry.schema,
      validateRow: (row) => entry.validateRow(row) as boolean,
      rowErrors: () => entry.validateRow.errors,
      quartieri: null,
    });
    expect(result.problems.map((p) => [p.code, p.row, p.columnLetter, p.value])).toEqual([
      ['type-error', 2, 'D', '2025-02-31'],
      ['type-error', 4, 'D', '31/02/2025'],
    ]);
    expect(said(result.problems)[0]?.message).toBe(
      'Riga 2, colonna D ("scadenza"): la data "2025-02-31" non esiste nel calendario (quel giorno non c\'è in quel mese). Correggere il giorno o il mese.',
    );
    expect(result.rows.find((r) => r.row === 3)?.values.scadenza).toBe('2024-02-29');
  });
});

describe('integers are exact or refused', () => {
  it('beyond Number.MAX_SAFE_INTEGER an integer is refused, up to it read exactly', () => {
    expect(typeCell('9007199254740991', integerField as never, 'comma-decimal', parseNumber)).toBe(Number.MAX_SAFE_INTEGER);
    expect(typeCell('9007199254740993', integerField as never, 'comma-decimal', parseNumber)).toEqual({
      expected: 'integer',
      reason: 'unsafe-integer',
    });
    expect(typeCell('1e20', integerField as never, 'dot-decimal', parseNumber)).toEqual({ expected: 'integer', reason: 'unsafe-integer' });
  });

  it('a dataset row names the row and column of a date that does not exist and of an integer too large', () => {
    const schemas = loadSchemas();
    const entry = schemas.datasets.get('erogazioni')!;
    const text = 'anno;codice_quartiere;codice_servizio;codice_ente;utenti\n2024;17029001;SAD;comune;9007199254740993\n';
    const table = parseTable(new TextEncoder().encode(text), 'erogazioni.csv');
    const result = validateTable(table, {
      dataset: 'erogazioni',
      schema: entry.schema,
      validateRow: (row) => entry.validateRow(row) as boolean,
      rowErrors: () => entry.validateRow.errors,
      quartieri: null,
    });
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'type-error', row: 2, column: 5, columnLetter: 'E', field: 'utenti' }),
    ]);
    expect(said(result.problems)[0]?.message).toMatch(/intero troppo grande per essere letto esattamente/);
  });
});
