import { describe, expect, it } from 'vitest';
import type { TypedRow, ValidatedProject } from '../../src/types.js';
import type { Config } from '../../src/config/config.js';
import type { ComputeResult } from '../../src/compute/compute-indicators.js';
import { computeSurvey } from '../../src/compute/survey/compute-survey.js';
import { surveyKeys, surveyPublication } from '../../src/compute/privacy/survey-figures.js';
import { findLeaks, isSmall, protectFigures } from '../../src/compute/privacy/protect.js';
import { readSurvey } from '../../src/compute/survey/read-survey.js';
import { publishableVoices } from '../../src/compute/voices.js';
import { ViewContext } from '../../src/render/view-context.js';
import { surveyTables } from '../../src/render/view-survey.js';
import { miniTerritorio, populationRows, yearData } from '../helpers/fixtures.js';

// Issue 15, the survey: a zona's table minus its other quartieri gave back a quartiere held back under
// soglia_risposte (its respondents exactly, its mean within 0.1). The survey tables are now figures of the
// privacy authority; these tests show the leak routes and that the audit-driven protection closes them.

const SOGLIA = 10;
const FASCE = ['18-29', '30-44', '45-64', '65-74', '75+'];

/** `sizes`: respondents per quartiere code (ND for an unknown quartiere); answers vary with the person. */
function questionario(sizes: Record<string, number>, fewD1: string | null = null): { rows: TypedRow[]; domande: TypedRow[] } {
  const rows: TypedRow[] = [];
  let person = 0;
  for (const [quartiere, n] of Object.entries(sizes)) {
    for (let i = 0; i < n; i++, person++) {
      const id = `R${person}`;
      // In quartiere `fewD1` only 4 people answer D1.
      const answers = {
        D1: quartiere === fewD1 && i >= 4 ? null : 1 + ((person * 7) % 5),
        D2: 1 + ((person * 3 + quartiere.length) % 5),
        D3: i % 4 === 3 ? null : 1 + (person % 5),
      };
      for (const [codice_domanda, valore] of Object.entries(answers)) {
        rows.push({
          values: {
            id_risposta: id,
            anno: 2024,
            codice_quartiere: quartiere,
            fascia_eta: FASCE[person % FASCE.length]!,
            codice_domanda,
            valore,
          },
          file: 'questionario.csv',
          row: rows.length + 2,
        });
      }
    }
  }
  const domande = (
    [
      ['D1', 'coesione'],
      ['D2', 'coesione'],
      ['D3', 'servizi'],
    ] as const
  ).map(([codice_domanda, dimensione], i) => ({
    values: { codice_domanda, testo: `Domanda ${codice_domanda}`, dimensione },
    file: 'domande.csv',
    row: i + 2,
  }));
  return { rows, domande };
}

function project(sizes: Record<string, number>, fewD1: string | null = null): Pick<ValidatedProject, 'dati' | 'territorio' | 'anni'> {
  const { rows, domande } = questionario(sizes, fewD1);
  return { dati: yearData(2024, { questionario: rows, domande }), territorio: miniTerritorio, anni: [2024] };
}

function publication(sizes: Record<string, number>, fewD1: string | null = null) {
  const p = project(sizes, fewD1);
  const survey = readSurvey(p.dati.get(2024)!.get('questionario')!, p.dati.get(2024)!.get('domande')!, miniTerritorio);
  return surveyPublication(survey, miniTerritorio, SOGLIA, 'Città');
}

/** The survey tables of the report, as the view model formats them from what compute decided. */
function tables(sizes: Record<string, number>) {
  const p = project(sizes);
  const survey = computeSurvey(p, 2024, { threshold: SOGLIA, cityName: 'Città' })!;
  const config = { anno: 2024, annoConfronto: null, lingua: 'it', sogliaRiservatezza: 3, sogliaRisposte: SOGLIA } as unknown as Config;
  const result = { anni: [2024], definitions: [], values: [], survey: [survey], voices: [] } as unknown as ComputeResult;
  const ctx = new ViewContext('it', config, { ...p, servizi: [] } as unknown as ValidatedProject, result, () => {
    throw new Error('no charts');
  });
  return { survey, views: surveyTables(ctx).tables };
}

// Nord = Uno (small) + Due; Sud = Tre + Quattro + Cinque.
const SIZES = { Q1: 4, Q2: 15, Q3: 12, Q4: 11, Q5: 13 };

