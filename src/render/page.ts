import Handlebars from 'handlebars';
import type { TemplateSet } from './html.js';

// Standalone pages (the submissions grid, a partner's receipt): one template each, compiled like the
// report's (strict, data always escaped), self-contained and without scripts.

/**
 * Renders the template `name` of the set with `view`; partials of the set are available. `pageStyle`,
 * CSS from pageCss (every text in it escaped), is what the page prints with: size, margins, headers.
 */
export function renderPage(name: string, view: object, templates: TemplateSet, pageStyle = ''): string {
  const source = templates.get(name);
  if (source === undefined) throw new Error(`template ${name} not found`);
  const hb = Handlebars.create();
  for (const [key, partial] of templates) {
    if (key.startsWith('partials/')) hb.registerPartial(key.slice('partials/'.length), partial);
  }
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  return hb.compile(source, { strict: true, noEscape: false })({ ...view, pageStyle: new hb.SafeString(pageStyle) });
}
