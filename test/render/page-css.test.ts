import { describe, expect, it } from 'vitest';
import { cssIdent, cssString, pageCss } from '../../src/render/page-css.js';

describe('the print page CSS', () => {
  it('escapes every character of a header but letters and digits', () => {
    expect(cssString("Sant'Eufemia")).toBe('"Sant\\27 Eufemia"');
    expect(cssString('I quartieri · Città')).toBe('"I\\20 quartieri\\20 \\B7 \\20 Citt\\E0 "');
    // Nothing can close the string, the rule or the <style> element.
    const hostile = cssString('"; } </style><script>alert(1)</script>\\');
    expect(hostile.slice(1, -1)).toMatch(/^[A-Za-z0-9\\ ]*$/);
  });

  it('escapes ids used as selectors', () => {
    expect(cssIdent('quartiere-17029001')).toBe('quartiere-17029001');
    expect(cssIdent('1a b')).toBe('\\31 a\\20 b');
  });

  it('gives each section a named page with its running header, and the cover none', () => {
    const css = pageCss({
      lang: 'it',
      footer: 'Comune di Brescia',
      title: 'Bilancio 2024',
      coverClass: 'copertina',
      sections: [
        { id: 'la-citta', header: 'La città' },
        { id: 'quartiere-17029018', header: "I quartieri · Sant'Eufemia" },
      ],
    });
    expect(css).toContain('@page sezione-1 { @top-left { content: "La\\20 citt\\E0 "; } }');
    expect(css).toContain('#la-citta { page: sezione-1; }');
    expect(css).toContain('#quartiere-17029018 { page: sezione-2; }');
    expect(css).toContain('.copertina { page: copertina; }');
    expect(css).toMatch(/@page copertina \{[^}]*@top-left \{ content: none; \}/);
    expect(css).toContain('content: "pag\\2E \\20 " counter(page) "\\20 di\\20 " counter(pages);');
    expect(css).toContain('size: A4;');
    expect(css.startsWith('@media print {')).toBe(true);
  });
});