describe('the survey in the privacy audit', () => {
  it("as the report was (primary only), zona Nord minus Due gives back Uno's respondents and sums", () => {
    const { figures, counts } = publication(SIZES);
    const primary = new Map(figures.filter((f) => f.equations.some(isSmall)).map((f) => [f.key, 'primaria' as const]));
    expect(primary.has(surveyKeys.respondents({ livello: 'quartiere', codice: 'Q1' }))).toBe(true);
    const leaks = findLeaks(figures, primary, counts);
    const uno = leaks.filter((l) => /quartiere Uno$/.test(l.count.label));
    expect(uno.map((l) => l.count.label)).toEqual(expect.arrayContaining(['rispondenti, quartiere Uno', 'coesione somma, quartiere Uno']));
    const route = uno.find((l) => l.count.label === 'rispondenti, quartiere Uno')!;
    expect(route.count.value).toBe(SIZES.Q1);
    expect(route.figures.map((f) => f.label).sort()).toEqual([
      'rispondenti al questionario, quartiere Due',
      'rispondenti al questionario, zona Nord',
    ]);
  });

  it('respondents with no quartiere: city minus the zone gives them back unless the audit closes it', () => {
    const sizes = { ...SIZES, ND: 3 };
    const { figures, counts } = publication(sizes);
    const off = protectFigures(figures, counts, { audit: false });
    const leaks = findLeaks(figures, off.withheld, counts);
    expect(leaks.map((l) => l.count.label)).toContain('rispondenti, quartiere non indicato (ND)');
    expect(leaks.find((l) => l.count.label === 'rispondenti, quartiere non indicato (ND)')!.count.value).toBe(3);
    const on = protectFigures(figures, counts);
    expect(findLeaks(figures, on.withheld, counts)).toEqual([]);
    expect(on.withheld.size).toBeGreaterThan(off.withheld.size);
    // The audit of the tables as computeSurvey publishes them (what the build checks) sees the same.
    const p = project(sizes);
    expect(computeSurvey(p, 2024, { threshold: SOGLIA, cityName: 'Città', audit: false })!.leaks.map((l) => l.count.label)).toContain(
      'rispondenti, quartiere non indicato (ND)',
    );
    expect(computeSurvey(p, 2024, { threshold: SOGLIA, cityName: 'Città' })!.leaks).toEqual([]);
  });

  it("a dimension's answers minus its other question do not give back a question withheld for few answers", () => {
    // Quattro has 11 respondents but only 4 answered D1: D1 is withheld there; the dimension (D1 + D2) is not.
    const { figures, counts } = publication(SIZES, 'Q4');
    const off = protectFigures(figures, counts, { audit: false });
    expect(off.withheld.get(surveyKeys.item({ livello: 'quartiere', codice: 'Q4' }, { kind: 'question', code: 'D1' }))).toBe('primaria');
    expect(off.withheld.has(surveyKeys.item({ livello: 'quartiere', codice: 'Q4' }, { kind: 'dimension', code: 'coesione' }))).toBe(false);
    const leaks = findLeaks(figures, off.withheld, counts).filter((l) => /^D1 .*quartiere Quattro$/.test(l.count.label));
    expect(leaks.length).toBeGreaterThan(0);
    expect(leaks.flatMap((l) => l.figures.map((f) => f.label))).toContain('questionario coesione, quartiere Quattro');
    const on = protectFigures(figures, counts);
    expect(findLeaks(figures, on.withheld, counts)).toEqual([]);
  });

  it('with the audit on, nothing protected is determined and the tables show n.d. where compute withheld', () => {
    const { figures, counts } = publication(SIZES);
    const { withheld } = protectFigures(figures, counts);
    expect(findLeaks(figures, withheld, counts)).toEqual([]);
    const { survey, views } = tables(SIZES);
    expect(survey.leaks).toEqual([]);
    const uno = survey.quartieri.find((q) => q.codice === 'Q1')!;
    expect(uno).toMatchObject({ respondents: null, respondentsMotivo: 'primaria' });
    const quartieri = views.find((t) => t.id === 'tab-questionario-quartieri')!;
    const row = (nome: string) => quartieri.rows.find((r) => r.cells[0]!.text === nome)!.cells.slice(2);
    expect(row('Uno').every((c) => c.soppresso)).toBe(true);
    // The complement in zona Nord: Due's respondents (or Nord's) are withheld too.
    const due = survey.quartieri.find((q) => q.codice === 'Q2')!;
    const nord = survey.zone.find((z) => z.codice === 'nord')!;
    expect(due.respondents === null || nord.respondents === null).toBe(true);
    expect(row('Due')[0]!.soppresso ?? false).toBe(due.respondents === null);
    // Quartieri at or above the threshold in zona Sud are shown, with their respondents and means.
    for (const [nome, codice] of [
      ['Tre', 'Q3'],
      ['Quattro', 'Q4'],
      ['Cinque', 'Q5'],
    ] as const) {
      const q = survey.quartieri.find((x) => x.codice === codice)!;
      if (q.respondents === null) continue;
      expect(row(nome)[0]!.text).toBe(String(SIZES[codice]));
      expect(row(nome)[1]!.text).toMatch(/^\d,\d\d \(/);
    }
    expect(survey.quartieri.filter((q) => q.livello === 'quartiere' && q.zona === 'Sud' && q.respondents !== null).length).toBeGreaterThan(
      0,
    );
    // The zone-difference table withholds with its zone.
    const diff = views.find((t) => t.id === 'tab-questionario-zone-diff')!;
    expect(diff.rows[0]!.cells[1]!.soppresso ?? false).toBe(nord.respondents === null);
  });
});

describe('voices', () => {
  const voce = (id: string, codice_quartiere: string, consenso: boolean | string): TypedRow => ({
    values: {
      id,
      anno: 2024,
      codice_quartiere,
      cantiere: 'giovani',
      ruolo: 'utente',
      testo: `testo ${id}`,
      consenso_pubblicazione: consenso,
      firma: id,
    },
    file: 'voci.json',
    row: 1,
  });

  it('consent strictly true; the quartiere named only from soglia_popolazione_voci residents', () => {
    const popolazione = populationRows(2024, [
      ['Q1', 40, 999],
      ['Q2', 40, 1000],
    ]);
    const voci = [voce('A', 'Q1', true), voce('B', 'Q2', true), voce('C', 'Q2', 'true'), voce('D', 'ND', true), voce('E', 'Q3', true)];
    const published = publishableVoices({ dati: yearData(2024, { popolazione, voci }), territorio: miniTerritorio, anni: [2024] }, 1000);
    expect(published.map((v) => [v.firma, v.luogo])).toEqual([
      ['A', null],
      ['B', 'Due'],
      ['D', null],
      ['E', null],
    ]);
  });
});
