// The sample's services, partner submissions, survey, voices and commitments.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANNI_CAMPIONE, campioneTemporaneo } from './fixture.js';
import { elencoFile, leggi1252, leggiCsv, leggiErogazioni, leggiJson, risolutore, type Erogazione, type Riga } from './read-sample.js';

const ANNI = ANNI_CAMPIONE;
/** The years of the project itself: survey, voices, commitments, deadlines for the partners. */
const ANNI_PROGETTO = [2023, 2024] as const;
const PARTNER = ['acli', 'anffas', 'auser', 'calabrone', 'cob', 'colibri', 'csv_brescia', 'dignita_lavoro', 'fondazione_asm'];
const CSV_1252 = ['acli', 'anffas', 'auser', 'cob', 'dignita_lavoro'];

let a: string;
let files: string[];
let erogazioni: Erogazione[];
let servizi: Riga[];
const target: Record<number, Map<string, (da: number, aa: number) => number>> = {};

beforeAll(async () => {
  a = await campioneTemporaneo('servizi');
  files = await elencoFile(a);
  servizi = await leggiCsv(a, 'catalogo/servizi.csv');
  erogazioni = await leggiErogazioni(a, files, risolutore(await leggiCsv(a, 'territorio/quartieri.csv')));
  for (const anno of ANNI) {
    const perQuartiere = new Map<string, number[]>();
    for (const r of await leggiCsv(a, `dati/${anno}/popolazione.csv`)) {
      const perEta = perQuartiere.get(r.codice_quartiere!) ?? new Array<number>(101).fill(0);
      perEta[Number(r.eta)]! += Number(r.residenti);
      perQuartiere.set(r.codice_quartiere!, perEta);
    }
    target[anno] = new Map([...perQuartiere].map(([q, e]) => [q, (da, aa) => e.slice(da, aa + 1).reduce((s, n) => s + n, 0)]));
  }
});

const fasciaTarget = (t: string): [number, number] => {
  const m = /^eta:(\d+)(?:-(\d+)|\+)$/.exec(t);
  return m ? [Number(m[1]), m[2] === undefined ? 100 : Number(m[2])] : [0, 100];
};
const popTarget = (anno: number, servizio: string, q?: string): number => {
  const [da, aa] = fasciaTarget(servizi.find((s) => s.codice_servizio === servizio)!.target!);
  const quartieri = q ? [q] : [...target[anno]!.keys()];
  return quartieri.reduce((s, k) => s + target[anno]!.get(k)!(da, aa), 0);
};
const totale = (anno: number, servizio: string, campo: 'utenti' | 'posti' = 'utenti'): number =>
  erogazioni.filter((r) => r.anno === anno && r.servizio === servizio).reduce((s, r) => s + (r[campo] ?? 0), 0);

