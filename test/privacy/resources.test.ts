import { describe, expect, it } from 'vitest';
import type { TypedRow, ValidatedProject } from '../../src/types.js';
import { computeIndicators } from '../../src/compute/compute-indicators.js';
import { resourcesTable } from '../../src/compute/open-data-tables.js';
import { auditPublication, publication } from '../../src/compute/suppress.js';
import { bresciaIndicators, miniProject, miniTerritorio, populationRows } from '../helpers/fixtures.js';

// The resources chapter's totals (spending, hours, volunteers for the whole city) are figures of the
// privacy authority like the others: volunteers are persons, so a small total is withheld, and the
// audit counts what the chapter prints.

function project(volontari: Record<string, number>): ValidatedProject {
  const popolazione = populationRows(
    2024,
    miniTerritorio.quartieri.map((q) => [q.codice, 40, 500] as [string, number, number]),
  );
  const erogazioni: TypedRow[] = Object.entries(volontari).map(([q, n], i) => ({
    values: {
      anno: 2024,
      codice_quartiere: q,
      codice_servizio: 'X',
      codice_ente: 'e',
      utenti: null,
      posti: null,
      ore: 120,
      volontari: n,
      spesa_euro: 1000.5,
    },
    file: 'dati/2024/erogazioni.csv',
    row: i + 2,
  }));
  return miniProject({ popolazione, erogazioni });
}

const definitions = bresciaIndicators().filter((d) => d.id === 'volontari_per_1000');

describe('resource totals under the privacy authority', () => {
  it('publishes spending, hours and volunteers with their files and rows when nothing is withheld', () => {
    const result = computeIndicators(project({ Q1: 10, Q2: 20, Q3: 30 }), definitions, { cityName: 'Città', threshold: 3 });
    expect(result.privacy.leaks).toEqual([]);
    expect(result.resources.map((r) => [r.misura, r.valore, r.soppresso])).toEqual([
      ['spesa_euro', 3001.5, false],
      ['ore', 360, false],
      ['volontari', 60, false],
    ]);
    expect(result.resources[2]!.fonti).toEqual([{ file: 'dati/2024/erogazioni.csv', righe: '2-4' }]);
  });

  it('withholds a small volunteers total (persons), keeps spending and hours, and names files only', () => {
    const result = computeIndicators(project({ Q2: 2 }), definitions, { cityName: 'Città', threshold: 3 });
    expect(result.privacy.leaks).toEqual([]);
    const volontari = result.resources.find((r) => r.misura === 'volontari')!;
    expect(volontari).toMatchObject({ valore: null, soppresso: true, motivo: 'conteggio inferiore alla soglia di riservatezza' });
    expect(volontari.fonti).toEqual([{ file: 'dati/2024/erogazioni.csv' }]);
    expect(result.resources.find((r) => r.misura === 'ore')).toMatchObject({ valore: 120, soppresso: false });
    const csv = resourcesTable(result.resources).csv.split('\r\n');
    expect(csv).toContain('2024,volontari,,volontari,true,conteggio inferiore alla soglia di riservatezza,dati/2024/erogazioni.csv');
  });

  it('the audit counts the totals the chapter prints: printing the withheld one would be a leak', () => {
    const p = project({ Q2: 2 });
    const result = computeIndicators(p, definitions, { cityName: 'Città', threshold: 3 });
    const made = publication(result.values, definitions, p, { threshold: 3 });
    const leaks = auditPublication(result.values, definitions, p, { threshold: 3, resources: new Set(['res|2024|volontari']) }, made);
    expect(leaks.length).toBeGreaterThan(0);
    expect(leaks[0]!.figures.map((f) => f.label)).toContain('risorse 2024, volontari (totale della città)');
  });
});
