#!/usr/bin/env node
// Merge namespaces into messages/<locale>.json under a lock (several people may edit at once).
//   node scripts/messages-merge.mjs file.json
// file.json: { "<locale>": { "<Namespace>": { ...keys } }, ... } for the ten locales.
// Namespaces in the file replace the same namespaces in messages/; others are untouched.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '../messages');
const lock = path.join(dir, '.lock');
const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));

for (let i = 0; ; i++) {
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
    break;
  } catch {
    if (i > 200) throw new Error('messages/.lock held for 20 s; remove it if stale');
    await new Promise((r) => setTimeout(r, 100));
  }
}
try {
  for (const [locale, namespaces] of Object.entries(input)) {
    const file = path.join(dir, `${locale}.json`);
    const current = JSON.parse(fs.readFileSync(file, 'utf8'));
    Object.assign(current, namespaces);
    fs.writeFileSync(file, JSON.stringify(current, null, 2) + '\n');
  }
  console.log(`merged ${Object.keys(Object.values(input)[0] ?? {}).join(', ')} into ${Object.keys(input).length} locales`);
} finally {
  fs.rmSync(lock, { force: true });
}
