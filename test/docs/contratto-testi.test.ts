// The texts' part of the contract (docs/contratto-dati.md, section 13) and the README against the code: the
// front matter entries, the chapters, the figure functions and the columns of testi_cifre.csv are the ones
// the code knows, and the examples of a text in both documents pass the texts' checks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textFiguresTable } from '../../src/compute/open-data-texts.js';
import { checkTexts, TEXT_CHAPTERS, TEXT_FIELDS } from '../../src/validate/texts/check-texts.js';
import { FIGURE_FUNCTIONS } from '../../src/validate/texts/text-types.js';
import { miniTerritorio } from '../helpers/fixtures.js';
import { repoRoot } from '../helpers/paths.js';

const contract = readFileSync(path.join(repoRoot, 'docs/contratto-dati.md'), 'utf8');
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

/** The rows of the table under `<!-- tabella: <name> -->`, as trimmed cells. */
function table(name: string): string[][] {
  const lines = contract.split('\n');
  const start = lines.findIndex((line) => line.trim() === `<!-- tabella: ${name} -->`);
  expect(start, `tabella ${name}`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let i = start + 3; i < lines.length && lines[i]!.startsWith('|'); i++) {
    rows.push(
      lines[i]!.split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const code = (cell: string) => cell.replace(/^`|`$/g, '');
const codes = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** The first fenced block of a document that holds a text's front matter. */
function textExample(document: string): string {
  const block = [...document.matchAll(/```\n(---\n[\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('posizione:'));
  expect(block).toBeDefined();
  return block!;
}

const TYPE_WORDS: Record<string, string> = { string: 'testo', integer: 'intero', number: 'numero', boolean: 'sì/no' };

describe('docs/contratto-dati.md describes the project texts as the code reads them', () => {
  it('the front matter entries', () => {
    expect(table('intestazione-testi').map((row) => code(row[0]!))).toEqual(TEXT_FIELDS);
  });

  it('the chapters a text may open or close', () => {
    const line = contract.split('\n').find((l) => l.includes('<!-- capitoli-testi -->'))!;
    expect(codes(line)).toEqual([...TEXT_CHAPTERS]);
  });

  it('the figure functions', () => {
    expect(table('funzioni-cifre').map((row) => code(row[0]!))).toEqual([...FIGURE_FUNCTIONS]);
  });

  it('the columns of testi_cifre.csv, with their types and allowed values', () => {
    const fields = textFiguresTable({ written: [], byFile: new Map() }).fields;
    const rows = table('testi_cifre');
    expect(rows.map((row) => [code(row[0]!), row[1]])).toEqual(fields.map((f) => [f.name, TYPE_WORDS[f.type]]));
    for (const field of fields) {
      const allowed = rows.find((row) => code(row[0]!) === field.name)![2]!;
      expect(codes(allowed), field.name).toEqual(field.constraints?.enum ?? []);
    }
  });
});

describe('the README agrees with the contract on the texts', () => {
  it('lists the same chapters', () => {
    const sentence = /I capitoli sono ([^.]*?) e il\s+codice di ogni cantiere/.exec(readme);
    expect(sentence).not.toBeNull();
    expect(codes(sentence![1]!)).toEqual([...TEXT_CHAPTERS]);
  });

  for (const [name, document] of [
    ['README.md', readme],
    ['docs/contratto-dati.md', contract],
  ] as const) {
    it(`the example text of ${name} passes the texts' checks`, () => {
      const source = textExample(document);
      const { checked, problems } = checkTexts(
        { texts: [{ file: 'testi/lettera.md', name: 'lettera', twin: false, source }], images: [], problems: [] },
        { indicatori: new Set(['popolazione']), territorio: miniTerritorio, anni: [2023, 2024], cantieri: [] },
      );
      expect(problems).toEqual([]);
      expect(checked.texts.map((t) => t.posizione)).toEqual([{ kind: 'apertura' }]);
      expect(checked.texts[0]!.body.figures.length).toBeGreaterThan(0);
    });
  }
});
