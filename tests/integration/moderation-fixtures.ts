/** Factories for the moderation integration tests: contributions, reports, moderators. */
import crypto from 'node:crypto';
import { db } from './helpers';
import { hashPassword } from '../../lib/auth/password';

type Status = 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'HIDDEN' | 'WITHDRAWN';

export async function makeContribution(
  o: { status?: Status; language?: string; body?: string; createdAt?: Date; question?: string; pseudonym?: string } = {},
) {
  const q = o.question ? await db.question.findUniqueOrThrow({ where: { slug: o.question } }) : await db.question.findFirstOrThrow({ orderBy: { id: 'asc' } });
  return db.contribution.create({
    data: {
      questionId: q.id,
      pseudonym: o.pseudonym ?? 'Alice',
      body: o.body ?? 'La cybersécurité est l’affaire de tous.',
      language: o.language ?? 'fr',
      status: o.status ?? 'PENDING',
      editTokenHash: crypto.randomUUID(),
      idempotencyKey: crypto.randomUUID(),
      ...(o.createdAt ? { createdAt: o.createdAt } : {}),
      ...(o.status === 'PUBLISHED' ? { publishedAt: new Date() } : {}),
    },
    select: { id: true, version: true, status: true, createdAt: true, questionId: true, language: true },
  });
}

export async function makeReport(contributionId: string, reason: 'SPAM' | 'ABUSIVE' | 'OFF_TOPIC' | 'PERSONAL_DATA' | 'OTHER' = 'ABUSIVE', text?: string) {
  await db.contribution.update({ where: { id: contributionId }, data: { reportCount: { increment: 1 } } });
  return db.report.create({ data: { contributionId, reason, text, clientHash: crypto.randomUUID() } });
}

let hashCache: Promise<string> | undefined;
export async function makeModerator(o: { email?: string; role?: 'MODERATOR' | 'ADMIN'; disabled?: boolean; password?: string; name?: string } = {}) {
  const passwordHash = o.password ? await hashPassword(o.password) : await (hashCache ??= hashPassword('a-test-password-123'));
  return db.moderator.create({
    data: {
      email: o.email ?? `${crypto.randomUUID()}@test.example`,
      name: o.name ?? 'Test moderator',
      role: o.role ?? 'MODERATOR',
      organisation: 'ANSSI',
      languages: ['fr'],
      disabled: o.disabled ?? false,
      passwordHash,
    },
    select: { id: true, email: true, role: true, name: true, disabled: true },
  });
}
