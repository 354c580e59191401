import { execFile } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilancio } from '../helpers/cli.js';
import { bresciaProject } from '../helpers/paths.js';

const run = promisify(execFile);

// Folzano has 2 users of a service for disabled people: the count, and everything that would reveal
// it, must be absent from every published file.

const FOLZANO = '17029008';
const INDICATOR = 'copertura_TRASPORTO_DIS';

describe('a quartiere with 2 disabled service users', () => {
  let work: string;
  let files: { csv: string; json: Record<string, unknown>[]; html: string; pdf: string };

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-riservatezza-'));
    const project = path.join(work, 'progetto');
    await cp(bresciaProject, project, { recursive: true });
    await appendFile(
      path.join(project, 'catalogo/servizi.csv'),
      'TRASPORTO_DIS,Trasporto per persone con disabilità,anziani_disabili,eta:18-64,utenti,anffas,\n',
    );
    const quartieri = (await readFile(path.join(project, 'territorio/quartieri.csv'), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]!);
    const rows = quartieri.map((code, i) => `2024,${code},TRASPORTO_DIS,anffas,${code === FOLZANO ? 2 : 11 + i}`);
    await writeFile(
      path.join(project, 'dati/2024/erogazioni_trasporto.csv'),
      `anno,codice_quartiere,codice_servizio,codice_ente,utenti\n${rows.join('\n')}\n`,
    );
    const out = path.join(work, 'out');
    const result = await bilancio(['build', project, '--out', out], work);
    expect(result.code, result.stderr).toBe(0);
    files = {
      csv: await readFile(path.join(out, 'indicatori.csv'), 'utf8'),
      json: JSON.parse(await readFile(path.join(out, 'indicatori.json'), 'utf8')),
      html: await readFile(path.join(out, 'report.html'), 'utf8'),
      pdf: (await run('pdftotext', ['-layout', path.join(out, 'report.pdf'), '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout,
    };
  }, 240_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('indicatori.json: no value, numerator or denominator, with soppresso and the reason', () => {
    const folzano = files.json.find((r) => r.anno === 2024 && r.indicatore === INDICATOR && r.codice === FOLZANO)!;
    expect(folzano).toMatchObject({ valore: null, numeratore: null, denominatore: null, soppresso: true });
    expect(String(folzano.motivo)).toMatch(/soglia/);
    // No published cell of the indicator holds the count 2, and a complement hides it from the zona total.
    const published = files.json.filter((r) => r.anno === 2024 && r.indicatore === INDICATOR && !r.soppresso);
    expect(published.some((r) => r.numeratore === 2)).toBe(false);
    const complements = files.json.filter(
      (r) => r.anno === 2024 && r.indicatore === INDICATOR && String(r.motivo).includes('complementare'),
    );
    expect(complements.length).toBeGreaterThanOrEqual(1);
  });

  it('indicatori.csv: the same row empty, soppresso true', () => {
    const line = files.csv.split('\r\n').find((l) => l.startsWith(`2024,quartiere,${FOLZANO},Folzano,${INDICATOR},`))!;
    expect(line).toMatch(new RegExp(`^2024,quartiere,${FOLZANO},Folzano,${INDICATOR},,,,per 100,true,`));
  });

  it("report.html and report.pdf: Folzano's line shows n.d., never the value", () => {
    const pageStart = files.html.indexOf(`id="quartiere-${FOLZANO}"`);
    expect(pageStart).toBeGreaterThan(0);
    const page = files.html.slice(pageStart, files.html.indexOf('</article>', pageStart));
    const row = page.slice(
      page.indexOf('Trasporto per persone con disabilità'),
      page.indexOf('</tr>', page.indexOf('Trasporto per persone con disabilità')),
    );
    expect(row).toMatch(/n\.d\./);
    // The indicator's name may wrap in the PDF's table (its first column is as wide as the longest name):
    // the value sits on the line where the name begins or on the next.
    const lines = files.pdf.split('\n');
    const pdfRows = lines
      .map((l, i) => (l.includes('Copertura: Trasporto per persone con') ? `${l}\n${lines[i + 1] ?? ''}` : null))
      .filter((r): r is string => r !== null && /disabilit/.test(r));
    expect(pdfRows.some((r) => r.includes('n.d.'))).toBe(true);
    // The coverage a reader could compute (2 per 100 of Folzano's 18-64) is nowhere near Folzano's name.
    const folzanoLines = files.pdf.split('\n').filter((l) => l.includes('Folzano') && l.includes('Trasporto'));
    for (const l of folzanoLines) expect(l).not.toMatch(/\b0,\d\b/);
  });
});
