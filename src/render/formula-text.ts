import type { Lang } from '../types.js';
import { formatNumber } from './format.js';
import { parseExpression, type Condition, type Expression, type Reference } from '../compute/expression.js';

// An indicator's numerator or denominator printed for readers, not in the catalogue's expression
// language: `popolazione[eta>=15, eta<=64]` becomes "popolazione (età 15–64)", `erogazioni[servizio=NIDO].posti`
// "posti (erogazioni, servizio NIDO)", `0.5 * popolazione` "0,5 × popolazione" in Italian. An expression
// that does not parse is printed as written.

// Datasets, measures and fields by the words of the report's language; a name not listed here is
// printed as the catalogue writes it, with spaces for underscores.
const FIELD_NAMES: Record<Lang, Record<string, string>> = {
  it: { eta: 'età', lista_attesa: "lista d'attesa", utenti_neet: 'utenti NEET' },
  en: {
    eta: 'age',
    sesso: 'sex',
    cittadinanza: 'citizenship',
    servizio: 'service',
    codice_servizio: 'service',
    ente: 'organisation',
    codice_ente: 'organisation',
    popolazione: 'population',
    residenti: 'residents',
    famiglie: 'households',
    famiglie_unipersonali: 'single-person households',
    anziani_soli_75: 'people aged 75+ living alone',
    movimento: 'population movements',
    nati: 'births',
    morti: 'deaths',
    iscritti: 'registrations',
    cancellati: 'deregistrations',
    erogazioni: 'service delivery',
    utenti: 'users',
    posti: 'places',
    ore: 'hours',
    volontari: 'volunteers',
    spesa_euro: 'spending in euro',
    nati_stranieri: 'births of foreign citizenship',
    domande: 'applications',
    lista_attesa: 'waiting list',
    nuovi_utenti: 'new users',
    utenti_neet: 'NEET users',
    importo_euro: 'amount in euro',
    operatori: 'staff',
  },
};

/** A dataset, measure or field of an expression in the report's language. */
function nameText(name: string, lang: Lang): string {
  return FIELD_NAMES[lang][name] ?? name.replace(/_/g, ' ');
}
const OPS: Record<Condition['op'], string> = { '=': '', '!=': '≠ ', '>=': '≥ ', '<=': '≤ ', '>': '> ', '<': '< ' };

function numberText(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: 6 });
}

function valueText(value: string | number, lang: Lang): string {
  return typeof value === 'number' ? numberText(value, lang) : value;
}

function conditionsText(conditions: readonly Condition[], lang: Lang): string[] {
  const out: string[] = [];
  const used = new Set<Condition>();
  for (const c of conditions) {
    if (used.has(c)) continue;
    const field = nameText(c.field, lang);
    // A range on one field, from–to, as people write ages.
    const upper =
      c.op === '>=' && typeof c.value === 'number'
        ? conditions.find((o) => o.field === c.field && o.op === '<=' && typeof o.value === 'number')
        : undefined;
    if (upper) {
      used.add(upper);
      out.push(`${field} ${valueText(c.value, lang)}–${valueText(upper.value, lang)}`);
      continue;
    }
    out.push(`${field} ${OPS[c.op]}${valueText(c.value, lang)}`);
  }
  return out;
}

function referenceText(ref: Reference, lang: Lang): string {
  const dataset = nameText(ref.dataset, lang);
  const details = [
    ...(ref.measure ? [dataset] : []),
    ...conditionsText(ref.conditions, lang),
    ...(ref.yearOffset === 0
      ? []
      : [
          lang === 'it'
            ? `${-ref.yearOffset === 1 ? 'anno precedente' : `${-ref.yearOffset} anni prima`}`
            : `${-ref.yearOffset === 1 ? 'previous year' : `${-ref.yearOffset} years before`}`,
        ]),
  ];
  const head = ref.measure ? nameText(ref.measure, lang) : dataset;
  return details.length === 0 ? head : `${head} (${details.join(', ')})`;
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;
const SYMBOL = { '+': '+', '-': '−', '*': '×', '/': '/' } as const;

function expressionText(e: Expression, lang: Lang): string {
  switch (e.kind) {
    case 'ref':
      return referenceText(e, lang);
    case 'number':
      return numberText(e.value, lang);
    case 'negate':
      return `−${wrap(e.operand, 3, lang)}`;
    case 'binary': {
      const p = PRECEDENCE[e.op];
      // Left-associative: the right side needs brackets at the same level for − and /.
      return `${wrap(e.left, p, lang)} ${SYMBOL[e.op]} ${wrap(e.right, e.op === '-' || e.op === '/' ? p + 1 : p, lang)}`;
    }
  }
}

function wrap(e: Expression, min: number, lang: Lang): string {
  const text = expressionText(e, lang);
  return e.kind === 'binary' && PRECEDENCE[e.op] < min ? `(${text})` : text;
}

/** An expression of the catalogue printed for readers, with the report language's numbers. */
export function formulaText(expression: string, lang: Lang): string {
  const parsed = parseExpression(expression);
  return 'expression' in parsed ? expressionText(parsed.expression, lang) : expression;
}

/** Whether an expression printed for readers needs brackets around it as one side of a division. */
export function formulaIsCompound(expression: string): boolean {
  const parsed = parseExpression(expression);
  return 'expression' in parsed && parsed.expression.kind === 'binary';
}

/** numerator / denominator × scale in readable notation; brackets only around a side that needs them. */
export function ratioText(d: { numeratore: string; denominatore: string; scala: number }, lang: Lang): string {
  const side = (e: string) => (formulaIsCompound(e) ? `(${formulaText(e, lang)})` : formulaText(e, lang));
  const ratio = d.denominatore.trim() === '1' ? side(d.numeratore) : `${side(d.numeratore)} / ${side(d.denominatore)}`;
  return d.scala === 1 ? ratio : `${ratio} × ${formatNumber(d.scala, lang, 0)}`;
}
