import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Servizio, TypedRow } from '../../src/types.js';
import { loadSchemas } from '../../src/schemas/load-schemas.js';
import { loadIndicators, type IndicatorDefinition } from '../../src/compute/catalogue.js';
import { computeYear, type AreaValue } from '../../src/compute/indicators.js';
import { auditIndicators, suppress } from '../../src/compute/suppress.js';
import { RowSpace } from '../../src/compute/privacy/row-space.js';
import { bresciaIndicators, miniTerritorio, populationRows, yearData } from '../helpers/fixtures.js';
import { said } from '../helpers/said.js';

// The leak routes found by probing the publication as an attacker would (issue 15). For each: with the
// audit-driven protection switched off, the audit finds the protected count; with it on, it finds none.

const service = (codice: string, unita: Servizio['unita'] = 'utenti', unitaPersone = true): Servizio => ({
  codice,
  nome: codice,
  cantiere: 'anziani_disabili',
  target: 'tutti',
  unita,
  enti: [],
  unitaPersone,
});

function catalogue(raw: object[], servizi: Servizio[]): IndicatorDefinition[] {
  const { definitions, problems } = loadIndicators(raw, loadSchemas().indicatori!, servizi);
  if (problems.length)
    throw new Error(
      said(problems)
        .map((p) => p.message)
        .join('\n'),
    );
  return definitions;
}

const indicator = (id: string, numeratore: string, denominatore = 'popolazione') => ({
  id,
  nome: id,
  cantiere: 'anziani_disabili',
  numeratore,
  denominatore,
  scala: 100,
  unita: '%',
  polarita: 'neutro',
  definizione: id,
});

function erogazioni(cells: [string, string, number, string?][]): TypedRow[] {
  return cells.map(([quartiere, servizio, amount, measure = 'utenti'], i) => ({
    values: { anno: 2024, codice_quartiere: quartiere, codice_servizio: servizio, codice_ente: 'ente', [measure]: amount },
    file: 'erogazioni.csv',
    row: i + 2,
  }));
}

/** Every quartiere with 1000 residents aged 40 plus `extra` rows. */
function population(extra: [string, number, number][] = []): TypedRow[] {
  return populationRows(2024, [...miniTerritorio.quartieri.map((q): [string, number, number] => [q.codice, 40, 1000]), ...extra]);
}

function publish(definitions: IndicatorDefinition[], datasets: Record<string, TypedRow[]>, servizi: Servizio[], audit: boolean) {
  const dati = yearData(2024, datasets);
  const project = { dati, territorio: miniTerritorio, servizi, anni: [2024] };
  const { values } = computeYear(2024, definitions, dati, miniTerritorio, 'Città');
  const summary = suppress(values, definitions, project, 3, { audit });
  return { values, summary, leaks: auditIndicators(values, definitions, project, 3) };
}

const find = (values: AreaValue[], indicatore: string, codice: string) =>
  values.find((v) => v.indicatore === indicatore && v.codice === codice)!;

