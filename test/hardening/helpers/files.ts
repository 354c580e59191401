import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** SHA-256 of every file below `dir` (links not followed), by path relative to it. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile())
        hashes.set(
          path.relative(dir, full).split(path.sep).join('/'),
          createHash('sha256')
            .update(await readFile(full))
            .digest('hex'),
        );
    }
  };
  await walk(dir);
  return hashes;
}

/** The text of a PDF (pdftotext, reading order), whitespace collapsed so wrapped lines read as typed. */
export async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', [file, '-'], { maxBuffer: 256 * 1024 * 1024 });
  return stdout.replace(/\s+/g, ' ');
}

/** pdfinfo's report, or null when the file does not parse as a PDF. */
export async function pdfInfo(file: string): Promise<string | null> {
  try {
    return (await run('pdfinfo', [file])).stdout;
  } catch {
    return null;
  }
}

/** A TCP server on 127.0.0.1 that records every connection made to it. */
export async function listeningSocket(): Promise<{ port: number; connections: Socket[]; close(): Promise<void> }> {
  const connections: Socket[] = [];
  const server = createServer((socket) => {
    connections.push(socket);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
