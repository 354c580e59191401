import type { ValidateFunction } from 'ajv';
import { SEZIONI_NON_CANTIERE, type Cantiere, type Problem, type Servizio } from '../types.js';
import { phrase } from '../i18n.js';
import { parseExpression, referencesOf, type Expression, type Reference } from './expression.js';
import { isCount, MEASURE_SOURCES } from './measures.js';
import { targetAgeRange } from '../service-target.js';
import { schemaErrorDetail, schemaNamed } from '../schemas/schema-error.js';
import { declarationPlace } from '../validate/cantieri.js';
import { loadSchemas } from '../schemas/load-schemas.js';

export interface Target {
  valore: number;
  etichetta: string;
  fonte: string;
  /** The label and source in English (etichetta_en, fonte_en); null when the catalogue gives none. */
  etichettaEn: string | null;
  fonteEn: string | null;
}

/** An indicator ready to compute: its expressions parsed and checked. */
export interface IndicatorDefinition {
  id: string;
  nome: string;
  nomeEn: string;
  cantiere: string;
  numeratore: string;
  denominatore: string;
  num: Expression;
  den: Expression;
  scala: number;
  unita: string;
  /** The unit in English (unita_en); null: render translates the usual units (see render/units.ts). */
  unitaEn: string | null;
  decimali: number;
  polarita: 'alto_meglio' | 'basso_meglio' | 'neutro';
  obiettivi: Target[];
  definizione: string;
  definizioneEn: string;
  /** The service an indicator of a per_servizio template was made for. */
  servizio: string | null;
  /** True when the numerator or the denominator counts people or households (privacy applies). */
  conteggio: boolean;
  /** Datasets the indicator needs, with the year offsets: for "not computable" notes. */
  needs: { dataset: string; yearOffset: number }[];
}

interface IndicatorSpec {
  id: string;
  nome: string;
  nome_en?: string;
  cantiere: string;
  numeratore: string;
  denominatore: string;
  scala: number;
  unita: string;
  unita_en?: string;
  decimali?: number;
  polarita: IndicatorDefinition['polarita'];
  obiettivo?: TargetSpec | TargetSpec[];
  definizione: string;
  definizione_en?: string;
  per_servizio?: boolean;
}

interface TargetSpec {
  valore: number;
  etichetta?: string;
  etichetta_en?: string;
  fonte: string;
  fonte_en?: string;
}

const FILE = 'catalogo/indicatori.json';

/** True when an indicator is an absolute count (denominator 1, scale 1): posti_nido, utenti_sad, nati. */
export function isCountIndicator(def: Pick<IndicatorDefinition, 'den' | 'scala'>): boolean {
  return def.den.kind === 'number' && def.den.value === 1 && def.scala === 1;
}

/** The popolazione reference for a service target: `popolazione[eta>=0, eta<=2]`, `popolazione`. */
export function targetPopulation(target: string): string {
  const ages = targetAgeRange(target);
  if (!ages) return 'popolazione';
  return ages.max === null ? `popolazione[eta>=${ages.min}]` : `popolazione[eta>=${ages.min}, eta<=${ages.max}]`;
}

function expandPerService(spec: IndicatorSpec, servizi: Servizio[]): IndicatorSpec[] {
  if (!spec.per_servizio) return [spec];
  return servizi.map((s) => {
    const fill = (text: string, english = false) =>
      text
        .replaceAll('{servizio}', s.codice)
        .replaceAll('{nome_servizio}', (english && s.nomeEn) || s.nome)
        .replaceAll('{misura}', english ? (s.unita === 'posti' ? 'places' : 'users') : s.unita === 'posti' ? 'posti' : 'utenti')
        .replaceAll('{popolazione_target}', targetPopulation(s.target));
    return {
      ...spec,
      id: fill(spec.id),
      nome: fill(spec.nome),
      nome_en: spec.nome_en && fill(spec.nome_en, true),
      cantiere: s.cantiere,
      numeratore: fill(spec.numeratore),
      denominatore: fill(spec.denominatore),
      definizione: fill(spec.definizione),
      definizione_en: spec.definizione_en && fill(spec.definizione_en, true),
      per_servizio: false,
      servizio: s.codice,
    } as IndicatorSpec & { servizio: string };
  });
}

/** The codes of the project's catalogues that expressions may filter on (erogazioni[servizio=NIDO, ente=auser]). */
export interface CatalogueCodes {
  servizi: readonly string[];
  enti: readonly string[];
}

/**
 * The values a condition on `field` of `dataset` may compare with, when they are a closed list: the
 * catalogue's codes for services and organisations, else the enum of the dataset's schema; null when open.
 */
function allowedValues(dataset: string, field: string, codes: CatalogueCodes | undefined): readonly (string | number)[] | null {
  if (dataset === 'erogazioni' && field === 'codice_servizio') return codes?.servizi ?? null;
  if (dataset === 'erogazioni' && field === 'codice_ente') return codes?.enti ?? null;
  return (loadSchemas().datasets.get(dataset)?.schema.properties[field]?.enum as (string | number)[] | undefined) ?? null;
}

