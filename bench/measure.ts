// Running a command as a child process and measuring it: wall time, CPU time and peak memory.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** One run of a command. */
export interface Run {
  wallMs: number;
  /** User + system CPU of the child, when known. */
  cpuMs: number | null;
  /** Peak resident memory of the child (VmHWM), in MB, when known. */
  peakMb: number | null;
  exitCode: number;
  stderr: string;
  /** `bilancio-bench stage <name> <ms>` lines printed by the CLI under BILANCIO_BENCH=1. */
  stages: Record<string, number>;
  /** When each stage ran, in ms since the process began (`bilancio-bench span`): stages overlap. */
  spans: Record<string, { start: number; end: number }>;
}

const TIME = '/usr/bin/time';

/** Whether a program is on the PATH. */
export function available(program: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => existsSync(`${dir}/${program}`));
}

/**
 * Runs `command args` and measures it. Peak memory and CPU come from the CLI itself under
 * BILANCIO_BENCH=1 (process.resourceUsage at exit), otherwise from GNU time when installed.
 */
export async function measure(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const timed = existsSync(TIME);
  const [program, argv] = timed ? [TIME, ['-f', 'bench-time %M %U %S', command, ...args]] : [command, args];
  const began = performance.now();
  const child = spawn(program, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const wallMs = performance.now() - began;
  const stages: Record<string, number> = {};
  const spans: Run['spans'] = {};
  let peakMb: number | null = null;
  let cpuMs: number | null = null;
  for (const line of stderr.split('\n')) {
    const stage = /^bilancio-bench stage (\S+) ([\d.]+)$/.exec(line);
    if (stage) stages[stage[1]!] = (stages[stage[1]!] ?? 0) + Number(stage[2]);
    const span = /^bilancio-bench span (\S+) (\d+) (\d+)$/.exec(line);
    if (span) {
      const [start, end] = [Number(span[2]), Number(span[3])];
      const seen = spans[span[1]!];
      spans[span[1]!] = seen ? { start: Math.min(seen.start, start), end: Math.max(seen.end, end) } : { start, end };
    }
    const own = /^bilancio-bench maxrss-kb (\d+) cpu-ms (\d+)$/.exec(line);
    if (own) {
      peakMb = Number(own[1]) / 1024;
      cpuMs = Number(own[2]);
    }
    const gnu = /^bench-time (\d+) ([\d.]+) ([\d.]+)$/.exec(line);
    if (gnu && peakMb === null) {
      peakMb = Number(gnu[1]) / 1024;
      cpuMs = (Number(gnu[2]) + Number(gnu[3])) * 1000;
    }
  }
  return { wallMs, cpuMs, peakMb, exitCode, stderr, stages, spans };
}

/** The run with the shortest wall time of `times` runs (the least disturbed by other work on the machine). */
export async function best(times: number, run: () => Promise<Run>): Promise<Run> {
  let fastest: Run | null = null;
  for (let i = 0; i < times; i++) {
    const next = await run();
    if (!fastest || next.wallMs < fastest.wallMs) fastest = next;
  }
  return fastest!;
}
