import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/types.js';
import { encode, validateBytes } from '../helpers/brescia-catalogues.js';

// Realistic broken partner files, one per problem code: each must be pointed at the row and column a
// person sees in Excel, whatever the encoding and delimiter the partner's Excel used.

const HEADER = ['anno', 'codice_quartiere', 'codice_servizio', 'codice_ente', 'utenti', 'spesa_euro'];
const GOOD = ['2024', '17029018', 'SAD', 'comune', '12', '1.234,50'];

interface Case {
  code: Problem['code'];
  rows: string[][];
  row: number | undefined;
  column: number | undefined;
  severity?: Problem['severity'];
  dataset?: string;
  /** Whether the file as a whole is valid (default: valid only when the problem is a warning). */
  valid?: boolean;
}

const cases: Case[] = [
  { code: 'blank-label', rows: [[...HEADER.slice(0, 5), ''], GOOD], row: 1, column: 6 },
  {
    code: 'duplicate-label',
    rows: [
      [...HEADER, 'utenti'],
      [...GOOD, '3'],
    ],
    row: 1,
    column: 7,
  },
  { code: 'missing-label', rows: [HEADER.filter((h) => h !== 'utenti'), GOOD.filter((_, i) => i !== 4)], row: 1, column: undefined },
  {
    code: 'extra-label',
    rows: [
      [...HEADER, 'note'],
      [...GOOD, 'ok'],
    ],
    row: 1,
    column: 7,
    severity: 'warning',
  },
  {
    code: 'blank-row',
    rows: [HEADER, GOOD, ['', '', '', '', '', ''], ['2024', '17029002', 'SAD', 'comune', '3', '10']],
    row: 3,
    column: undefined,
  },
  { code: 'extra-cell', rows: [HEADER, [...GOOD, 'in più']], row: 2, column: 7 },
  { code: 'missing-cell', rows: [HEADER, GOOD.slice(0, 5)], row: 2, column: 6 },
  { code: 'type-error', rows: [HEADER, GOOD, ['2024', '17029002', 'SAD', 'comune', 'dodici', '10']], row: 3, column: 5 },
  { code: 'constraint-error', rows: [HEADER, ['2024', '17029002', 'SAD', 'comune', '-4', '10']], row: 2, column: 5 },
  { code: 'primary-key', rows: [HEADER, GOOD, ['2024', '18', 'SAD', 'comune', '7', '10']], row: 3, column: undefined },
  // A repeated row is also a repeated key: the file is invalid, and both are said.
  {
    code: 'duplicate-row',
    rows: [HEADER, GOOD, ['2024', '17029002', 'SAD', 'comune', '3', '10'], GOOD],
    row: 4,
    column: undefined,
    severity: 'warning',
    valid: false,
  },
  { code: 'foreign-key', rows: [HEADER, ['2024', '17029002', 'ASILO', 'comune', '3', '10']], row: 2, column: 3 },
  { code: 'foreign-key', rows: [HEADER, ['2024', 'Città Alta', 'SAD', 'comune', '3', '10']], row: 2, column: 2 },
  { code: 'quartiere-match', rows: [HEADER, ['2024', 'S. Eufemia', 'SAD', 'comune', '3', '10']], row: 2, column: 2, severity: 'warning' },
  {
    code: 'unique-error',
    dataset: 'quartieri',
    rows: [
      ['codice_quartiere', 'numero', 'quartiere', 'codice_zona', 'zona'],
      ['X1', '1', 'Uno', 'nord', 'Nord'],
      ['X2', '1', 'Due', 'nord', 'Nord'],
    ],
    row: 3,
    column: 2,
  },
];

function csv(rows: string[][], delimiter: string): string {
  const quote = (cell: string) => (cell.includes(delimiter) || cell.includes('"') ? `"${cell.replace(/"/g, '""')}"` : cell);
  return `${rows.map((r) => r.map(quote).join(delimiter)).join('\r\n')}\r\n`;
}

