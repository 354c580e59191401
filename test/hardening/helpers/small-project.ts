import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bresciaProject } from '../../helpers/paths.js';

// A small project cut from the embedded Brescia one: one quartiere per zona (five in all), both years,
// three services, the Comune's data and ACLI's contribution only. Builds in a few seconds, and the PDF in a few more.

/** The quartieri kept: one per zona, Sanpolino because the commitments catalogue names it. */
export const SMALL_QUARTIERI = ['17029001', '17029002', '17029005', '17029006', '17029032'] as const;

/** The services kept. */
export const SMALL_SERVIZI = ['NIDO', 'SAD', 'EMPORIO'];

/** Texts planted in the data to try injection: each must come out as text, never as markup or a formula. */
export interface Hostile {
  /** Name of quartiere 17029001 (appears in tables, charts and indicatori.csv). */
  quartiere?: string;
  /** Name of quartiere 17029002. */
  quartiere2?: string;
  /** A voice with consent, in quartiere 17029002. */
  voce?: string;
  /** The signature of that voice. */
  firma?: string;
  /** The note of commitment IMP01 (a partner's progress note). */
  nota?: string;
  /** The name of the partner ACLI in catalogo/enti.csv. */
  ente?: string;
  /** The text of survey question D01. */
  domanda?: string;
}

const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** Splits a simple CSV line (quoted cells allowed, no newlines inside). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out;
}

async function editCsv(file: string, edit: (header: string[], row: string[]) => string[] | null): Promise<void> {
  const [head, ...lines] = (await readFile(file, 'utf8')).split(/\r?\n/).filter((l) => l.length > 0);
  const header = cells(head!);
  const kept = lines.map((l) => edit(header, cells(l))).filter((r): r is string[] => r !== null);
  await writeFile(file, `${[header, ...kept].map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
}

/** Writes the small project into `dir` (created), with the hostile texts planted. */
export async function writeSmallProject(dir: string, hostile: Hostile = {}): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const part of ['bilancio.config.json', 'territorio', 'catalogo', 'dati']) {
    await cp(path.join(bresciaProject, part), path.join(dir, part), { recursive: true });
  }
  await cp(path.join(bresciaProject, 'contributi/acli'), path.join(dir, 'contributi/acli'), { recursive: true });
  // The two years the small project has always had (the sample goes back to 2019): a short, fast report.
  for (const anno of ['2019', '2020', '2021', '2022']) {
    await rm(path.join(dir, 'dati', anno), { recursive: true, force: true });
    await rm(path.join(dir, 'contributi/acli', anno), { recursive: true, force: true });
  }
  const keep = new Set<string>(SMALL_QUARTIERI);
  const numbers = new Set(SMALL_QUARTIERI.map((c) => String(Number(c.slice(-3)))));

  await editCsv(path.join(dir, 'territorio/quartieri.csv'), (h, r) => {
    const code = r[h.indexOf('codice_quartiere')]!;
    if (!keep.has(code)) return null;
    if (code === '17029001' && hostile.quartiere) r[h.indexOf('quartiere')] = hostile.quartiere;
    if (code === '17029002' && hostile.quartiere2) r[h.indexOf('quartiere')] = hostile.quartiere2;
    return r;
  });
  // Without catalogo/cantieri.csv, as a project made before it: bilancio's default declaration of the same six
  // cantieri applies, so the golden reports built from this project exercise the default.
  await rm(path.join(dir, 'catalogo/cantieri.csv'), { force: true });
  // Three services (two of the Comune, ACLI's emporio) instead of eleven: a shorter report, a faster PDF.
  await editCsv(path.join(dir, 'catalogo/servizi.csv'), (_h, r) => (SMALL_SERVIZI.includes(r[0]!) ? r : null));
  // Indicators of the services left out would name codes the small catalogue does not have.
  const indicatori = path.join(dir, 'catalogo/indicatori.json');
  const catalogue = JSON.parse(await readFile(indicatori, 'utf8')) as { numeratore: string; denominatore: string }[];
  const named = (spec: { numeratore: string; denominatore: string }) =>
    [...`${spec.numeratore} ${spec.denominatore}`.matchAll(/servizio=([A-Z0-9_]+)/g)].map((m) => m[1]!);
  const kept = catalogue.filter((spec) => named(spec).every((code) => SMALL_SERVIZI.includes(code)));
  await writeFile(indicatori, `${JSON.stringify(kept, null, 2)}\n`);
  if (hostile.ente) {
    await editCsv(path.join(dir, 'catalogo/enti.csv'), (h, r) => {
      if (r[0] === 'acli') r[h.indexOf('nome')] = hostile.ente!;
      return r;
    });
  }
  for (const anno of await readdir(path.join(dir, 'dati'))) {
    const folder = path.join(dir, 'dati', anno);
    for (const name of await readdir(folder)) {
      const file = path.join(folder, name);
      if (name.endsWith('.csv')) {
        await editCsv(file, (h, r) => {
          const q = h.indexOf('codice_quartiere');
          if (q >= 0 && !keep.has(r[q]!)) return null;
          // The activity and money of its three services only, the people of its two organisations.
          const servizio = h.indexOf('codice_servizio');
          if (servizio >= 0 && !SMALL_SERVIZI.includes(r[servizio]!)) return null;
          if (name === 'personale.csv' && !['comune', 'acli'].includes(r[h.indexOf('codice_ente')]!)) return null;
          if (name === 'impegni.csv' && r[0] === 'IMP01' && hostile.nota) r[h.indexOf('nota')] = hostile.nota;
          if (name === 'domande.csv' && r[0] === 'D01' && hostile.domanda) r[h.indexOf('testo')] = hostile.domanda;
          return r;
        });
      } else if (name === 'voci.json') {
        const voci = (JSON.parse(await readFile(file, 'utf8')) as { codice_quartiere?: string }[]).filter(
          (v) => !v.codice_quartiere || keep.has(v.codice_quartiere),
        );
        if (hostile.voce) {
          voci.unshift({
            id: `V${anno}-OSTILE`,
            anno: Number(anno),
            codice_quartiere: '17029002',
            cantiere: 'forza_comunita',
            ruolo: 'volontario',
            testo: hostile.voce,
            consenso_pubblicazione: true,
            ...(hostile.firma && { firma: hostile.firma }),
          } as { codice_quartiere: string });
        }
        await writeFile(file, `${JSON.stringify(voci, null, 2)}\n`);
      }
    }
  }
  for (const anno of ['2023', '2024']) {
    // ACLI writes quartieri by the Comune's number, with ';' as Excel in Italian does.
    const file = path.join(dir, 'contributi/acli', anno, 'erogazioni_acli.csv');
    const [head, ...lines] = (await readFile(file, 'utf8')).split(/\r?\n/).filter(Boolean);
    await writeFile(file, `${[head, ...lines.filter((l) => numbers.has(l.split(';')[1]!))].join('\n')}\n`);
  }
  return dir;
}
