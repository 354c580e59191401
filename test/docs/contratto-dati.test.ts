// docs/contratto-dati.md against schemas/: every schema has its column table in the document, with the same
// fields, types, required columns and allowed values, so the document and the schemas cannot drift apart.
// A table belongs to a schema through the comment `<!-- schema: <name> -->` just above it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

interface PropertySchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: PropertySchema;
  oneOf?: PropertySchema[];
}

interface DocumentedField {
  name: string;
  type: string;
  required: string;
  allowed: string;
}

const documentFile = path.join(repoRoot, 'docs/contratto-dati.md');
const schemasDir = path.join(repoRoot, 'schemas');
const document = readFileSync(documentFile, 'utf8');

/** Each schema's row properties and required list (an array schema, like indicatori, by its items). */
const schemas = readdirSync(schemasDir)
  .filter((name) => name.endsWith('.schema.json'))
  .sort()
  .map((file) => {
    const json = JSON.parse(readFileSync(path.join(schemasDir, file), 'utf8')) as {
      properties?: Record<string, PropertySchema>;
      required?: string[];
      items?: { properties?: Record<string, PropertySchema>; required?: string[] };
    };
    const row = json.items ?? json;
    return { name: file.replace(/\.schema\.json$/, ''), properties: row.properties ?? {}, required: row.required ?? [] };
  });

/** The column tables of the document, by the schema named in the comment above each. */
function documentedTables(): Map<string, DocumentedField[]> {
  const tables = new Map<string, DocumentedField[]>();
  const lines = document.split('\n');
  lines.forEach((line, index) => {
    const marker = /^<!-- schema: ([a-z_]+) -->$/.exec(line.trim());
    if (!marker) return;
    const fields: DocumentedField[] = [];
    // The header and the |---| line, then one row per field until the table ends.
    for (let i = index + 3; i < lines.length && lines[i]!.startsWith('|'); i++) {
      const cells = lines[i]!.split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      fields.push({ name: cells[0]!.replace(/^`|`$/g, ''), type: cells[1] ?? '', required: cells[2] ?? '', allowed: cells[3] ?? '' });
    }
    if (tables.has(marker[1]!)) throw new Error(`two tables for schema ${marker[1]}`);
    tables.set(marker[1]!, fields);
  });
  return tables;
}

/** The document's word for a property's type. */
function typeWord(property: PropertySchema): string {
  if (property.oneOf) return typeWord(property.oneOf[0]!);
  const declared = (Array.isArray(property.type) ? property.type.filter((t) => t !== 'null') : [property.type])[0];
  if (declared === 'array' && property.items) return typeWord(property.items);
  if (declared === 'integer') return 'intero';
  if (declared === 'number') return 'numero';
  if (declared === 'boolean') return 'sì/no';
  if (declared === 'object') return 'oggetto';
  return property.format === 'date' ? 'data' : 'testo';
}

describe('docs/contratto-dati.md describes every schema of schemas/', () => {
  const tables = documentedTables();

  it('finds the schemas and the tables', () => {
    expect(schemas.length).toBeGreaterThan(10);
    expect(tables.size).toBeGreaterThan(10);
  });

  it('has a table for each schema, and no table for a schema that does not exist', () => {
    expect([...tables.keys()].sort()).toEqual(schemas.map((s) => s.name));
  });

  for (const schema of schemas) {
    describe(`schemas/${schema.name}.schema.json`, () => {
      const fields = tables.get(schema.name) ?? [];
      const byName = new Map(fields.map((field) => [field.name, field]));

      it('the same fields, each once', () => {
        expect(fields.map((f) => f.name).sort()).toEqual(Object.keys(schema.properties).sort());
      });

      it('the same type of each field', () => {
        const types = Object.keys(schema.properties).map((name) => [name, byName.get(name)?.type]);
        expect(types).toEqual(Object.entries(schema.properties).map(([name, property]) => [name, typeWord(property)]));
      });

      it('the same required fields ("sì" in obbl.)', () => {
        const required = fields
          .filter((f) => f.required === 'sì')
          .map((f) => f.name)
          .sort();
        expect(required).toEqual([...schema.required].sort());
        expect(fields.filter((f) => f.required !== 'sì' && f.required !== 'no').map((f) => f.name)).toEqual([]);
      });

      it('every allowed value of an enum, written as `code`', () => {
        const missing = Object.entries(schema.properties).flatMap(([name, property]) =>
          (property.enum ?? [])
            .filter((value) => !byName.get(name)?.allowed.includes(`\`${String(value)}\``))
            .map((value) => `${name}: ${String(value)}`),
        );
        expect(missing).toEqual([]);
      });
    });
  }
});
