import { describe, expect, it } from 'vitest';
import { pdfDate, setPdfDates } from '../../src/render/pdf.js';

const date = new Date(Date.UTC(2026, 10, 25, 8, 5, 9));

/** A PDF as Chromium writes one: the Info dictionary, and a structure element whose text mentions a date. */
function fakePdf(creation: string): Uint8Array {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (${creation})\n/ModDate (D:20240102030405+01'00')>>\nendobj\n` +
      `2 0 obj\n<</Type /StructElem\n/Alt (Si legge /CreationDate \\(D:19990101000000+00'00'\\))>>\nendobj\n` +
      `trailer\n<</Size 3\n/Info 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

describe('setPdfDates', () => {
  it('formats PDF dates in UTC', () => {
    expect(pdfDate(date)).toBe("D:20261125080509+00'00'");
  });

  it("sets both dates in place, at the same length, and leaves the document's own text alone", () => {
    const before = fakePdf("D:20240102030405-05'00'");
    const after = setPdfDates(before, date);
    expect(after.length).toBe(before.length);
    const text = Buffer.from(after).toString('latin1');
    expect(text).toContain("/CreationDate (D:20261125080509+00'00')");
    expect(text).toContain("/ModDate (D:20261125080509+00'00')");
    expect(text).toContain("\\(D:19990101000000+00'00'\\)"); // inside a string, its parenthesis escaped
    expect(Buffer.from(before).toString('latin1')).toContain('D:20240102030405-05'); // the input is untouched
  });

  it('leaves a date of another form (and length) alone', () => {
    const text = Buffer.from(setPdfDates(fakePdf('D:20240102030405Z'), date)).toString('latin1');
    expect(text).toContain('/CreationDate (D:20240102030405Z)');
    expect(text).toContain("/ModDate (D:20261125080509+00'00')");
  });
});
