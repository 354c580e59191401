// The benchmark's results as JSON and as a Markdown table.

/** The full build of data/brescia, HTML and PDF, on the development machine (issue 18). */
export const BUILD_GOAL_MS = 10_000;

/** One residenti size: our compute, and the others on the same file. */
export interface SizeResult {
  rows: number;
  megabytes: number;
  compute: {
    wallMs: number;
    cpuMs: number | null;
    rowsPerSecond: number;
    peakMb: number | null;
    streamMs: number | null;
    exitCode: number;
  };
  miller: { wallMs: number; peakMb: number | null; ratio: number } | null;
  duckdb: { wallMs: number; ratio: number } | null;
}

export interface Results {
  date: string;
  machine: { cpus: number; model: string; node: string; load: number[] };
  runsPerSize: number;
  startup: { wallMs: number; peakMb: number | null; heavyModules: string[] };
  sizes: SizeResult[];
  build: {
    /** The fastest run, and the median of `runs`. */
    wallMs: number;
    medianMs: number;
    runs: number;
    exitCode: number;
    pdf: boolean;
    stages: Record<string, number>;
    spans: Record<string, { start: number; end: number }>;
  } | null;
  /** The live preview (issue 20): save → reloaded page, medians in ms; null when Chromium is missing. */
  preview?: { textMs: number; partnerMs: number; textRuns: number[]; partnerRuns: number[] } | null;
  notes: string[];
}

const ms = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${Math.round(value)}`);
const mb = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(0));
const ratio = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(2)}×`);

/** The results as the Markdown page bench/out/results.md. */
export function markdown(results: Results): string {
  const lines = [
    '# bilancio benchmark',
    '',
    `${results.date} · ${results.machine.cpus} CPU (${results.machine.model}) · Node ${results.machine.node} · load ${results.machine.load.map((l) => l.toFixed(1)).join(' ')} · best of ${results.runsPerSize} runs`,
    '',
    '## `bilancio compute` on dati/2024/residenti.csv (whole process, end to end)',
    '',
    '| rows | MB | wall ms | CPU ms | rows/s | peak MB | stream ms | Miller ms | ours ÷ Miller | DuckDB ms | ours ÷ DuckDB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.sizes.map(
      (s) =>
        `| ${s.rows.toLocaleString('en')} | ${s.megabytes.toFixed(1)} | ${ms(s.compute.wallMs)} | ${ms(s.compute.cpuMs)} | ${Math.round(s.compute.rowsPerSecond).toLocaleString('en')} | ${mb(s.compute.peakMb)} | ${ms(s.compute.streamMs)} | ${ms(s.miller?.wallMs)} | ${ratio(s.miller?.ratio)} | ${ms(s.duckdb?.wallMs)} | ${ratio(s.duckdb?.ratio)} |`,
    ),
    '',
    `Start-up (\`bilancio compute\` on the same project without data): ${ms(results.startup.wallMs)} ms, peak ${mb(results.startup.peakMb)} MB; heavy modules loaded: ${results.startup.heavyModules.length ? results.startup.heavyModules.join(', ') : 'none'}.`,
    '',
  ];
  if (results.build) {
    const { stages, spans } = results.build;
    const names = ['ingest', 'validate', 'calcolo', 'report', 'html', 'pdf', 'dati-aperti', 'manifest'];
    const labels: Record<string, string> = {
      calcolo: 'compute',
      'dati-aperti': 'open data',
      report: 'charts + view',
      html: 'HTML',
      pdf: 'PDF (Chromium)',
    };
    lines.push(
      `## \`bilancio build data/brescia\`${results.build.pdf ? '' : ' (--no-pdf)'}: ${ms(results.build.wallMs)} ms wall (fastest of ${results.build.runs}; median ${ms(results.build.medianMs)} ms; goal ${ms(BUILD_GOAL_MS)} ms), exit ${results.build.exitCode}`,
      '',
      'The fastest run, stage by stage, in ms since the process began. Chromium is launched as the build starts, and',
      'prints while the open data is written: stages overlap, so their times do not add up to the total.',
      '',
      '| stage | from | to | ms |',
      '|---|---:|---:|---:|',
      `| start-up (Node, modules, schemas) | 0 | ${ms(spans.ingest?.start)} | ${ms(spans.ingest?.start)} |`,
      ...names
        .filter((n) => stages[n] !== undefined)
        .map((n) => `| ${labels[n] ?? n} | ${ms(spans[n]?.start)} | ${ms(spans[n]?.end)} | ${ms(stages[n])} |`),
      `| total (process) | 0 | ${ms(results.build.wallMs)} | ${ms(results.build.wallMs)} |`,
      '',
    );
  }
  if (results.preview)
    lines.push(
      '## `bilancio anteprima data/brescia`: save → reloaded page (Chromium)',
      '',
      '| saved | median ms | goal ms | runs ms |',
      '|---|---:|---:|---|',
      `| a text of testi/ | ${ms(results.preview.textMs)} | 1000 | ${results.preview.textRuns.map(ms).join(', ')} |`,
      `| a partner file | ${ms(results.preview.partnerMs)} | 2000 | ${results.preview.partnerRuns.map(ms).join(', ')} |`,
      '',
    );
  if (results.notes.length) lines.push('## Notes', '', ...results.notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}
