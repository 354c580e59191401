import type { Lang } from '../../types.js';
import { t } from '../../i18n.js';
import { PAGE_WORDS } from './page-words.js';
import type { PageData } from './page-data.js';

// The partners' validation page: one HTML file with its script, style and data inside, that a partner
// opens from disk with no network. Its Content-Security-Policy allows nothing but its own inline script
// and style: no request can leave the page (no fetch, no form, no image), whatever its code did.

const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f23; line-height: 1.5; }
#zona { border: 3px dashed #7a8a99; border-radius: 8px; padding: 2rem; text-align: center; background: #f5f8fa; }
#zona.sopra { background: #e3eef8; border-color: #1f5f99; }
#esito { margin-top: 1.5rem; font-weight: 600; }
#esito.ok { color: #1d6b2f; } #esito.errori { color: #9b1c1c; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
th, td { border-bottom: 1px solid #ccd4db; padding: .4rem .5rem; text-align: left; vertical-align: top; }
tr.error td:first-child { color: #9b1c1c; font-weight: 600; }
`;

/** Escapes text for HTML content and attributes. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside a <script> element: nothing in it can close the element or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The page, with its data (catalogues, schemas, language) and its bundled script inside. */
export function validationPageHtml(data: PageData, script: string): string {
  const lang: Lang = data.lang;
  const w = (key: keyof typeof PAGE_WORDS) => escapeHtml(t(lang, PAGE_WORDS[key]));
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${w('title')}${data.ente ? ` · ${escapeHtml(data.ente)}` : ''}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${w('title')}</h1>
${data.ente ? `<p class="ente">${escapeHtml(data.ente)}</p>\n` : ''}<p>${w('intro')}</p>
<p>${w('naming')}</p>
<div id="zona">
<label><input type="file" id="file" accept=".csv,.txt,.tsv,.json,.xlsx"> ${w('choose')}</label>
<p>${w('drop')}</p>
</div>
<noscript><p>${w('noScript')}</p></noscript>
<p id="esito" role="status" aria-live="polite"></p>
<table id="problemi" hidden>
<thead><tr><th>${w('severity')}</th><th>${w('row')}</th><th>${w('column')}</th><th>${w('message')}</th></tr></thead>
<tbody></tbody>
</table>
<script type="application/json" id="bilancio-dati">${scriptJson(data)}</script>
<script>${script.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}
