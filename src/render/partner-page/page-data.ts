import type { DatasetSchema } from '../../schemas/load-schemas.js';
import type { Lang, TypedRow, ValidatedProject } from '../../types.js';

// What the partners' validation page carries inside it, as JSON: the project's territory and catalogues
// (what validating one file checks against) and the datasets' schemas. Made in Node by `templates`,
// read back in the page.

/** The part of a checked project that the validation of a loose file reads (see validateFiles). */
export type PageCatalogues = Pick<ValidatedProject, 'territorio' | 'enti' | 'servizi' | 'cantieri' | 'cantieriPredefiniti'> & {
  /** The rows of the catalogue of commitments, which impegni files name. */
  catalogoImpegni: TypedRow[];
};

/** Everything the page needs besides its code. */
export interface PageData {
  lang: Lang;
  /** Who asks for the data, as the project's config names it (`Comune di Brescia`); null when the config is not valid. */
  ente: string | null;
  catalogues: PageCatalogues;
  /** The datasets' JSON Schemas, by dataset name, in the order of `schemas/`. */
  schemas: Record<string, DatasetSchema>;
}

/** The catalogues of a checked project, as the page embeds them. */
export function pageCatalogues(project: ValidatedProject): PageCatalogues {
  const { territorio, enti, servizi, cantieri, cantieriPredefiniti } = project;
  return { territorio, enti, servizi, cantieri, cantieriPredefiniti, catalogoImpegni: project.cataloghi.get('catalogo_impegni') ?? [] };
}

/** A checked project again, from the page's catalogues: no yearly data, no report of its own. */
export function projectOfCatalogues(catalogues: PageCatalogues): ValidatedProject {
  const { catalogoImpegni, ...rest } = catalogues;
  return {
    ...rest,
    // A partner's data name no agency: the page has no need of them.
    agenzie: [],
    anni: [],
    dati: new Map(),
    cataloghi: new Map([['catalogo_impegni', catalogoImpegni]]),
    contributi: [],
    report: { valid: true, files: [], summary: { files: 0, rows: 0, errors: 0, warnings: 0 } },
  };
}