describe('the privacy audit', () => {
  it('rows whose quartiere is ND: city − Σ zone must not give back 2 users', () => {
    const servizi = [service('SAD')];
    const definitions = catalogue([indicator('copertura_SAD', 'erogazioni[servizio=SAD].utenti')], servizi);
    const rows = erogazioni([
      ['Q1', 'SAD', 20],
      ['Q2', 'SAD', 21],
      ['Q3', 'SAD', 22],
      ['Q4', 'SAD', 23],
      ['Q5', 'SAD', 24],
      ['ND', 'SAD', 2],
    ]);
    const off = publish(definitions, { popolazione: population(), erogazioni: rows }, servizi, false);
    expect(off.summary.primary).toBe(0);
    expect(off.leaks.map((l) => l.count.label).join('\n')).toMatch(/ND/);
    // The leak names the published figures that give it away: the city and the zone totals.
    expect(off.leaks[0]!.figures.map((f) => f.label).join(' | ')).toMatch(/città.*zona|zona.*città/);
    const on = publish(definitions, { popolazione: population(), erogazioni: rows }, servizi, true);
    expect(on.leaks).toEqual([]);
    expect(on.values.filter((v) => v.soppresso).length).toBeGreaterThan(0);
  });

  it('indicators that share counts: 2 children aged 0-14 are not 0-14 + 65+ minus 65+', () => {
    const definitions = bresciaIndicators().filter((d) => ['quota_0_14', 'quota_65_plus', 'indice_dipendenza_strutturale'].includes(d.id));
    const rows = population([
      ['Q1', 5, 2],
      ['Q1', 70, 300],
      ['Q2', 5, 150],
      ['Q3', 5, 120],
      ['Q4', 5, 130],
      ['Q5', 5, 140],
      ['Q2', 70, 200],
      ['Q3', 70, 210],
      ['Q4', 70, 220],
      ['Q5', 70, 230],
    ]);
    const off = publish(definitions, { popolazione: rows }, [], false);
    expect(find(off.values, 'quota_0_14', 'Q1').soppresso).toBe(true);
    expect(find(off.values, 'quota_65_plus', 'Q1').soppresso).toBe(false);
    expect(off.leaks.some((l) => /eta<=14/.test(l.count.label) && /Uno/.test(l.count.label))).toBe(true);
    const on = publish(definitions, { popolazione: rows }, [], true);
    expect(on.leaks).toEqual([]);
    const q1 = ['quota_0_14', 'quota_65_plus', 'indice_dipendenza_strutturale'].map((id) => find(on.values, id, 'Q1'));
    const published = q1.filter((v) => !v.soppresso);
    // Not both of 0-14 + 65+ and 65+ may stay published for Uno.
    expect(published.length).toBeLessThan(2);
  });

  it('an indicator summing two services does not give back the withheld one by difference', () => {
    const servizi = [service('A'), service('B')];
    const definitions = catalogue(
      [
        indicator('copertura_A', 'erogazioni[servizio=A].utenti'),
        indicator('copertura_B', 'erogazioni[servizio=B].utenti'),
        indicator('copertura_AB', 'erogazioni[servizio=A].utenti + erogazioni[servizio=B].utenti'),
      ],
      servizi,
    );
    const rows = erogazioni(
      miniTerritorio.quartieri.flatMap((q, i): [string, string, number][] => [
        [q.codice, 'A', q.codice === 'Q3' ? 2 : 30 + i],
        [q.codice, 'B', 40 + i],
      ]),
    );
    const off = publish(definitions, { popolazione: population(), erogazioni: rows }, servizi, false);
    expect(find(off.values, 'copertura_A', 'Q3').soppresso).toBe(true);
    expect(off.leaks.some((l) => /servizio=A/.test(l.count.label) && /Tre/.test(l.count.label))).toBe(true);
    const on = publish(definitions, { popolazione: population(), erogazioni: rows }, servizi, true);
    expect(on.leaks).toEqual([]);
    expect(find(on.values, 'copertura_AB', 'Q3').soppresso || find(on.values, 'copertura_B', 'Q3').soppresso).toBe(true);
  });

  it('places that stand for persons are protected like persons; hours are not', () => {
    const places = [service('CDD', 'posti', true)];
    const definitions = catalogue([indicator('copertura_CDD', 'erogazioni[servizio=CDD].posti')], places);
    const rows = erogazioni(
      miniTerritorio.quartieri.map((q, i): [string, string, number, string] => [q.codice, 'CDD', q.codice === 'Q1' ? 2 : 10 + i, 'posti']),
    );
    const persons = publish(definitions, { popolazione: population(), erogazioni: rows }, places, true);
    expect(find(persons.values, 'copertura_CDD', 'Q1')).toMatchObject({ soppresso: true, numeratore: null });
    const notPersons = [service('CDD', 'posti', false)];
    const plain = publish(
      catalogue([indicator('copertura_CDD', 'erogazioni[servizio=CDD].posti')], notPersons),
      { popolazione: population(), erogazioni: rows },
      notPersons,
      true,
    );
    expect(find(plain.values, 'copertura_CDD', 'Q1')).toMatchObject({ soppresso: false, numeratore: 2 });
  });

  it('over random small counts, shared by three indicators and with ND rows, nothing protected is determined', () => {
    const definitions = bresciaIndicators().filter((d) =>
      ['quota_0_14', 'quota_65_plus', 'indice_dipendenza_strutturale', 'indice_vecchiaia'].includes(d.id),
    );
    const units = [...miniTerritorio.quartieri.map((q) => q.codice), 'ND'];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: units.length * 2, maxLength: units.length * 2 }), (small) => {
        const extra = units.flatMap((u, i): [string, number, number][] => [
          [u, 5, small[2 * i]!],
          [u, 70, small[2 * i + 1]! * (i % 2 ? 40 : 1)],
        ]);
        const { leaks } = publish(definitions, { popolazione: population(extra) }, [], true);
        expect(leaks).toEqual([]);
      }),
      { numRuns: 60, seed: 20261206 },
    );
  });
});

