import type { SchemaSet } from '../../schemas/load-schemas.js';
import type { Lang, ValidatedProject } from '../../types.js';
import { pageScript } from './bundle-page.js';
import { pageCatalogues } from './page-data.js';
import { validationPageHtml } from './page-html.js';

/** The partners' validation page of a project: its catalogues and schemas, the bundled checks, in one HTML file. */
export async function partnerValidationPage(
  project: ValidatedProject,
  schemas: SchemaSet,
  lang: Lang,
  ente: string | null,
): Promise<string> {
  const data = {
    lang,
    ente,
    catalogues: pageCatalogues(project),
    schemas: Object.fromEntries([...schemas.datasets].map(([name, entry]) => [name, entry.schema])),
  };
  return validationPageHtml(data, await pageScript());
}
