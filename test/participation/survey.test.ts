import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meanInterval, tQuantile975, welchDifference } from '../../src/compute/survey/stats.js';
import { compareGroups, readSurvey, summarize } from '../../src/compute/survey/read-survey.js';
import type { TypedRow } from '../../src/types.js';
import { miniTerritorio } from '../helpers/fixtures.js';
import { bilancio } from '../helpers/cli.js';
import { copyBrescia, readJson } from './project.js';

describe('survey statistics', () => {
  it("Student t quantiles: exact table up to 30 df, expansion beyond, interpolation for Welch's real df", () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(10)).toBeCloseTo(2.228, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.042, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(1e6)).toBeCloseTo(1.96, 3);
    expect(tQuantile975(10.5)).toBeGreaterThan(2.201);
    expect(tQuantile975(10.5)).toBeLessThan(2.228);
  });

  it('mean with a t interval, and a Welch difference that says whether zero is inside', () => {
    const m = meanInterval([1, 2, 3, 4, 5])!;
    expect(m.mean).toBe(3);
    expect(m.low).toBeCloseTo(3 - 2.776 * Math.sqrt(2.5 / 5), 3);
    expect(meanInterval([4])).toBeNull();
    const d = welchDifference([1, 2, 3, 4, 5], [2, 3, 4, 5, 6])!;
    expect(d.diff).toBe(-1);
    expect(d.low).toBeCloseTo(-1 - 2.306, 3); // df = 8, se = 1
    expect(d.distinguishable).toBe(false);
    expect(welchDifference([5, 5, 4, 5, 4, 5], [1, 2, 1, 2, 1, 1])!.distinguishable).toBe(true);
  });

  it('summaries respect the respondent threshold and weigh each person once per dimension', () => {
    const rows: TypedRow[] = [];
    const add = (id: string, q: string, fascia: string, answers: Record<string, number | null>) => {
      for (const [codice_domanda, valore] of Object.entries(answers)) {
        rows.push({
          values: { id_risposta: id, anno: 2024, codice_quartiere: q, fascia_eta: fascia, codice_domanda, valore },
          file: 'q.csv',
          row: rows.length + 2,
        });
      }
    };
    for (let i = 0; i < 12; i++) add(`a${i}`, 'Q1', '18-29', { D1: 5, D2: i % 2 ? 3 : null });
    for (let i = 0; i < 9; i++) add(`b${i}`, 'Q3', '75+', { D1: 1, D2: 1 });
    const domande: TypedRow[] = ['D1', 'D2'].map((c) => ({
      values: { codice_domanda: c, testo: c, dimensione: 'coesione' },
      file: 'd.csv',
      row: 2,
    }));
    const survey = readSurvey(rows, domande, miniTerritorio);
    const q1 = survey.respondents.filter((r) => r.quartiere === 'Q1');
    const q3 = survey.respondents.filter((r) => r.quartiere === 'Q3');
    const dim = { kind: 'dimension', code: 'coesione' } as const;
    const own = summarize(survey, q1, dim, 10);
    expect(own).toMatchObject({ respondents: 12, answered: 12, shown: true });
    // Per person: 6 answered 5 only (mean 5), 6 answered 5 and 3 (mean 4): mean of means 4.5.
    expect(own.estimate!.mean).toBeCloseTo(4.5);
    expect(own.distribution!.counts).toEqual([0, 0, 6, 0, 12]);
    expect(summarize(survey, q3, dim, 10)).toEqual({ respondents: 9, answered: 9, shown: false, distribution: null, estimate: null });
    const zones = compareGroups(survey, ['nord', 'sud'], (r) => r.zona, dim, 10);
    expect(zones[0]).toMatchObject({ group: 'nord', respondents: 12, shown: false }); // the rest (9) is below the threshold
    expect(zones[1]).toMatchObject({ group: 'sud', respondents: 9, shown: false, difference: null });
  });
});

