import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, templatesDir } from '../../src/render/html.js';
import { buildReport, copyOfBrescia } from './build.js';

// Templates an analyst can change: every partial documented, a project's own partial replacing the
// tool's, and the English report. HTML only (no PDF): the text is the same.

const ENGLISH_CHAPTERS = [
  'Method note',
  'The project and its network',
  'The city',
  'The strength of the community',
  'Early childhood',
  'Live the quartiere and Youth workshop',
  'The 100 levers for the city',
  'Fighting poverty, and work',
  'Older and disabled people',
  'The voice of the community',
  'Resources',
  'Commitments',
  'The quartieri',
  'Annexes',
];

describe('the templates', () => {
  it('open each partial with a comment saying what it shows and which fields it gets', async () => {
    const set = await loadTemplates();
    const partials = [...set].filter(([name]) => name.startsWith('partials/'));
    expect(partials.length).toBeGreaterThanOrEqual(12);
    for (const [name, source] of partials) {
      expect(source, name).toMatch(/^\{\{!--[\s\S]{40,}?--~?\}\}/);
      expect(source, name).not.toMatch(/\{\{\{/); // data is never triple-stashed
    }
    expect(templatesDir).toMatch(/templates[\\/]$/);
  });
});

describe('a project that overrides a partial, and the English report', () => {
  let project: Awaited<ReturnType<typeof copyOfBrescia>>;
  let italian: string;
  let english: string;
  const remove: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    project = await copyOfBrescia();
    remove.push(project.remove);
    await mkdir(path.join(project.dir, 'templates/partials'), { recursive: true });
    await writeFile(
      path.join(project.dir, 'templates/partials/copertina.hbs'),
      '{{!-- Our own cover. --}}\n<header class="copertina"><p class="marchio">Città di prova &amp; co.</p><h1>{{title}}</h1><p>{{ente}}</p></header>\n',
    );
    const [it, en] = await Promise.all([buildReport({ noPdf: true }, project.dir), buildReport({ noPdf: true, lang: 'en' })]);
    remove.push(it.remove, en.remove);
    italian = await readFile(path.join(it.out, 'report.html'), 'utf8');
    english = await readFile(path.join(en.out, 'report.html'), 'utf8');
  }, 240_000);
  afterAll(async () => {
    await Promise.all(remove.map((r) => r()));
  });

  it("prints the project's cover instead of the tool's", () => {
    expect(italian).toContain('<p class="marchio">Città di prova &amp; co.</p>');
    expect(italian).not.toContain('<p class="sottotitolo"');
    // Everything else is still the tool's.
    expect(italian).toContain('<h2 id="la-citta-titolo">La città</h2>');
  });

  it('writes the English report with English chapter titles and lang="en"', () => {
    expect(english).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    for (const title of ENGLISH_CHAPTERS) expect(english, title).toMatch(new RegExp(`<h2 id="[^"]+">${title}</h2>`));
    expect(english).toContain('Skip to content');
    // The project's own texts in English where it gives them (titolo_en); its name in its own language, and says so.
    expect(english).toMatch(/<h1 class="titolo">Participatory social report 2024<\/h1>/);
    expect(english).toMatch(/<p class="ente" lang="it">Comune di Brescia<\/p>/);
    // The running header of the printed pages, in English.
    expect(english).toContain('"page\\20 "');
    expect(english).toMatch(/\(<a href="#fig-residenti-zona">Figure 1<\/a>\)/);
  });
});
