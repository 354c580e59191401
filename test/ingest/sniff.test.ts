import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectLineEnding, findHeaderIndex, looksLikeHeader } from '../../src/ingest/sniff.js';
import { parseText } from './helpers.js';
import { said } from '../helpers/said.js';

describe('detectDelimiter', () => {
  it.each([
    ['anno;quartiere;utenti\n2024;Centro;12\n', ';'],
    ['anno,quartiere,utenti\n2024,Centro,12\n', ','],
    ['anno\tquartiere\n2024\tCentro\n', '\t'],
    ['anno|quartiere\n2024|Centro\n', '|'],
    ['solo_una_colonna\nvalore\n', ','],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('Italian `;` file with comma decimals: `;` is the consistent one', () => {
    const text = 'anno;quartiere;ore;spesa_euro\n2024;Centro;12,5;1.234,50\n2024;Est;3,25;99,90\n2024;Ovest;7;10,00\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('commas inside quoted fields are not counted', () => {
    const text = 'id;nota\n1;"uno, due, tre, quattro"\n2;"cinque, sei"\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('a title line without delimiters does not hide the delimiter', () => {
    expect(detectDelimiter('Servizi erogati 2024\nanno;utenti;ore\n2024;3;1,5\n2024;4;2,5\n')).toBe(';');
  });
});

describe('detectLineEnding', () => {
  it.each([
    ['a,b\r\n1,2\r\n', '\r\n'],
    ['a,b\n1,2\n', '\n'],
    ['a,b\r1,2\r', '\r'],
    ['a,b', null],
    // The first break outside quotes decides, not the LF inside the quoted cell.
    ['"a\nb",c\r\n1,2\r\n', '\r\n'],
  ])('%j → %j', (text, ending) => {
    expect(detectLineEnding(text, ',')).toBe(ending);
  });
});

describe('title rows', () => {
  it('looksLikeHeader: two or more filled cells, no numbers', () => {
    expect(looksLikeHeader(['anno', 'quartiere', '', ''])).toBe(true);
    expect(looksLikeHeader(['2024', 'Centro'])).toBe(false);
    expect(looksLikeHeader(['solo'])).toBe(false);
  });

  it('findHeaderIndex skips a title, blank rows, but not a one-column header above data', () => {
    expect(
      findHeaderIndex([
        ['Servizi erogati 2024', '', ''],
        ['anno', 'quartiere', 'utenti'],
        ['2024', 'Est', '3'],
      ]),
    ).toBe(1);
    expect(findHeaderIndex([['Titolo'], [''], ['', '', ''], ['anno', 'utenti'], ['2024', '3']])).toBe(3);
    expect(findHeaderIndex([['value'], ['01'], ['002']])).toBe(0);
    // A header with one name left is not taken for a title when data follows.
    expect(
      findHeaderIndex([
        ['id', '', ''],
        ['1', '2', '3'],
      ]),
    ).toBe(0);
    expect(findHeaderIndex([[''], ['']])).toBe(2);
  });

  it('a title and a blank row above the header both count in skippedTitleRows', () => {
    const table = parseText('Servizi erogati 2024;;;\n;;;\nanno;quartiere;servizio;utenti\n2024;Est;SAD;3\n\n2024;Ovest;SAD;4\n');
    expect(table.dialect.skippedTitleRows).toBe(2);
    expect(table.header).toEqual(['anno', 'quartiere', 'servizio', 'utenti']);
    expect(table.rowNumbers).toEqual([4, 6]);
  });

  it('several title rows above the header are skipped, with a warning saying how many', () => {
    const table = parseText(
      'Comune di Brescia;;\nServizi sociali - anno 2024;;\n\nFonte: ufficio di piano;;\nanno;quartiere;utenti\n2024;Est;3\n',
    );
    expect(table.header).toEqual(['anno', 'quartiere', 'utenti']);
    expect(table.dialect.skippedTitleRows).toBe(4);
    expect(table.rowNumbers).toEqual([6]);
    expect(table.problems).toEqual([expect.objectContaining({ code: 'source-error', severity: 'warning', row: 5, value: '3' })]);
    expect(said(table.problems)[0]?.message).toMatch(
      /^Sopra l’intestazione \(riga 5\) ci sono 3 righe di titolo, che sono state saltate\./,
    );
  });

  it('one title row is skipped in silence, as before', () => {
    const table = parseText('Servizi erogati 2024;;\nanno;quartiere;utenti\n2024;Est;3\n');
    expect(table.dialect.skippedTitleRows).toBe(1);
    expect(table.problems).toEqual([]);
  });

  it('a one-column file keeps its first row as header, even with a ragged row below', () => {
    expect(findHeaderIndex([['nome'], ['Mario'], ['Luigi', 'Rossi'], ['Anna']])).toBe(0);
    expect(findHeaderIndex([['Titolo'], ['Sottotitolo'], ['anno', 'utenti'], ['2024', '3']])).toBe(2);
  });
});
