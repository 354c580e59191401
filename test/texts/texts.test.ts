import { describe, expect, it } from 'vitest';
import type { Territorio } from '../../src/types.js';
import { say } from '../../src/i18n.js';
import { checkTexts, type TextScope } from '../../src/validate/texts/check-texts.js';
import type { TextSources } from '../../src/project/read-texts.js';
import { computeTextFigures } from '../../src/compute/text-figures.js';
import type { AreaValue } from '../../src/compute/indicators.js';
import type { IndicatorDefinition } from '../../src/compute/catalogue.js';
import { textsView } from '../../src/render/view-texts.js';

// Issue 20: the analysts' texts (testi/*.md), checked like data, their figures from compute, their
// Markdown written with raw HTML off.

const territorio: Territorio = {
  quartieri: [
    { codice: 'Q1', numero: 1, nome: 'Centro Storico', varianti: [], codiceZona: 'Z1', zona: 'Uno', superficieKmq: null },
    { codice: 'Q2', numero: 2, nome: 'Borgo', varianti: [], codiceZona: 'Z1', zona: 'Uno', superficieKmq: null },
    { codice: 'Q3', numero: 3, nome: 'Porto', varianti: [], codiceZona: 'Z1', zona: 'Uno', superficieKmq: null },
  ],
  zone: [{ codice: 'Z1', nome: 'Uno', quartieri: ['Q1', 'Q2', 'Q3'] }],
};
const scope: TextScope = { indicatori: new Set(['soli_75', 'pop']), territorio, anni: [2023, 2024], cantieri: ['anziani'] };

const sources = (texts: { file: string; source: string }[], images: TextSources['images'] = []): TextSources => ({
  texts: texts.map((t) => ({
    ...t,
    name: t.file.replace(/^.*\/|\.md$/g, ''),
    twin: t.file.startsWith('testi/en/'),
  })),
  images,
  problems: [],
});

const value = (codice: string, livello: AreaValue['livello'], valore: number | null, extra: Partial<AreaValue> = {}): AreaValue => ({
  anno: 2024,
  livello,
  codice,
  nome: codice,
  indicatore: 'soli_75',
  valore,
  numeratore: valore === null ? null : valore * 10,
  denominatore: 1000,
  unita: 'per 100',
  soppresso: false,
  motivo: null,
  nota: null,
  variazione: null,
  ...extra,
});
const definitions = [
  { id: 'soli_75', decimali: 1 },
  { id: 'pop', decimali: 0 },
] as IndicatorDefinition[];

