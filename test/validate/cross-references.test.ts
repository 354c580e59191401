import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, type CheckedProject } from '../../src/pipeline.js';
import { diskEffects } from '../../src/effects.js';
import type { Problem } from '../../src/types.js';
import { said } from '../helpers/said.js';

// Issue 17: what the report would otherwise print blindly is checked across files, at file, row and column.

const indicator = (id: string, numeratore: string, extra: Record<string, unknown> = {}) => ({
  id,
  nome: id,
  cantiere: 'demografia',
  numeratore,
  denominatore: 'popolazione',
  scala: 100,
  unita: '%',
  polarita: 'neutro',
  definizione: id,
  ...extra,
});

async function writeProject(root: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
}

const BASE = {
  'bilancio.config.json': '{ "titolo": "Bilancio di Prova", "anno": 2024 }\n',
  'territorio/quartieri.csv': 'codice_quartiere,quartiere,codice_zona,zona\nQ1,Alfa,nord,Nord\nQ2,Beta,sud,Sud\n',
  'catalogo/enti.csv': 'codice_ente,nome,tipo,ruolo\ncomune,Comune di Prova,ente_pubblico,capofila\n',
  'catalogo/servizi.csv':
    'codice_servizio,servizio,cantiere,target,unita,ente\nSAD,Assistenza domiciliare,anziani_disabili,eta:65+,utenti,comune\n',
  'dati/2024/popolazione.csv': 'anno,codice_quartiere,sesso,eta,cittadinanza,residenti\n2024,Q1,F,70,ITA,40\n2024,Q2,M,30,STR,35\n',
};

describe('cross-file checks', () => {
  let work: string;
  let checked: CheckedProject;
  const problemsOf = (file: string): Problem[] => {
    const report = checked.report.files.find((f) => f.path === file);
    return [...(report?.errors ?? []), ...(report?.warnings ?? [])];
  };

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-cross-'));
    await writeProject(path.join(work, 'prova'), {
      ...BASE,
      'catalogo/impegni.csv': [
        'codice_impegno,cantiere,descrizione,codice_zona,codice_quartiere,indicatore,obiettivo,scadenza',
        'I1,anziani_disabili,Una zona che non esiste,ovest,,,,',
        'I2,anziani_disabili,Un quartiere che non esiste,,Q9,,,',
        'I3,anziani_disabili,Un indicatore che non esiste,,,copertura_NIDO,10,',
        'I4,anziani_disabili,Tutto giusto,nord,Q1,copertura_SAD,3,',
      ].join('\n'),
      'catalogo/indicatori.json': JSON.stringify([
        indicator('quota_donne_straniere', 'popolazione[sesso=F, cittadinanza=STR]'),
        indicator('sesso_sbagliato', 'popolazione[sesso=X]'),
        indicator('cittadinanza_sbagliata', 'popolazione[cittadinanza=EXTRA]'),
        indicator('eta_parola', 'popolazione[eta>=anziani]'),
        indicator('servizio_sbagliato', 'erogazioni[servizio=NIDO]'),
        indicator('ente_sbagliato', 'erogazioni[ente=auser]'),
        indicator('copertura_{servizio}', 'erogazioni[servizio={servizio}]', { per_servizio: true, denominatore: '{popolazione_target}' }),
      ]),
      'territorio/mappa_tile.csv': 'codice_quartiere,riga,colonna\nQ1,0,x\nQ2,1000,0\n',
    });
    checked = await checkProject({ project: path.join(work, 'prova') }, diskEffects());
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("a commitment's zona, quartiere and indicator must exist, each at its row and column", () => {
    const found = problemsOf('catalogo/impegni.csv').map((p) => [p.code, p.severity, p.row, p.columnLetter, p.value]);
    expect(found).toEqual([
      ['foreign-key', 'error', 2, 'D', 'ovest'],
      ['foreign-key', 'error', 3, 'E', 'Q9'],
      ['foreign-key', 'error', 4, 'F', 'copertura_NIDO'],
    ]);
    expect(said(problemsOf('catalogo/impegni.csv'))[2]!.message).toMatch(
      /"copertura_NIDO" in "indicatore" non è tra i codici di catalogo\/indicatori\.json/,
    );
    expect(checked.project.cataloghi.get('catalogo_impegni')!.map((r) => r.values.codice_impegno)).toEqual(['I3', 'I4']);
  });

  it("an expression's filter values must be among the dataset's allowed values and the catalogue's codes", () => {
    const messages = said(problemsOf('catalogo/indicatori.json')).map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(
        /Indicatore "sesso_sbagliato", numeratore, carattere 13: "X" non è un valore di sesso in popolazione \(ammessi: M, F\)/,
      ),
      expect.stringMatching(/"EXTRA" non è un valore di cittadinanza in popolazione \(ammessi: ITA, STR\)/),
      expect.stringMatching(/Indicatore "eta_parola".*eta si confronta con un numero, non con "anziani"/),
      expect.stringMatching(/"NIDO" non è un valore di servizio in erogazioni \(ammessi: SAD\)/),
      expect.stringMatching(/"auser" non è un valore di ente in erogazioni \(ammessi: comune\)/),
    ]);
    expect(checked.definitions.map((d) => d.id)).toEqual(['quota_donne_straniere', 'copertura_SAD']);
  });

  it('territorio/mappa_tile.csv is checked against its schema: warnings with row and column', () => {
    const found = problemsOf('territorio/mappa_tile.csv').map((p) => [p.code, p.severity, p.row, p.columnLetter]);
    expect(found).toEqual([
      ['type-error', 'warning', 2, 'C'],
      ['constraint-error', 'warning', 3, 'B'],
      ['consistency-error', 'warning', undefined, undefined],
    ]);
    expect(checked.map).toBeNull();
  });

  it('no population and no indicators: a warning each, naming what the report will lack', async () => {
    const bare = path.join(work, 'nudo');
    await writeProject(bare, {
      'bilancio.config.json': BASE['bilancio.config.json'],
      'territorio/quartieri.csv': BASE['territorio/quartieri.csv'],
    });
    const only = await checkProject({ project: bare }, diskEffects());
    expect(only.report.valid).toBe(true);
    const warnings = said(only.report.files.flatMap((f) => f.warnings));
    expect(warnings.map((w) => [w.file, w.code])).toEqual([
      ['catalogo/indicatori.json', 'source-error'],
      ['dati/2024/popolazione.csv', 'source-error'],
    ]);
    expect(warnings[0]!.message).toMatch(/il report non avrà indicatori/);
    expect(warnings[1]!.message).toMatch(/il report non avrà residenti, piramidi delle età, indicatori demografici/);
    // A project with both has neither warning.
    expect(problemsOf('dati/2024/popolazione.csv').filter((p) => p.code === 'source-error')).toEqual([]);
  });
});
