import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asObjects, bytesOf, SPECTRUM } from './helpers.js';
import { parseTable } from '../../src/ingest/read-table.js';

const names = readdirSync(`${SPECTRUM}csvs`)
  .filter((name) => name.endsWith('.csv'))
  .sort();

describe('csv-spectrum: every file parses to its expected JSON', () => {
  it('finds the whole suite', () => {
    expect(names).toHaveLength(12);
  });

  for (const name of names.filter((n) => n !== 'location_coordinates.csv')) {
    it(name, () => {
      const table = parseTable(bytesOf(`${SPECTRUM}csvs/${name}`), name);
      const expected: unknown = JSON.parse(readFileSync(`${SPECTRUM}json/${name.replace(/\.csv$/, '.json')}`, 'utf8'));
      expect(table.problems).toEqual([]);
      expect(table.dialect.delimiter).toBe(',');
      expect(asObjects(table)).toEqual(expected);
    });
  }

  it('CRLF files are detected as CRLF and keep the CRLF inside a quoted field', () => {
    const table = parseTable(bytesOf(`${SPECTRUM}csvs/newlines_crlf.csv`), 'newlines_crlf.csv');
    expect(table.dialect.lineEnding).toBe('\r\n');
    expect(table.rows.flat()).toContain('Once upon \r\na time');
    // A quoted field spanning two lines is still one spreadsheet row.
    expect(table.rowNumbers).toEqual([2, 3, 4]);
  });

  it('comma_in_quotes keeps the leading zero of the zip code', () => {
    const table = parseTable(bytesOf(`${SPECTRUM}csvs/comma_in_quotes.csv`), 'comma_in_quotes.csv');
    expect(asObjects(table)[0]?.zip).toBe('08123');
  });

  it('location_coordinates keeps the bare quotes inside unquoted fields (only that value is compared: upstream JSON is off)', () => {
    const table = parseTable(bytesOf(`${SPECTRUM}csvs/location_coordinates.csv`), 'location_coordinates.csv');
    const expected = JSON.parse(readFileSync(`${SPECTRUM}json/location_coordinates.json`, 'utf8')) as Record<string, string>;
    expect(table.problems).toEqual([]);
    expect(table.rows).toHaveLength(1);
    expect(asObjects(table)[0]?.['Location Coordinates']).toBe(expected['Location Coordinates']);
  });

  it('history-0.1.0/latin1.csv decodes © as Latin-1, and strict UTF-8 reports the byte instead of U+FFFD', () => {
    const bytes = bytesOf(`${SPECTRUM}history-0.1.0/latin1.csv`);
    const table = parseTable(bytes, 'latin1.csv');
    const expected: unknown = JSON.parse(readFileSync(`${SPECTRUM}history-0.1.0/latin1.json`, 'utf8'));
    expect(['windows-1252', 'iso-8859-1']).toContain(table.dialect.encoding);
    expect(asObjects(table)).toEqual(expected);

    const strict = parseTable(bytes, 'latin1.csv', { encoding: 'utf-8' });
    expect(strict.problems.map((p) => [p.code, p.row, p.value])).toEqual([['encoding-error', 3, '0xA9']]);
    expect(JSON.stringify(strict)).not.toContain('\uFFFD');
  });
});
