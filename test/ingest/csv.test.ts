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

  it('a quote never closed is a source-error at its row and column; the rows after it are still read', () => {
    const table = parseText('anno;nota\n2024;ok\n2024;"aperta\n2025;mai chiusa\n');
    expect(table.rows).toEqual([
      ['2024', 'ok'],
      ['2024', '"aperta'],
      ['2025', 'mai chiusa'],
    ]);
    expect(places(table.problems)).toEqual(['source-error@3:2']);
    expect(table.problems[0]).toMatchObject({ columnLetter: 'B', value: '"aperta', expected: '"' });
    expect(said(table.problems)[0]?.message).toMatch(/^Virgolette non chiuse: nella riga 3, colonna B, /);
  });

  it('a quote opened by mistake and closed rows later is reported where it opens, not as one long cell', () => {
    const table = parseText('anno;nota;utenti\n2024;"aperta;2\n2024;ok;3\n2025;"chiusa";4\n');
    expect(places(table.problems)).toEqual(['source-error@2:2']);
    expect(said(table.problems)[0]?.message).toMatch(/^Virgolette non chiuse: nella riga 2, colonna B/);
    expect(table.rows).toEqual([
      ['2024', '"aperta', '2'],
      ['2024', 'ok', '3'],
      ['2025', 'chiusa', '4'],
    ]);
    // No misleading extra or missing cells: the rows keep their shape.
    expect(checkStructure(table)).toEqual([]);
  });

  it('a quote opened in the header and closed in a data row does not shift the header', () => {
    const table = parseText('"anno;quartiere;utenti\n2024;Centro;3\n2025;"Est";4\n');
    expect(places(table.problems)).toEqual(['source-error@1:1']);
    expect(table.header).toEqual(['"anno', 'quartiere', 'utenti']);
    expect(table.rowNumbers).toEqual([2, 3]);
  });

  it('a quote in the header never closed: the delimiter is still found, and the error is at row 1, column A', () => {
    const table = parseText('"anno;quartiere;utenti\n2024;Centro;3\n');
    expect(table.dialect).toMatchObject({ delimiter: ';', lineEnding: '\n' });
    expect(table.header).toEqual(['"anno', 'quartiere', 'utenti']);
    expect(table.rows).toEqual([['2024', 'Centro', '3']]);
    expect(places(table.problems)).toEqual(['source-error@1:1']);
  });

  it('text after a closing quote is a source-error at its row and column; the value is kept as written', () => {
    const table = parseText('anno;nota;utenti\n2024;"ok"x;2\n2025;b;3\n');
    expect(places(table.problems)).toEqual(['source-error@2:2']);
    expect(table.problems[0]).toMatchObject({ severity: 'error', columnLetter: 'B', value: '"ok"x' });
    expect(said(table.problems)[0]?.message).toMatch(
      /^Virgolette fuori posto: nella riga 2, colonna B, dopo le virgolette \("\) che chiudono il valore c’è altro testo \(x\)/,
    );
    expect(table.rows).toEqual([
      ['2024', '"ok"x', '2'],
      ['2025', 'b', '3'],
    ]);
  });

  it('a file of broken quotes lists the first 1000 and counts the rest', () => {
    const table = parseText(`a;b\n${'1;"x"y\n'.repeat(1500)}`);
    expect(table.rows).toHaveLength(1500);
    expect(table.problems).toHaveLength(1001);
    expect(places(table.problems.slice(0, 2))).toEqual(['source-error@2:2', 'source-error@3:2']);
    expect(table.problems[1000]).toMatchObject({ severity: 'error', value: '500' });
    expect(said(table.problems)[1000]?.message).toBe(
      '… e altri 500 problemi di virgolette in questo file (sono elencati solo i primi 1.000): controllare le virgolette in tutto il file.',
    );
  });

  it('reading errors come before reading warnings, so that no report counts an error among warnings', () => {
    const table = parseText(`a;b\n${'1; "x"\n'.repeat(150)}2;"y"z\n`);
    expect(table.problems).toHaveLength(151);
    expect(table.problems[0]).toMatchObject({ severity: 'error', row: 152, column: 2 });
    expect(table.problems.slice(1).every((p) => p.severity === 'warning')).toBe(true);
  });

  it('spaces around a quoted value are trimmed, with a warning at its row and column', () => {
    const table = parseText('anno,nota,utenti\n2024, "a, b" ,2\n');
    expect(table.rows).toEqual([['2024', 'a, b', '2']]);
    expect(places(table.problems)).toEqual(['source-error@2:2']);
    expect(table.problems[0]?.severity).toBe('warning');
    expect(said(table.problems)[0]?.message).toMatch(
      /^Nella riga 2, colonna B, ci sono spazi prima o dopo le virgolette .* il valore letto è «a, b»/,
    );
  });

  it('a bare quote inside an unquoted value is text, not a problem', () => {
    const table = parseText('luogo;utenti\n37°36\'37.8"N;2\n');
    expect(table.rows).toEqual([['37°36\'37.8"N', '2']]);
    expect(table.problems).toEqual([]);
  });

  it('a file of nothing but a quoted empty value is empty, whatever warnings it has', () => {
    const table = parseText(' ""');
    expect(table.problems.map((p) => [p.code, p.severity])).toEqual([
      ['source-error', 'error'],
      ['source-error', 'warning'],
    ]);
    expect(said(table.problems)[0]?.message).toMatch(/^Il file è vuoto/);
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
