import type { DatasetSchema } from '../schemas/load-schemas.js';
import type { Ente, ValidatedProject } from '../types.js';

/** One workbook to write: a partner and a dataset it sends, with its file name. */
export interface PartnerWorkbook {
  dataset: string;
  ente: Ente;
  /** `erogazioni_auser.xlsx`: the name the project's folders expect for the partner's file. */
  file: string;
}

/**
 * The workbooks `bilancio templates` writes: for each dataset whose rows name the organisation that
 * sent them (a foreign key to the enti catalogue), one per organisation that runs a service.
 */
export function partnerWorkbooks(datasets: ReadonlyMap<string, DatasetSchema>, project: ValidatedProject): PartnerWorkbook[] {
  const running = new Set(project.servizi.flatMap((s) => s.enti));
  const enti = project.enti.filter((e) => running.has(e.codice));
  return [...datasets]
    .filter(([, schema]) => schema['x-foreignKeys']?.some((key) => key.reference.resource === 'enti' && key.fields[0] === 'codice_ente'))
    .flatMap(([dataset]) => enti.map((ente) => ({ dataset, ente, file: `${dataset}_${ente.codice}.xlsx` })));
}
