// The streamed reader (fast tokenizer + readQuotedCsv for anything unusual) against parseTable, the
// whole-file path, on the csv-spectrum and frictionless suites and our own fixtures: same header,
// rows, row numbers, dialect and reading problems, so the same structure checks, whatever the chunk size.
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTable } from '../../src/ingest/read-table.js';
import { streamTable, type StreamTableOptions } from '../../src/ingest/stream/stream-table.js';
import { checkStructure } from '../../src/validate/structure.js';
import type { RawTable } from '../../src/types.js';
import { bytesOf, FIXTURES, FRICTIONLESS, SPECTRUM } from './helpers.js';

/** A file streamed into the RawTable parseTable would give: every row as text (the fast path declines). */
async function streamed(file: string, options: Partial<StreamTableOptions> = {}): Promise<RawTable> {
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let header: string[] = [];
  const result = await streamTable(
    file,
    { displayPath: path.basename(file), ...options },
    {
      start: (labels) => {
        header = labels;
      },
      plain: () => false,
      cells: (cells, row) => {
        rows.push(cells);
        rowNumbers.push(row);
      },
      blank: () => {},
    },
  );
  return {
    file: path.basename(file),
    dialect: result.dialect,
    header: result.header.length ? result.header : header,
    rows,
    rowNumbers,
    problems: result.problem ? [result.problem, ...result.problems] : result.problems,
  };
}

function parsed(file: string, options: { encoding?: 'utf-8' } = {}): RawTable {
  return parseTable(bytesOf(file), path.basename(file), options);
}

/**
 * What both paths must agree on (a file with a reading error that stops the reading is an unread table
 * in parseTable, while a stream has read its start; an error at a cell, such as a misplaced quote, stops nothing).
 */
function shape(table: RawTable) {
  const failed = table.problems.some((p) => p.severity === 'error' && p.column === undefined);
  return {
    header: failed ? [] : table.header,
    rows: failed ? [] : table.rows,
    rowNumbers: failed ? [] : table.rowNumbers,
    dialect: failed ? { encoding: undefined } : table.dialect,
    // A reading stopped by an error is compared by that error: the stream may have met more before it.
    problems: table.problems
      .filter((p) => !failed || (p.severity === 'error' && p.column === undefined))
      .map((p) => [p.code, p.severity, p.row, p.column, p.value, p.message]),
  };
}

const csvFiles = (dir: string) =>
  readdirSync(dir)
    .filter((n) => /\.(csv|tsv|txt)$/.test(n))
    .sort()
    .map((n) => path.join(dir, n));
const suites = [...csvFiles(`${SPECTRUM}csvs`), `${SPECTRUM}history-0.1.0/latin1.csv`, ...csvFiles(FRICTIONLESS), ...csvFiles(FIXTURES)];

describe('streamed reading equals parseTable on every suite file', () => {
  it('finds the suites', () => {
    expect(suites.length).toBeGreaterThan(50);
  });

  // Tiny chunks put a chunk boundary inside every field, quote and CRLF; 1 MiB reads each file whole.
  for (const chunkSize of [7, 64, 1024 * 1024]) {
    for (const file of suites) {
      it(`${path.relative(path.dirname(SPECTRUM), file)} in chunks of ${chunkSize} bytes`, async () => {
        const expected = parsed(file);
        const actual = await streamed(file, { chunkSize });
        expect(shape(actual)).toEqual(shape(expected));
        if (!expected.problems.length) {
          const structure = (table: RawTable) => checkStructure(table, { duplicateRows: false });
          expect(structure(actual)).toEqual(structure(expected));
        }
      });
    }
  }

  it('a forced encoding gives the same encoding-error at the same row', async () => {
    const file = `${FRICTIONLESS}latin1.csv`;
    const actual = await streamed(file, { encoding: 'utf-8', chunkSize: 16 });
    expect(shape(actual).problems).toEqual(shape(parsed(file, { encoding: 'utf-8' })).problems);
  });
});

