import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renumberStructureIds } from '../../src/render/pdf.js';

// The structure IDs of a tagged PDF, numbered in their order so that equal documents give equal bytes.

/** A tagged PDF's pieces that name structure IDs: elements, a cell's headers, the IDTree and its limits. */
function fakeTaggedPdf(ids: number[], digits = 8): Uint8Array {
  const name = (id: number) => `(node${String(id).padStart(digits, '0')})`;
  const elements = ids.map((id, i) => `${10 + i} 0 obj\n<</Type /StructElem\n/S /TH\n/ID ${name(id)}>>\nendobj\n`).join('');
  const cell = `9 0 obj\n<</Type /StructElem\n/S /TD\n/A [<</O /Table\n/Headers [${ids.map(name).join(' ')}]>>]>>\nendobj\n`;
  const tree = `8 0 obj\n<</Limits [${name(ids[0]!)} ${name(ids.at(-1)!)}]\n/Names [${ids.map((id, i) => `${name(id)} ${10 + i} 0 R`).join(' ')}]>>\nendobj\n`;
  return Buffer.from(`%PDF-1.4\n${elements}${cell}${tree}trailer\n<</Size 99>>\n%%EOF\n`, 'latin1');
}

describe('renumberStructureIds', () => {
  it('numbers the IDs 0, 1, 2… in their order, everywhere they appear, at the same length', () => {
    const pdf = fakeTaggedPdf([120, 121, 4423]);
    const after = renumberStructureIds(pdf);
    expect(Buffer.from(after).toString('latin1')).toBe(Buffer.from(fakeTaggedPdf([0, 1, 2])).toString('latin1'));
    expect(after.length).toBe(pdf.length);
    expect(Buffer.from(pdf).toString('latin1')).toContain('(node00004423)'); // the input is untouched
  });

  it('gives equal bytes for documents whose IDs differ only by where the count started', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 9_000_000 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 90_000_000 }), (ids, shift) => {
        const sorted = [...ids].sort((a, b) => a - b);
        const a = renumberStructureIds(fakeTaggedPdf(sorted));
        const b = renumberStructureIds(fakeTaggedPdf(sorted.map((id) => id + shift)));
        expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
        expect(a.length).toBe(fakeTaggedPdf(sorted).length);
      }),
    );
  });

  it('leaves a PDF without IDs, or with IDs of different widths, as it is', () => {
    const untagged = Buffer.from('%PDF-1.4\n1 0 obj\n<</Type /Catalog>>\nendobj\n%%EOF\n', 'latin1');
    expect(renumberStructureIds(untagged)).toBe(untagged);
    const mixed = Buffer.concat([fakeTaggedPdf([5, 7]), Buffer.from('(node123456789)', 'latin1')]);
    expect(renumberStructureIds(mixed)).toBe(mixed);
  });
});