/** A number is expected where the schema has a number (eta>=65), not a word. */
function numericField(dataset: string, field: string): boolean {
  const type = loadSchemas().datasets.get(dataset)?.schema.properties[field]?.type;
  return type === 'integer' || type === 'number';
}

function checkReference(ref: Reference, id: string, side: string, codes?: CatalogueCodes): Problem | null {
  const source = MEASURE_SOURCES[ref.dataset];
  const problem = (it: string, en: string, position: number, params: Record<string, string>) => ({
    code: 'constraint-error' as const,
    severity: 'error' as const,
    file: FILE,
    field: `${id}.${side}`,
    value: String(position + 1),
    message: phrase(
      {
        it: `Indicatore "{id}", {side}, carattere {pos}: ${it}`,
        en: `Indicator "{id}", {side}, character {pos}: ${en}`,
      },
      { id, side, pos: position + 1, ...params },
    ),
  });
  if (!source) {
    return problem(
      '"{name}" non è un dataset utilizzabile (ammessi: {list}).',
      '"{name}" is not a usable dataset (allowed: {list}).',
      ref.position,
      { name: ref.dataset, list: Object.keys(MEASURE_SOURCES).join(', ') },
    );
  }
  for (const condition of ref.conditions) {
    const field = source.aliases[condition.field] ?? condition.field;
    if (!source.dimensions.includes(field)) {
      return problem(
        '"{name}" non è un campo di {dataset} su cui filtrare (ammessi: {list}).',
        '"{name}" is not a field of {dataset} to filter on (allowed: {list}).',
        condition.position,
        { name: condition.field, dataset: ref.dataset, list: source.dimensions.join(', ') || '—' },
      );
    }
    // A value no row can have would make the indicator quietly zero.
    const allowed = allowedValues(ref.dataset, field, codes);
    if (allowed && !allowed.some((v) => String(v) === String(condition.value))) {
      return problem(
        '"{value}" non è un valore di {name} in {dataset} (ammessi: {list}).',
        '"{value}" is not a value of {name} in {dataset} (allowed: {list}).',
        condition.position,
        { value: String(condition.value), name: condition.field, dataset: ref.dataset, list: allowed.join(', ') || '—' },
      );
    }
    if (!allowed && numericField(ref.dataset, field) && typeof condition.value !== 'number') {
      return problem(
        '{name} si confronta con un numero, non con "{value}".',
        '{name} is compared with a number, not with "{value}".',
        condition.position,
        { value: String(condition.value), name: condition.field },
      );
    }
  }
  if (ref.measure !== undefined && !source.measures.includes(ref.measure) && !source.weighted.includes(ref.measure)) {
    return problem(
      '"{name}" non è una misura di {dataset} (ammesse: {list}).',
      '"{name}" is not a measure of {dataset} (allowed: {list}).',
      ref.position,
      { name: ref.measure, dataset: ref.dataset, list: [...source.measures, ...source.weighted].join(', ') },
    );
  }
  return null;
}

/** The problem of an indicator whose `cantiere` is neither a declared cantiere nor demografia or risorse. */
function undeclaredCantiere(spec: IndicatorSpec, declared: DeclaredCantieri): Problem | null {
  const allowed = [...declared.cantieri.map((c) => c.codice), ...SEZIONI_NON_CANTIERE];
  if (allowed.includes(spec.cantiere)) return null;
  const list = allowed.join(', ');
  return {
    code: 'constraint-error',
    severity: 'error',
    file: FILE,
    field: `${spec.id}.cantiere`,
    value: spec.cantiere,
    expected: phrase({ it: 'un cantiere dichiarato: {list}', en: 'a declared cantiere: {list}' }, { list }),
    message: phrase(
      {
        it: 'Indicatore "{id}", cantiere: "{value}" non è un cantiere dichiarato. Ammessi: {list} (cantieri da {place}).',
        en: 'Indicator "{id}", cantiere: "{value}" is not a declared cantiere. Allowed: {list} (cantieri from {place}).',
      },
      { id: spec.id, value: spec.cantiere, list, place: declarationPlace(declared.predefiniti) },
    ),
  };
}

/** The cantieri an indicator may name, and whether they are bilancio's default ones. */
export interface DeclaredCantieri {
  cantieri: readonly Cantiere[];
  predefiniti: boolean;
}

/**
 * Reads the indicator catalogue: schema, per-service expansion, expressions parsed and checked; with
 * `declared`, each indicator's cantiere checked against the project's cantieri (an earlier edition's
 * stored catalogue is read without it).
 */