// Excel exports often carry a title above the header; its accents also tell the encodings apart.
const TITLE = 'Attività 2024 – Città di Brescia (€)';

/** The file as a partner sends it: a title row, then the table; rows shift down by one. */
function partnerFile(rows: string[][], delimiter: string): string {
  return csv([[TITLE, ...new Array<string>(rows[0]!.length - 1).fill('')], ...rows], delimiter);
}

const variants = [
  { encoding: 'windows-1252', delimiter: ';' },
  { encoding: 'utf-8-bom', delimiter: ',' },
] as const;

describe.each(variants)('a partner file in $encoding with "$delimiter"', ({ encoding, delimiter }) => {
  it.each(cases.map((c) => [`${c.code} at row ${c.row ?? '—'} of the table, column ${c.column ?? '—'}`, c] as const))(
    '%s',
    async (_, c) => {
      // Italian text in the file proves the encoding was read right: the value is echoed in messages.
      const report = await validateBytes(
        encode(partnerFile(c.rows, delimiter), encoding),
        `${c.dataset ?? 'erogazioni'}_prova.csv`,
        c.dataset ?? 'erogazioni',
      );
      const file = report.files[0]!;
      expect(file.encoding).toBe(encoding === 'windows-1252' ? 'windows-1252' : 'utf-8-bom');
      expect(file.delimiter).toBe(delimiter);
      const problems = [...file.errors, ...file.warnings].filter((p) => p.code === c.code);
      expect(problems, JSON.stringify([...file.errors, ...file.warnings].map((p) => p.code))).not.toHaveLength(0);
      const problem = problems[0]!;
      expect(problem.row).toBe(c.row === undefined ? undefined : c.row + 1);
      expect(problem.column).toBe(c.column);
      expect(problem.severity).toBe(c.severity ?? 'error');
      expect(problem.message.length).toBeGreaterThan(20);
      expect(report.valid).toBe(c.valid ?? (c.severity ?? 'error') === 'warning');
    },
  );
});

describe('reading problems', () => {
  it('bytes that no supported encoding can hold are an encoding-error at their row', async () => {
    const bytes = Buffer.concat([
      Buffer.from(csv([HEADER, GOOD], ';'), 'latin1'),
      Buffer.from([0x32, 0x30, 0x32, 0x34, 0x3b, 0x81, 0x0d, 0x0a]),
    ]);
    const report = await validateBytes(bytes, 'erogazioni_rotto.csv', 'erogazioni');
    expect(report.files[0]!.errors[0]).toMatchObject({ code: 'encoding-error', row: 3 });
  });

  it('an unclosed quote is a source-error, with the row where the quote opens', async () => {
    const text = `${csv([HEADER, GOOD], ';')}2024;"17029002;SAD;comune;3;10\r\n`;
    const report = await validateBytes(encode(text, 'windows-1252'), 'erogazioni_virgolette.csv', 'erogazioni');
    expect(report.files[0]!.errors[0]).toMatchObject({ code: 'source-error', row: 3 });
  });

  it('comma decimals and thousands are read as the partner meant', async () => {
    const report = await validateBytes(
      encode(csv([HEADER, GOOD, ['2024', '17029002', 'SAD', 'comune', '3', '10,5']], ';'), 'windows-1252'),
      'erogazioni_ok.csv',
      'erogazioni',
    );
    expect(report.valid).toBe(true);
    expect(report.files[0]!.warnings).toEqual([]);
  });

  it('messages are in English with lang en', async () => {
    const report = await validateBytes(
      encode(csv([HEADER, ['2024', '17029002', 'SAD', 'comune', 'dodici', '10']], ','), 'utf-8-bom'),
      'erogazioni_en.csv',
      'erogazioni',
      'en',
    );
    expect(report.files[0]!.errors[0]!.message).toBe('Row 2, column E ("utenti"): "dodici" is not a whole number.');
  });
});
