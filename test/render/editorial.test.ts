import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { byCount, countOf, NOUNS, t } from '../../src/i18n.js';
import { formatDateOn, numberArticle } from '../../src/render/format.js';
import { signatureSaysRole } from '../../src/render/view-community.js';
import { formulaText, ratioText } from '../../src/render/formula-text.js';
import { sortedByValue } from '../../src/render/sort-areas.js';
import { AVERAGE_TOLERANCE, isBelowReference, toleranceWords } from '../../src/render/chart-style.js';
import { datasetsText } from '../../src/render/dataset-words.js';

// Slips a reader saw in the Brescia report (issue 18): counts that agree with their noun, dates with the
// article they take, and a voice's role not repeated after a signature that already says it.

describe('counts agree with their noun', () => {
  it('says 1 servizio and 3 servizi', () => {
    expect(countOf('it', 1, NOUNS.servizio)).toBe('1 servizio');
    expect(countOf('it', 3, NOUNS.servizio)).toBe('3 servizi');
    expect(countOf('en', 1, NOUNS.servizio)).toBe('1 service');
    expect(countOf('it', 0, NOUNS.servizio)).toBe('0 servizi');
  });

  it('picks the sentence whose verb agrees with the count', () => {
    const one = { it: '1 quartiere è sotto', en: '1 area is below' };
    const many = { it: '{n} quartieri sono sotto', en: '{n} areas are below' };
    expect(t('it', byCount(1, one, many), { n: 1 })).toBe('1 quartiere è sotto');
    expect(t('it', byCount(14, one, many), { n: 14 })).toBe('14 quartieri sono sotto');
  });
});

describe('dates with their article', () => {
  const on = (iso: string, lang: 'it' | 'en' = 'it') => formatDateOn(new Date(iso), lang);
  it("elides before the days said with a vowel: l'1, l'8, l'11", () => {
    expect(on('2025-03-08')).toBe("l'8 marzo 2025");
    expect(on('2025-03-01')).toBe("l'1 marzo 2025");
    expect(on('2025-03-11')).toBe("l'11 marzo 2025");
  });
  it('keeps il before the others, and says on in English', () => {
    expect(on('2025-03-14')).toBe('il 14 marzo 2025');
    expect(on('2025-03-18')).toBe('il 18 marzo 2025');
    expect(on('2025-03-08', 'en')).toBe('on 8 March 2025');
  });
});

describe("a voice's role after its signature", () => {
  it('is not repeated in another gender or number', () => {
    expect(signatureSaysRole('Franca, volontaria ACLI', 'volontario')).toBe(true);
    expect(signatureSaysRole('Le volontarie del Punto comunità', 'volontario')).toBe(true);
    expect(signatureSaysRole('Anna, operatrice', 'operatore')).toBe(true);
    expect(signatureSaysRole('Giuseppe', 'volontario')).toBe(false);
    expect(signatureSaysRole('Mamma di Luca', 'familiare')).toBe(false);
  });
});

describe('public text names no file and prints no code', () => {
  it('prints formulas in readable notation, with comma decimals in Italian', () => {
    expect(formulaText('popolazione[eta>=65]', 'it')).toBe('popolazione (età ≥ 65)');
    expect(formulaText('popolazione[eta>=15, eta<=64]', 'it')).toBe('popolazione (età 15–64)');
    // The English edition names datasets, measures and fields in English: no Italian word in its annex.
    expect(formulaText('popolazione[eta>=15, eta<=64]', 'en')).toBe('population (age 15–64)');
    expect(formulaText('erogazioni[servizio=NIDO].posti', 'en')).toBe('places (service delivery, service NIDO)');
    expect(formulaText('famiglie.anziani_soli_75', 'en')).toBe('people aged 75+ living alone (households)');
    expect(formulaText('erogazioni[servizio=NIDO].posti', 'it')).toBe('posti (erogazioni, servizio NIDO)');
    expect(formulaText('popolazione.eta + 0.5 * popolazione', 'it')).toBe('età (popolazione) + 0,5 × popolazione');
    expect(formulaText('(popolazione + popolazione@-1) / 2', 'it')).toBe('(popolazione + popolazione (anno precedente)) / 2');
    for (const text of ['popolazione[eta<=14] + popolazione[eta>=65]', 'popolazione[cittadinanza=STR, eta<=17]'])
      expect(formulaText(text, 'it')).not.toMatch(/[[\]<>]|\.\d/);
  });

  it('names what a partner sent by its dataset, never by its file name', () => {
    expect(datasetsText(['erogazioni_acli.csv'], 'it')).toBe('erogazioni dei servizi');
    expect(datasetsText(['Erogazioni-2.xlsx', 'erogazioni_b.json', 'voci_x.json'], 'en')).toBe("service delivery, citizens' voices");
    expect(datasetsText(['erogazioni_acli.csv'], 'it')).not.toMatch(/\.csv/);
  });
});

