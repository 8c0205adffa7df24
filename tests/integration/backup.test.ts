/**
 * db:backup / db:restore round trip: a database with contributions in the ten languages (and
 * their search index, moderation events, a moderator) is dumped, wiped and replaced by other
 * data, restored, and compared table by table (row counts and an md5 of every row).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { resetDatabase, db } from './helpers';
import { backupDatabase, fingerprint, readBackupHeader, restoreDatabase } from '../../lib/database/backup';
import { insertRows, makeRow, rng, LOAD_LANGUAGES, removeLoad } from '../../lib/seed/load';

const url = process.env.DATABASE_URL!;

async function withClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe('backup and restore', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsi-backup-'));
  const file = path.join(dir, 'db.jsonl.gz');

  beforeAll(async () => {
    await resetDatabase();
    const questionIds = (await db.question.findMany({ select: { id: true } })).map((q) => q.id);
    const rand = rng(42);
    const rows: ReturnType<typeof makeRow>[] = [];
    // Every language, several statuses, varied lengths.
    for (let i = 0; i < 300; i++) rows.push(makeRow(rand, questionIds));
    await withClient((c) => insertRows(c, rows, 'load:backup-test:'));
    const langs = await db.contribution.groupBy({ by: ['language'], _count: { _all: true } });
    expect(langs.map((l) => l.language).sort()).toEqual([...LOAD_LANGUAGES].sort());
    const some = await db.contribution.findFirst({ where: { status: 'PUBLISHED' } });
    await db.moderator.create({ data: { email: 'm@example.org', name: 'Modératrice', passwordHash: 'x', languages: ['fr', 'ar'] } });
    await db.moderationEvent.create({ data: { contributionId: some!.id, action: 'PUBLISHED', fromStatus: 'PENDING', toStatus: 'PUBLISHED', note: 'تمت الموافقة — 已批准 — OK' } });
  });

  it('round-trips every table exactly', async () => {
    const before = await fingerprint(url);
    expect(before.Contribution.rows).toBe(300);
    const header = await backupDatabase({ url, file });
    expect(header.tables.find((t) => t.name === 'Contribution')!.rows).toBe(300);
    expect((await readBackupHeader(file)).migrations.length).toBeGreaterThan(0);

    // Something else entirely in the database…
    await resetDatabase();
    await removeLoad(url);
    const q1 = (await db.question.findFirst())!.id;
    await withClient((c) => insertRows(c, [makeRow(rng(1), [q1])], 'load:other:'));
    expect((await fingerprint(url)).Contribution.rows).toBe(1);

    // …then the backup back.
    await restoreDatabase({ url, file });
    const after = await fingerprint(url);
    expect(after).toEqual(before);

    // Sequences continue after the restored ids; the append-only log still accepts new events.
    const ev = await db.moderationEvent.create({ data: { action: 'MODERATOR_CREATED', note: 'after restore' } });
    const maxBefore = await db.moderationEvent.count();
    expect(Number(ev.id)).toBeGreaterThanOrEqual(maxBefore);
  });

  it('refuses a file that is not a backup and leaves the database untouched', async () => {
    const bad = path.join(dir, 'bad.gz');
    fs.writeFileSync(bad, (await import('node:zlib')).gzipSync('{"hello":1}\n'));
    const before = await fingerprint(url);
    await expect(restoreDatabase({ url, file: bad })).rejects.toThrow(/not a backup/);
    expect(await fingerprint(url)).toEqual(before);
  });
});
