import { describe, expect, it } from 'vitest';
import { checkStructure as check, type StructureOptions } from '../../src/validate/structure.js';
import type { Lang, RawTable } from '../../src/types.js';
import { said } from '../helpers/said.js';

/** The structure problems of a table, said in `lang`. */
const checkStructure = (table: RawTable, lang: Lang = 'it', options?: StructureOptions) => said(check(table, options), lang);
import { parseText, places } from './helpers.js';

const table = (header: string[], rows: (string | null)[][], extra: Partial<RawTable> = {}): RawTable => ({
  file: 'dati/2024/erogazioni.csv',
  dialect: { encoding: 'utf-8', delimiter: ';', lineEnding: '\n', skippedTitleRows: 0 },
  header,
  rows,
  rowNumbers: rows.map((_, i) => i + 2),
  problems: [],
  ...extra,
});

describe('checkStructure', () => {
  it('a sound table has no problems', () => {
    expect(
      checkStructure(
        table(
          ['anno', 'utenti'],
          [
            ['2024', '3'],
            ['2024', '4'],
          ],
        ),
      ),
    ).toEqual([]);
  });

  it('extra cells: one problem per cell, the message says how to fix it, in Italian and English', () => {
    const rows = [
      ['1', '2', '3', '4'],
      ['1', '2', '3', '4'],
      ['1', '2', '3', '4'],
      ['2024', '17029018', 'SAD', '3', 'x', 'y'],
    ];
    const t = table(['anno', 'codice_quartiere', 'codice_servizio', 'utenti'], rows, {
      dialect: { encoding: 'utf-8', delimiter: null, lineEnding: null, skippedTitleRows: 0 },
    });
    const problems = checkStructure(t).filter((p) => p.code === 'extra-cell');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toEqual({
      code: 'extra-cell',
      severity: 'error',
      file: 'dati/2024/erogazioni.csv',
      row: 5,
      column: 5,
      columnLetter: 'E',
      value: 'x',
      expected: 'al massimo 4 celle',
      message:
        'La riga 5 ha 6 celle ma l’intestazione ne ha 4: la cella in colonna E non ha un’intestazione. Togliere le celle in più (colonne E, F) o aggiungere le intestazioni mancanti.',
    });
    expect(problems[1]).toMatchObject({ column: 6, columnLetter: 'F', value: 'y' });
    expect(checkStructure(t, 'en').find((p) => p.code === 'extra-cell')?.message).toBe(
      'Row 5 has 6 cells but the header has 4: the cell in column E has no header. Remove the extra cells (columns E, F) or add the missing headers.',
    );
  });

  it('in a CSV the extra-cell message hints at an unquoted delimiter', () => {
    const problems = checkStructure(table(['quartiere', 'utenti'], [['Sant’Eufemia; Buffalora', '3', '']]));
    expect(problems[0]?.message).toContain('Togliere la cella in più o aggiungere l’intestazione mancante.');
    expect(problems[0]?.message).toContain('contiene il separatore «;»');
  });

  it('missing cells name the column letter and the field', () => {
    const problems = checkStructure(table(['anno', 'quartiere', 'utenti'], [['2024']]));
    expect(places(problems)).toEqual(['missing-cell@2:2', 'missing-cell@2:3']);
    expect(problems[1]).toMatchObject({ field: 'utenti', columnLetter: 'C', expected: '3 celle' });
    expect(problems[1]?.message).toBe(
      'La riga 2 ha 1 cella ma l’intestazione ne ha 3: manca la cella della colonna C («utenti»). Completare la riga, anche con celle vuote, e controllare che i valori siano nelle colonne giuste.',
    );
  });

  it('header problems sit on the header row, below skipped title rows', () => {
    const t = table(['anno', '', 'anno'], [['2024', 'x', '2024']], {
      dialect: { encoding: 'utf-8', delimiter: ';', lineEnding: '\n', skippedTitleRows: 2 },
      rowNumbers: [4],
    });
    const problems = checkStructure(t);
    expect(places(problems)).toEqual(['blank-label@3:2', 'duplicate-label@3:3']);
    expect(problems[0]?.message).toBe(
      'Nella riga di intestazione (riga 3) la colonna B non ha un nome: scrivere il nome della colonna oppure, se la colonna non serve, eliminarla.',
    );
    expect(problems[1]?.message).toBe(
      'La colonna C si chiama «anno» come la colonna A: ogni colonna deve avere un nome diverso. Rinominare una delle due oppure eliminare quella in più.',
    );
  });

  it('labels differing only in case or spaces are duplicates too (the schema would match both)', () => {
    const problems = checkStructure(table(['anno', 'utenti', 'Anno '], [['2024', '3', '2024']]));
    expect(places(problems)).toEqual(['duplicate-label@1:3']);
    expect(problems[0]?.message).toBe(
      'La colonna C si chiama «Anno » come la colonna A («anno»): ogni colonna deve avere un nome diverso. Rinominare una delle due oppure eliminare quella in più.',
    );
  });

  it('blank rows: all cells empty (spaces and null count as empty), or a gap left by an empty line', () => {
    const t = table(
      ['a', 'b'],
      [
        ['1', '2'],
        [' ', null],
        ['3', '4'],
      ],
      { rowNumbers: [2, 3, 6] },
    );
    const problems = checkStructure(t);
    expect(places(problems)).toEqual(['blank-row@3:-', 'blank-row@4:-', 'blank-row@5:-']);
    expect(problems[0]?.message).toBe('La riga 3 è vuota: eliminarla (in Excel: clic destro sul numero di riga → Elimina).');
  });

  it('a blank row is reported once: no missing cells, no duplicate-row for it', () => {
    expect(places(checkStructure(parseText('a;b;c\n;\n;\n')))).toEqual(['blank-row@2:-', 'blank-row@3:-']);
  });

  it('duplicate rows: a warning naming the first, even far apart; null differs from empty', () => {
    const rows: (string | null)[][] = [
      ['2024', 'Est'],
      ['2024', 'Ovest'],
      ['2024', null],
      ['2024', ''],
      ['2024', 'Est'],
    ];
    const problems = checkStructure(table(['anno', 'quartiere'], rows));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'duplicate-row', severity: 'warning', row: 6, value: '2024;Est' });
    expect(problems[0]?.message).toBe('La riga 6 è identica alla riga 2: se è un doppione, eliminarla.');
    expect(checkStructure(table(['anno', 'quartiere'], rows), 'it', { duplicateRows: false })).toEqual([]);
  });

  it('finds duplicates among many rows quickly', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ['2024', String(i % 150_000), 'M']);
    const started = performance.now();
    const problems = checkStructure(table(['anno', 'eta', 'sesso'], rows));
    // The first 100 listed, the other 49,900 counted in one closing problem.
    expect(problems).toHaveLength(101);
    expect(problems[0]).toMatchObject({ row: 150_002 });
    expect(problems[100]).toMatchObject({ code: 'duplicate-row', omessi: 49_900 });
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