describe('streamed reading of what Excel and Anagrafe exports hold', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bilancio-stream-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const cases: [string, string | Uint8Array][] = [
    ['quoted fields with ; and line breaks', 'a;b;c\r\n1;"x;y";2\r\n3;"due\r\nrighe";4\r\n5;6;7\r\n'],
    ['a lone CR ending some lines', 'a;b\r1;2\r\n3;4\n5;6\r'],
    ['title rows and blank lines', 'Residenti 2024;;\n\na;b;c\n1;2;3\n\n\n4;5;6\n;;\n7;8;9\n\n'],
    ['a bare quote inside a field', 'a,b\n37°36\'37.8"N,2\n3,4\n'],
    ['an unclosed quote', 'a,b\n1,2\n3,"aperta\n4,5\n'],
    ['a quote closed and text after it', 'a,b\n1,"x"y\n3,4\n'],
    ['no line break at the end', 'a;b\n1;2\n3;4'],
    ['only a header', 'a;b;c'],
    ['a BOM and CRLF', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a;b\r\n1;2\r\n')])],
    ['a quote opened by mistake and closed two rows later', 'a;b;c\n1;"aperta;2\n3;4;5\n6;"chiusa";7\n8;9;10\n'],
    ['spaces around quoted values', 'a;b;c\n1; "x" ;2\n3;"y"  ;4\n'],
    ['three title rows above the header', 'Comune di Brescia;;\nServizi sociali;;\n\nFonte: ufficio;;\na;b;c\n1;2;3\n'],
    ['more broken quotes than are listed', `a;b\n${'1; "x" \n2;"y"z\n'.repeat(700)}`],
    ['a quote in the header never closed', '"a;b;c\n1;2;3\n4;5;6\n'],
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a;b\r\n1;2\r\n', 'utf16le')])],
    ['UTF-16LE without a BOM', Buffer.from('a;b\r\n1;2\r\n', 'utf16le')],
    ['a quoted field longer than the chunks', `a;b\n1;"${'lungo '.repeat(500)}\n${'ancora '.repeat(500)}"\n3;4\n`],
  ];
  // Past the first 256 KiB, where the encoding is no longer decided on the whole file but checked line by line.
  const ascii = (bytes: number) => Buffer.from('1;2\n'.repeat(bytes / 4));
  const cp1252 = (...bytes: number[]) => Buffer.from(bytes);
  const late: [string, Uint8Array][] = [
    [
      'Windows-1252 after 300 KB of ASCII',
      Buffer.concat([Buffer.from('a;b\n'), ascii(300_000), Buffer.from('Citt'), cp1252(0xe0, 0x3b, 0x92, 0x0a), ascii(400)]),
    ],
    [
      'UTF-8 after 300 KB of Windows-1252: mixed encodings',
      Buffer.concat([cp1252(0x61, 0x3b, 0x62, 0x0a, 0xe0, 0x3b, 0x31, 0x0a), ascii(300_000), Buffer.from('città;3\n')]),
    ],
    [
      'Windows-1252 after 300 KB of UTF-8: mixed encodings',
      Buffer.concat([Buffer.from('a;b\ncittà;1\n'), ascii(300_000), cp1252(0xe0, 0x3b, 0x31, 0x0a)]),
    ],
    [
      'Windows-1252 after 300 KB of UTF-8 with BOM',
      Buffer.concat([cp1252(0xef, 0xbb, 0xbf), Buffer.from('a;b\n'), ascii(300_000), cp1252(0xe0, 0x3b, 0x31, 0x0a)]),
    ],
    [
      'a byte undefined in Windows-1252 after 300 KB',
      Buffer.concat([cp1252(0x61, 0x3b, 0x62, 0x0a, 0xe0, 0x3b, 0x31, 0x0a), ascii(300_000), cp1252(0x81, 0x3b, 0x31, 0x0a)]),
    ],
    [
      'ISO-8859-1 that turns out Windows-1252',
      Buffer.concat([cp1252(0x61, 0x3b, 0x62, 0x0a, 0xe0, 0x3b, 0x31, 0x0a), ascii(300_000), cp1252(0x80, 0x3b, 0x31, 0x0a)]),
    ],
    ['a quote after 300 KB', Buffer.concat([Buffer.from('a;b\n'), ascii(300_000), Buffer.from('"x\ny";2\n3;4\n')])],
  ];
  for (const [name, content] of [...cases, ...late]) {
    for (const chunkSize of content.length > 100_000 ? [64, 4096, 1024 * 1024] : [3, 16, 1024 * 1024]) {
      it(`${name} (chunks of ${chunkSize})`, async () => {
        const file = path.join(dir, `${name.replace(/\W+/g, '_')}.csv`);
        await writeFile(file, content);
        expect(shape(await streamed(file, { chunkSize }))).toEqual(shape(parsed(file)));
      });
    }
  }
});

describe('streamed reading equals parseTable on random CSV-like text', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bilancio-stream-random-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('quotes, spaces, delimiters and line breaks in any order, in chunks of 5 bytes', async () => {
    const chars = fc.constantFrom('a', '1', ' ', 'à', ';', ',', '"', '"', '\n', '\r\n', '\r');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(chars, { maxLength: 120 }), async (parts) => {
        const file = path.join(dir, `r${run++}.csv`);
        await writeFile(file, parts.join(''));
        expect(shape(await streamed(file, { chunkSize: 5 }))).toEqual(shape(parsed(file)));
      }),
      { numRuns: 200 },
    );
  });
});