export function loadIndicators(
  raw: unknown,
  validate: ValidateFunction,
  servizi: Servizio[],
  declared?: DeclaredCantieri,
  codes?: CatalogueCodes,
): { definitions: IndicatorDefinition[]; problems: Problem[] } {
  if (!validate(raw)) {
    const problems = (validate.errors ?? []).map((error): Problem => {
      // /2/cantiere: the third indicator, named by its id when it has one, and its key.
      const [index, ...rest] = error.instancePath.split('/').slice(1);
      const entry = index === undefined ? undefined : (raw as unknown[])[Number(index)];
      const id =
        entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? (entry as { id: string }).id : null;
      const key = rest.join('.');
      const where =
        index === undefined
          ? ''
          : id
            ? phrase({ it: 'indicatore "{id}"', en: 'indicator "{id}"' }, { id })
            : phrase({ it: 'indicatore n. {n}', en: 'indicator no. {n}' }, { n: Number(index) + 1 });
      return {
        code: 'constraint-error',
        severity: 'error',
        file: FILE,
        field: [id ?? index, key].filter(Boolean).join('.') || undefined,
        message: phrase(
          { it: 'Catalogo indicatori non valido{where}: {detail}.', en: 'Invalid indicator catalogue{where}: {detail}.' },
          {
            where: where ? phrase({ it: ' ({where}{key})', en: ' ({where}{key})' }, { where, key: key ? `, ${key}` : '' }) : '',
            detail: schemaErrorDetail(error, schemaNamed('indicatori')),
          },
        ),
      };
    });
    return { definitions: [], problems };
  }
  const specs = (raw as IndicatorSpec[]).flatMap((s) => expandPerService(s, servizi));
  // An explicit entry overrides one the per-service template made with the same id.
  const explicit = new Set((raw as IndicatorSpec[]).filter((s) => !s.per_servizio).map((s) => s.id));
  const problems: Problem[] = [];
  const definitions: IndicatorDefinition[] = [];
  const seen = new Set<string>();
  // An explicit entry that overrides a per-service one is still that service's indicator (copertura_NIDO).
  const serviceOf = new Map<string, string>();
  for (const s of specs as (IndicatorSpec & { servizio?: string })[]) if (s.servizio) serviceOf.set(s.id, s.servizio);
  for (const spec of specs) {
    const templateMade = (spec as { servizio?: string }).servizio !== undefined;
    if (templateMade && explicit.has(spec.id)) continue;
    const servizio = serviceOf.get(spec.id) ?? null;
    if (seen.has(spec.id)) {
      problems.push({
        code: 'unique-error',
        severity: 'error',
        file: FILE,
        field: 'id',
        value: spec.id,
        message: phrase(
          { it: 'L\'indicatore "{id}" è definito due volte.', en: 'The indicator "{id}" is defined twice.' },
          { id: spec.id },
        ),
      });
      continue;
    }
    seen.add(spec.id);
    // A per-service indicator takes its service's cantiere, already checked with the service.
    const unknown = declared && !templateMade ? undeclaredCantiere(spec, declared) : null;
    if (unknown) {
      problems.push(unknown);
      continue;
    }
    const sides: Expression[] = [];
    for (const [side, text] of [
      ['numeratore', spec.numeratore],
      ['denominatore', spec.denominatore],
    ] as const) {
      const parsed = parseExpression(text);
      if ('error' in parsed) {
        problems.push({
          code: 'constraint-error',
          severity: 'error',
          file: FILE,
          field: `${spec.id}.${side}`,
          value: text,
          message: phrase(
            {
              it: 'Indicatore "{id}", {side}, carattere {pos}: {detail} in «{text}».',
              en: 'Indicator "{id}", {side}, character {pos}: {detail} in «{text}».',
            },
            { id: spec.id, side, pos: parsed.error.position + 1, detail: phrase(parsed.error.message), text },
          ),
        });
        continue;
      }
      const bad = referencesOf(parsed.expression)
        .map((r) => checkReference(r, spec.id, side, codes))
        .find(Boolean);
      if (bad) {
        problems.push(bad);
        continue;
      }
      sides.push(parsed.expression);
    }
    if (sides.length !== 2) continue;
    const [num, den] = sides as [Expression, Expression];
    const refs = [...referencesOf(num), ...referencesOf(den)];
    const needs = [
      ...new Map(refs.map((r) => [`${r.dataset}@${r.yearOffset}`, { dataset: r.dataset, yearOffset: r.yearOffset }])).values(),
    ];
    const obiettivi = spec.obiettivo === undefined ? [] : Array.isArray(spec.obiettivo) ? spec.obiettivo : [spec.obiettivo];
    definitions.push({
      id: spec.id,
      nome: spec.nome,
      nomeEn: spec.nome_en ?? spec.nome,
      cantiere: spec.cantiere,
      numeratore: spec.numeratore,
      denominatore: spec.denominatore,
      num,
      den,
      scala: spec.scala,
      unita: spec.unita,
      unitaEn: spec.unita_en ?? null,
      decimali: spec.decimali ?? 1,
      polarita: spec.polarita,
      obiettivi: obiettivi.map((o) => ({
        valore: o.valore,
        etichetta: o.etichetta ?? '',
        fonte: o.fonte,
        etichettaEn: o.etichetta_en ?? null,
        fonteEn: o.fonte_en ?? null,
      })),
      definizione: spec.definizione,
      definizioneEn: spec.definizione_en ?? spec.definizione,
      servizio,
      conteggio: refs.some((r) => isCount(r, servizi)),
      needs,
    });
  }
  return { definitions, problems };
}
