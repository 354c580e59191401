import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetSchema, FieldSchema } from '../../src/schemas/load-schemas.js';
import { createAjv } from '../../src/schemas/load-schemas.js';
import type { Problem } from '../../src/types.js';
import { parseTable } from '../../src/ingest/read-table.js';
import { validateTable } from '../../src/validate/validate-table.js';
import { checkForeignKey, checkKeys } from '../../src/validate/keys.js';
import { buildReport } from '../../src/validate/report.js';
import { fixturesDir } from '../helpers/paths.js';

// The frictionless-py fixtures that need a schema, run through our schema stage. Their Table Schemas
// are translated into our form (a JSON Schema for one row plus table-level keys) by the adapter below.

const dataDir = path.join(fixturesDir, 'frictionless-py/data');

interface TableSchema {
  fields: {
    name: string;
    type: string;
    constraints?: { required?: boolean; unique?: boolean; minimum?: string | number; maximum?: string | number; enum?: string[] };
  }[];
  primaryKey?: string | string[];
}

function adapt(table: TableSchema): DatasetSchema {
  const properties: Record<string, FieldSchema> = {};
  for (const f of table.fields) {
    const c = f.constraints ?? {};
    const field: FieldSchema = { type: f.type === 'integer' || f.type === 'number' || f.type === 'boolean' ? f.type : 'string' };
    if (c.minimum !== undefined) field.minimum = Number(c.minimum);
    if (c.maximum !== undefined) field.maximum = Number(c.maximum);
    if (c.enum && f.type !== 'number') field.enum = c.enum;
    properties[f.name] = field;
  }
  const key = table.primaryKey === undefined ? undefined : Array.isArray(table.primaryKey) ? table.primaryKey : [table.primaryKey];
  return {
    $id: 'https://bilancio.local/test/frictionless',
    title: 'frictionless',
    description: '',
    properties,
    required: table.fields.filter((f) => f.constraints?.required).map((f) => f.name),
    ...(key ? { 'x-primaryKey': key } : {}),
    'x-unique': table.fields.filter((f) => f.constraints?.unique).map((f) => f.name),
  };
}

function validate(csvName: string, table: TableSchema, foreignKey?: { field: string; reference: string }) {
  const schema = adapt(table);
  const ajv = createAjv();
  const validateRow = ajv.compile({ type: 'object', properties: schema.properties, required: schema.required });
  const raw = parseTable(readFileSync(path.join(dataDir, csvName)), csvName);
  const result = validateTable(raw, {
    dataset: 'test',
    schema,
    quartieri: null,
    validateRow: (row) => validateRow(row) as boolean,
    rowErrors: () => validateRow.errors,
  });
  const keys = checkKeys(result.rows, schema);
  const extra: Problem[] = [...keys.problems];
  if (foreignKey) {
    const known = new Set(result.rows.map((r) => String(r.values[foreignKey.reference])));
    extra.push(...checkForeignKey(result.rows, foreignKey.field, known, 'test').problems);
  }
  const report = buildReport(
    [{ table: raw, dataset: 'test', rowsRead: result.rowsRead, columns: result.columns, problems: result.problems }],
    extra,
  );
  const file = report.files[0]!;
  return { report, errors: file.errors.map((p) => [p.code, p.row, p.column] as const) };
}

const json = (name: string) => JSON.parse(readFileSync(path.join(dataDir, name), 'utf8')) as TableSchema;

describe('frictionless fixtures with a schema', () => {
  it('schema-errors.csv: type-error then two required values missing at row 4', () => {
    const { errors } = validate('schema-errors.csv', json('schema-valid.json'));
    expect(errors.slice(0, 3)).toEqual([
      ['type-error', 4, 1],
      ['constraint-error', 4, 2],
      ['constraint-error', 4, 3],
    ]);
  });

  it('unique-field.csv: unique-error and primary-key at row 10', () => {
    const { errors } = validate('unique-field.csv', json('unique-field.json'));
    expect(errors).toEqual(
      expect.arrayContaining([
        ['unique-error', 10, 1],
        ['primary-key', 10, 1],
      ]),
    );
    expect(errors).toHaveLength(2);
  });

  it('nested-invalid.csv: the self-referencing foreign key fails at row 6', () => {
    const schema: TableSchema = {
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'cat', type: 'integer' },
        { name: 'name', type: 'string' },
      ],
    };
    const { errors } = validate('nested-invalid.csv', schema, { field: 'cat', reference: 'id' });
    expect(errors).toEqual([['foreign-key', 6, 2]]);
  });

  it('capital-invalid.csv: the five errors upstream lists, type-error included', () => {
    const schema: TableSchema = {
      fields: [
        { name: 'id', type: 'integer' },
        { name: 'name', type: 'string' },
      ],
    };
    const { errors } = validate('capital-invalid.csv', schema);
    expect(errors.map((e) => e[0]).sort()).toEqual(['blank-row', 'duplicate-label', 'extra-cell', 'missing-cell', 'type-error']);
    expect(errors).toContainEqual(['type-error', 12, 1]);
    const valid = validate('capital-valid.csv', schema);
    expect(valid.report.valid).toBe(true);
    expect(valid.report.summary.rows).toBe(5);
  });

  it('duplicate-column.csv: a repeated label is an error, not a silent overwrite', () => {
    const { errors } = validate('duplicate-column.csv', json('duplicate-column-schema.json'));
    expect(errors).toEqual([['duplicate-label', 1, 3]]);
  });

  it('number-test.csv: NaN, INF, 95% against number constraints end in a report, not a crash', () => {
    const pkg = JSON.parse(readFileSync(path.join(dataDir, 'number/datapackage.json'), 'utf8'));
    const { report, errors } = validate('number/number-test.csv', pkg.resources[0].schema);
    expect(report.valid).toBe(false);
    expect(errors.filter((e) => e[0] === 'type-error').length).toBeGreaterThan(5);
  });
});