describe('erogazioni', () => {
  it('name every quartiere in a way the tolerant matcher can resolve', () => {
    for (const r of erogazioni) expect(r.codice, `${r.file}: ${r.scritto}`).toBeDefined();
    const scritti = new Set(erogazioni.map((r) => r.scritto));
    for (const nome of ['S. Eufemia', 'SANT EUFEMIA', 'Porta Cremona', 'Villaggio Prealpino', 'sanpolino', '18', '17029018'])
      expect(scritti.has(nome), nome).toBe(true);
    expect(erogazioni.some((r) => r.codice === 'ND')).toBe(true);
  });

  it('never serve more people than live in the target population of the quartiere', () => {
    for (const r of erogazioni.filter((x) => x.codice !== 'ND')) {
      const max = popTarget(r.anno, r.servizio, r.codice);
      expect(r.utenti, `${r.file} ${r.scritto}`).toBeLessThanOrEqual(max);
      expect(r.posti ?? 0).toBeLessThanOrEqual(max);
    }
  });

  it.each(ANNI)('NIDO covers 30-34 places per 100 children 0-2 in %i, unevenly', (anno) => {
    const copertura = (100 * totale(anno, 'NIDO', 'posti')) / popTarget(anno, 'NIDO');
    expect(copertura).toBeGreaterThanOrEqual(30);
    expect(copertura).toBeLessThanOrEqual(34);
    const basse = erogazioni.filter((r) => r.anno === anno && r.servizio === 'NIDO' && r.posti! / popTarget(anno, 'NIDO', r.codice) < 0.2);
    expect(basse.length).toBeGreaterThanOrEqual(3);
  });

  it.each(ANNI)('SAD reaches 2-3%% of residents 65+ in %i', (anno) => {
    const quota = totale(anno, 'SAD') / popTarget(anno, 'SAD');
    expect(quota).toBeGreaterThanOrEqual(0.02);
    expect(quota).toBeLessThanOrEqual(0.03);
  });

  it('have small counts for privacy suppression to act on', () => {
    expect(erogazioni.some((r) => r.servizio === 'CENTRO_DIURNO_DIS' && r.utenti <= 2 && r.codice !== 'ND')).toBe(true);
  });

  it.each(ANNI)('NIDO has applications and a waiting list in %i: enrolled <= applications, waiting <= refused', (anno) => {
    const nidi = erogazioni.filter((r) => r.anno === anno && r.servizio === 'NIDO');
    for (const r of nidi) {
      expect(r.utenti).toBeLessThanOrEqual(r.domande!);
      expect(r.listaAttesa!).toBeLessThanOrEqual(Math.max(0, r.domande! - r.posti!));
    }
    const domande = nidi.reduce((s, r) => s + r.domande!, 0);
    expect(domande).toBeGreaterThan(totale(anno, 'NIDO', 'posti'));
    expect(nidi.reduce((s, r) => s + r.listaAttesa!, 0)).toBeGreaterThan(0);
  });

  it('dip in 2020 for what is done in person, and recover by 2023', () => {
    for (const s of ['CAG', 'PUNTI_COMUNITA', 'TEMPO_FAMIGLIE', 'NIDO']) {
      expect(totale(2020, s), s).toBeLessThan(0.9 * totale(2019, s));
      expect(totale(2023, s), s).toBeGreaterThan(0.9 * totale(2019, s));
    }
  });

  it('count young adults entering disability services and NEET reached by youth services, as parts of the users', () => {
    for (const r of erogazioni) {
      if (r.nuoviUtenti !== undefined) expect(r.nuoviUtenti).toBeLessThanOrEqual(r.utenti);
      if (r.utentiNeet !== undefined) expect(r.utentiNeet).toBeLessThanOrEqual(r.utenti);
    }
    for (const anno of ANNI) {
      const nuovi = erogazioni.filter((r) => r.anno === anno && ['CENTRO_DIURNO_DIS', 'RESIDENZIALE_DIS'].includes(r.servizio));
      expect(
        nuovi.reduce((s, r) => s + (r.nuoviUtenti ?? 0), 0),
        String(anno),
      ).toBeGreaterThan(0);
      const neet = erogazioni.filter((r) => r.anno === anno && ['CAG', 'OFFICINA_GIOVANI'].includes(r.servizio));
      expect(
        neet.reduce((s, r) => s + (r.utentiNeet ?? 0), 0),
        String(anno),
      ).toBeGreaterThan(0);
    }
  });

  it.each(ANNI)('risorse %i: each service has exactly its spending, split by source', async (anno) => {
    const risorse = await leggiCsv(a, `dati/${anno}/risorse.csv`);
    const fonti = new Set(['comune', 'partner', 'fondazioni', 'fondi_nazionali', 'pnrr', 'altro']);
    for (const r of risorse) expect(fonti.has(r.fonte!), r.fonte).toBe(true);
    for (const s of servizi) {
      const cents = (n: number) => Math.round(n * 100);
      const spesa = erogazioni
        .filter((r) => r.anno === anno && r.servizio === s.codice_servizio)
        .reduce((t, r) => t + cents(r.spesa ?? 0), 0);
      const soldi = risorse.filter((r) => r.codice_servizio === s.codice_servizio).reduce((t, r) => t + cents(Number(r.importo_euro)), 0);
      expect(soldi, s.codice_servizio).toBe(spesa);
    }
  });

  it.each(ANNI)('personale %i: every delivering organisation, volunteers counted once (fewer than the rows sum)', async (anno) => {
    const personale = await leggiCsv(a, `dati/${anno}/personale.csv`);
    const enti = new Set(erogazioni.filter((r) => r.anno === anno).map((r) => r.ente));
    expect(new Set(personale.map((p) => p.codice_ente))).toEqual(enti);
    for (const p of personale) expect(Number(p.operatori)).toBeGreaterThan(0);
    const volontariRighe = erogazioni.filter((r) => r.anno === anno).reduce((t, r) => t + (r.volontari ?? 0), 0);
    const volontari = personale.reduce((t, p) => t + Number(p.volontari || 0), 0);
    expect(volontari).toBeLessThan(volontariRighe);
    expect(volontari).toBeGreaterThan(0.7 * volontariRighe);
  });

  it('change by a few per cent from 2023 to 2024', () => {
    for (const s of servizi) {
      const ratio = totale(2024, s.codice_servizio!) / totale(2023, s.codice_servizio!);
      expect(ratio, s.codice_servizio).toBeGreaterThan(0.9);
      expect(ratio, s.codice_servizio).toBeLessThan(1.25);
    }
  });
});

