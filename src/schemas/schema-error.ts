import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import type { Problem } from '../types.js';
import { joinWords, phrase, type Bilingual, type Words } from '../i18n.js';
import { schemasDir } from './load-schemas.js';

// Ajv's errors in the words of the person who wrote the file: the key that is not expected and the keys
// that are, the value that is not allowed and the allowed ones, the type in plain words. Ajv's own English
// text is the last resort, for keywords bilancio's schemas do not use.

const TYPES: Record<string, Bilingual> = {
  string: { it: 'un testo', en: 'a text' },
  number: { it: 'un numero', en: 'a number' },
  integer: { it: 'un numero intero', en: 'a whole number' },
  boolean: { it: 'vero o falso (true o false)', en: 'true or false' },
  object: { it: 'un oggetto { … }', en: 'an object { … }' },
  array: { it: 'un elenco [ … ]', en: 'a list [ … ]' },
  null: { it: 'vuoto (null)', en: 'empty (null)' },
};

const list = (values: unknown[]) => values.map((v) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v))).join(', ');

/** The sub-schema an error's schemaPath points at (`#/properties/regole/additionalProperties` → its parent object). */
function schemaAt(root: unknown, schemaPath: string): Record<string, unknown> | null {
  let node: unknown = root;
  const parts = schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean);
  // The last part is the keyword itself: its parent holds `properties`, `enum`, `description`.
  for (const part of parts.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : null;
}

const cache = new Map<string, unknown>();
/** A schema of schemas/ by name (config, indicatori, manifest…), read once. */
export function schemaNamed(name: string): unknown {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(path.join(schemasDir, `${name}.schema.json`), 'utf8')));
  return cache.get(name);
}

/** What an Ajv error says, for a person; `schema` (the root schema) lets it list the keys that are allowed. */
export function schemaErrorDetail(error: ErrorObject, schema?: unknown): Words {
  const params = error.params as Record<string, unknown>;
  const at = schema === undefined ? null : schemaAt(schema, error.schemaPath);
  switch (error.keyword) {
    case 'format':
      if (params.format === 'date') {
        return phrase({
          it: 'non è una data del calendario nel formato AAAA-MM-GG (per esempio il 31 febbraio non esiste)',
          en: 'is not a calendar date written YYYY-MM-DD (for example 31 February does not exist)',
        });
      }
      return phrase({ it: 'non ha il formato {format}', en: 'is not in the {format} format' }, { format: String(params.format) });
    case 'additionalProperties': {
      const allowed = Object.keys((at?.properties as Record<string, unknown> | undefined) ?? {});
      return phrase(
        {
          it: 'la chiave "{key}" non è prevista{allowed}',
          en: 'the key "{key}" is not expected{allowed}',
        },
        {
          key: String(params.additionalProperty),
          allowed: allowed.length ? phrase({ it: ' (previste: {list})', en: ' (expected: {list})' }, { list: allowed.join(', ') }) : '',
        },
      );
    }
    case 'required':
      return phrase(
        { it: 'manca la chiave "{key}", obbligatoria', en: 'the required key "{key}" is missing' },
        { key: String(params.missingProperty) },
      );
    case 'enum':
      return phrase(
        { it: 'il valore non è tra quelli ammessi: {list}', en: 'the value is not one of the allowed ones: {list}' },
        { list: list((params.allowedValues as unknown[]) ?? []) },
      );
    case 'const':
      return phrase({ it: 'deve essere {value}', en: 'must be {value}' }, { value: list([params.allowedValue]) });
    case 'type': {
      const types = String(params.type)
        .split(',')
        .map((x) => phrase(TYPES[x] ?? { it: x, en: x }));
      return phrase({ it: 'deve essere {types}', en: 'must be {types}' }, { types: joinWords(types, phrase({ it: ' o ', en: ' or ' })) });
    }
    case 'pattern': {
      const description = typeof at?.description === 'string' ? at.description : null;
      return description
        ? phrase({ it: 'non ha la forma attesa: {description}', en: 'does not have the expected form: {description}' }, { description })
        : phrase(
            { it: 'non ha la forma attesa ({pattern})', en: 'does not have the expected form ({pattern})' },
            { pattern: String(params.pattern) },
          );
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const words: Record<string, Bilingual> = {
        minimum: { it: 'deve essere almeno {limit}', en: 'must be at least {limit}' },
        exclusiveMinimum: { it: 'deve essere più di {limit}', en: 'must be more than {limit}' },
        maximum: { it: 'deve essere al massimo {limit}', en: 'must be at most {limit}' },
        exclusiveMaximum: { it: 'deve essere meno di {limit}', en: 'must be less than {limit}' },
      };
      return phrase(words[error.keyword]!, { limit: String(params.limit) });
    }
    case 'minLength':
      return Number(params.limit) <= 1
        ? phrase({ it: 'non può essere vuoto', en: 'cannot be empty' })
        : phrase(
            { it: 'deve avere almeno {limit} caratteri', en: 'must have at least {limit} characters' },
            { limit: String(params.limit) },
          );
    case 'minItems':
      return phrase(
        { it: 'deve elencare almeno {limit} elementi', en: 'must list at least {limit} items' },
        { limit: String(params.limit) },
      );
    default:
      return error.message ?? '';
  }
}

/**
 * The problems of a JSON file checked against one of schemas/ (config, manifest): one per Ajv error, at the
 * key it concerns (`regole.utenti_target`, or the missing key), worded as "<what>{where}: <detail>".
 */
export function schemaProblems(errors: readonly ErrorObject[], file: string, schema: string, what: Bilingual): Problem[] {
  return errors.map((error): Problem => {
    const field =
      error.instancePath.replace(/^\//, '').replace(/\//g, '.') ||
      (error.params as { missingProperty?: string }).missingProperty ||
      undefined;
    return {
      code: 'constraint-error',
      severity: 'error',
      file,
      field,
      message: phrase(what, { where: field ? ` (${field})` : '', detail: schemaErrorDetail(error, schemaNamed(schema)) }),
    };
  });
}
