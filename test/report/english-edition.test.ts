import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/render/browser.js';
import { bresciaProject } from '../helpers/paths.js';
import { buildReport, hasBrowser, type Built } from './build.js';

// The English edition of Brescia (`build --lang en`), read in Chromium's DOM as a screen reader would:
// every text node and every accessible name outside an element marked lang="it" must be free of the
// Italian words that the templates, labels, units and the project's untranslated texts used to print.

/**
 * Italian words the English edition printed before it was complete: units (anni, utenti, posti, ore,
 * persone), the title, service names, survey questions and dimensions, commitments, targets, dataset
 * names in formulas, `n.d.`. Words of Brescia's proper names that stand in English sentences (di, del,
 * città: "Crocifissa di Rosa", "Brescia Città del Noi") and the area word the project keeps in English
 * (quartiere) are not listed; codes (copertura_SAD, TEMPO_FAMIGLIE) are not words.
 */
export const ITALIAN_WORDS = [
  'anni',
  'utenti',
  'bambini',
  'domande',
  'posti',
  'ore',
  'persone',
  'residenti',
  'famiglie',
  'popolazione',
  'erogazioni',
  'bilancio',
  'sociale',
  'partecipativo',
  'servizio',
  'servizi',
  'copertura',
  'obiettivo',
  'fonte',
  'nidi',
  'centri',
  'sportelli',
  'emporio',
  'assistenza',
  'domiciliare',
  'anziani',
  'giovanile',
  'coesione',
  'sicurezza',
  'partecipazione',
  'accesso',
  'raggiungere',
  'aprire',
  'portare',
  'della',
  'delle',
  'degli',
  'nel',
  'nella',
  'sono',
  'che',
  'gli',
  'una',
  'zona',
  'consiglio',
  'raccomandazione',
];

/** The ids of Brescia's indicators (`popolazione`), printed as codes beside their names in the annex. */
const INDICATOR_IDS = (JSON.parse(readFileSync(path.join(bresciaProject, 'catalogo/indicatori.json'), 'utf8')) as { id: string }[]).map(
  (d) => d.id,
);

/** Words of a text, lower-cased, and the marks that are Italian whatever the words (n.d., 1.000 in a unit). */
export function italianIn(text: string): string[] {
  const found = text
    // Codes are not words: ids with underscores, service codes in capitals, an indicator's id in brackets.
    .replace(/[\p{L}\d]*_[\p{L}\d_]*|\b\p{Lu}{2,}\b/gu, ' ')
    .replace(/\((\w+)\)/g, (whole, id: string) => (INDICATOR_IDS.includes(id) ? ' ' : whole))
    .toLocaleLowerCase('it')
    .split(/[^\p{L}]+/u)
    .filter((word) => ITALIAN_WORDS.includes(word));
  if (/(^|[\s(])n\.d\./.test(text)) found.push('n.d.');
  if (/\bper \d{1,3}\.\d{3}\b/.test(text)) found.push('per 1.000');
  return found;
}

// The page's DOM, as far as the function evaluated in Chromium uses it (this project has no DOM types).
interface DomNode {
  textContent: string | null;
  parentElement: DomElement | null;
}
interface DomElement {
  closest(selector: string): DomElement | null;
  getAttribute(name: string): string | null;
}
declare const document: {
  body: unknown;
  createTreeWalker(root: unknown, show: number): { nextNode(): DomNode | null };
  querySelectorAll(selector: string): Iterable<DomElement>;
};

/** Every text node and accessible name (aria-label, alt, title) of the page that is not inside an element of another language. */
async function englishTexts(html: string): Promise<string[]> {
  const launched = await launchBrowser();
  try {
    const page = await launched.browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setContent(html, { waitUntil: 'load' });
    return await page.evaluate(() => {
      const english = (el: DomElement | null) => (el?.closest('[lang]')?.getAttribute('lang') ?? 'en') === 'en';
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('style, script') || !english(parent)) continue;
        if (node.textContent?.trim()) texts.push(node.textContent.trim());
      }
      for (const el of document.querySelectorAll('[aria-label], [alt], [title]')) {
        if (!english(el)) continue;
        for (const name of ['aria-label', 'alt', 'title']) {
          const value = el.getAttribute(name);
          if (value) texts.push(value);
        }
      }
      return texts;
    });
  } finally {
    await launched.close();
  }
}

describe('the Italian-word finder', () => {
  it('finds units, n.d. and Italian grouping, and passes English', () => {
    expect(italianIn('Mean age (anni)')).toEqual(['anni']);
    expect(italianIn('Buffalora-Bettole n.d. (withheld)')).toEqual(['n.d.']);
    expect(italianIn('Birth rate (per 1.000)')).toEqual(['per 1.000']);
    expect(italianIn('Coverage: Home care service (copertura_SAD), users (service SAD)')).toEqual([]);
    expect(italianIn('Resident population (popolazione)')).toEqual([]);
    expect(italianIn('Resident popolazione')).toEqual(['popolazione']);
    expect(italianIn('Coverage: Home care service (per 100), n.a., per 1,000 people')).toEqual([]);
  });
});

describe.skipIf(!hasBrowser)('the English edition of data/brescia', () => {
  let built: Built;
  let html: string;

  beforeAll(async () => {
    built = await buildReport({ lang: 'en', noPdf: true });
    html = await readFile(path.join(built.out, 'report.html'), 'utf8');
  }, 240_000);
  afterAll(async () => {
    await built?.remove();
  });

  it('prints no Italian label, unit or project text outside elements marked lang="it"', async () => {
    const texts = await englishTexts(html);
    expect(texts.length).toBeGreaterThan(1000);
    const italian = [...new Set(texts.filter((text) => italianIn(text).length > 0))];
    expect(italian.map((text) => `${italianIn(text).join(', ')}: ${text.slice(0, 160)}`)).toEqual([]);
  }, 120_000);

  it("gives the project's English title, services, questions and commitments", () => {
    expect(html).toMatch(/<title>Participatory social report 2024<\/title>/);
    expect(html).toContain('Home care service');
    expect(html).toContain('I feel part of the community of my quartiere');
    expect(html).toContain('Open a new nursery in Sanpolino');
    // The partners' notes on their commitments have no translation: marked as Italian.
    expect(html).toMatch(/<td lang="it">[^<]*Sanpolino[^<]*<\/td>/);
  });
});