describe('project texts: validation', () => {
  it('an unknown indicator is an error at its file, line and column; the text is left out', () => {
    const source = [
      '---',
      'titolo: Lettera',
      'posizione: apertura',
      '---',
      '',
      'Gli over 75 soli sono {{ valore over75_soli citta }}.',
    ].join('\n');
    const { checked, problems } = checkTexts(sources([{ file: 'testi/lettera.md', source }]), scope);
    expect(checked.texts).toEqual([]);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem).toMatchObject({ code: 'foreign-key', severity: 'error', file: 'testi/lettera.md', row: 6, value: 'over75_soli' });
    // The column of the indicator's name, as an editor counts it (1-based).
    expect(problem!.column).toBe(source.split('\n')[5]!.indexOf('over75_soli') + 1);
    expect(say('it', problem!.message)).toMatch(/«over75_soli» non è nel catalogo/);
    expect(say('en', problem!.message)).toMatch(/"over75_soli" is not in the catalogue/);
  });

  it('an unknown area, a year without data, a function that does not exist, a place that does not exist', () => {
    const source = [
      '---',
      'posizione: inizio cantiere_ignoto',
      '---',
      '{{ valore pop Atlantide }} {{ valore pop citta 1999 }} {{ media pop citta }} {{ valore }}',
      '{{ valore pop "Centro Storico" }} {{ posizione soli_75 Q2 2023 }} {{ valore pop Z1 }}',
    ].join('\n');
    const { problems } = checkTexts(sources([{ file: 'testi/a.md', source }]), scope);
    const line4 = source.split('\n')[3]!;
    expect(problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [2, 12, 'inizio cantiere_ignoto'],
      [4, line4.indexOf('Atlantide') + 1, 'Atlantide'],
      [4, line4.indexOf('1999') + 1, '1999'],
      [4, line4.indexOf('media') + 1, 'media'],
      [4, line4.indexOf('{{ valore }}') + 1, 'valore'],
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('a remote image is refused; a project image is embedded; markup is a warning, never markup', () => {
    const source = [
      '---',
      'titolo: Chi siamo',
      'posizione: appendice',
      '---',
      '![logo](immagini/logo.png) ![spia](https://example.org/pixel.gif)',
      '<script>alert(1)</script> <img src="https://example.org/x.png" onerror="alert(2)">',
    ].join('\n');
    const images = [{ file: 'testi/immagini/logo.png', dataUri: 'data:image/png;base64,iVBORw0KGgo=' }];
    const { problems } = checkTexts(sources([{ file: 'testi/chi.md', source }], images), scope);
    expect(problems.map((p) => [p.severity, p.row, p.column])).toEqual([
      ['error', 5, source.split('\n')[4]!.indexOf('![spia]') + 1],
      ['warning', 6, 1],
    ]);
    // Without the remote image, the text passes and prints its markup as the characters it is.
    const clean = source.replace(' ![spia](https://example.org/pixel.gif)', '');
    const checked = checkTexts(sources([{ file: 'testi/chi.md', source: clean }], images), scope).checked;
    const view = textsView({
      checked,
      figures: computeTextFigures(checked.texts, [], definitions, 2024),
      lang: 'it',
      textLang: 'it',
      chapterIds: new Map(),
    });
    const html = view.appendice[0]!.html;
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="logo">');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img src="http|onerror="/);
  });
});

describe('project texts: figures from compute, n.d. when withheld', () => {
  const values = [
    value('citta', 'citta', 36.94, { variazione: -2.3 }),
    value('Q1', 'quartiere', 41.25, { variazione: 1.2 }),
    value('Q2', 'quartiere', null, { soppresso: true, motivo: 'piccoli numeri', numeratore: null }),
    value('Q3', 'quartiere', 30),
  ];
  const source = [
    '---',
    'titolo: Obiettivi',
    'posizione: fine impegni',
    '---',
    'Città {{ valore soli_75 citta }} ({{ variazione soli_75 citta }}); Centro {{ valore soli_75 "centro storico" }},',
    '{{ posizione soli_75 Q1 }}, {{ conteggio soli_75 Q1 }} persone; Borgo {{ valore soli_75 Q2 }} e {{ conteggio soli_75 Q2 }}.',
  ].join('\n');
  const checked = checkTexts(sources([{ file: 'testi/obiettivi.md', source }]), scope).checked;
  const figures = computeTextFigures(checked.texts, values, definitions, 2024);

  it('resolves each figure from the published values, and the withheld ones as null with their reason', () => {
    expect(figures.written.map((f) => [f.funzione, f.codice, f.valore, f.su, f.soppresso])).toEqual([
      ['valore', 'citta', 36.94, null, false],
      ['variazione', 'citta', -2.3, null, false],
      ['valore', 'Q1', 41.25, null, false],
      ['posizione', 'Q1', 1, 2, false],
      ['conteggio', 'Q1', 412.5, null, false],
      ['valore', 'Q2', null, null, true],
      ['conteggio', 'Q2', null, null, true],
    ]);
  });

  it('prints them it-IT and en, with n.d. (never the number) where withheld, in the chapter named', () => {
    const view = (lang: 'it' | 'en') =>
      textsView({ checked, figures, lang, textLang: 'it', chapterIds: new Map([['impegni', 'impegni']]) }).fine.impegni![0]!;
    const it = view('it');
    const text = it.html.replace(/<[^>]+>/g, '');
    expect(text).toContain('Città 36,9 (−2,3); Centro 41,3,\n1° su 2, 413 persone; Borgo n.d. e n.d..');
    expect(it.lang).toBe('');
    // No English twin: the Italian text in the English report, marked as Italian.
    const en = view('en');
    expect(en.lang).toBe('it');
    expect(en.html.replace(/<[^>]+>/g, '')).toContain('Città 36.9 (−2.3); Centro 41.3,\n1st of 2, 413 persone; Borgo n.a. e n.a..');
  });
});
