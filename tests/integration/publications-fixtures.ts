/** Factories for the publications tests: contributions written straight into the database. */
import crypto from 'node:crypto';
import { db } from './helpers';

type Status = 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'HIDDEN' | 'WITHDRAWN';

export async function questionId(slug = 'attribution-criteria'): Promise<number> {
  return (await db.question.findUniqueOrThrow({ where: { slug } })).id;
}

export async function addContribution(o: {
  body: string;
  language: string;
  question?: string;
  status?: Status;
  pseudonym?: string;
  createdAt?: Date;
  translations?: Record<string, string>;
}) {
  const createdAt = o.createdAt ?? new Date('2017-03-15T10:00:00+01:00');
  const status = o.status ?? 'PUBLISHED';
  return db.contribution.create({
    data: {
      questionId: await questionId(o.question),
      pseudonym: o.pseudonym ?? 'Testeur',
      body: o.body,
      language: o.language,
      status,
      editTokenHash: crypto.randomBytes(16).toString('hex'),
      idempotencyKey: crypto.randomUUID(),
      createdAt,
      publishedAt: status === 'PUBLISHED' ? createdAt : null,
      translations: o.translations
        ? { create: Object.entries(o.translations).map(([locale, body]) => ({ locale, body, kind: 'MACHINE' as const })) }
        : undefined,
    },
  });
}
