// Hostile partner files, generated at run time (never committed): each must end in a result or a
// clear refusal within 1 GB of memory. Shared by the benchmark (npm run bench -- --only-hostile, big
// sizes) and by test/hardening/hostile-inputs.test.ts (sizes of tens of MB).
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { erogazioniSheet, writeXlsx } from './hostile-xlsx.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'bin/bilancio.js');
const HEADER = 'anno;codice_quartiere;codice_servizio;codice_ente;utenti;volontari;spesa_euro';

/** One hostile file: how to make it, and how `bilancio validate` must end. */
export interface HostileCase {
  name: string;
  /** What the file is, for the benchmark table. */
  what: string;
  /** Writes the file into `dir` and returns its path. */
  write(dir: string): Promise<string>;
  /** Output format asked of `bilancio validate`. */
  format: 'json' | 'text';
  /** 'refused': one source-error naming the limit; 'result': the file was read and checked. */
  outcome: 'refused' | 'result';
  /** A text the output must contain (the refusal's message, or a count). */
  expect: RegExp;
}

/** How `bilancio validate FILE` ended, with its peak memory (reported by the CLI under BILANCIO_BENCH=1). */
export interface HostileRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  wallMs: number;
  peakMb: number | null;
}

/** Runs the installed command on a file, collecting its output. */
export async function validateFile(file: string, format: 'json' | 'text'): Promise<HostileRun> {
  const began = performance.now();
  const child = spawn(process.execPath, [cli, 'validate', file, '--format', format], {
    env: { ...process.env, BILANCIO_BENCH: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const peak = /bilancio-bench maxrss-kb (\d+)/.exec(stderr);
  return {
    exitCode,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr,
    wallMs: performance.now() - began,
    peakMb: peak ? Number(peak[1]) / 1024 : null,
  };
}

/** Writes `count` copies of `line` after `head`, in pieces (never one string of the whole file). */
async function writeRepeated(file: string, head: string, line: string, count: number, tail = ''): Promise<string> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(head);
  const perPiece = Math.max(1, Math.floor((1 << 20) / Math.max(line.length, 1)));
  for (let done = 0; done < count; done += perPiece) await write(line.repeat(Math.min(perPiece, count - done)));
  await write(tail);
  out.end();
  await once(out, 'finish');
  return file;
}

const MB = 1024 * 1024;

/** The hostile cases, at test size or at benchmark size. */
export function hostileCases(size: 'test' | 'bench'): HostileCase[] {
  const big = size === 'bench';
  const repeated = big ? 400_000 : 150_000;
  const jsonRows = big ? 300_000 : 120_000;
  const singleLine = big ? 200 * MB : 20 * MB;
  const row = {
    anno: 2024,
    codice_quartiere: '17029003',
    codice_servizio: 'OFFICINA_GIOVANI',
    codice_ente: 'calabrone',
    utenti: 18,
    ore: 487.1,
    volontari: 2,
    spesa_euro: 17875.97,
  };
  return [
    {
      name: 'righe-ripetute',
      what: `${repeated.toLocaleString('en')} identical partner rows`,
      write: (dir) =>
        writeRepeated(path.join(dir, 'erogazioni_ripetute.csv'), `${HEADER}\n`, '2024;1;EMPORIO;acli;47;3;11.036,88\n', repeated),
      format: 'json',
      outcome: 'result',
      expect: new RegExp(`"primary-key": ${repeated - 1}\\b`),
    },
    {
      name: 'intestazione-larga',
      what: 'a header of 60,000 columns',
      write: (dir) => writeRepeated(path.join(dir, 'erogazioni_larga.csv'), 'anno', ';colonna', 59_999, '\n2024\n'),
      format: 'json',
      outcome: 'refused',
      expect: /ha 60\.000 colonne, oltre il limite di 16\.384/,
    },
    {
      name: 'intestazione-16000',
      what: 'a header of 16,000 columns, rows of 1 cell',
      write: (dir) => writeRepeated(path.join(dir, 'erogazioni_16000.csv'), HEADER, ';extra', 16_000 - 7, `\n${'2024\n'.repeat(1000)}`),
      format: 'json',
      outcome: 'result',
      expect: /"missing-cell": 15999000\b/,
    },
    {
      name: 'json-grande',
      what: `a JSON of ${jsonRows.toLocaleString('en')} rows (${Math.round((jsonRows * 170) / MB)} MB)`,
      write: (dir) =>
        writeRepeated(
          path.join(dir, 'erogazioni_grande.json'),
          `[${JSON.stringify(row)}`,
          `,\n${JSON.stringify(row)}`,
          jsonRows - 1,
          ']\n',
        ),
      format: 'json',
      outcome: 'result',
      expect: new RegExp(`"rows": ${jsonRows},`),
    },
    {
      name: 'json-profondo',
      what: 'a JSON nested 100,000 deep',
      write: async (dir) => {
        const file = path.join(dir, 'erogazioni_profondo.json');
        await writeFile(file, `${'['.repeat(100_000)}1${']'.repeat(100_000)}`);
        return file;
      },
      format: 'json',
      outcome: 'refused',
      expect: /annidati oltre 64 livelli/,
    },
    {
      name: 'riga-unica',
      what: `a single-line CSV of ${singleLine / MB} MB`,
      write: (dir) => writeRepeated(path.join(dir, 'erogazioni_riga.csv'), 'anno;utenti;', '12;', singleLine / 3),
      format: 'json',
      outcome: 'refused',
      expect: big
        ? /troppo grande per essere controllato: 200 MB, oltre il limite di 64 MB/
        : /La riga 1 è lunga 20\.971\.530 caratteri, oltre il limite di 1\.000\.000/,
    },
    {
      name: 'xlsx-compresso',
      what: big ? 'an .xlsx holding 300 MB of sheet XML' : 'an .xlsx holding 150 MB of sheet XML',
      write: async (dir) => {
        const file = path.join(dir, 'erogazioni_compresso.xlsx');
        await writeXlsx(file, erogazioniSheet(big ? 1_200_000 : 600_000));
        return file;
      },
      format: 'json',
      outcome: 'refused',
      expect:
        /La cartella di lavoro è troppo grande per essere controllata: i suoi fogli, una volta decompressi, sono \d+ MB, oltre il limite di 128 MB/,
    },
    {
      name: 'cella-5mb',
      what: 'a 10 MB CSV whose header has a 5 MB cell',
      write: (dir) =>
        writeRepeated(
          path.join(dir, 'erogazioni_cella.csv'),
          `${HEADER};${'x'.repeat(5 * MB)}\n`,
          '2024;1;EMPORIO;acli;47;3;11.036,88;nota\n',
          (5 * MB) / 40,
        ),
      format: 'json',
      outcome: 'refused',
      expect: /La riga 1 è lunga 5\.242\.\d{3} caratteri, oltre il limite di 1\.000\.000/,
    },
    {
      name: 'cella-900k',
      what: 'a header cell and a value of 900,000 characters',
      write: (dir) =>
        writeRepeated(
          path.join(dir, 'erogazioni_cella900.csv'),
          `${HEADER};${'x'.repeat(900_000)}\n`,
          `2024;1;EMPORIO;acli;47;3;11.036,88;nota\n2024;2;EMPORIO;acli;${'9'.repeat(900_000)};3;1,5;n\n`,
          1,
        ),
      format: 'json',
      outcome: 'result',
      expect: /"extra-label"[\s\S]*"value": "x{80}… \(900\.000 caratteri\)"/,
    },
    {
      name: 'controlli',
      what: 'control characters in a cell (ESC clearing the screen, CR, a bidi override)',
      write: async (dir) => {
        const file = path.join(dir, 'erogazioni_controlli.csv');
        await writeFile(file, `${HEADER}\n2024;1;EMPORIO;acli;"\u001b[2J\u001b[Hdodici\rxx\u202e";3;1,5\n`);
        return file;
      },
      format: 'text',
      outcome: 'result',
      expect: /"\\u001b\[2J\\u001b\[Hdodici\\u000dxx\\u202e" non è un numero intero/,
    },
  ];
}