describe("the method note's withheld values", () => {
  // The golden reports are what bilancio prints: the count of the note and its list must agree, and the
  // legend of * appear only where a value carries one.
  const cases = [
    {
      dir: 'brescia-piccolo',
      count: /Valori omessi nel \d+: per la soglia (\d+), complementari (\d+)\./,
      legend: '(* = omissione complementare)',
    },
    {
      dir: 'brescia-piccolo-en-nd',
      count: /Values withheld in \d+: (\d+) under the threshold, (\d+) as complements\./,
      legend: '(* = complementary)',
    },
  ];
  for (const c of cases)
    it(`count what they list (${c.dir})`, async () => {
      const text = await readFile(new URL(`../golden/${c.dir}/expected/report.txt`, import.meta.url), 'utf8');
      const found = c.count.exec(text);
      if (!found) {
        // A year with nothing withheld says so, and no value carries the complement's mark.
        expect(text).toMatch(/nessun valore è omesso|No value is withheld/);
        expect(text).not.toContain(c.legend);
        return;
      }
      const [, p, s] = found;
      const after = text.slice(text.search(c.count));
      const list = after.slice(after.indexOf('\n', after.search(/\n(Dove|Where)/) + 1), after.search(/\n\s*\n\s*\n/) + 1);
      const names = list
        .split('\n')
        .flatMap((line) => (line.includes(':') ? line.slice(line.indexOf(':') + 1) : line).split(','))
        .map((x) => x.trim())
        .filter(Boolean);
      expect(names.length).toBe(Number(p) + Number(s));
      expect(names.filter((x) => x.endsWith('*')).length).toBe(Number(s));
      expect(text.includes(c.legend)).toBe(Number(s) > 0);
    });
});

describe('bars of areas', () => {
  it('are sorted by value, highest first; ties by name, n.d. last, always in the same order', () => {
    const areas = [
      { codice: '4', nome: 'Sanpolino', value: null },
      { codice: '1', nome: 'Folzano', value: 9.8 },
      { codice: '2', nome: 'Centro', value: 40 },
      { codice: '3', nome: 'Caionvico', value: 9.8 },
      { codice: '5', nome: 'Borgo Trento', value: null },
      { codice: '6', nome: 'Don Bosco', value: 0 },
    ];
    const names = sortedByValue(areas).map((a) => a.nome);
    expect(names).toEqual(['Centro', 'Caionvico', 'Folzano', 'Don Bosco', 'Borgo Trento', 'Sanpolino']);
    expect(sortedByValue([...areas].reverse()).map((a) => a.nome)).toEqual(names);
  });

  it('are marked below the city only beyond the declared tolerance; below a target, at once', () => {
    expect(AVERAGE_TOLERANCE).toBeGreaterThan(0);
    expect(isBelowReference(0.7, 0.8, 'average')).toBe(false);
    expect(isBelowReference(0.8 * (1 - AVERAGE_TOLERANCE) - 0.01, 0.8, 'average')).toBe(true);
    expect(isBelowReference(32.9, 33, 'target')).toBe(true);
    expect(isBelowReference(33, 33, 'target')).toBe(false);
  });
});

describe('the legend says the tolerance', () => {
  it("in words that agree: l'80%, dell'80%", () => {
    const w = toleranceWords();
    expect(w.quota).toBe(`${Math.round((1 - AVERAGE_TOLERANCE) * 100)}%`);
    if (w.quota === '80%') expect([w.l_quota, w.del_quota]).toEqual(["l'80%", "dell'80%"]);
    expect(numberArticle(70)).toBe('il ');
    expect(numberArticle(11)).toBe("l'");
  });
});

describe('a changed definition', () => {
  it('is printed in the same readable notation as the annex', () => {
    expect(ratioText({ numeratore: 'popolazione[eta>=64]', denominatore: 'popolazione', scala: 100 }, 'it')).toBe(
      'popolazione (età ≥ 64) / popolazione × 100',
    );
    expect(ratioText({ numeratore: 'popolazione.eta + 0.5 * popolazione', denominatore: 'popolazione', scala: 1 }, 'it')).toBe(
      '(età (popolazione) + 0,5 × popolazione) / popolazione',
    );
  });
});

describe('rounding said in words', () => {
  it('in the open data and in explain, no "half away from zero"', async () => {
    for (const file of ['../../src/compute/open-data.ts', '../../src/provenance/explain-messages.ts', '../../src/render/view-method.ts']) {
      const text = await readFile(new URL(file, import.meta.url), 'utf8');
      expect(text.replace(/^\s*(\/\/|\*|\/\*).*$/gm, '')).not.toMatch(/half away from zero|lontano da zero/i);
    }
  });
});
