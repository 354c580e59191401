import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/ingest/csv.js';
import { checkStructure } from '../../src/validate/structure.js';
import { parseText, places } from './helpers.js';
import { said } from '../helpers/said.js';

describe('parseCsv', () => {
  it('keeps ragged rows as they are', () => {
    const table = parseCsv('a;b;c\n1;2\n1;2;3;4\n', 'f.csv', 'utf-8');
    expect(table.rows).toEqual([
      ['1', '2'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('a BOM-prefixed quoted header', () => {
    expect(parseCsv('\uFEFF"id","name"\n1,a\n', 'f.csv', 'utf-8').header).toEqual(['id', 'name']);
  });

  it('empty lines leave the data rows but keep the numbering; trailing ones are not rows', () => {
    const table = parseText('a,b\r\n1,2\r\n\r\n\r\n3,4\r\n\r\n\r\n');
    expect(table.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(table.rowNumbers).toEqual([2, 5]);
    expect(places(checkStructure(table))).toEqual(['blank-row@3:-', 'blank-row@4:-']);
  });

  it('a row of delimiters only is a row (the structure check calls it blank)', () => {
    const table = parseText('a,b\n,\n1,2\n');
    expect(table.rows).toEqual([
      ['', ''],
      ['1', '2'],
    ]);
    expect(places(checkStructure(table))).toEqual(['blank-row@2:-']);
  });

  it('mixed line endings in one file (rows appended in another editor)', () => {
    const table = parseText('a;b\r\n1;2\n3;4\r5;6');
    expect(table.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    expect(table.rowNumbers).toEqual([2, 3, 4]);
  });

  it('an unclosed quote is a source-error at the row where it opens; earlier rows survive', () => {
    const table = parseText('anno;nota\n2024;ok\n2024;"aperta\n2025;mai chiusa\n');
    expect(table.rows).toEqual([['2024', 'ok']]);
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0]).toMatchObject({ code: 'source-error', row: 3 });
    expect(said(table.problems)[0]?.message).toMatch(/^Virgolette non chiuse: nella riga 3/);
  });

  it('a header-only file is valid with 0 rows; whitespace-only lines are an empty source', () => {
    const headerOnly = parseText('anno;quartiere\r\n');
    expect(headerOnly).toMatchObject({ header: ['anno', 'quartiere'], rows: [], rowNumbers: [], problems: [] });
    expect(parseText('\n\n\r\n').problems.map((p) => p.code)).toEqual(['source-error']);
  });

  it('a forced delimiter wins over detection', () => {
    expect(parseText('a;b,c\n1;2,3\n', 'f.csv', { delimiter: ',' }).header).toEqual(['a;b', 'c']);
  });
});
