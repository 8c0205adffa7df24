/**
 * "PublishedCount" (per question and language) is kept by triggers: after any insert, status
 * change, move, language change, delete or truncate it equals a real count of the
 * contributions, and the catalogue and the language filter read it.
 */
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, resetDatabase } from './helpers';
import { insertRows, makeRow, rng } from '../../lib/seed/load';
import { getTracks } from '../../lib/catalogue/queries';
import { countPublishedByLanguage } from '../../lib/contributions/queries';

const url = process.env.DATABASE_URL!;
let client: pg.Client;

async function stored(): Promise<Record<string, number>> {
  const r = await client.query(`SELECT "questionId", language, published FROM "PublishedCount" WHERE published <> 0 ORDER BY 1, 2`);
  return Object.fromEntries(r.rows.map((x) => [`${x.questionId}/${x.language}`, x.published]));
}

async function counted(): Promise<Record<string, number>> {
  const r = await client.query(
    `SELECT "questionId", language, count(*)::int AS n FROM "Contribution" WHERE status = 'PUBLISHED' GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return Object.fromEntries(r.rows.map((x) => [`${x.questionId}/${x.language}`, x.n]));
}

async function expectInStep() {
  expect(await stored()).toEqual(await counted());
}

describe('published counts maintained by triggers', () => {
  let q1 = 0;
  let q2 = 0;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterAll(() => client.end());
  beforeEach(async () => {
    await resetDatabase();
    const qs = await db.question.findMany({ orderBy: { id: 'asc' }, take: 2 });
    [q1, q2] = qs.map((q) => q.id);
  });

  it('follows inserts of every status, including batched ones', async () => {
    const rand = rng(7);
    const rows = Array.from({ length: 300 }, () => makeRow(rand, [q1, q2]));
    await insertRows(client, rows, 'load:pc:');
    const published = rows.filter((r) => r.status === 'PUBLISHED').length;
    expect(published).toBeGreaterThan(0);
    expect(published).toBeLessThan(rows.length); // the mix has other statuses too
    await expectInStep();
    const total = Object.values(await stored()).reduce((a, b) => a + b, 0);
    expect(total).toBe(published);
  });

  it('follows publication, hiding, moves between questions, language changes and deletes', async () => {
    const rand = rng(11);
    await insertRows(client, Array.from({ length: 60 }, () => makeRow(rand, [q1], { status: 'PENDING' })), 'load:pc2:');
    expect(await stored()).toEqual({});

    await client.query(`UPDATE "Contribution" SET status = 'PUBLISHED' WHERE id IN (SELECT id FROM "Contribution" ORDER BY id LIMIT 40)`);
    await expectInStep();
    await client.query(`UPDATE "Contribution" SET status = 'HIDDEN' WHERE id IN (SELECT id FROM "Contribution" WHERE status = 'PUBLISHED' ORDER BY id LIMIT 5)`);
    await expectInStep();
    await client.query(`UPDATE "Contribution" SET "questionId" = $1 WHERE id IN (SELECT id FROM "Contribution" WHERE status = 'PUBLISHED' ORDER BY id LIMIT 7)`, [q2]);
    await expectInStep();
    await client.query(`UPDATE "Contribution" SET language = CASE WHEN language = 'ko' THEN 'zh' ELSE 'ko' END WHERE id IN (SELECT id FROM "Contribution" ORDER BY id DESC LIMIT 30)`);
    await expectInStep();
    // An update that touches neither status, question nor language changes nothing.
    const before = await stored();
    await client.query(`UPDATE "Contribution" SET "reportCount" = "reportCount" + 1, status = status`);
    expect(await stored()).toEqual(before);
    await client.query(`DELETE FROM "Contribution" WHERE id IN (SELECT id FROM "Contribution" WHERE status = 'PUBLISHED' ORDER BY id LIMIT 3)`);
    await expectInStep();
    await client.query(`TRUNCATE "Contribution" CASCADE`);
    expect(await stored()).toEqual({});
  });

  it('is what the catalogue and the language filter show', async () => {
    const rand = rng(3);
    await insertRows(client, Array.from({ length: 120 }, () => makeRow(rand, [q1], { questionId: q1, status: 'PUBLISHED' })), 'load:pc3:');
    const real = await counted();
    const byLanguage = await countPublishedByLanguage(q1);
    const expected = Object.fromEntries(Object.entries(real).map(([k, n]) => [k.split('/')[1], n]));
    expect(byLanguage.byLanguage).toEqual(expected);
    expect(byLanguage.total).toBe(120);
    const question = (await getTracks('fr')).flatMap((t) => t.themes.flatMap((th) => th.questions)).find((q) => q.id === q1);
    expect(question?.published).toBe(120);
  });
});
