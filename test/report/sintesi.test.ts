// The Sintesi and the areas' points of attention (issue 18): chosen by the rules the project declares
// (catalogo/sintesi.json), from published values only, each finding traceable with `bilancio explain`.
// Folzano's nido gap (the worst in the city) is on Folzano's page.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, computeProject, type CheckedProject } from '../../src/pipeline.js';
import { diskEffects } from '../../src/effects.js';
import type { ComputeResult } from '../../src/compute/compute-indicators.js';
import { lateCommitments } from '../../src/compute/findings/summary.js';
import { trendOf } from '../../src/compute/findings/published.js';
import { explainAttention, explainFinding } from '../../src/provenance/explain-summary.js';
import { bresciaProject } from '../helpers/paths.js';
import { said } from '../helpers/said.js';
import { buildReport, copyOfBrescia, type Built } from './build.js';
import { andamentoOf, type Commitment } from '../../src/compute/commitments.js';

const fx = diskEffects();

let checked: CheckedProject;
let result: ComputeResult;
let built: Built;
let html: string;

beforeAll(async () => {
  checked = await checkProject({ project: bresciaProject }, fx);
  result = computeProject(checked);
  built = await buildReport({ noPdf: true });
  html = await readFile(path.join(built.out, 'report.html'), 'utf8');
}, 120_000);
afterAll(() => built?.remove());

const valueOf = (r: ComputeResult, ref: { indicatore: string; livello: string; codice: string; anno: number }) =>
  r.values.find((v) => v.indicatore === ref.indicatore && v.livello === ref.livello && v.codice === ref.codice && v.anno === ref.anno);

const folzano = () => checked.project.territorio.quartieri.find((q) => q.nome === 'Folzano')!;

