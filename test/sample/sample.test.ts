// The sample generator: deterministic, committed as generated, and calibrated to ISTAT exactly.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANNI_CAMPIONE, ATTESI, banda, campioneTemporaneo, type Attesi } from './fixture.js';
import { elencoFile, leggiCsv, type Riga } from './read-sample.js';

const COMMITTED = join(import.meta.dirname, '../../data/brescia');
const SCRITTI_DAL_LEAD = ['bilancio.config.json', 'catalogo/indicatori.json', 'catalogo/sintesi.json'];
/** Written by hand too: the project's texts (testi/, issue 20). */
const scrittoAMano = (f: string) => SCRITTI_DAL_LEAD.includes(f) || f.startsWith('testi/');
const ANNI = ANNI_CAMPIONE;

let a: string;
let files: string[];
const pop: Record<number, Riga[]> = {};

beforeAll(async () => {
  a = await campioneTemporaneo('a');
  files = await elencoFile(a);
  for (const anno of ANNI) pop[anno] = await leggiCsv(a, `dati/${anno}/popolazione.csv`);
});

/** Sum of residents over rows passing the filter. */
function somma(righe: readonly Riga[], filtro: (r: Riga) => boolean = () => true): number {
  return righe.reduce((s, r) => (filtro(r) ? s + Number(r.residenti) : s), 0);
}
const eta = (r: Riga): number => Number(r.eta);

describe('determinism and the committed copy', () => {
  it('gives byte-identical files for the same seed', async () => {
    const b = await campioneTemporaneo('b');
    expect(await elencoFile(b)).toEqual(files);
    for (const f of files) expect(Buffer.compare(await readFile(join(a, f)), await readFile(join(b, f))), f).toBe(0);
  });

  it('data/brescia is exactly what `npm run sample` writes (nobody edits it by hand)', async () => {
    const committed = (await elencoFile(COMMITTED)).filter((f) => !scrittoAMano(f));
    expect(committed).toEqual(files);
    for (const f of files) expect(Buffer.compare(await readFile(join(a, f)), await readFile(join(COMMITTED, f))), f).toBe(0);
  });
});

describe('territory and catalogues', () => {
  it('has the 33 real quartieri with their ISTAT codes, numbers, zones and variants', async () => {
    const q = await leggiCsv(a, 'territorio/quartieri.csv');
    expect(q).toHaveLength(33);
    q.forEach((r, i) => {
      expect(r.codice_quartiere).toBe(String(17029001 + i));
      expect(r.numero).toBe(String(i + 1));
      expect(['centro', 'nord', 'sud', 'est', 'ovest']).toContain(r.codice_zona);
      expect(Number(r.superficie_kmq)).toBeGreaterThan(0);
    });
    expect(q[17]).toMatchObject({ quartiere: "Sant'Eufemia", varianti: 'S. Eufemia', codice_zona: 'est', zona: 'Est' });
    expect(q[11]!.varianti).toContain('Porta Cremona');
  });

  it('lists the real organisations and a deliverer for every service', async () => {
    const enti = await leggiCsv(a, 'catalogo/enti.csv');
    const servizi = await leggiCsv(a, 'catalogo/servizi.csv');
    expect(enti).toHaveLength(21);
    expect(enti.filter((e) => e.ruolo === 'capofila').map((e) => e.codice_ente)).toEqual(['comune']);
    expect(enti.filter((e) => e.ruolo === 'partner').map((e) => e.codice_ente)).toEqual([
      'auser',
      'colibri',
      'socialis',
      'unibs',
      'unicatt',
    ]);
    expect(servizi.map((s) => s.codice_servizio)).toEqual([
      'NIDO',
      'TEMPO_FAMIGLIE',
      'CAG',
      'OFFICINA_GIOVANI',
      'PUNTI_COMUNITA',
      'LEVE_PROGETTI',
      'EMPORIO',
      'SPORTELLO_LAVORO',
      'SAD',
      'COMPAGNIA_ANZIANI',
      'CENTRO_DIURNO_DIS',
      'RESIDENZIALE_DIS',
    ]);
    const codici = new Set(enti.map((e) => e.codice_ente));
    for (const s of servizi) expect(codici.has(s.ente!), s.ente).toBe(true);
  });
});

