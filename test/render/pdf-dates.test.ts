import { describe, expect, it } from 'vitest';
import { pdfDate, rewritePdfDates, setPdfDates } from '../../src/render/pdf.js';

const date = new Date(Date.UTC(2026, 10, 25, 8, 5, 9));

function fakePdf(creation: string): Uint8Array {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (${creation})\n/ModDate (D:20240102030405+01'00')>>\nendobj\n` +
      `2 0 obj\n<</Type /Catalog>>\nendobj\n21 0 obj\n<</CreationDate (D:19990101000000+00'00')>>\nendobj\n` +
      `trailer\n<</Size 22\n/Root 2 0 R\n/Info 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

describe('setPdfDates', () => {
  it('formats PDF dates in UTC', () => {
    expect(pdfDate(date)).toBe("D:20261125080509+00'00'");
  });

  it('rewrites both dates of the Info dictionary without changing the length', () => {
    const before = fakePdf("D:20240102030405+01'00'");
    const after = setPdfDates(before, date);
    expect(after.length).toBe(before.length);
    const text = Buffer.from(after).toString('latin1');
    expect(text).toContain("/CreationDate (D:20261125080509+00'00')");
    expect(text).toContain("/ModDate (D:20261125080509+00'00')");
    expect(text).toContain('D:19990101000000'); // object 21 is not the Info dictionary
    expect(Buffer.from(before).toString('latin1')).toContain('D:20240102030405'); // the input is untouched
  });

  it('leaves a date of another length alone and says so', () => {
    const report = rewritePdfDates(fakePdf('D:20240102030405Z'), date);
    expect(report.rewritten).toBe(1);
    expect(report.skipped).toEqual([expect.stringContaining('CreationDate: D:20240102030405Z')]);
    expect(Buffer.from(report.pdf).toString('latin1')).toContain('/CreationDate (D:20240102030405Z)');
  });

  it('reports a PDF without an Info dictionary', () => {
    const pdf = Buffer.from('%PDF-1.4\ntrailer\n<</Root 1 0 R>>\n', 'latin1');
    expect(rewritePdfDates(pdf, date)).toEqual({ pdf, rewritten: 0, skipped: ['no /Info in the trailer'] });
  });
});
