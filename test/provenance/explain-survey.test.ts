import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject, computeProject } from '../../src/pipeline.js';
import { diskEffects } from '../../src/effects.js';
import type { ComputeResult } from '../../src/compute/compute-indicators.js';
import { explainSurvey } from '../../src/provenance/explain-survey.js';
import { formatNumber } from '../../src/render/format.js';
import { bilancio } from '../helpers/cli.js';
import { bresciaProject, repoRoot } from '../helpers/paths.js';

// Issue 16: `bilancio explain questionario:<voce> <gruppo>` explains a survey result of the report.

let result: ComputeResult;
beforeAll(async () => {
  const checked = await checkProject({ project: bresciaProject }, diskEffects());
  result = computeProject(checked);
}, 120_000);

const explain = (voce: string, gruppo: string, anno?: number) =>
  explainSurvey({ lang: 'it', survey: result.survey, defaultYear: 2024 }, voce, gruppo, anno);

describe('explain for a survey result', () => {
  it('a dimension for the city: what it is, respondents, answered, mean and interval as published, the source files', () => {
    const city = result.survey[0]!.city;
    const key = result.survey[0]!.items.find((e) => e.item.code === 'coesione')!.key;
    const item = city.items[key]!;
    const out = explain('coesione', 'citta');
    expect('lines' in out).toBe(true);
    const text = 'lines' in out ? out.lines.join('\n') : '';
    expect(text).toContain('questionario:coesione');
    expect(text).toMatch(/media, da 1 a 5, dei valori per persona/);
    expect(text).toMatch(/Intervallo di confidenza al 95%: media ± t di Student/);
    expect(text).toContain(`Rispondenti del gruppo: ${formatNumber(city.respondents!, 'it')}`);
    expect(text).toContain(`Hanno risposto alla voce: ${formatNumber(item.answered!, 'it')}`);
    const f2 = (v: number) => formatNumber(v, 'it', 2);
    expect(text).toContain(
      `Media: ${f2(item.estimate!.mean)}, intervallo di confidenza al 95% da ${f2(item.estimate!.low)} a ${f2(item.estimate!.high)}`,
    );
    expect(text).toContain('dati/2024/questionario.csv');
    expect(text).toContain('dati/2024/domande.csv');
  });

  it('a question for a zona, by code or by name', () => {
    const byCode = explain('D01', 'centro');
    const byName = explain('D01', 'Centro');
    expect(byCode).toEqual(byName);
    expect('lines' in byCode && byCode.lines[0]).toMatch(/^questionario:D01 · domanda «/);
  });

  it("a withheld result gives the reason and never a number of the group's answers", () => {
    const survey = result.survey[0]!;
    const groups = [...survey.zone, ...survey.quartieri, ...survey.fasce];
    const entry = survey.items.find((e) => e.dimension)!;
    const withheld = groups.find((g) => g.items[entry.key]?.motivo)!;
    expect(withheld).toBeDefined();
    const out = explain(entry.item.code, withheld.codice);
    const text = 'lines' in out ? out.lines.join('\n') : '';
    expect(text).toMatch(/Risultato: non pubblicato\. Motivo: (conteggio inferiore alla soglia|soppressione complementare)/);
    expect(text).not.toMatch(/Media:|Hanno risposto alla voce|\d risposte/);
    if (withheld.respondents === null) expect(text).toContain('Rispondenti del gruppo: non pubblicato');
    expect(text).toContain('dati/2024/questionario.csv');
  });

  it('says what is wrong with a request: unknown item, unknown group, a year without survey', () => {
    expect(explain('nessuna', 'citta')).toEqual({
      error: expect.stringMatching(/La voce "nessuna" non è nel questionario: usare una dimensione \(coesione/),
    });
    expect(explain('coesione', 'atlantide')).toEqual({ error: expect.stringMatching(/Gruppo "atlantide" non trovato/) });
    expect(explain('coesione', 'citta', 2023)).toEqual({ error: 'Nessun questionario pubblicato per il 2023.' });
  });

  it('the command: explain questionario:coesione citta prints it; --help documents the syntax', async () => {
    const run = await bilancio(['explain', 'questionario:coesione', 'citta'], repoRoot);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^questionario:coesione · dimensione «coesione» del questionario\n/);
    const help = await bilancio(['explain', '--help'], repoRoot);
    expect(help.stdout).toMatch(/questionario:<dimensione o domanda> <gruppo>/);
    const wrong = await bilancio(['explain', 'questionario:nessuna', 'citta'], repoRoot);
    expect(wrong.code).toBe(2);
  });
});
