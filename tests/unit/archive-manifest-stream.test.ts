import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Inventory, buildManifest, writeManifestFiles, type Manifest } from '../../lib/archive/manifest';

/** What `sha256sum -c` reads: one line per file, the WARC last. */
const sha256sums = (m: Manifest) => [...m.files, m.warc].map((f) => `${f.sha256}  ${f.path}\n`).join('');

function manifest(n: number) {
  const inventory = new Inventory();
  for (let i = 0; i < n; i++) {
    const locale = ['ar', 'zh', 'fr'][i % 3];
    inventory.add({ path: `site/${locale}/questions/q${i}/index.html`, size: 1000 + i, sha256: i.toString(16).padStart(64, '0') }, 'question-page', locale);
  }
  const calendar = { opensAt: '2017-01-01T00:00:00.000Z', closesAt: '2018-01-01T00:00:00.000Z' };
  const warc = { path: 'jesuisinternet.warc.gz', size: 42, sha256: 'f'.repeat(64) };
  return buildManifest({ inventory, exportedAt: new Date('2026-12-06T20:47:00Z'), publicUrl: 'https://jesuisinternet.example', calendar, locales: ['ar', 'zh', 'fr'], warc });
}

describe('the manifest, written in chunks', () => {
  for (const n of [0, 1, 3, 5000]) {
    it(`is byte for byte JSON.stringify(manifest, null, 2) and the sha256sum format (${n} files)`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsi-manifest-'));
      const m = manifest(n);
      writeManifestFiles(dir, m);
      expect(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).toBe(JSON.stringify(m, null, 2) + '\n');
      expect(fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')).toBe(sha256sums(m));
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))).toEqual(m);
      fs.rmSync(dir, { recursive: true });
    });
  }
});
