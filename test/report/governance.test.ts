// Identity, governance and commitments that look ahead (issue 19): the network chapter shows the project's
// mission and values (bilancio.config.json), its strategic agencies with the ente leading each
// (catalogo/agenzie.csv) and every organisation with its task (catalogo/enti.csv), in both languages; a bad
// agencies file is an error at its row and column; the commitments chapter counts late ones and lists next year's.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, checkProject } from '../../src/pipeline.js';
import { diskEffects } from '../../src/effects.js';
import { writeSmallProject } from '../hardening/helpers/small-project.js';
import { said } from '../helpers/said.js';
import { validateBytes } from '../helpers/brescia-catalogues.js';

const fx = diskEffects();

/** The text of each body row of the table `id` in an HTML report, cells joined by " | ". */
function tableRows(html: string, id: string): string[] {
  const table = new RegExp(`<table class="tabella" id="${id}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '').trim()).join(' | '),
  );
}

/** The CSV's rows as records, for the few plain files these tests read (no quoted commas in the columns used). */
async function csvColumn(file: string, column: string): Promise<string[]> {
  const [head, ...lines] = (await readFile(file, 'utf8')).trim().split('\n');
  const at = head!.split(',').indexOf(column);
  return lines.map((l) => l.split(',')[at]!);
}

describe('the network chapter: mission, values, agencies and the task of every organisation', () => {
  let work: string;
  let project: string;
  const html: Record<'it' | 'en', string> = { it: '', en: '' };
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-governance-'));
    project = path.join(work, 'progetto');
    await writeSmallProject(project);
    for (const lang of ['it', 'en'] as const) {
      const out = path.join(work, `out-${lang}`);
      const outcome = await buildProject({ project, out, noPdf: true, lang }, fx);
      expect(outcome.status).toBe('built');
      html[lang] = await readFile(path.join(out, 'report.html'), 'utf8');
    }
  }, 240_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("prints the mission and the values from the project's config, in the report's language", async () => {
    const config = JSON.parse(await readFile(path.join(project, 'bilancio.config.json'), 'utf8')) as {
      missione: { it: string; en: string };
      valori: { valore: { it: string; en: string }; descrizione: { it: string; en: string } }[];
    };
    for (const lang of ['it', 'en'] as const) {
      expect(html[lang]).toContain(`<p>${config.missione[lang].replace(/'/g, '&#x27;')}</p>`);
      const valori = [...html[lang].matchAll(/<ul class="valori">([\s\S]*?)<\/ul>/g)][0]?.[1] ?? '';
      const items = [...valori.matchAll(/<li><strong>(.*?)<\/strong>: (.*?)<\/li>/g)].map((m) => [m[1], m[2]]);
      expect(items).toEqual(config.valori.map((v) => [v.valore[lang], v.descrizione[lang].replace(/'/g, '&#x27;')]));
    }
  });

  it('lists the five agencies with the organisation leading each, from catalogo/agenzie.csv', () => {
    expect(tableRows(html.it, 'tab-agenzie').map((r) => r.split(' | ').slice(0, 2).join(' | '))).toEqual([
      'Governance | Comune di Brescia',
      'Conoscenza e informazione | Università degli Studi di Brescia',
      'Sviluppo delle risorse umane | Università Cattolica del Sacro Cuore',
      'Comunicazione e raccolta di fondi e persone | Auser Volontariato Brescia',
      'Finanza | Comune di Brescia',
    ]);
    expect(tableRows(html.en, 'tab-agenzie')[1]).toMatch(/^Knowledge and information \| Università degli Studi di Brescia \| Collects/);
  });

  it('gives every organisation its role and task, the lead first, in Italian and in English', async () => {
    const enti = await csvColumn(path.join(project, 'catalogo/enti.csv'), 'codice_ente');
    for (const lang of ['it', 'en'] as const) {
      const rows = tableRows(html[lang], 'tab-enti');
      expect(rows).toHaveLength(enti.length);
      // No organisation is a bare name: each has its task.
      expect(rows.filter((r) => r.endsWith('| —'))).toEqual([]);
    }
    expect(tableRows(html.it, 'tab-enti')[0]).toMatch(/^Comune di Brescia \| capofila \| Guida il progetto/);
    expect(tableRows(html.en, 'tab-enti')[0]).toMatch(/^Comune di Brescia \| lead \| Leads the project/);
    expect(tableRows(html.en, 'tab-enti')).toContain('ANFFAS Brescia | network | Day centres for people with disabilities.');
  });

  it("flags the late commitments, counts them instead of averaging percentages, and lists next year's", () => {
    expect(html.it).not.toContain('Avanzamento medio');
    expect(html.en).not.toContain('Mean progress');
    const late = tableRows(html.it, 'tab-impegni').filter((r) => r.includes('in corso, in ritardo'));
    expect(late.length).toBeGreaterThan(0);
    for (const row of late) expect(row).toContain('31 dicembre 2024');
    const total = tableRows(html.it, 'tab-impegni-cantieri').at(-1)!.split(' | ');
    expect(total.slice(0, 1)).toEqual(['Totale']);
    // Impegni, completati, nei tempi, in ritardo…: the late count is the rows flagged late.
    expect(Number(total[4])).toBe(late.length);
    const next = tableRows(html.it, 'tab-impegni-prossimo-anno');
    expect(next.length).toBeGreaterThan(0);
    for (const row of next) expect(row).toMatch(/2025/);
    expect(html.en).toContain('Commitments due in 2025');
    expect(tableRows(html.en, 'tab-impegni').some((r) => r.includes('in progress, late'))).toBe(true);
  });
});

describe('catalogo/agenzie.csv is checked at its row and column', () => {
  let work: string;
  let project: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-agenzie-'));
    project = path.join(work, 'progetto');
    await writeSmallProject(project);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('refuses an agency led by an organisation that enti.csv does not declare, and one without a task', async () => {
    await writeFile(
      path.join(project, 'catalogo/agenzie.csv'),
      'codice_agenzia,nome,nome_en,ente_capofila,compito,compito_en,ordine\n' +
        'governance,Governance,Governance,comune,Guida la cabina di regia.,Runs the steering group.,1\n' +
        'finanza,Finanza,Finance,banca_ignota,Gestisce il bilancio.,,2\n' +
        'conoscenza,Conoscenza,,unibs,,,3\n',
    );
    const checked = await checkProject({ project }, fx);
    const errors = checked.report.files.find((f) => f.path === 'catalogo/agenzie.csv')?.errors ?? [];
    const foreign = errors.find((p) => p.code === 'foreign-key');
    expect(foreign).toMatchObject({ row: 3, field: 'ente_capofila', value: 'banca_ignota' });
    expect(said([foreign!])[0]!.message).toContain('"banca_ignota" in "ente_capofila" non è tra i codici di catalogo/enti.csv');
    const missing = errors.find((p) => p.field === 'compito');
    expect(missing).toMatchObject({ row: 4, column: 5 });
    expect(said([missing!], 'en')[0]!.message).toMatch(/compito/);
    // Only the valid agency reaches the report.
    expect(checked.project.agenzie.map((a) => a.codice)).toEqual(['governance']);
  });
});

describe('catalogo/agenzie.csv checked on its own (bilancio validate FILE)', () => {
  it('names the unknown lead at its row and column D, and the missing task at column E', async () => {
    const bytes = Buffer.from(
      'codice_agenzia,nome,nome_en,ente_capofila,compito,compito_en,ordine\n' +
        'governance,Governance,,comune,Guida.,,1\n' +
        'finanza,Finanza,,banca,Gestisce.,,2\n' +
        'conoscenza,Conoscenza,,unibs,,,3\n',
    );
    const report = await validateBytes(bytes, 'agenzie.csv', 'agenzie');
    const errors = report.files[0]!.errors;
    expect(errors.map((p) => [p.code, p.row, p.column, p.field])).toEqual(
      expect.arrayContaining([
        ['foreign-key', 3, 4, 'ente_capofila'],
        ['constraint-error', 4, 5, 'compito'],
      ]),
    );
    expect(errors).toHaveLength(2);
    expect(report.valid).toBe(false);
  });
});