describe('RowSpace', () => {
  /** Rank over the rationals by Gaussian elimination on fractions kept as exact integers (small matrices). */
  function rationalRank(rows: number[][]): number {
    const m = rows.map((r) => r.map((x) => BigInt(x)));
    let rank = 0;
    const width = m[0]?.length ?? 0;
    for (let c = 0; c < width && rank < m.length; c++) {
      const p = m.findIndex((r, i) => i >= rank && r[c] !== 0n);
      if (p < 0) continue;
      [m[rank], m[p]] = [m[p]!, m[rank]!];
      for (let i = 0; i < m.length; i++) {
        if (i === rank || m[i]![c] === 0n) continue;
        const a = m[rank]![c]!;
        const b = m[i]![c]!;
        m[i] = m[i]!.map((x, k) => x * a - m[rank]![k]! * b);
      }
      rank++;
    }
    return rank;
  }

  it('says a vector is in the span exactly when the rational rank does not grow', () => {
    const matrix = fc.array(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(matrix, fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 6, maxLength: 6 }), (rows, vector) => {
        const space = new RowSpace();
        const sparse = (r: number[]) => new Map(r.flatMap((x, i): [number, number][] => (x === 0 ? [] : [[i, x]])));
        for (const r of rows) space.add(sparse(r));
        expect(space.rank).toBe(rationalRank(rows));
        expect(space.contains(sparse(vector))).toBe(rationalRank([...rows, vector]) === rationalRank(rows));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('gives the combination of published rows that makes a determined vector', () => {
    const space = new RowSpace();
    space.add(
      new Map([
        [0, 1],
        [1, 1],
      ]),
    ); // a + b
    space.add(new Map([[1, 1]])); // b
    const { residue, combination } = space.reduce(new Map([[0, 1]])); // a = (a + b) − b
    expect(residue.size).toBe(0);
    expect([...combination.keys()].sort()).toEqual([0, 1]);
  });
});

describe('the shipped Brescia sample', () => {
  it('publishes nothing from which a protected count can be worked out: indicators, pyramids and survey', async () => {
    const { checkProject, computeProject } = await import('../../src/pipeline.js');
    const { diskEffects } = await import('../../src/effects.js');
    const { bresciaProject } = await import('../helpers/paths.js');
    const checked = await checkProject({ project: bresciaProject }, diskEffects());
    const result = computeProject(checked);
    expect(result.privacy.leaks).toEqual([]);
    expect(result.survey.length).toBe(1);
    // It had something to protect: the day centre's places of 1 and 2, the survey's small quartieri.
    expect(result.privacy.cells.some((c) => c.indicatore === 'copertura_CENTRO_DIURNO_DIS' && c.motivo === 'primaria')).toBe(true);
    expect(result.privacy.audit.protectedCounts).toBeGreaterThan(100);
    expect(result.survey[0]!.privacy.primary).toBeGreaterThan(0);
  }, 60_000);
});
