import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, type DecodeOptions } from '../../src/ingest/decode.js';
import { sayProblem } from '../../src/problem-text.js';
import type { Lang } from '../../src/types.js';
import { firstInvalidUtf8 } from '../../src/ingest/utf8.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const cp1252 = (text: string) => new Uint8Array(iconv.encode(text, 'win1252'));
const decoded = (bytes: Uint8Array, options = {}) => {
  const result = decodeBytes(bytes, 'dati.csv', options);
  if (!result.ok) throw new Error(`unexpected problem: ${sayProblem('it', result.problem).message}`);
  return result;
};
/** The problem of bytes that do not decode, said in `lang` (Italian by default). */
const problemOf = (bytes: Uint8Array, { lang = 'it', ...options }: DecodeOptions & { lang?: Lang } = {}) => {
  const result = decodeBytes(bytes, 'dati.csv', options);
  if (result.ok) throw new Error('expected an encoding problem');
  return sayProblem(lang, result.problem);
};

describe('decodeBytes', () => {
  it('plain UTF-8', () => {
    expect(decoded(utf8('città;€'))).toEqual({ ok: true, text: 'città;€', encoding: 'utf-8' });
  });

  it('UTF-8 with BOM: the BOM is stripped', () => {
    expect(decoded(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('"id"')]))).toMatchObject({ text: '"id"', encoding: 'utf-8-bom' });
  });

  it("Windows-1252 when 0x80–0x9F bytes appear: € ’ “ ” decoded right (not Node 20's TextDecoder)", () => {
    expect(decoded(cp1252('Città ’ “x” €'))).toMatchObject({ text: 'Città ’ “x” €', encoding: 'windows-1252' });
  });

  it('ISO-8859-1 when only 0xA0–0xFF bytes appear', () => {
    expect(decoded(cp1252('perché più'))).toMatchObject({ text: 'perché più', encoding: 'iso-8859-1' });
  });

  it.each(['81', '8D', '8F', '90', '9D'])('byte 0x%s, undefined in Windows-1252, is an encoding-error with row', (hex) => {
    const byte = parseInt(hex, 16);
    const bytes = new Uint8Array([...cp1252('a;b\r\nCittà;x'), byte, ...cp1252('\r\n')]);
    const problem = problemOf(bytes);
    expect(problem).toMatchObject({ code: 'encoding-error', row: 2, value: `0x${hex}` });
    expect(problem.message).toContain(`posizione ${bytes.indexOf(byte)}`);
  });

  it('a NUL byte is binary content, never text', () => {
    const problem = problemOf(new Uint8Array([...utf8('a,b\n1,'), 0, 0x41]));
    expect(problem).toMatchObject({ code: 'encoding-error', row: 2, value: '0x00' });
    expect(problem.message).toMatch(/dati binari/);
  });

  it('UTF-16 (Excel "Testo Unicode") is named as such', () => {
    const problem = problemOf(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), { lang: 'en' });
    expect(problem.message).toMatch(/UTF-16/);
  });

  describe('UTF-16 is recognised, with or without a BOM, and refused naming its byte order', () => {
    const text = 'anno\tquartiere\tutenti\r\n2024\tCittà\t3\r\n';
    const le = new Uint8Array(Buffer.from(text, 'utf16le'));
    const be = new Uint8Array(Buffer.from(text, 'utf16le').swap16());
    it.each([
      ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...le]), 'UTF-16LE'],
      ['UTF-16BE with BOM', new Uint8Array([0xfe, 0xff, ...be]), 'UTF-16BE'],
      ['UTF-16LE without BOM', le, 'UTF-16LE'],
      ['UTF-16BE without BOM', be, 'UTF-16BE'],
    ])('%s', (_, bytes, variant) => {
      const problem = problemOf(bytes);
      expect(problem).toMatchObject({ code: 'encoding-error', value: variant, expected: 'UTF-8' });
      expect(problem.message).toMatch(
        new RegExp(`^Il file è in ${variant} \\(il formato «Testo Unicode» di Excel\\), che non è supportato`),
      );
    });

    it('a NUL byte in UTF-8 text is still binary content, not UTF-16', () => {
      expect(problemOf(new Uint8Array([...utf8('anno;quartiere\n2024;'), 0, ...utf8('Est\n')])).message).toMatch(/dati binari/);
    });
  });

  it('UTF-8 mixed with a Windows-1252 line is an error, not mojibake', () => {
    const bytes = new Uint8Array([...utf8('quartiere\nCittà\n'), ...cp1252('Città\n')]);
    const problem = problemOf(bytes);
    expect(problem).toMatchObject({ code: 'encoding-error', row: 3 });
    expect(problem.message).toMatch(/mescola due codifiche/);
  });

  it('a BOM followed by invalid UTF-8 is an error', () => {
    const problem = problemOf(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xe0, 0x0a]));
    expect(problem).toMatchObject({ code: 'encoding-error', row: 2, value: '0xE0' });
    expect(problem.message).toMatch(/^Il file non è in UTF-8 come indicato/);
  });

  it('forced encodings', () => {
    const latin = cp1252('a\n©\n');
    expect(problemOf(latin, { encoding: 'utf-8' })).toMatchObject({ row: 2, value: '0xA9', expected: 'UTF-8' });
    expect(decoded(latin, { encoding: 'iso-8859-1' })).toMatchObject({ text: 'a\n©\n', encoding: 'iso-8859-1' });
    expect(decoded(cp1252('€'), { encoding: 'windows-1252' })).toMatchObject({ text: '€', encoding: 'windows-1252' });
    expect(problemOf(new Uint8Array([0x61, 0x81]), { encoding: 'windows-1252' }).value).toBe('0x81');
    // Forcing UTF-8 on a BOM file still strips the BOM.
    expect(decoded(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), { encoding: 'utf-8' })).toMatchObject({ text: 'a', encoding: 'utf-8-bom' });
  });

  it('positions as text lines (JSON) leave `row` out and name the line', () => {
    const problem = problemOf(new Uint8Array([...utf8('[\n"a",\n"'), 0x81, 0x22, 0x5d]), { positions: 'lines' });
    expect(problem.row).toBeUndefined();
    expect(problem.message).toContain('riga 3 del testo');
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x61, 0x62], -1],
    [[0x61, 0xc3, 0xa0], -1],
    [[0x61, 0xc3], 1],
    [[0xc0, 0x80], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
    [[0x61, 0xe2, 0x82, 0xac, 0xa9], 4],
  ])('%j → %i', (bytes, expected) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(expected);
  });
});