describe('"La voce della comunità" in the built report', () => {
  let work: Awaited<ReturnType<typeof copyBrescia>>;
  let html: string;
  let community: string;
  let hiddenVoice: string;
  const small = { code: '17029013', name: 'Buffalora-Bettole' };

  beforeAll(async () => {
    work = await copyBrescia('comunita');
    const dati = path.join(work.project, 'dati/2024');
    // Keep only the first 9 respondents of one quartiere.
    const lines = (await readFile(path.join(dati, 'questionario.csv'), 'utf8')).split('\n');
    const ids = [...new Set(lines.filter((l) => l.split(',')[2] === small.code).map((l) => l.split(',')[0]))];
    expect(ids.length).toBeGreaterThan(9);
    const dropped = new Set(ids.slice(9));
    await writeFile(path.join(dati, 'questionario.csv'), lines.filter((l) => !dropped.has(l.split(',')[0]!)).join('\n'));
    const voci = await readJson<Record<string, unknown>[]>(path.join(dati, 'voci.json'));
    hiddenVoice = String(voci.find((v) => v.consenso_pubblicazione === false)!.testo);
    voci.push(
      {
        id: 'X1',
        anno: 2024,
        codice_quartiere: '17029018',
        cantiere: 'giovani',
        ruolo: 'utente',
        testo: '<img src=x onerror=alert(1)>',
        consenso_pubblicazione: true,
        firma: '<b>Nome</b>',
      },
      {
        id: 'X2',
        anno: 2024,
        codice_quartiere: '17029018',
        cantiere: 'giovani',
        ruolo: 'utente',
        testo: 'Segreto senza consenso 4711',
        consenso_pubblicazione: false,
        firma: 'Mario Riservato',
      },
    );
    await writeFile(path.join(dati, 'voci.json'), JSON.stringify(voci, null, 2));
    const out = path.join(work.dir, 'out');
    const build = await bilancio(['build', work.project, '--out', out, '--no-pdf'], work.dir);
    expect(build.code, build.stderr).toBe(0);
    html = await readFile(path.join(out, 'report.html'), 'utf8');
    const start = html.indexOf('id="voce-comunita"');
    community = html.slice(start, html.indexOf('<section class="capitolo"', start));
  });
  afterAll(() => work.remove());

  /** Text as a browser shows it: the entities Handlebars writes, decoded. */
  const decode = (markup: string) =>
    markup.replace(
      /&(lt|gt|quot|amp|#x27|#x3D|#x60);/g,
      (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#x27': "'", '#x3D': '=', '#x60': '`' })[e]!,
    );
  const rowsWith = (text: string) =>
    [...community.matchAll(/<tr[^>]*>[\s\S]*?<\/tr>/g)].map((m) => m[0]).filter((r) => decode(r).includes(text));

  it('a quartiere with 9 respondents shows n.d. and no mean, share or interval anywhere', () => {
    const rows = rowsWith(small.name);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row).toContain('n.d.');
      expect(row).not.toMatch(/\d,\d\d/);
    }
    // Issue 15: its respondents are withheld too (below soglia_risposte they would point at a small group).
    expect(rows.some((r) => />9</.test(r))).toBe(false);
    // Nor on the quartiere's own page.
    const start = html.indexOf(`id="quartiere-${small.code}"`);
    expect(start).toBeGreaterThan(0);
    expect(html.slice(start, html.indexOf('</article>', start))).not.toMatch(/\d,\d\d–\d,\d\d/);
  });

  it('quartieri above the threshold, zone and age groups show means with 95% intervals and differences as intervals', () => {
    const mean = /\d,\d\d \(\d,\d\d–\d,\d\d\)/;
    expect(rowsWith("Sant'Eufemia").some((r) => mean.test(r))).toBe(true);
    expect(community).toMatch(
      /<th scope="row">Città<\/th><td class="num(?: intervallo)?">1\.\d{3}<\/td><td class="num(?: intervallo)?">\d,\d\d \(\d,\d\d–\d,\d\d\)/,
    );
    expect(community).toContain('intervallo di confidenza al 95%');
    expect(community).toMatch(/id="tab-questionario-zone-diff"/);
    expect(community).toMatch(/[+−]\d,\d\d \([+−]?\d,\d\d; [+−]?\d,\d\d\)/);
    expect(community).toMatch(/id="tab-questionario-eta-diff"/);
    expect(community).toContain('Nel mio quartiere le persone si aiutano a vicenda');
    expect(community).toMatch(/<th scope="col">5 \(%\)<\/th>/);
  });

  it('voices: consent only, name only with consent, small quartieri dropped, text shown literally', () => {
    expect(html).not.toContain('Segreto senza consenso 4711');
    expect(html).not.toContain('Mario Riservato');
    expect(html).not.toContain(hiddenVoice);
    expect(community).toContain('<p>&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;</p>');
    expect(decode(community)).toContain('<img src=x onerror=alert(1)>');
    expect(community).toContain('&lt;b&gt;Nome&lt;/b&gt;');
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/<b>Nome/);
    // Folzano has fewer residents than soglia_popolazione_voci (2.000): Pietro's voice keeps his name, not the place.
    const footers = [...community.matchAll(/<footer>([^<]*)<\/footer>/g)].map((m) => decode(m[1]!));
    expect(footers).toContain('Pietro, volontario');
    expect(footers.filter((f) => f.includes('Folzano'))).toEqual([]);
    expect(community).toMatch(/<footer>[^<]*Sant&#x27;Eufemia<\/footer>/);
  });
});
