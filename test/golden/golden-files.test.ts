import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changedPath, checkGolden, diffLines } from './golden.js';
import { reportOutline } from './outline.js';

// The golden machinery itself, without a build: when a golden file is written, when a test fails, what it says.

describe('checkGolden', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bilancio-golden-files-'));
    file = path.join(dir, 'expected/report.txt');
    vi.stubEnv('UPDATE_GOLDEN', '');
    vi.stubEnv('CI', '');
    vi.spyOn(process.stderr, 'write').mockReturnValue(true); // "golden: created …" notes
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('names the changed file beside the expected one', () => {
    expect(changedPath('/a/expected/report-outline.txt')).toBe('/a/expected/report-outline-changed.txt');
  });

  it('creates a missing golden file outside CI, and fails for it in CI', async () => {
    vi.stubEnv('CI', 'true');
    expect(await checkGolden(file, 'uno\n')).toMatch(
      /^Missing golden file .*report\.txt: create it with `UPDATE_GOLDEN=1 npx vitest run test\/golden`/,
    );
    await expect(readFile(file)).rejects.toThrow();
    vi.stubEnv('CI', '');
    expect(await checkGolden(file, 'uno\n')).toBeNull();
    expect(await readFile(file, 'utf8')).toBe('uno\n');
  });

  it('on a mismatch writes <name>-changed beside the expected file and summarises the diff; a match removes it', async () => {
    await checkGolden(file, 'a\nb\nc\nd\n');
    const problem = await checkGolden(file, 'a\nB\nc\nd\ne\n');
    expect(problem).toMatch(/differs from this build \(1 line removed, 2 added, from line 2\)/);
    expect(problem).toContain('report-changed.txt');
    expect(problem).toContain('-    2 | b\n+    2 | B\n+    5 | e');
    expect(await readFile(changedPath(file), 'utf8')).toBe('a\nB\nc\nd\ne\n');
    expect(await readFile(file, 'utf8')).toBe('a\nb\nc\nd\n');
    expect(await checkGolden(file, 'a\nb\nc\nd\n')).toBeNull();
    await expect(readFile(changedPath(file))).rejects.toThrow();
  });

  it('rewrites the golden file with UPDATE_GOLDEN=1, but never in CI', async () => {
    await checkGolden(file, 'vecchio\n');
    vi.stubEnv('UPDATE_GOLDEN', '1');
    vi.stubEnv('CI', 'true');
    expect(await checkGolden(file, 'nuovo\n')).toMatch(/never regenerated in CI/);
    expect(await readFile(file, 'utf8')).toBe('vecchio\n');
    vi.stubEnv('CI', '');
    expect(await checkGolden(file, 'nuovo\n')).toBeNull();
    expect(await readFile(file, 'utf8')).toBe('nuovo\n');
  });
});

describe('diffLines', () => {
  it('keeps common lines and marks the rest, removals before additions', () => {
    const kinds = diffLines('a\nb\nc', 'a\nx\nc').map((e) => `${e.kind}${e.line}`);
    expect(kinds).toEqual(['-b', '+x']);
    expect(diffLines('a\nb', 'a\nb')).toEqual([]);
  });
});

describe('reportOutline', () => {
  it('lists headings, and tables with caption and rows, as text', () => {
    const html = `<!DOCTYPE html><html><head><title>T</title><style>h2 { color: red }</style></head><body>
      <h1 class="titolo" lang="it">Bilancio <span>2024</span></h1>
      <h2 id="x">La città &amp; i quartieri</h2><p>testo che non conta</p>
      <div class="grafico" role="img" aria-label="a > b"><svg aria-hidden="true"><text>12</text><title>t</title></svg></div>
      <table class="tabella" id="tab-1">
        <caption id="c"><span class="numero">Tabella 1.</span> Residenti</caption>
        <thead><tr><th scope="col">Zona</th><th scope="col">Residenti<br>(persone)</th></tr></thead>
        <tbody><tr>
          <th scope="row">Centro</th><td class="num">44.475<sup>*</sup></td>
        </tr><tr><th scope="row">Sud &#x27;n&#39;</th><td>n.d.</td></tr></tbody>
      </table>
      <h4>Nota</h4></body></html>`;
    expect(reportOutline(html)).toBe(
      [
        'h1 Bilancio 2024',
        'h2 La città & i quartieri',
        'table tab-1: Tabella 1. Residenti',
        '  Zona | Residenti (persone)',
        '  Centro | 44.475*',
        "  Sud 'n' | n.d.",
        'h4 Nota',
        '',
      ].join('\n'),
    );
  });
});