describe.each(ANNI)('popolazione %i', (anno) => {
  const atteso = ATTESI[anno];

  it('has all 13,332 cells, non-negative integers, each key once', () => {
    const righe = pop[anno]!;
    expect(righe).toHaveLength(33 * 2 * 101 * 2);
    expect(new Set(righe.map((r) => `${r.codice_quartiere}|${r.sesso}|${r.eta}|${r.cittadinanza}`)).size).toBe(righe.length);
    for (const r of righe) expect(Number.isInteger(Number(r.residenti)) && Number(r.residenti) >= 0).toBe(true);
  });

  it('matches the ISTAT totals by band and by sex exactly (2020: the total, bands interpolated)', () => {
    const righe = pop[anno]!;
    expect(somma(righe)).toBe(atteso.totale);
    const bande = atteso.bande ?? interpolate(ATTESI[2019], ATTESI[2021], atteso.totale);
    const eta014 =
      anno === 2020
        ? atteso.totale -
          Object.values(bande)
            .flat()
            .reduce((x, y) => x + y, 0)
        : atteso.eta0_14;
    // Interpolated bands are rounded to keep the total: each within one resident of the scaled mean.
    const tolleranza = atteso.bande ? 0 : 1;
    expect(Math.abs(somma(righe, (r) => eta(r) <= 14) - eta014)).toBeLessThanOrEqual(anno === 2020 ? 5 : 0);
    for (const [nome, [f, m]] of Object.entries(bande)) {
      const [da, aa] = banda(nome);
      const inBanda = (r: Riga): boolean => eta(r) >= da && eta(r) <= aa;
      expect(Math.abs(somma(righe, (r) => inBanda(r) && r.sesso === 'F') - f), `${nome} F`).toBeLessThanOrEqual(tolleranza);
      expect(Math.abs(somma(righe, (r) => inBanda(r) && r.sesso === 'M') - m), `${nome} M`).toBeLessThanOrEqual(tolleranza);
    }
    const maschi014 = somma(righe, (r) => eta(r) <= 14 && r.sesso === 'M') / somma(righe, (r) => eta(r) <= 14);
    expect(maschi014).toBeCloseTo(0.515, 3);
  });

  it('has the foreign residents: the 2023 total, younger than Italians, more in the south and west', () => {
    const righe = pop[anno]!;
    const str = somma(righe, (r) => r.cittadinanza === 'STR');
    // Only 2023's total is a reference figure; the other years are estimates within a few per cent of it.
    if (atteso.stranieri !== undefined) expect(str).toBe(atteso.stranieri);
    else expect(Math.abs(str / ATTESI[2023].stranieri! - 1)).toBeLessThan(0.05);
    const quota = (filtro: (r: Riga) => boolean): number =>
      somma(righe, (r) => filtro(r) && r.cittadinanza === 'STR') / somma(righe, filtro);
    expect(quota((r) => eta(r) <= 14)).toBeGreaterThan(2 * quota((r) => eta(r) >= 65) + 0.1);
    const sudOvest = ['17029012', '17029006', '17029010', '17029007', '17029025', '17029026', '17029005', '17029027'];
    const nordEst = ['17029011', '17029022', '17029015', '17029016', '17029018', '17029029'];
    for (const q of sudOvest)
      expect(
        quota((r) => r.codice_quartiere === q),
        q,
      ).toBeGreaterThan(0.189);
    for (const q of nordEst)
      expect(
        quota((r) => r.codice_quartiere === q),
        q,
      ).toBeLessThan(0.15);
  });

  it('gives quartieri plausible sizes and ages: older centre, younger periphery', () => {
    const righe = pop[anno]!;
    const totale = (q: string): number => somma(righe, (r) => r.codice_quartiere === q);
    const quota65 = (q: string): number => somma(righe, (r) => r.codice_quartiere === q && eta(r) >= 65) / totale(q);
    expect(totale('17029012')).toBeGreaterThan(12_000); // Porta Cremona-Volta, the largest
    expect(totale('17029005')).toBeGreaterThan(10_000); // Chiusure
    expect(totale('17029016')).toBeLessThan(3_000); // Caionvico
    expect(totale('17029008')).toBeLessThan(3_000); // Folzano
    const city65 = somma(righe, (r) => eta(r) >= 65) / atteso.totale;
    for (const q of ['17029001', '17029002', '17029004', '17029027']) expect(quota65(q), q).toBeGreaterThan(city65);
    for (const q of ['17029032', '17029033', '17029025']) expect(quota65(q), q).toBeLessThan(city65);
  });
});

