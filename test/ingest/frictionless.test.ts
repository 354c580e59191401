import { describe, expect, it } from 'vitest';
import { checkStructure } from '../../src/validate/structure.js';
import type { RawTable } from '../../src/types.js';
import { frictionless, places } from './helpers.js';
import { said, saidTable } from '../helpers/said.js';

const errorsOf = (table: RawTable) => said([...table.problems, ...checkStructure(table)]).filter((p) => p.severity === 'error');
const warningsOf = (table: RawTable) => checkStructure(table).filter((p) => p.severity === 'warning');

describe('frictionless-py structure fixtures', () => {
  it('invalid.csv: the 8 upstream errors, at the same rows and fields', () => {
    const table = frictionless('invalid.csv');
    expect(places(errorsOf(table))).toEqual([
      'blank-label@1:3',
      'duplicate-label@1:4',
      'missing-cell@2:3',
      'missing-cell@2:4',
      'missing-cell@3:3',
      'missing-cell@3:4',
      'blank-row@4:-',
      'extra-cell@5:5',
    ]);
    // Rows 2 and 3 are the same: a warning on top of the upstream errors.
    expect(places(warningsOf(table))).toEqual(['duplicate-row@3:-']);
    expect(errorsOf(table)[1]).toMatchObject({ field: 'name', columnLetter: 'D', value: 'name' });
  });

  it('capital-invalid.csv: the 4 structural errors (the 5th, a type-error, needs a schema)', () => {
    expect(places(errorsOf(frictionless('capital-invalid.csv')))).toEqual([
      'duplicate-label@1:3',
      'missing-cell@10:3',
      'blank-row@11:-',
      'extra-cell@12:4',
    ]);
  });

  it('capital-valid.csv: valid, 5 rows', () => {
    const table = frictionless('capital-valid.csv');
    expect(checkStructure(table)).toEqual([]);
    expect(table.rows).toHaveLength(5);
  });

  it('duplicate-headers.csv: duplicate-label at fields 3 and 5, naming column A', () => {
    const problems = errorsOf(frictionless('duplicate-headers.csv'));
    expect(places(problems)).toEqual(['duplicate-label@1:3', 'duplicate-label@1:5']);
    expect(problems[1]?.message).toContain('colonna A');
  });

  it('blank-headers.csv: blank-label at field 2', () => {
    expect(places(errorsOf(frictionless('blank-headers.csv')))).toEqual(['blank-label@1:2']);
  });

  it('defective-rows.csv: a short row and a long row', () => {
    expect(places(errorsOf(frictionless('defective-rows.csv')))).toEqual(['missing-cell@2:3', 'extra-cell@3:4']);
  });

  it('structure-errors.csv: a row of delimiters is blank; 3 extra cells in the 6-cell row', () => {
    expect(places(errorsOf(frictionless('structure-errors.csv')))).toEqual([
      'blank-row@4:-',
      'extra-cell@5:4',
      'extra-cell@5:5',
      'extra-cell@5:6',
    ]);
  });

  it('blank-rows.csv and blank-rows-multiple.csv: trailing `,,` rows are blank rows', () => {
    expect(places(errorsOf(frictionless('blank-rows.csv')))).toEqual(['blank-row@4:-']);
    const rows = errorsOf(frictionless('blank-rows-multiple.csv')).map((p) => [p.code, p.row]);
    expect(rows).toEqual(Array.from({ length: 11 }, (_, i) => ['blank-row', i + 4]));
  });

  it('blank-rows-no-fields.csv: the empty line is not a data row but keeps its number', () => {
    const table = frictionless('blank-rows-no-fields.csv');
    expect(table.rows).toEqual([
      ['1101', 'John', '30'],
      ['1102', 'Julie', '26'],
    ]);
    expect(table.rowNumbers).toEqual([2, 4]);
    expect(places(errorsOf(table))).toEqual(['blank-row@3:-']);
  });

  it('blank-cells.csv: an empty cell is no structural problem', () => {
    const table = frictionless('blank-cells.csv');
    expect(checkStructure(table)).toEqual([]);
    expect(table.rows).toHaveLength(5);
    expect(table.rows[4]).toEqual(['5', '']);
  });

  it('duplicate-rows.csv: a duplicate-row warning at row 4, naming row 2', () => {
    const problems = said(checkStructure(frictionless('duplicate-rows.csv')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'duplicate-row', severity: 'warning', row: 4 });
    expect(problems[0]?.message).toContain('riga 2');
  });

  it('empty.csv: source-error "the source is empty"', () => {
    const table = frictionless('empty.csv');
    expect(table.problems.map((p) => p.code)).toEqual(['source-error']);
    expect(saidTable(table).problems[0]?.message).toMatch(/^Il file è vuoto/);
    expect(saidTable(frictionless('empty.csv'), 'en').problems[0]?.message).toMatch(/^The source is empty/);
  });

  it('without-rows.csv: valid, 0 rows', () => {
    const table = frictionless('without-rows.csv');
    expect(table.header).toEqual(['id', 'name']);
    expect(table.rows).toEqual([]);
    expect(errorsOf(table)).toEqual([]);
  });

  it('bom.csv: BOM stripped from the header, 2 rows', () => {
    const table = frictionless('bom.csv');
    expect(table.dialect.encoding).toBe('utf-8-bom');
    expect(table.header).toEqual(['id', 'name']);
    expect(table.rows[1]).toEqual(['2', '中国人']);
  });

  it('latin1.csv: forced UTF-8 is an encoding-error at byte 0xA9; detection reads ©', () => {
    const strict = frictionless('latin1.csv', { encoding: 'utf-8' });
    expect(strict.problems).toHaveLength(1);
    expect(strict.problems[0]).toMatchObject({ code: 'encoding-error', row: 3, value: '0xA9' });
    const auto = frictionless('latin1.csv');
    expect(auto.problems).toEqual([]);
    expect(auto.dialect.encoding).toBe('iso-8859-1');
    expect(auto.rows[1]).toEqual(['2', '©']);
  });

  it('accent.csv: `;` detected, UTF-8, 2 rows of 17 columns', () => {
    const table = frictionless('accent.csv');
    expect(table.dialect).toMatchObject({ delimiter: ';', encoding: 'utf-8' });
    expect(table.header).toHaveLength(17);
    expect(table.header[14]).toBe('accessibilité');
    expect(table.rows).toHaveLength(2);
    expect(errorsOf(table)).toEqual([]);
  });

  it('encoding-issue-274.csv: UTF-8, 507 rows of 17 columns', () => {
    const table = frictionless('encoding-issue-274.csv');
    expect(table.dialect.encoding).toBe('utf-8');
    expect(table.header).toHaveLength(17);
    expect(table.rows).toHaveLength(507);
    expect(errorsOf(table)).toEqual([]);
  });

  it('delimiter.csv: `;` dialect, 2 rows', () => {
    const table = frictionless('delimiter.csv');
    expect(table.dialect.delimiter).toBe(';');
    expect(table.rows).toEqual([
      ['1', 'english'],
      ['2', '中国人'],
    ]);
  });

  it('issue-1009 (semicolon and comma): `0123` stays a string with its leading zero', () => {
    for (const [name, delimiter] of [
      ['issue-1009-semicolon.csv', ';'],
      ['issue-1009-comma.csv', ','],
    ] as const) {
      const table = frictionless(name);
      expect(table.dialect.delimiter).toBe(delimiter);
      expect(table.header).toEqual(['fieldNameA', 'fieldNameB']);
      expect(table.rows).toEqual([['0123', 'c']]);
    }
  });

  it('leading-zeros.csv: 01, 002, 00003 kept as written (no trailing newline)', () => {
    expect(frictionless('leading-zeros.csv').rows).toEqual([['01'], ['002'], ['00003']]);
  });

  it('doublequote.csv: 5 rows, 17 columns, "" unescaped', () => {
    const table = frictionless('doublequote.csv');
    expect(table.header).toHaveLength(17);
    expect(table.rows).toHaveLength(5);
    expect(errorsOf(table)).toEqual([]);
  });

  it('issue-1066-largecellsizewithdeviation.csv: 19 rows, one cell of 16,765 characters', () => {
    const table = frictionless('issue-1066-largecellsizewithdeviation.csv');
    expect(table.rows).toHaveLength(19);
    expect(Math.max(...table.rows.map((row) => row[0]?.length ?? 0))).toBe(16765);
    expect(errorsOf(table)).toEqual([]);
  });

  it('table.csv: 2 rows', () => {
    expect(frictionless('table.csv').rows).toEqual([
      ['1', 'english'],
      ['2', '中国人'],
    ]);
  });

  it("table.tsv: tab detected, 3 rows (`\\N` kept as text: nulls are the schema stage's business)", () => {
    const table = frictionless('table.tsv');
    expect(table.dialect.delimiter).toBe('\t');
    expect(table.rows).toHaveLength(3);
    expect(table.rows[2]).toEqual(['3', '\\N']);
  });

  it('table.json and table.keyed.json: the same 2 rows as table.csv', () => {
    const arrays = frictionless('table.json');
    const keyed = frictionless('table.keyed.json');
    for (const table of [arrays, keyed]) {
      expect(table.problems).toEqual([]);
      expect(table.dialect.encoding).toBe('json');
      expect(table.header).toEqual(['id', 'name']);
      expect(table.rows).toEqual([
        ['1', 'english'],
        ['2', '中国人'],
      ]);
    }
    // Row = position in the array: the header array is item 1, the first object is item 1.
    expect(arrays.rowNumbers).toEqual([2, 3]);
    expect(keyed.rowNumbers).toEqual([1, 2]);
  });

  it('invalid.json: source-error with line and column', () => {
    const table = frictionless('invalid.json');
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0]).toMatchObject({ code: 'source-error', value: "'name': 'name'," });
    expect(saidTable(table).problems[0]?.message).toContain('riga 2, colonna 5');
  });

  it('table-unicode-headers.csv: CJK header, 2 rows', () => {
    const table = frictionless('table-unicode-headers.csv');
    expect(table.header).toEqual(['id', '国人']);
    expect(table.rows).toHaveLength(2);
  });

  describe('files that need options we do not support still end in a RawTable', () => {
    for (const name of [
      'table-infer-iso-8859-7.csv',
      'dialect.csv',
      'escaping.csv',
      'skip-blank-at-the-end.csv',
      'matrix-with-comment.csv',
    ]) {
      it(name, () => {
        const table = frictionless(name);
        expect(table.file).toBe(name);
        expect(table.rows.length).toBe(table.rowNumbers.length);
        expect(() => checkStructure(table)).not.toThrow();
      });
    }

    it('matrix-with-comment.csv: the comment line reads as a title above the header', () => {
      const table = frictionless('matrix-with-comment.csv');
      expect(table.dialect.skippedTitleRows).toBe(1);
      expect(table.header).toEqual(['f1', 'f2', 'f3', 'f4']);
      expect(table.rows).toHaveLength(4);
      expect(table.rowNumbers[0]).toBe(3);
    });

    it('escaping.csv: the space before a quote is trimmed with a warning; a backslash-escaped quote is a misplaced quote', () => {
      const table = frictionless('escaping.csv');
      expect(table.rows).toHaveLength(3);
      expect(table.rows[0]).toEqual(['1', 'Test line 1']);
      expect(table.rows[1]).toEqual(['2', 'Test " line 2']);
      // We read no escape character: `\"` closes the value, and the text after it is reported at its cell.
      expect(table.rows[2]).toEqual(['3', ' "Test \\" line 3"']);
      expect(table.problems.map((p) => [p.severity, p.row, p.column])).toEqual([
        ['error', 4, 2],
        ['warning', 2, 2],
        ['warning', 3, 2],
      ]);
      expect(said(table.problems)[0]?.message).toMatch(/^Virgolette fuori posto: nella riga 4, colonna B, dopo le virgolette/);
    });
  });
});
