/**
 * No N+1: the SQL statements a question page, its keyset pages, its language filter, the home
 * page and a search run are the same number with 10 or 1,010 contributions. Counted with
 * Prisma's query events on the very client the queries use (installed as the lib/db singleton).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { insertRows, makeRow, rng } from '../../lib/seed/load';

const url = process.env.DATABASE_URL!;
let queries = 0;
const counting = new PrismaClient({
  adapter: new PrismaPg({ connectionString: url }),
  log: [{ emit: 'event', level: 'query' }],
  omit: { moderator: { passwordHash: true }, contribution: { editTokenHash: true, clientHash: true }, report: { clientHash: true } },
});
counting.$on('query' as never, () => {
  queries++;
});
const g = globalThis as unknown as { __jsiDb?: unknown };
const previous = g.__jsiDb;
g.__jsiDb = counting; // lib/db.ts takes the singleton from here

async function count(fn: () => Promise<unknown>): Promise<number> {
  queries = 0;
  await fn();
  return queries;
}

describe('queries per page do not grow with the data', () => {
  let questionId = 0;
  let slug = '';
  let lib: {
    getQuestion: typeof import('../../lib/catalogue/queries').getQuestion;
    getTracks: typeof import('../../lib/catalogue/queries').getTracks;
    listPublishedContributions: typeof import('../../lib/contributions/queries').listPublishedContributions;
    countPublishedByLanguage: typeof import('../../lib/contributions/queries').countPublishedByLanguage;
    search: typeof import('../../lib/search/queries').search;
  };

  async function add(n: number, seed: number) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const rand = rng(seed);
      const rows = Array.from({ length: n }, () => makeRow(rand, [questionId], { questionId, status: 'PUBLISHED' }));
      await insertRows(c, rows, `load:qc:${seed}:`);
    } finally {
      await c.end();
    }
  }

  async function pageQueries(): Promise<Record<string, number>> {
    const first = await lib.listPublishedContributions({ questionId, locale: 'fr' });
    const { decodeCursor } = await import('../../lib/pagination/cursor');
    return {
      question: await count(() => lib.getQuestion(slug, 'fr')),
      firstPage: await count(() => lib.listPublishedContributions({ questionId, locale: 'fr' })),
      nextPage: await count(() => lib.listPublishedContributions({ questionId, locale: 'fr', cursor: first.next ? decodeCursor(first.next) : null })),
      languageFilter: await count(() => lib.listPublishedContributions({ questionId, locale: 'fr', language: 'ar' })),
      languageCounts: await count(() => lib.countPublishedByLanguage(questionId)),
      home: await count(() => lib.getTracks('fr')),
      search: await count(() => lib.search({ q: 'infrastructures critiques', locale: 'fr' })),
    };
  }

  beforeAll(async () => {
    const { resetDatabase } = await import('./helpers');
    await resetDatabase();
    const cat = await import('../../lib/catalogue/queries');
    const con = await import('../../lib/contributions/queries');
    const sea = await import('../../lib/search/queries');
    lib = {
      getQuestion: cat.getQuestion,
      getTracks: cat.getTracks,
      listPublishedContributions: con.listPublishedContributions,
      countPublishedByLanguage: con.countPublishedByLanguage,
      search: sea.search,
    };
    const q = await counting.question.findFirstOrThrow({ orderBy: { id: 'asc' } });
    questionId = q.id;
    slug = q.slug;
  });
  afterAll(async () => {
    g.__jsiDb = previous;
    await counting.$disconnect();
  });

  it('10 contributions vs 1,010: the same number of SQL statements for every page', async () => {
    await add(10, 1);
    const small = await pageQueries();
    await add(1000, 2);
    const large = await pageQueries();
    console.log('SQL statements per page (10 vs 1,010 contributions):', JSON.stringify(small), JSON.stringify(large));
    expect(large).toEqual(small);
    // And small in absolute terms.
    for (const [page, n] of Object.entries(small)) expect(n, page).toBeLessThanOrEqual(16);
    expect(small.firstPage).toBeGreaterThan(0);
  });
});
