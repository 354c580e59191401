import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateBytes } from '../helpers/brescia-catalogues.js';

// Whatever a partner sends, validation ends in a report: never an exception.

const HEADER = 'anno;codice_quartiere;codice_servizio;codice_ente;utenti\r\n';

describe('validation never throws', () => {
  it('on random bytes, random text and truncated files, for every dataset', async () => {
    const datasets = ['erogazioni', 'popolazione', 'famiglie', 'voci', 'questionario', 'quartieri'];
    const valid = Buffer.from(`${HEADER}2024;17029018;SAD;comune;12\r\n2024;"S. Eufemia";NIDO;comune;3\r\n`);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.string({ maxLength: 300 }).map((s) => Buffer.from(s, 'utf8')),
          fc.integer({ min: 0, max: valid.length }).map((n) => valid.subarray(0, n)),
          fc.string({ maxLength: 200 }).map((s) => Buffer.from(HEADER + s, 'latin1')),
        ),
        fc.constantFrom(...datasets),
        fc.constantFrom('x.csv', 'x.json'),
        async (bytes, dataset, name) => {
          const report = await validateBytes(new Uint8Array(bytes), `${dataset}_${name}`, dataset);
          expect(report.files).toHaveLength(1);
          expect(typeof report.valid).toBe('boolean');
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });

  it('an empty file and a header-only file end in a report', async () => {
    const empty = await validateBytes(new Uint8Array(), 'erogazioni_vuoto.csv', 'erogazioni');
    expect(empty.valid).toBe(false);
    expect(empty.files[0]!.errors[0]!.code).toBe('source-error');
    const headerOnly = await validateBytes(Buffer.from(HEADER), 'erogazioni_intestazione.csv', 'erogazioni');
    expect(headerOnly.valid).toBe(true);
    expect(headerOnly.summary.rows).toBe(0);
  });

  it('a 50 MB single field ends in a report: the line is refused at its row, naming the limit', async () => {
    const huge = Buffer.concat([
      Buffer.from(`${HEADER}2024;17029018;SAD;comune;`),
      Buffer.alloc(50 * 1024 * 1024, 0x39),
      Buffer.from('x\r\n'),
    ]);
    const report = await validateBytes(huge, 'erogazioni_enorme.csv', 'erogazioni');
    expect(report.files[0]!.errors[0]).toMatchObject({ code: 'source-error', row: 2, expected: '1.000.000' });
    // The message must not carry 50 MB into a report.
    expect(report.files[0]!.errors[0]!.message.length).toBeLessThan(500);
  }, 60_000);

  it('a 900,000-character field ends in a type-error whose message quotes it clipped', async () => {
    const long = Buffer.concat([Buffer.from(`${HEADER}2024;17029018;SAD;comune;`), Buffer.alloc(900_000, 0x39), Buffer.from('x\r\n')]);
    const report = await validateBytes(long, 'erogazioni_lunga.csv', 'erogazioni');
    expect(report.files[0]!.errors[0]).toMatchObject({ code: 'type-error', row: 2, column: 5 });
    expect(report.files[0]!.errors[0]!.message.length).toBeLessThan(500);
  });
});
