/**
 * The demo set (prisma/content/demo): spread over the months the consultation was open, so a
 * replay (APP_CLOCK) of any month shows some contributions (issue 15); the demo synthesis and
 * proceedings cite demo contributions that exist and are published, and say they are fictional.
 */
import { describe, expect, it } from 'vitest';
import { readDemoContributions } from '@/lib/seed/content';
import { readDemoPublications } from '@/lib/seed/demo-publications';

const items = readDemoContributions();
const parisMonth = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(new Date(iso));

describe('demo contributions over 2017', () => {
  it('every month from February to December 2017 has published demo contributions, none outside', () => {
    const months = new Map<string, number>();
    for (const c of items) {
      const m = parisMonth(c.createdAt);
      if (c.status === 'published') months.set(m, (months.get(m) ?? 0) + 1);
      expect(m >= '2017-02' && m <= '2017-12', `${c.pseudonym} ${c.createdAt}`).toBe(true);
    }
    for (let month = 2; month <= 12; month++) {
      expect(months.get(`2017-${String(month).padStart(2, '0')}`) ?? 0, `2017-${month}`).toBeGreaterThan(0);
    }
  });

  it('in the first ten days of each month some were already published (a replay early in a month shows that month too)', () => {
    for (let month = 3; month <= 12; month++) {
      const key = `2017-${String(month).padStart(2, '0')}`;
      const early = items.filter((c) => c.status === 'published' && parisMonth(c.createdAt) === key && Number(c.createdAt.slice(8, 10)) <= 10);
      expect(early.length, key).toBeGreaterThan(0);
    }
  });
});

describe('demo synthesis and proceedings', () => {
  const pubs = readDemoPublications();
  it('exist, say they are fictional, and cite published demo contributions', () => {
    expect(pubs.synthesis.length).toBeGreaterThan(0);
    expect(pubs.proceedings.length).toBeGreaterThan(0);
    for (const p of [...pubs.synthesis, ...pubs.proceedings]) {
      expect(p.title).toMatch(/démonstration|demo/i);
      expect(p.body).toMatch(/fictif|fictional/i);
      for (const m of p.body.matchAll(/\[\[cite:demo:(\d+)\]\]/g)) {
        expect(items[Number(m[1])]?.status, `cite ${m[1]}`).toBe('published');
      }
    }
  });
});
