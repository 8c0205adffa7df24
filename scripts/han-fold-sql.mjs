#!/usr/bin/env node
/**
 * Writes the SQL of jsi_fold_han() (Traditional → Simplified Chinese characters, for search) from
 * OpenCC's TSCharacters dictionary as opencc-js ships it. Used once to write the migration
 * prisma/migrations/20261206100000_search_han_folding; re-run it (and write a new migration with
 * its output) to follow a newer dictionary:  node scripts/han-fold-sql.mjs > fold.sql
 */
import TS from 'opencc-js/dict/TSCharacters';

const from = [];
const to = [];
// "T S1 S2|T2 S|…": each Traditional character with its Simplified forms; the first one is kept.
for (const entry of TS.split('|')) {
  const [t, s] = entry.split(' ');
  if (!t || !s || [...t].length !== 1 || [...s].length !== 1 || t === s) continue;
  from.push(t);
  to.push(s);
}
if (from.some((c) => c === "'" || c === ']' || c === '\\')) throw new Error('unexpected character in the dictionary');

process.stdout.write(`-- ${from.length} Traditional characters → Simplified (OpenCC TSCharacters, opencc-js 1.4.2).
CREATE OR REPLACE FUNCTION jsi_fold_han(s text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT CASE WHEN s ~ '[${from.join('')}]'
    THEN translate(s, '${from.join('')}', '${to.join('')}')
    ELSE s END
$fn$;
`);
