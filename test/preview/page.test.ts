import { describe, expect, it } from 'vitest';
import { previewPage, problemsBox, textsPatch } from '../../src/preview/page.js';
import type { PreviewBuild } from '../../src/preview/session.js';

// The preview's page: problems on top, the reload script only here, and a text swapped in place when
// nothing else of the report changed.

const page = (letter: string, extra = '') =>
  `<!DOCTYPE html><html><body><nav>Indice</nav>${extra}<section class="testo-progetto capitolo" id="testo-lettera"><h2>Lettera</h2><p>${letter}</p>\n</section><section class="capitolo" id="x"></section></body></html>`;

describe('preview page', () => {
  it('patches only the texts that changed, and refuses when anything else changed', () => {
    expect(textsPatch(page('Cari'), page('Care'))).toEqual({
      'testo-lettera': '<section class="testo-progetto capitolo" id="testo-lettera"><h2>Lettera</h2><p>Care</p>\n</section>',
    });
    expect(textsPatch(page('Cari'), page('Cari'))).toEqual({});
    expect(textsPatch(page('Cari'), page('Care', '<p>un capitolo cambiato</p>'))).toBeNull();
  });

  it('shows errors at their place, escaped, and adds the reload script before </body>', () => {
    const build: PreviewBuild = {
      html: page('Cari'),
      lang: 'it',
      problems: [
        { code: 'foreign-key', severity: 'error', file: 'testi/a.md', row: 3, column: 7, message: 'c’è <b>questo</b>' },
        { code: 'constraint-error', severity: 'warning', file: 'dati/x.csv', message: 'avviso' },
      ],
      blocked: null,
      kind: 'tutto',
      ms: 1,
    };
    const html = previewPage(build);
    expect(html).toContain('<body><aside id="anteprima-problemi"');
    expect(html).toContain('<strong>testi/a.md, riga 3, colonna 7</strong>: c’è &lt;b&gt;questo&lt;/b&gt;');
    expect(html).toMatch(/<details><summary>Avvisi \(1\)<\/summary>/);
    expect(html).toMatch(/<script id="anteprima-ricarica">[\s\S]*<\/script><\/body><\/html>$/);
    expect(problemsBox({ ...build, problems: [] })).toBe('');
  });
});
