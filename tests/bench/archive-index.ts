/**
 * tsx tests/bench/archive-index.ts --site DIR/site [--out /tmp/x] [--shard-kb 12288] [--locales zh,ar] [--pages N]
 * Builds the static search of an exported archive again (lib/archive/search.ts, one Pagefind
 * bundle per shard of a locale's pages) from its files, and prints the time and the peak resident memory of this
 * process and of the Pagefind process, per locale: the part of the export whose memory grows
 * with the archive. The pages indexed are those the export indexes (no language-filter or
 * "show original" views, no search page). `--shard-kb` sets the shards' size (the export's
 * `--search-shard-kb`), `--locales` and `--pages` (the first N pages of each locale) index part
 * of the site, to compare shard sizes quickly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SearchIndex } from '../../lib/archive/search';
import { rssMb, treeRssSampler } from './lib';

const arg = (n: string) => {
  const i = process.argv.indexOf(`--${n}`);
  return i === -1 ? '' : process.argv[i + 1];
};

function htmlPages(site: string, dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(path.join(site, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) {
      if (!/^(lang|original)=/.test(e.name) && rel !== `${dir.split('/')[0]}/search`) htmlPages(site, rel, out);
    } else if (e.name === 'index.html') out.push(rel);
  }
  return out;
}

async function main() {
  const site = path.resolve(arg('site'));
  const target = arg('out') ? path.resolve(arg('out')) : fs.mkdtempSync('/tmp/jsi-index-');
  if (target !== site) fs.mkdirSync(target, { recursive: true });
  const index = new SearchIndex(arg('shard-kb') ? Number(arg('shard-kb')) * 1024 : undefined);
  const only = arg('locales') ? arg('locales').split(',') : null;
  const locales = fs.readdirSync(site).filter((d) => /^[a-z]{2}$/.test(d) && (!only || only.includes(d)));
  const limit = Number(arg('pages')) || Infinity;
  for (const l of locales) for (const f of htmlPages(site, l).slice(0, limit)) index.add(f, l, fs.statSync(path.join(site, f)).size);
  const tree = treeRssSampler(process.pid, 200);
  let node = 0;
  const nodeTimer = setInterval(() => (node = Math.max(node, rssMb(process.pid) ?? 0)), 200);
  const rows: string[] = [];
  let started = Date.now();
  let current = '';
  const close = () => current && rows.push(`${current}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // Reads from the site, writes the bundles into `target` (pagefind/<locale>/) through a link farm:
  // the search module reads `site/<file>` and writes `pagefind/` beside it, so point it at `target`.
  if (target !== site) for (const l of locales) fs.symlinkSync(path.join(site, l), path.join(target, l));
  await index.write(target, ({ locale, shard, shards, pages }) => {
    close();
    current = `${locale} ${shard}/${shards} (${pages} pages)`;
    started = Date.now();
    console.log(`[index] ${current}…`);
  });
  close();
  clearInterval(nodeTimer);
  tree.stop();
  console.log(rows.join('\n'));
  console.log(`peak RSS: this process ${node.toFixed(0)} MB; this process with Pagefind (summed at each sample) ${tree.max().toFixed(0)} MB`);
  console.log(`bundles written to ${path.join(target, 'pagefind')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
