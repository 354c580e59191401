import type { DefinitionChange } from '../compute/definition-changes.js';
import type { ViewContext } from './view-context.js';
import { ratioText } from './formula-text.js';

/** Method-note paragraphs naming the indicators whose definition changed since the comparison year's edition. */
export function definitionChangeNotes(ctx: ViewContext, byEdition: Map<number, DefinitionChange[]>): string[] {
  const previous = ctx.annoPrecedente;
  const changes = previous === null ? undefined : byEdition.get(previous);
  if (!changes || changes.length === 0) return [];
  return [
    ctx.text(
      {
        it: 'Definizioni cambiate rispetto al bilancio {p} (il suo catalogo degli indicatori): i valori del {p} riportati qui sono ricalcolati con la definizione attuale e possono differire da quelli pubblicati allora.',
        en: 'Definitions changed since the {p} report (its catalogue of indicators): the {p} values shown here are recomputed with the current definition and may differ from those published then.',
      },
      { p: previous! },
    ),
    ...changes.map((c) =>
      ctx.text(
        {
          it: 'Definizione cambiata: «{nome}» ({id}) era {prima}, ora è {ora}.',
          en: 'Changed definition: «{nome}» ({id}) was {prima}, now {ora}.',
        },
        {
          nome: ctx.lang === 'it' ? c.nome : c.nomeEn,
          id: c.indicatore,
          prima: ratioText(c.parti.prima, ctx.lang),
          ora: ratioText(c.parti.ora, ctx.lang),
        },
      ),
    ),
  ];
}
