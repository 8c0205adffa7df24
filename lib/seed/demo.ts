/**
 * Demo data for the embedded default database only (never when DATABASE_URL is set):
 * contributions in ten languages and two demo moderator accounts. Every row is flagged isDemo.
 */
import crypto from 'node:crypto';
import type { Db } from '../db';
import { hashPassword } from '../auth/password';
import { hashEditToken } from '../contributions/tokens';
import { readDemoContributions } from './content';
import { seedDemoPublications } from './demo-publications';

export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.jesuisinternet.test', password: 'demo-admin-2017', name: 'Camille (ANSSI, démo)', role: 'ADMIN', organisation: 'ANSSI', languages: ['fr', 'en'] },
  { email: 'moderator@demo.jesuisinternet.test', password: 'demo-moderator-2017', name: 'Nadia (AMNECYS, démo)', role: 'MODERATOR', organisation: 'AMNECYS', languages: ['fr', 'en', 'ar'] },
] as const;

const STATUS = { published: 'PUBLISHED', pending: 'PENDING', rejected: 'REJECTED', hidden: 'HIDDEN' } as const;
const REASON = {
  spam: 'SPAM',
  abusive: 'ABUSIVE',
  off_topic: 'OFF_TOPIC',
  personal_data: 'PERSONAL_DATA',
  duplicate: 'DUPLICATE',
  other: 'OTHER',
} as const;

export async function seedDemo(db: Db, dir?: string) {
  for (const a of DEMO_ACCOUNTS) {
    const existing = await db.moderator.findUnique({ where: { email: a.email } });
    if (!existing) {
      await db.moderator.create({
        data: {
          email: a.email,
          name: a.name,
          role: a.role,
          organisation: a.organisation,
          languages: [...a.languages],
          passwordHash: await hashPassword(a.password),
          isDemo: true,
        },
      });
    }
  }

  const items = readDemoContributions(dir);
  const questions = new Map((await db.question.findMany({ select: { id: true, slug: true } })).map((q) => [q.slug, q.id]));
  let created = 0;
  for (const [i, c] of items.entries()) {
    const questionId = questions.get(c.question);
    if (!questionId) throw new Error(`demo contribution ${i}: unknown question ${c.question}`);
    const key = `demo:${i}`;
    if (await db.contribution.findUnique({ where: { idempotencyKey: key }, select: { id: true } })) continue;
    const createdAt = new Date(c.createdAt);
    const status = STATUS[c.status];
    const decidedAt = status === 'PENDING' ? null : new Date(createdAt.getTime() + 5 * 3600_000);
    await db.contribution.create({
      data: {
        questionId,
        pseudonym: c.pseudonym.normalize('NFC'),
        body: c.body.normalize('NFC'),
        language: c.language,
        status,
        reason: c.rejectionReason ? REASON[c.rejectionReason] : null,
        editTokenHash: hashEditToken(crypto.randomBytes(32).toString('base64url')),
        idempotencyKey: key,
        isDemo: true,
        createdAt,
        decidedAt,
        publishedAt: status === 'PUBLISHED' || status === 'HIDDEN' ? decidedAt : null,
        translations: {
          create: Object.entries(c.translations ?? {})
            .filter(([l]) => l !== c.language)
            .map(([locale, body]) => ({ locale, body: body.normalize('NFC'), kind: 'MACHINE' as const, provider: 'demo', createdAt })),
        },
        events: {
          create: [
            { action: 'SUBMITTED' as const, toStatus: 'PENDING' as const, createdAt },
            ...(decidedAt
              ? [
                  {
                    action: (status === 'PUBLISHED' ? 'PUBLISHED' : status === 'HIDDEN' ? 'HIDDEN' : 'REJECTED') as 'PUBLISHED' | 'HIDDEN' | 'REJECTED',
                    fromStatus: 'PENDING' as const,
                    toStatus: status,
                    reason: c.rejectionReason ? REASON[c.rejectionReason] : null,
                    createdAt: decidedAt,
                  },
                ]
              : []),
          ],
        },
      },
    });
    created++;
  }
  const author = await db.moderator.findUnique({ where: { email: DEMO_ACCOUNTS[0].email }, select: { id: true } });
  const publications = await seedDemoPublications(db, author?.id ?? null, dir);
  return { accounts: DEMO_ACCOUNTS.length, contributions: created, total: items.length, publications };
}
