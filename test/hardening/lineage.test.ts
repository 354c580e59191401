import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeIndicators } from '../../src/compute/compute-indicators.js';
import { indicatorsJson } from '../../src/compute/open-data.js';
import { explainValue } from '../../src/provenance/explain.js';
import { countRowRanges, formatRowRanges, parseRowRanges } from '../../src/compute/row-ranges.js';
import { bresciaIndicators, olderResidentsProject } from '../helpers/fixtures.js';

// Lineage: every figure names the files and rows it was summed from, and a withheld figure (or a total
// that would give it away by difference) names its files only. `explain` never prints a withheld value.

describe('compact row ranges', () => {
  it('writes runs as a-b and every-other-row runs as a-b/step', () => {
    expect(formatRowRanges([...range(2, 405), ...range(8000, 8404)])).toBe('2-405, 8000-8404');
    expect(formatRowRanges(range(3, 13333).filter((r) => r % 2 === 1))).toBe('3-13333/2');
    expect(formatRowRanges([7, 2, 2, 40])).toBe('2, 7, 40');
    expect(formatRowRanges([5, 6])).toBe('5-6');
    expect(formatRowRanges([])).toBe('');
  });

  it('reads back exactly the rows it wrote', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2, max: 400 }), { maxLength: 120 }), (rows) => {
        const unique = [...new Set(rows)].sort((a, b) => a - b);
        const text = formatRowRanges(rows);
        expect(parseRowRanges(text)).toEqual(unique);
        expect(countRowRanges(text)).toBe(unique.length);
      }),
    );
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

// quota_65_plus over the mini territory's popolazione (olderResidentsProject): Q1 has one person over
// 65, a count below the threshold, withheld with a complement in its zona.
const project = () => olderResidentsProject();

const definitions = bresciaIndicators().filter((d) => d.id === 'quota_65_plus');
const computed = () => computeIndicators(project(), definitions, { cityName: 'Città', threshold: 3 });
const cell = (values: ReturnType<typeof computed>['values'], livello: string, codice: string) =>
  values.find((v) => v.livello === livello && v.codice === codice)!;

describe('lineage of published figures', () => {
  it('gives files and rows of numerator and denominator for a published quartiere', () => {
    const q3 = cell(computed().values, 'quartiere', 'Q3');
    expect(q3.soppresso).toBe(false);
    // Q3 is the third quartiere: rows 8-10; its 65+ rows are 9 and 10.
    expect(q3.fonti).toEqual({
      numeratore: [{ file: 'dati/2024/popolazione.csv', righe: '9-10' }],
      denominatore: [{ file: 'dati/2024/popolazione.csv', righe: '8-10' }],
    });
  });

  it('names only the files of a withheld value and of the totals that contain it', () => {
    const { values } = computed();
    const withheld = values.filter((v) => v.soppresso);
    expect(withheld.map((v) => v.codice).sort()).toEqual(['Q1', 'Q2']);
    for (const value of [...withheld, cell(values, 'zona', 'nord'), cell(values, 'citta', 'citta')]) {
      for (const fonte of [...value.fonti!.numeratore, ...value.fonti!.denominatore]) {
        expect(fonte).toEqual({ file: 'dati/2024/popolazione.csv' });
      }
    }
    // The zona Sud holds no withheld cell: its rows are given.
    expect(cell(values, 'zona', 'sud').fonti!.numeratore[0]!.righe).toBe('9-10, 12-13, 15-16');
  });

  it('is written in indicatori.json, one line per figure, with no rows for withheld values', () => {
    const json = indicatorsJson(computed().values);
    const rows = JSON.parse(json) as { soppresso: boolean; fonti: { numeratore: { righe?: string }[] } }[];
    expect(rows.every((r) => r.fonti !== undefined)).toBe(true);
    expect(rows.filter((r) => r.soppresso).every((r) => r.fonti.numeratore.every((f) => f.righe === undefined))).toBe(true);
    expect(json).toMatch(/\n {2}"fonti": \{"numeratore":\[\{"file":"dati\/2024\/popolazione\.csv","righe":"9-10"\}\]/);
  });
});

describe('bilancio explain', () => {
  const input = () => {
    const result = computed();
    const p = project();
    return {
      lang: 'it' as const,
      definitions,
      values: result.values,
      notComputable: result.notComputable,
      dati: p.dati,
      territorio: p.territorio,
      servizi: [],
      threshold: 3,
      defaultYear: 2024,
    };
  };

  it('shows definition, expressions, sums with their rows, scale and rounding of a published value', () => {
    const result = explainValue(input(), 'quota_65_plus', 'Q3');
    expect('lines' in result).toBe(true);
    const text = (result as { lines: string[] }).lines.join('\n');
    expect(text).toContain('popolazione[eta>=65]');
    expect(text).toContain('Numeratore: 70');
    expect(text).toContain('Denominatore: 570');
    expect(text).toContain('dati/2024/popolazione.csv, righe 9-10');
    expect(text).toMatch(/70 ÷ 570 × 100 = 12,280702 → 12,3 %/);
    expect(text).toContain('arrotondato a 1 decimale');
  });

  it('never prints a withheld value, its numerator or its rows; says why it is withheld', () => {
    const text = (explainValue(input(), 'quota_65_plus', 'Q1') as { lines: string[] }).lines.join('\n');
    expect(text).toContain('non pubblicato');
    expect(text).toContain('conteggio inferiore alla soglia di riservatezza');
    expect(text).not.toMatch(/Numeratore: \d|righe \d|= 1\b|501|0,2 %/);
    expect(text).toContain('dati/2024/popolazione.csv');
  });

  it('gives the totals around a withheld value without their rows', () => {
    const text = (explainValue(input(), 'quota_65_plus', 'nord') as { lines: string[] }).lines.join('\n');
    expect(text).toContain('Righe non indicate');
    expect(text).not.toMatch(/righe \d/);
    expect(text).toContain('Valore: 51 ÷ 1.051 × 100');
  });

  it('answers a wrong indicator or area as a mistake to fix, in Italian', () => {
    expect(explainValue(input(), 'quota_66', 'Q3')).toEqual({
      error: expect.stringMatching(/^L'indicatore "quota_66" non è nel catalogo/),
    });
    expect(explainValue(input(), 'quota_65_plus', 'Q9')).toEqual({ error: expect.stringMatching(/^Territorio "Q9" non trovato/) });
  });
});
