import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/ingest/json.js';
import { checkStructure } from '../../src/validate/structure.js';
import { parseText } from './helpers.js';
import { saidTable } from '../helpers/said.js';

describe('parseJson', () => {
  it('array of objects: header is the union of keys in first-seen order; values as JSON text, null kept', () => {
    const table = parseJson(
      '[{"id":"v1","anno":2024,"consenso_pubblicazione":true},{"id":"v2","anno":2024,"firma":null,"testo":"Grazie <b>a tutti</b>"}]',
      'voci.json',
    );
    expect(table.header).toEqual(['id', 'anno', 'consenso_pubblicazione', 'firma', 'testo']);
    expect(table.rows).toEqual([
      ['v1', '2024', 'true', '', ''],
      ['v2', '2024', '', null, 'Grazie <b>a tutti</b>'],
    ]);
    expect(table.rowNumbers).toEqual([1, 2]);
    expect(table.dialect).toEqual({ encoding: 'json', delimiter: null, lineEnding: null, skippedTitleRows: 0 });
  });

  it('array of arrays: the first is the header, rows are numbered by position', () => {
    const table = parseJson('[["id","n"],[1,2.5],[2]]', 'x.json');
    expect(table.rows).toEqual([['1', '2.5'], ['2']]);
    expect(table.rowNumbers).toEqual([2, 3]);
    // Structure problems in JSON carry no column letter.
    const problems = checkStructure(table);
    expect(problems).toEqual([expect.objectContaining({ code: 'missing-cell', row: 3, column: 2, field: 'n' })]);
    expect(problems[0]?.columnLetter).toBeUndefined();
  });

  it('an item of the wrong kind is reported at its position and skipped', () => {
    const table = parseJson('[{"a":1},"oops",{"a":3}]', 'x.json');
    expect(table.rowNumbers).toEqual([1, 3]);
    expect(table.problems).toEqual([expect.objectContaining({ code: 'source-error', row: 2, value: '"oops"' })]);
  });

  it('not an array, empty text, an empty array', () => {
    expect(saidTable(parseJson('{"a":1}', 'x.json')).problems[0]?.message).toMatch(/contiene un oggetto/);
    expect(saidTable(parseJson('  ', 'x.json')).problems[0]?.message).toMatch(/^Il file è vuoto/);
    expect(parseJson('[]', 'x.json')).toMatchObject({ header: [], rows: [], problems: [] });
  });

  it('a syntax error names line and column, in English too', () => {
    const table = saidTable(parseJson('[\n  {"a": 1},\n  {"a": 2,}\n]', 'x.json'), 'en');
    expect(table.problems[0]?.message).toContain('line 3, column 11');
    expect(table.problems[0]?.value).toBe('{"a": 2,}');
  });

  it('parseTable picks JSON by extension and strips a BOM', () => {
    expect(parseText('\uFEFF[{"a":"b"}]', 'voci.json').rows).toEqual([['b']]);
  });
});
