import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { Options, ValidateFunction } from 'ajv';
import { isDate } from './date-format.js';

export { isDate };

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
  /** catalogo/sintesi.json: the rules of the Sintesi and of the areas' points of attention. */
  sintesi?: ValidateFunction;
}

const tableKeywords = ['x-primaryKey', 'x-foreignKeys', 'x-unique', 'x-count', 'x-quartiere'];

const require = createRequire(import.meta.url);

/** One shared Ajv instance: strict, all errors, our table-level keywords declared as annotations. */
export function createAjv(extra: Options = {}): Ajv2020 {
  // Loaded here, not on import: a build with the precompiled validators never needs Ajv's compiler.
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, ...extra });
  ajv.addVocabulary(tableKeywords);
  ajv.addFormat('date', { type: 'string', validate: isDate });
  return ajv;
}

/** The schema files of a folder, by name (file name without `.schema.json`), in name order. */
export function readSchemaFiles(dir: string): Array<{ name: string; text: string }> {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.schema.json'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.schema.json'.length), text: readFileSync(path.join(dir, file), 'utf8') }));
}

/** What the precompiled validators were generated from: every schema's name and text. */
export function schemasHash(files: Array<{ name: string; text: string }>): string {
  const hash = createHash('sha256');
  for (const { name, text } of files) hash.update(`${name}\0${text}\0`);
  return hash.digest('hex');
}

/** Where the build writes the validators generated from `schemas/` (see precompile.ts). */
export const PRECOMPILED_FILE = fileURLToPath(new URL('./precompiled.cjs', import.meta.url));

/** The precompiled validators when they were generated from exactly these schemas; else undefined. */
function precompiled(hash: string): Record<string, ValidateFunction> | undefined {
  if (!existsSync(PRECOMPILED_FILE)) return undefined;
  const module = require(PRECOMPILED_FILE) as { SCHEMAS_HASH?: string; validators?: Record<string, ValidateFunction> };
  return module.SCHEMAS_HASH === hash ? module.validators : undefined;
}

let cached: SchemaSet | undefined;

/** Reads every schema of `dir` with its validator (the build's generated code, or compiled here); once per process for `schemas/`. */
export function loadSchemas(dir = schemasDir): SchemaSet {
  if (cached && dir === schemasDir) return cached;
  const files = readSchemaFiles(dir);
  // The build's validators (generated code, no compiling) serve the shipped schemas as they are;
  // any other folder, or an edited schema, is compiled here.
  const ready = dir === schemasDir ? precompiled(schemasHash(files)) : undefined;
  let ajv: Ajv2020 | undefined;
  const datasets: SchemaSet['datasets'] = new Map();
  const special = new Map<string, ValidateFunction>();
  for (const { name, text } of files) {
    const schema = JSON.parse(text) as DatasetSchema;
    const validate = ready?.[name] ?? (ajv ??= createAjv()).compile(schema);
    if (name === 'config' || name === 'manifest' || name === 'indicatori' || name === 'sintesi') special.set(name, validate);
    else datasets.set(name, { schema, validateRow: validate });
  }
  const set: SchemaSet = {
    datasets,
    config: special.get('config')!,
    manifest: special.get('manifest')!,
    indicatori: special.get('indicatori'),
    sintesi: special.get('sintesi'),
  };
  if (dir === schemasDir) cached = set;
  return set;
}
