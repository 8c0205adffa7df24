// npm start: compiles scripts/start.ts, with the lib/ code it runs, into one JavaScript file
// (esbuild, a few hundred milliseconds) and runs it in this process. The long-running server
// then needs no TypeScript loader: tsx's loader thread would cost it about 40 MB of resident
// memory for nothing. Packages stay external (loaded from node_modules as usual).
// `npm run dev` keeps running the TypeScript directly through tsx.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const outfile = path.join(root, 'node_modules', '.cache', 'jesuisinternet', 'start.mjs');

// Written aside then renamed: several servers may start at once (the e2e tests start two).
const tmp = `${outfile}.${process.pid}.tmp`;
// 'server-only' marks modules Next must never put in a client bundle (Next checks it at build
// time); this process is the server, so the marker is compiled away here.
const serverOnly = {
  name: 'server-only',
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'server-only' }));
    b.onLoad({ filter: /.*/, namespace: 'server-only' }, () => ({ contents: '' }));
  },
};
await build({
  entryPoints: [path.join(root, 'scripts', 'start.ts')],
  outfile: tmp,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  plugins: [serverOnly],
  // CommonJS packages imported from the bundle may call require().
  banner: { js: "import { createRequire as __jsiCreateRequire } from 'node:module'; const require = __jsiCreateRequire(import.meta.url);" },
});

fs.renameSync(tmp, outfile);

await import(pathToFileURL(outfile).href);