describe.each(ANNI.slice(1))('%i grows out of the year before', (anno) => {
  it('changes each quartiere by a few per cent at most', () => {
    for (let n = 1; n <= 33; n++) {
      const q = String(17029000 + n);
      const [prima, dopo] = [anno - 1, anno].map((y) => somma(pop[y]!, (r) => r.codice_quartiere === q));
      expect(Math.abs(dopo! / prima! - 1), q).toBeLessThan(0.04);
    }
  });

  it('ages its residents: most of those aged 1-90 were one year younger the year before', () => {
    // A cohort followed one year on: the city's residents aged a+1 against those aged a, a year earlier.
    const perEta = (y: number, e: number): number => somma(pop[y]!, (r) => eta(r) === e);
    for (const e of [10, 30, 50, 70]) {
      const ratio = perEta(anno, e + 1) / perEta(anno - 1, e);
      expect(ratio, `${e}→${e + 1}`).toBeGreaterThan(0.85);
      expect(ratio, `${e}→${e + 1}`).toBeLessThan(1.15);
    }
  });
});

/** 2020's bands: the mean of 2019 and 2021, scaled to 2020's total with the 0-14 band (ISTAT lacks the year). */
function interpolate(a: Attesi, b: Attesi, totale: number): NonNullable<Attesi['bande']> {
  const media = (x: number, y: number): number => (x + y) / 2;
  const somma014 = media(a.eta0_14, b.eta0_14);
  const bande = Object.keys(a.bande!) as (keyof NonNullable<Attesi['bande']>)[];
  const grezze = bande.map((k) => [media(a.bande![k][0], b.bande![k][0]), media(a.bande![k][1], b.bande![k][1])] as const);
  const scala = totale / (somma014 + grezze.flat().reduce((x, y) => x + y, 0));
  const out = {} as Record<keyof NonNullable<Attesi['bande']>, readonly [number, number]>;
  bande.forEach((k, i) => (out[k] = [Math.round(grezze[i]![0] * scala), Math.round(grezze[i]![1] * scala)]));
  return out;
}

describe.each(ANNI)('famiglie and movimento %i', (anno) => {
  const atteso = ATTESI[anno];

  it('sums to ISTAT households and one-person households, consistent with the residents', async () => {
    const fam = await leggiCsv(a, `dati/${anno}/famiglie.csv`);
    expect(fam).toHaveLength(33);
    expect(fam.reduce((s, r) => s + Number(r.famiglie), 0)).toBe(atteso.famiglie);
    expect(fam.reduce((s, r) => s + Number(r.famiglie_unipersonali), 0)).toBe(atteso.unipersonali);
    let soli = 0;
    let over75 = 0;
    for (const r of fam) {
      const residenti75 = somma(pop[anno]!, (p) => p.codice_quartiere === r.codice_quartiere && eta(p) >= 75);
      expect(Number(r.famiglie_unipersonali)).toBeLessThanOrEqual(Number(r.famiglie));
      expect(Number(r.anziani_soli_75)).toBeLessThanOrEqual(residenti75);
      expect(Number(r.anziani_soli_75)).toBeLessThanOrEqual(Number(r.famiglie_unipersonali));
      soli += Number(r.anziani_soli_75);
      over75 += residenti75;
    }
    expect(soli / over75).toBeGreaterThan(0.33);
    expect(soli / over75).toBeLessThan(0.43);
  });

  it('sums births, deaths, arrivals and departures to the bilancio demografico', async () => {
    const mov = await leggiCsv(a, `dati/${anno}/movimento.csv`);
    expect(mov).toHaveLength(33);
    const tot = (col: string): number => mov.reduce((s, r) => s + Number(r[col]), 0);
    expect(tot('nati')).toBe(atteso.nati);
    expect(tot('morti')).toBe(atteso.morti);
    expect(tot('iscritti')).toBe(atteso.iscritti);
    expect(tot('cancellati')).toBe(atteso.cancellati);
  });

  it('splits births by citizenship: foreign newborns part of the births, about as many as foreign babies', async () => {
    const mov = await leggiCsv(a, `dati/${anno}/movimento.csv`);
    for (const r of mov) expect(Number(r.nati_stranieri)).toBeLessThanOrEqual(Number(r.nati));
    const quota = mov.reduce((s, r) => s + Number(r.nati_stranieri), 0) / atteso.nati;
    const bambiniStranieri = somma(pop[anno]!, (r) => eta(r) === 0 && r.cittadinanza === 'STR') / somma(pop[anno]!, (r) => eta(r) === 0);
    expect(Math.abs(quota - bambiniStranieri)).toBeLessThan(0.05);
  });
});
