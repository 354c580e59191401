import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

// The installed command (dist/) reads the validators the build generated from schemas/ instead of
// compiling them at start-up; they must behave as the compiled ones, and give way when a schema changes.

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
interface LoadSchemas {
  loadSchemas(dir?: string): { datasets: Map<string, { validateRow: Validate }>; config: Validate; manifest: Validate };
  createAjv(): { compile(schema: unknown): Validate };
  readSchemaFiles(dir: string): Array<{ name: string; text: string }>;
  schemasHash(files: Array<{ name: string; text: string }>): string;
  schemasDir: string;
  PRECOMPILED_FILE: string;
}

const dist = (await import(new URL('../../dist/schemas/load-schemas.js', import.meta.url).href)) as LoadSchemas;
const generated = createRequire(import.meta.url)(dist.PRECOMPILED_FILE) as { validators: Record<string, Validate>; SCHEMAS_HASH: string };

describe('precompiled validators', () => {
  it('are what the shipped schemas load as', () => {
    const set = dist.loadSchemas();
    expect(set.config).toBe(generated.validators['config']);
    expect(set.datasets.get('popolazione')!.validateRow).toBe(generated.validators['popolazione']);
  });

  it('accept and refuse exactly what the compiled schemas do, with the same errors', () => {
    const ajv = dist.createAjv();
    const files = dist.readSchemaFiles(dist.schemasDir);
    const compiled = new Map(files.map(({ name, text }) => [name, ajv.compile(JSON.parse(text))]));
    // Rows of plausible shapes: known field names with values of every kind, dates good and bad.
    const fields = [...new Set(files.flatMap(({ text }) => Object.keys((JSON.parse(text) as { properties?: object }).properties ?? {})))];
    const value = fc.oneof(
      fc.integer({ min: -5, max: 200_000 }),
      fc.double({ noNaN: true }),
      fc.string(),
      fc.constantFrom('2024-12-31', '2024-02-30', 'ND', '17029001', ''),
      fc.constant(null),
    );
    const row = fc.dictionary(fc.constantFrom(...fields), value);
    fc.assert(
      fc.property(fc.constantFrom(...files.map((f) => f.name)), row, (name, data) => {
        const ours = generated.validators[name]!;
        const theirs = compiled.get(name)!;
        expect(ours(data)).toBe(theirs(data));
        expect(ours.errors ?? null).toEqual(theirs.errors ?? null);
      }),
      { numRuns: 2000 },
    );
  });

  it('give way to compiling when a schema is not the one they were made from', () => {
    // loadSchemas takes them only when the shipped schemas hash to what they were generated from.
    const files = dist.readSchemaFiles(dist.schemasDir);
    expect(dist.schemasHash(files)).toBe(generated.SCHEMAS_HASH);
    const edited = files.map((f) => (f.name === 'famiglie' ? { ...f, text: f.text.replace('"minimum": 0', '"minimum": 1') } : f));
    expect(edited.find((f) => f.name === 'famiglie')!.text).not.toBe(files.find((f) => f.name === 'famiglie')!.text);
    expect(dist.schemasHash(edited)).not.toBe(generated.SCHEMAS_HASH);
  });
});
