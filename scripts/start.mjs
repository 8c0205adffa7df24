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
await build({
  entryPoints: [path.join(root, 'scripts', 'start.ts')],
  outfile: tmp,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  // This process is the server: `import 'server-only'` (a guard against client bundles, which
  // throws outside React Server Components) is an empty module here, as in the unit tests.
  plugins: [
    {
      name: 'server-only',
      setup(build) {
        build.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'jsi-empty' }));
        build.onLoad({ filter: /.*/, namespace: 'jsi-empty' }, () => ({ contents: '', loader: 'js' }));
      },
    },
  ],
  // CommonJS packages imported from the bundle may call require().
  banner: { js: "import { createRequire as __jsiCreateRequire } from 'node:module'; const require = __jsiCreateRequire(import.meta.url);" },
});

fs.renameSync(tmp, outfile);

await import(pathToFileURL(outfile).href);
