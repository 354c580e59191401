// A minimal .xlsx written by hand, its sheet XML streamed through deflate: hundreds of MB of sheet
// in a small zip, made in seconds (exceljs's own writer would take minutes).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import zlib from 'node:zlib';

const FILES: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="erogazioni" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

/** A sheet of `rows` erogazioni rows (inline strings), as XML pieces. */
export function* erogazioniSheet(rows: number): Generator<string> {
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const number = (ref: string, value: number) => `<c r="${ref}"><v>${value}</v></c>`;
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const header = ['anno', 'codice_quartiere', 'codice_servizio', 'codice_ente', 'utenti'];
  yield `<row r="1">${header.map((h, i) => cell(`${'ABCDE'[i]}1`, h)).join('')}</row>`;
  let piece = '';
  for (let r = 2; r <= rows; r++) {
    piece += `<row r="${r}">${number(`A${r}`, 2024)}${cell(`B${r}`, '17029001')}${cell(`C${r}`, 'EMPORIO')}${cell(`D${r}`, 'acli')}${number(`E${r}`, r)}</row>`;
    if (piece.length > 1 << 20) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}</sheetData></worksheet>`;
}

interface Entry {
  name: Buffer;
  crc: number;
  compressed: Buffer[];
  compressedSize: number;
  size: number;
}

async function deflate(pieces: Iterable<string>): Promise<Entry & { name: Buffer }> {
  const deflater = zlib.createDeflateRaw({ level: 1 });
  const compressed: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => compressed.push(chunk));
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const bytes = Buffer.from(piece, 'utf8');
    crc = zlib.crc32(bytes, crc);
    size += bytes.length;
    if (!deflater.write(bytes)) await once(deflater, 'drain');
  }
  deflater.end();
  await once(deflater, 'end');
  return { name: Buffer.alloc(0), crc, compressed, compressedSize: compressed.reduce((n, b) => n + b.length, 0), size };
}

/** Writes an .xlsx whose one sheet (named erogazioni) is the given XML pieces; returns its uncompressed sheet size. */
export async function writeXlsx(file: string, sheet: Iterable<string>): Promise<number> {
  const entries: Entry[] = [];
  for (const [name, text] of Object.entries(FILES)) entries.push({ ...(await deflate([text])), name: Buffer.from(name) });
  const sheetEntry = { ...(await deflate(sheet)), name: Buffer.from('xl/worksheets/sheet1.xml') };
  entries.push(sheetEntry);
  const out = createWriteStream(file);
  const directory: Buffer[] = [];
  let offset = 0;
  const write = async (bytes: Buffer) => {
    offset += bytes.length;
    if (!out.write(bytes)) await once(out, 'drain');
  };
  for (const entry of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.compressedSize, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(entry.name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.compressedSize, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(entry.name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, entry.name);
    await write(local);
    await write(entry.name);
    for (const chunk of entry.compressed) await write(chunk);
  }
  const start = offset;
  for (const piece of directory) await write(piece);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - start, 12);
  end.writeUInt32LE(start, 16);
  await write(end);
  out.end();
  await once(out, 'finish');
  return sheetEntry.size;
}
