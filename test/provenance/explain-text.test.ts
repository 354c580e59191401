import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../src/compute/compute-indicators.js';
import { computeTextFigures } from '../../src/compute/text-figures.js';
import { checkTexts } from '../../src/validate/texts/check-texts.js';
import { explainText, type TextExplainInput } from '../../src/provenance/explain-text.js';
import { bresciaIndicators, miniTerritorio, olderResidentsProject } from '../helpers/fixtures.js';

// explain testo on a small project: quota_65_plus = popolazione[eta>=65] / popolazione, three rows per
// quartiere (ages 30, 70, 80; 500 residents aged 30). Q1 has one person over 65: withheld, with Q2 as its
// complement; zona nord holds them, so its rows are not given.
const project = () => olderResidentsProject();

const TEXT = [
  '---',
  'titolo: Prova',
  'posizione: apertura',
  '---',
  'Over 65 a Tre: {{ conteggio quota_65_plus Q3 }}, {{ posizione quota_65_plus Tre }}, {{ variazione quota_65_plus Q3 }}.',
  'A Uno: {{ valore quota_65_plus Q1 }}. Nord: {{ valore quota_65_plus nord }}.',
  '',
].join('\n');

function input(lang: 'it' | 'en' = 'it'): TextExplainInput {
  const p = project();
  const definitions = bresciaIndicators().filter((d) => d.id === 'quota_65_plus');
  const { values } = computeIndicators(p, definitions, { cityName: 'Città', threshold: 3 });
  const { checked, problems } = checkTexts(
    { texts: [{ file: 'testi/prova.md', name: 'prova', twin: false, source: TEXT }], images: [], problems: [] },
    { indicatori: new Set(['quota_65_plus']), territorio: miniTerritorio, anni: [2024], cantieri: [] },
  );
  expect(problems).toEqual([]);
  return {
    lang,
    textLang: 'it',
    texts: checked.texts,
    figures: computeTextFigures(checked.texts, values, definitions, 2024),
    values,
    definitions,
    threshold: 3,
    anno: 2024,
  };
}

const text = (request: string, lang: 'it' | 'en' = 'it') => {
  const result = explainText(input(lang), request);
  if ('error' in result) throw new Error(result.error);
  return result.lines.join('\n');
};
const error = (request: string) => {
  const result = explainText(input(), request);
  return 'error' in result ? result.error : null;
};
const block = (output: string, place: string) => output.slice(output.indexOf(`${place}  `)).split('\n\n')[0]!;

describe('bilancio explain testo', () => {
  it('a count gives the numerator and its rows only', () => {
    const count = block(text('prova'), '5:16');
    expect(count).toContain('{{ conteggio quota_65_plus Q3 }} → 70');
    expect(count).toContain('Tre (quartiere Q3), anno 2024');
    expect(count).toContain('dati/2024/popolazione.csv, righe 9-10');
    expect(count).not.toContain('Denominatore');
  });

  it('a rank says among how many areas, with the area written by name traced to its code', () => {
    const rank = block(text('prova'), '5:50');
    expect(rank).toMatch(/→ \d+° su 3\b/);
    expect(rank).toContain('Tre (quartiere Q3)');
    expect(rank).toContain('bilancio explain quota_65_plus Q3 --anno 2024');
  });

  it('a change without the year before is — and says why', () => {
    const change = block(text('prova'), '5:85');
    expect(change).toContain('{{ variazione quota_65_plus Q3 }} → —');
    expect(change).toContain("Non disponibile: il valore del 2023 non è pubblicato o non c'è.");
  });

  it('a withheld figure is n.d. with its reason and files, never a number or a row', () => {
    const withheld = block(text('prova:6'), '6:8');
    expect(withheld).toContain('{{ valore quota_65_plus Q1 }} → n.d.');
    expect(withheld).toContain('Motivo: conteggio inferiore alla soglia di riservatezza');
    expect(withheld).toContain('dati/2024/popolazione.csv');
    expect(withheld).not.toMatch(/righe \d|0,2|\b501\b|Numeratore: \d/);
  });

  it('a total holding a withheld value gives its files without rows, and says why', () => {
    const total = block(text('prova:6'), '6:45');
    expect(total).toContain('Nord (zona nord), anno 2024');
    expect(total).toContain('Righe non indicate');
    expect(total).not.toMatch(/righe \d/);
  });

  it('in English: the words, the reason and n.a.', () => {
    const english = text('prova:6', 'en');
    expect(english).toContain('testi/prova.md · "Prova" · line 6, 2 figures in the 2024 report');
    expect(english).toContain('→ n.a.');
    expect(english).toContain('Reason: a count below the privacy threshold');
  });

  it('a line asked is only that line; a wrong name, line or translation is a mistake naming what exists', () => {
    expect([...text('testi/prova.md:6').matchAll(/^(\d+):\d+ {2}/gm)].map((m) => m[1])).toEqual(['6', '6']);
    expect(error('lettera')).toMatch(/non ha il testo «lettera» nel report\. I testi sono: prova\./);
    expect(error('prova:9')).toBe("Alla riga 9 di testi/prova.md non c'è nessuna cifra. Le righe con cifre sono: 5, 6.");
    expect(error('prova:x')).toMatch(/^Riga «x» non valida: .* per esempio prova:5\.$/);
    expect(error('en/prova')).toMatch(/^Il testo «prova» non ha una traduzione inglese \(testi\/en\/prova\.md\)/);
  });
});
