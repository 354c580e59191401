import type { ValidateFunction } from 'ajv';
import type { ContributoSource } from '../project/read-project.js';
import type { Contributo, Problem } from '../types.js';
import { schemaProblems } from '../schemas/schema-error.js';
import { phrase } from '../i18n.js';

/** Checks a contribution's manifest.json against its schema and its folder. */
export function checkManifest(
  source: ContributoSource,
  validate: ValidateFunction,
  enti: Set<string>,
): { manifest: Contributo['manifest']; problems: Problem[] } {
  const file = `${source.folder}/manifest.json`;
  if (source.manifestProblem) return { manifest: null, problems: [source.manifestProblem] };
  const problems: Problem[] = [];
  if (!validate(source.manifest)) {
    problems.push(
      ...schemaProblems(validate.errors ?? [], file, 'manifest', {
        it: 'manifest.json non valido{where}: {detail}.',
        en: 'Invalid manifest.json{where}: {detail}.',
      }),
    );
    return { manifest: null, problems };
  }
  const m = source.manifest as { ente: string; anno: number; referente?: string; email?: string; inviato_il: string; file: string[] };
  if (m.ente !== source.ente) {
    problems.push({
      code: 'consistency-error',
      severity: 'error',
      file,
      field: 'ente',
      value: m.ente,
      expected: source.ente,
      message: phrase(
        {
          it: 'Il manifesto dichiara l\'ente "{value}" ma si trova nella cartella di "{ente}".',
          en: 'The manifest names the ente "{value}" but sits in the folder of "{ente}".',
        },
        { value: m.ente, ente: source.ente },
      ),
    });
  }
  if (!enti.has(source.ente)) {
    problems.push({
      code: 'foreign-key',
      severity: 'error',
      file,
      field: 'ente',
      value: source.ente,
      message: phrase(
        {
          it: 'L\'ente "{ente}" non è in catalogo/enti.csv.',
          en: 'The ente "{ente}" is not in catalogo/enti.csv.',
        },
        { ente: source.ente },
      ),
    });
  }
  if (m.anno !== source.anno) {
    problems.push({
      code: 'consistency-error',
      severity: 'error',
      file,
      field: 'anno',
      value: String(m.anno),
      expected: String(source.anno),
      message: phrase(
        {
          it: "Il manifesto dichiara l'anno {value} ma si trova nella cartella {anno}.",
          en: 'The manifest states year {value} but sits in folder {anno}.',
        },
        { value: m.anno, anno: source.anno },
      ),
    });
  }
  const found = new Set(source.tables.map((s) => s.table.file.split('/').pop()));
  for (const name of m.file) {
    if (found.has(name)) continue;
    problems.push({
      code: 'source-error',
      severity: 'error',
      file,
      field: 'file',
      value: name,
      message: phrase(
        {
          it: 'Il manifesto elenca "{name}", ma il file non c\'è nella cartella (o il nome non inizia con quello di un dataset, es. erogazioni_).',
          en: 'The manifest lists "{name}", but the file is not in the folder (or its name does not start with a dataset name, e.g. erogazioni_).',
        },
        { name },
      ),
    });
  }
  return {
    manifest: { referente: m.referente ?? null, email: m.email ?? null, inviatoIl: m.inviato_il, file: m.file },
    problems,
  };
}
