import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

/** The JSON Schemas folder shipped with the tool (`schemas/` at the package root). */
export const schemasDir = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** A foreign key as the schemas declare it (Frictionless's shape). */
export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

/** A property of a dataset schema, the subset the tool reads. */
export interface FieldSchema {
  type?: string | string[];
  enum?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  minLength?: number;
  format?: string;
  description?: string;
  'x-quartiere'?: boolean;
}

/** A dataset schema: a JSON Schema for one row plus the table-level keys. */
export interface DatasetSchema {
  $id: string;
  title: string;
  description: string;
  properties: Record<string, FieldSchema>;
  required: string[];
  'x-primaryKey'?: string[];
  'x-foreignKeys'?: ForeignKey[];
  'x-unique'?: string[];
  'x-count'?: string;
}

/** The datasets, each with its schema and its compiled row validator. */
export interface SchemaSet {
  datasets: Map<string, { schema: DatasetSchema; validateRow: ValidateFunction }>;
  config: ValidateFunction;
  manifest: ValidateFunction;
  indicatori?: ValidateFunction;
}

const tableKeywords = ['x-primaryKey', 'x-foreignKeys', 'x-unique', 'x-count', 'x-quartiere'];

/** One shared Ajv instance: strict, all errors, our table-level keywords declared as annotations. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addVocabulary(tableKeywords);
  // `format: date` is checked here instead of pulling in ajv-formats for one format.
  ajv.addFormat('date', {
    type: 'string',
    validate: (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)),
  });
  return ajv;
}

let cached: SchemaSet | undefined;

/** Reads and compiles every schema in `schemas/` once per process. */
export function loadSchemas(dir = schemasDir): SchemaSet {
  if (cached && dir === schemasDir) return cached;
  const ajv = createAjv();
  const datasets: SchemaSet['datasets'] = new Map();
  const special = new Map<string, ValidateFunction>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.schema.json')) continue;
    const name = file.slice(0, -'.schema.json'.length);
    const schema = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as DatasetSchema;
    const validate = ajv.compile(schema);
    if (name === 'config' || name === 'manifest' || name === 'indicatori') special.set(name, validate);
    else datasets.set(name, { schema, validateRow: validate });
  }
  const set: SchemaSet = {
    datasets,
    config: special.get('config')!,
    manifest: special.get('manifest')!,
    indicatori: special.get('indicatori'),
  };
  if (dir === schemasDir) cached = set;
  return set;
}