/** The nido finding of the Sintesi, and Folzano's value as the report prints it ("10,9"). */
function nidoFinding() {
  const nido = result.sintesi.risultati.find((f) => f.id === 'sotto_obiettivo.copertura_NIDO');
  if (nido?.tipo !== 'sotto_obiettivo') throw new Error('no nido finding');
  return { nido, folzano: nido.sotto[0]!.valore.toLocaleString('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) };
}

describe('the findings', () => {
  it('rest on published values only, each of which is in the open data as computed', () => {
    const refs = [
      ...result.sintesi.cifre.flatMap((c) => c.riferimenti),
      ...result.sintesi.risultati.flatMap((f) => f.riferimenti),
      ...result.attenzione.flatMap((a) => [...a.nonRaggiunto.flatMap((s) => s.riferimenti), ...a.punti.flatMap((p) => p.riferimenti)]),
    ];
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of refs) {
      const value = valueOf(result, ref);
      expect(value, JSON.stringify(ref)).toBeDefined();
      expect(value!.soppresso).toBe(false);
      expect(value!.valore).not.toBeNull();
    }
  });

  it('name the quartieri below the nido target, the furthest first, with the values the indicators table publishes', () => {
    const nido = result.sintesi.risultati.find((f) => f.id === 'sotto_obiettivo.copertura_NIDO');
    expect(nido?.tipo).toBe('sotto_obiettivo');
    if (nido?.tipo !== 'sotto_obiettivo') return;
    expect(nido.obiettivo).toBe(33);
    expect(nido.sotto[0]!.nome).toBe('Folzano');
    const published = result.values.filter(
      (v) => v.indicatore === 'copertura_NIDO' && v.livello === 'quartiere' && v.anno === result.anno && !v.soppresso && v.valore !== null,
    );
    expect(nido.sotto.map((a) => a.codice).sort()).toEqual(
      published
        .filter((v) => v.valore! < 33)
        .map((v) => v.codice)
        .sort(),
    );
    expect(nido.sotto[0]!.valore).toBe(Math.min(...published.map((v) => v.valore!)));
  });

  it('give key figures with the absolute number the rules ask for: the numerator, as in indicatori.csv', () => {
    const nido = result.sintesi.cifre.find((c) => c.indicatore === 'copertura_NIDO')!;
    const city = valueOf(result, { indicatore: 'copertura_NIDO', livello: 'citta', codice: 'citta', anno: result.anno })!;
    expect(nido.assoluto).toBe(city.numeratore);
    expect(nido.valore).toBe(city.valore);
    expect(result.sintesi.cifre.find((c) => c.indicatore === 'popolazione')!.assoluto).toBeNull();
  });

  it("put Folzano's nido gap among Folzano's points of attention, with its rank in its zona", () => {
    const attention = result.attenzione.find((a) => a.codice === folzano().codice)!;
    const nido = attention.punti.find((p) => p.indicatore === 'copertura_NIDO');
    expect(nido?.tipo).toBe('sotto_obiettivo');
    if (nido?.tipo !== 'sotto_obiettivo') return;
    const zona = checked.project.territorio.zone.find((z) => z.quartieri.includes(folzano().codice))!;
    expect(nido.rango).toEqual({ posizione: zona.quartieri.length, su: zona.quartieri.length });
    // Services that reach no one in Folzano are named, each a published zero where the city has users.
    for (const s of attention.nonRaggiunto) {
      expect(valueOf(result, s.riferimenti[0]!)!.valore).toBe(0);
      expect(valueOf(result, s.riferimenti[1]!)!.valore).toBeGreaterThan(0);
    }
  });

  it('flag as late the commitments due by the end of the year and not completed', () => {
    const commitment = (codice: string, scadenza: string | null, stato: string | null): Commitment => ({
      codice,
      cantiere: 'prima_infanzia',
      descrizione: codice,
      descrizioneEn: null,
      zona: null,
      quartiere: null,
      indicatore: null,
      obiettivo: null,
      scadenza,
      stato,
      avanzamento: null,
      avanzamentoPrima: null,
      variazione: null,
      nota: '',
      andamento: andamentoOf(stato, scadenza, '2024-12-31'),
    });
    const { late, due } = lateCommitments(
      [
        commitment('A', '2024-12-31', 'in_corso'),
        commitment('B', '2024-06-30', 'completato'),
        commitment('C', '2025-03-31', 'in_corso'),
        commitment('D', '2024-09-30', null),
        commitment('E', null, 'in_corso'),
      ],
      2024,
    );
    expect(late.map((c) => c.codice)).toEqual(['D', 'A']);
    expect(due).toBe(3);
  });

  it('call a trend only with three years or more, and only a steady one rising or falling', () => {
    const s = (...v: number[]) => v.map((valore, i) => ({ anno: 2019 + i, valore }));
    expect(trendOf(s(1, 2))).toBeNull();
    expect(trendOf(s(1, 2, 2, 3))).toBe('in_crescita');
    expect(trendOf(s(3, 2, 1))).toBe('in_calo');
    expect(trendOf(s(1, 3, 2))).toBe('altalenante');
    expect(trendOf(s(2, 2, 2))).toBe('altalenante');
  });

  it('report as largest changes only indicators counting at least the declared minimum of cases in both years', () => {
    const rule = checked.summaryRules.regole.find((r) => r.tipo === 'variazione');
    if (rule?.tipo !== 'variazione') throw new Error('no variazione rule');
    expect(rule.conteggioMinimo).toBe(50);
    const changes = result.sintesi.risultati.filter((f) => f.tipo === 'variazione');
    expect(changes.length).toBeGreaterThan(0);
    for (const finding of changes) {
      for (const anno of [result.anno, result.annoPrecedente!]) {
        const value = valueOf(result, { indicatore: finding.indicatore, livello: 'citta', codice: 'citta', anno })!;
        if (value.numeratore !== null) expect(value.numeratore, finding.id).toBeGreaterThanOrEqual(50);
      }
    }
    // Without the minimum, a change of a few cases (Brescia's entries into disability services, 23 → 17) comes first.
    const all = computeProject({
      ...checked,
      summaryRules: {
        ...checked.summaryRules,
        regole: checked.summaryRules.regole.map((r) => (r.tipo === 'variazione' ? { ...r, conteggioMinimo: 0 } : r)),
      },
    });
    const first = all.sintesi.risultati.find((f) => f.tipo === 'variazione')!;
    const small = valueOf(all, { indicatore: first.indicatore, livello: 'citta', codice: 'citta', anno: all.anno })!;
    expect(small.numeratore).toBeLessThan(50);
    expect(changes.map((f) => f.indicatore)).not.toContain(first.indicatore);
  });
});

describe('the report', () => {
  it('opens with the Sintesi, before the method note, and lists it first in the index', () => {
    const sintesi = html.indexOf('id="sintesi"');
    expect(sintesi).toBeGreaterThan(0);
    expect(sintesi).toBeLessThan(html.indexOf('id="nota-metodologica"'));
    expect(html).toMatch(/<a href="#sintesi">Sintesi<\/a>/);
    expect(html).toContain(`${nidoFinding().nido.sotto.length} quartieri su 33 sono sotto l&#x27;obiettivo di 33,0 per 100`);
  });

  it('marks every finding with an id that `explain` traces to its rule and values', () => {
    const ids = [...html.matchAll(/data-sintesi="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBe(result.sintesi.risultati.length);
    const input = {
      lang: 'it' as const,
      sintesi: result.sintesi,
      attenzione: result.attenzione,
      rules: checked.summaryRules,
      values: result.values,
      definitions: result.definitions,
    };
    for (const id of ids) {
      const explained = explainFinding(input, id);
      expect('lines' in explained, id).toBe(true);
      if ('lines' in explained) expect(explained.lines.join('\n')).toContain('catalogo/sintesi.json');
    }
    const nido = explainFinding(input, 'sotto_obiettivo.copertura_NIDO');
    expect('lines' in nido && nido.lines.join('\n')).toContain(`(Folzano): ${nidoFinding().folzano} per 100`);
    expect('error' in explainFinding(input, 'nessuno')).toBe(true);
    const attention = explainAttention(input, 'Folzano');
    expect('lines' in attention && attention.lines.join('\n')).toContain('copertura_NIDO');
  });

  it("prints Folzano's nido gap on Folzano's page, and names the services that do not reach it", () => {
    const start = html.indexOf(`id="quartiere-${folzano().codice}"`);
    const page = html.slice(start, html.indexOf('</article>', start));
    expect(page).toContain('Punti di attenzione');
    expect(page).toContain(
      `Posti nei nidi per 100 bambini 0-2 anni: ${nidoFinding().folzano} per 100, sotto l&#x27;obiettivo di 33,0 per 100`,
    );
    expect(page).toMatch(/non raggiungono nessuno in questo quartiere: [^<]*Spazi gioco e tempo per le famiglie/);
    // The nido's places are now in the page's table of services.
    expect(page).toMatch(/servizi che raggiungono il quartiere[\s\S]*Posti nei nidi per 100 bambini 0-2 anni/);
  });

  it('says in each cantiere what changed, with the absolute outputs beside the rates', () => {
    const nido = result.andamenti.find((a) => a.indicatore === 'copertura_NIDO')!;
    const places = nido.assoluti.find((a) => a.anno === result.anno)!.valore;
    const formatted = places.toLocaleString('it-IT', { useGrouping: 'always' } as Intl.NumberFormatOptions);
    const rate = nido.serie.find((a) => a.anno === result.anno)!.valore.toLocaleString('it-IT', { minimumFractionDigits: 1 });
    expect(html).toContain(`Posti nei nidi per 100 bambini 0-2 anni: ${rate} per 100 nel ${result.anno}, cioè ${formatted} posti`);
    // The counts too, with their trend over the years (issue 19).
    expect(html).toMatch(/Bambini in lista d&#x27;attesa per il nido: [\d.]+ bambini nel \d{4} \([^)]*dal \d{4}\)/);
    expect(html).toMatch(/id="cantiere-prima_infanzia-cambiamenti">Che cosa è cambiato/);
  });

  it('writes the findings in the open data, with their references', async () => {
    const json = JSON.parse(await readFile(path.join(built.out, 'sintesi.json'), 'utf8')) as {
      risultati: { id: string; riferimenti: unknown[] }[];
      attenzione: { codice: string }[];
    };
    expect(json.risultati.map((r) => r.id)).toEqual(result.sintesi.risultati.map((r) => r.id));
    expect(json.attenzione).toHaveLength(33);
  });
});

describe("the project's rules", () => {
  it('change what the Sintesi reports, and a key figure naming no indicator is a warning at its place', async () => {
    const copy = await copyOfBrescia();
    try {
      const file = path.join(copy.dir, 'catalogo', 'sintesi.json');
      const rules = JSON.parse(await readFile(file, 'utf8')) as {
        cifre_chiave: { indicatore: string }[];
        regole: { tipo: string; massimo?: number }[];
      };
      rules.cifre_chiave.push({ indicatore: 'non_esiste' });
      rules.regole = rules.regole.map((r) => (r.tipo === 'divario_tra_aree' ? { ...r, massimo: 1 } : r));
      await writeFile(file, JSON.stringify(rules));
      const own = await checkProject({ project: copy.dir }, fx);
      const warning = own.report.files.flatMap((f) => f.warnings).find((p) => p.file === 'catalogo/sintesi.json');
      expect(warning?.field).toBe(`cifre_chiave.${rules.cifre_chiave.length - 1}.indicatore`);
      expect(said([warning!])[0]!.message).toContain('"non_esiste"');
      const computed = computeProject(own);
      expect(computed.sintesi.risultati.filter((f) => f.tipo === 'divario_tra_aree')).toHaveLength(1);

      await writeFile(file, JSON.stringify({ cifre_chiave: [], regole: [{ tipo: 'sconosciuto' }] }));
      const invalid = await checkProject({ project: copy.dir }, fx);
      expect(invalid.report.valid).toBe(false);
      expect(invalid.summaryRules.predefinite).toBe(true);
    } finally {
      await copy.remove();
    }
  }, 120_000);
});