describe('partner submissions', () => {
  it('come from every delivering partner for both years, with a manifest naming the file', async () => {
    for (const ente of PARTNER)
      for (const anno of ANNI) {
        const m = await leggiJson<{ ente: string; anno: number; file: string[]; inviato_il: string }>(
          a,
          `contributi/${ente}/${anno}/manifest.json`,
        );
        expect(m).toMatchObject({ ente, anno });
        for (const f of m.file) expect(files).toContain(`contributi/${ente}/${anno}/${f}`);
      }
    expect(files.some((f) => f.startsWith('contributi/anolf/'))).toBe(false);
  });

  it.each(ANNI_PROGETTO)('are on time by 31 March except exactly one partner (%i)', async (anno) => {
    const dates = await Promise.all(PARTNER.map((e) => leggiJson<{ inviato_il: string }>(a, `contributi/${e}/${anno}/manifest.json`)));
    expect(dates.filter((d) => d.inviato_il > `${anno + 1}-03-31`)).toHaveLength(1);
  });

  it('look like Excel in Italian for half of them: Windows-1252, semicolons, CRLF, comma decimals', async () => {
    let cp1252Only = false;
    for (const ente of CSV_1252)
      for (const anno of ANNI) {
        const path = `contributi/${ente}/${anno}/erogazioni_${ente}.csv`;
        const bytes = await readFile(join(a, path));
        if (bytes.includes(0x92)) cp1252Only = true; // ’ : invalid as UTF-8
        const text = await leggi1252(a, path);
        expect(text.split('\r\n')[0]).toMatch(/^anno;(quartiere|codice_quartiere);codice_servizio;codice_ente;utenti/);
        expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
        expect(text).toMatch(/;\d{1,3}(\.\d{3})*,\d{2}\r\n/);
      }
    expect(cp1252Only).toBe(true);
  });
});

describe.each(ANNI_PROGETTO)('survey, voices and commitments %i', (anno) => {
  it('has ~1,500 respondents, a few quartieri under ten, Likert answers with some blanks', async () => {
    const domande = await leggiCsv(a, `dati/${anno}/domande.csv`);
    expect(domande.length).toBeGreaterThanOrEqual(8);
    expect(new Set(domande.map((d) => d.dimensione))).toEqual(new Set(['coesione', 'accesso_servizi', 'sicurezza', 'partecipazione']));
    const righe = await leggiCsv(a, `dati/${anno}/questionario.csv`);
    const rispondenti = new Map(righe.map((r) => [r.id_risposta!, r.codice_quartiere!]));
    expect(rispondenti.size).toBeGreaterThan(1400);
    expect(rispondenti.size).toBeLessThan(1600);
    const perQuartiere = new Map<string, number>();
    for (const q of rispondenti.values()) perQuartiere.set(q, (perQuartiere.get(q) ?? 0) + 1);
    expect([...perQuartiere.values()].filter((n) => n < 10).length).toBeGreaterThanOrEqual(2);
    const codici = new Set(domande.map((d) => d.codice_domanda));
    for (const r of righe) {
      expect(codici.has(r.codice_domanda)).toBe(true);
      expect(['18-29', '30-44', '45-64', '65-74', '75+']).toContain(r.fascia_eta);
      expect(['', '1', '2', '3', '4', '5']).toContain(r.valore);
    }
    expect(righe.filter((r) => r.valore === '').length).toBeGreaterThan(0);
  });

  it('has ~25 voices, some without consent, one typing markup literally', async () => {
    const voci = await leggiJson<{ cantiere: string; testo: string; consenso_pubblicazione: boolean; firma?: string }[]>(
      a,
      `dati/${anno}/voci.json`,
    );
    expect(voci.length).toBeGreaterThanOrEqual(20);
    expect(new Set(voci.map((v) => v.cantiere)).size).toBe(6);
    expect(voci.filter((v) => !v.consenso_pubblicazione).length).toBeGreaterThan(0);
    expect(voci.filter((v) => v.consenso_pubblicazione).length).toBeGreaterThan(voci.length / 2);
    expect(voci.some((v) => v.firma)).toBe(true);
    if (anno === 2023) expect(voci.some((v) => v.testo.includes('<b>') && v.testo.includes('&') && v.testo.includes('"'))).toBe(true);
  });

  it('reports progress on every catalogued commitment', async () => {
    const catalogo = await leggiCsv(a, 'catalogo/impegni.csv');
    expect(catalogo.map((i) => i.indicatore)).toEqual(expect.arrayContaining(['copertura_NIDO', 'copertura_SAD', 'quota_65_plus']));
    const stato = await leggiCsv(a, `dati/${anno}/impegni.csv`);
    expect(stato.map((s) => s.codice_impegno)).toEqual(catalogo.map((i) => i.codice_impegno));
    for (const s of stato) {
      expect(['non_avviato', 'in_corso', 'completato', 'sospeso']).toContain(s.stato);
      expect(Number(s.avanzamento_pct)).toBeGreaterThanOrEqual(0);
      expect(Number(s.avanzamento_pct)).toBeLessThanOrEqual(100);
    }
  });
});
