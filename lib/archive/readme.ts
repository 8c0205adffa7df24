/**
 * The small documents the exporter writes itself: the archive's README (how to serve, verify and
 * deposit it), the page left where the live site redirects, and the root's choice of language.
 * Deterministic (no date): the export moment is in manifest.json only.
 */
import { endonyms, isLocale, langTag, dirOf } from '../i18n/config';
import { relativeLink } from './urls';
import type { Manifest } from './manifest';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Where the live site answers with a redirect: a page that says where to go (no script). */
export function redirectPage(file: string, targetFile: string): string {
  const href = escape(relativeLink(file, targetFile));
  return `<!doctype html>\n<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${href}"><title>→</title></head><body><p><a href="${href}">${href}</a></p></body></html>\n`;
}

/** The archive's root: the ten languages (the live site picks one from the browser's settings). */
export function languageChooser(file: string, locales: readonly string[]): string {
  const items = locales
    .filter(isLocale)
    .map((l) => `<li><a lang="${langTag(l)}" dir="${dirOf(l)}" href="${escape(relativeLink(file, `${l}/index.html`))}">${escape(endonyms[l])}</a></li>`)
    .join('\n');
  return `<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Je suis Internet</title></head>\n<body><main><h1>Je suis Internet</h1>\n<ul>\n${items}\n</ul></main></body></html>\n`;
}

export function archiveReadme(m: Manifest): string {
  const kinds = Object.entries(m.counts.byKind)
    .map(([k, n]) => `| ${k} | ${n} |`)
    .join('\n');
  const perLocale = Object.entries(m.counts.byLocale)
    .map(([k, n]) => `| ${k === '-' ? '(no locale)' : k} | ${n} |`)
    .join('\n');
  return `# Je suis Internet — static archive

A static copy of the public pages of the Je suis Internet platform, a reconstruction of the 2017
consultation of SGDSN and ANSSI on international peace and security in the digital society, as
the platform served them (${m.locales.length} languages: ${m.locales.join(', ')}). Exported by
\`npm run archive:export\`; the moment of the export is in \`manifest.json\` (\`exportedAt\`).
This archive holds only what was public at that moment: a contribution withdrawn later remains
in archives already deposited.

| what | |
|---|---|
| \`site/\` | the static site: ${m.counts.files} files, ${m.counts.bytes} bytes; no server, no database, no JavaScript needed to read it |
| \`${m.warc.path}\` | the same responses as a WARC/1.1 file (gzip per record), for web-archiving institutions |
| \`manifest.json\` | every file with its size and SHA-256, counts, the export's moment, the consultation's calendar |
| \`SHA256SUMS\` | the same hashes for \`sha256sum -c\` |

| kind | files |
|---|---|
${kinds}

| locale | files |
|---|---|
${perLocale}

## Serve it

Any static file server, under any path: every link is relative. With nginx:

\`\`\`nginx
server {
    listen 80;
    server_name archive.example.org;
    root /srv/jesuisinternet/site;
    index index.html;
    charset utf-8;
    types { application/atom+xml atom; text/csv csv; application/json json; application/wasm wasm; }
    location / { try_files $uri $uri/ =404; }
}
\`\`\`

For a quick look: \`cd site && python3 -m http.server 8080\`, then open http://localhost:8080/.
Pages also open from the file system (\`site/index.html\`), but the search needs a server: browsers
do not load its index from \`file://\`. Without JavaScript, the search page says how to browse instead.

## Verify it

\`\`\`sh
sha256sum -c SHA256SUMS        # every file of site/ and the WARC, against the hashes
\`\`\`

Two exports of the same database give the same \`site/\` byte for byte; the WARC differs only by
the dates of its records, the manifest only by \`exportedAt\` and the WARC's hash.

## Deposit it

- Web archives (national libraries, Internet Archive, Webrecorder): deposit \`${m.warc.path}\`
  (ISO 28500); replay it with pywb or ReplayWeb.page. Its \`warcinfo\` record describes the export.
- Static hosts and institutional repositories: deposit \`site/\` with \`manifest.json\` and
  \`SHA256SUMS\` (a tar or zip of this directory keeps everything together).

Contributions are published under the CC BY 4.0 licence, as the site's pages say.
`;
}
