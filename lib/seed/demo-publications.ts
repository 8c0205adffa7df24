/**
 * Demo synthesis and demo proceedings (prisma/content/demo/publications.json): fictional,
 * flagged isDemo, seeded only with the demo set (embedded default database, never with
 * DATABASE_URL), so that a newcomer sees what the synthesis and proceedings pages do.
 * "[[cite:demo:N]]" becomes a citation of the N-th demo contribution.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db';
import { locales } from '../i18n/config';
import { contentDir } from './content';

const schema = z.object({
  synthesis: z.array(
    z.object({ theme: z.string().nullable(), locale: z.enum(locales), publishedAt: z.string(), title: z.string(), body: z.string() }),
  ),
  proceedings: z.array(
    z.object({ session: z.string(), locale: z.enum(locales), publishedAt: z.string(), title: z.string(), body: z.string() }),
  ),
});

export function readDemoPublications(dir = contentDir()) {
  const file = path.join(dir, 'demo/publications.json');
  return fs.existsSync(file) ? schema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))) : { synthesis: [], proceedings: [] };
}

async function withCitations(db: Db, body: string): Promise<string> {
  let out = body;
  for (const m of body.matchAll(/\[\[cite:demo:(\d+)\]\]/g)) {
    const c = await db.contribution.findUnique({ where: { idempotencyKey: `demo:${m[1]}` }, select: { id: true } });
    if (!c) throw new Error(`demo publication cites demo contribution ${m[1]}, which does not exist`);
    out = out.replace(m[0], `[[cite:${c.id}]]`);
  }
  return out;
}

/** Idempotent: a demo page already there (same title and locale) is left as is. */
export async function seedDemoPublications(db: Db, authorId: string | null, dir?: string) {
  const { synthesis, proceedings } = readDemoPublications(dir);
  let created = 0;
  for (const s of synthesis) {
    if (await db.synthesisPage.findFirst({ where: { isDemo: true, locale: s.locale, title: s.title }, select: { id: true } })) continue;
    const theme = s.theme ? await db.theme.findUnique({ where: { slug: s.theme }, select: { id: true } }) : null;
    if (s.theme && !theme) throw new Error(`demo synthesis: unknown theme ${s.theme}`);
    const at = new Date(s.publishedAt);
    const body = await withCitations(db, s.body);
    await db.synthesisPage.create({
      data: { themeId: theme?.id ?? null, locale: s.locale, title: s.title, body, status: 'PUBLISHED', isDemo: true, authorId, publishedAt: at, createdAt: at, updatedAt: at },
    });
    created++;
  }
  for (const p of proceedings) {
    const session = await db.conferenceSession.findUnique({ where: { slug: p.session }, select: { id: true } });
    if (!session) throw new Error(`demo proceedings: unknown session ${p.session}`);
    const key = { sessionId_locale: { sessionId: session.id, locale: p.locale } };
    if (await db.proceeding.findUnique({ where: key, select: { id: true } })) continue;
    const at = new Date(p.publishedAt);
    await db.proceeding.create({
      data: { sessionId: session.id, locale: p.locale, title: p.title, body: p.body, status: 'PUBLISHED', isDemo: true, authorId, publishedAt: at, createdAt: at, updatedAt: at },
    });
    created++;
  }
  return created;
}
