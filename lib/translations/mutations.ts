import 'server-only';
/**
 * A moderator writes or corrects the translation of a contribution into one locale: it becomes
 * REVIEWED, signed by the moderator, no longer stale; the audit log records TRANSLATION_SAVED.
 */
import { db } from '../db';
import { now } from '../clock';
import { assertCan, type Actor } from '../auth/permissions';
import { AppError } from '../errors';
import type { TranslationInput } from './schemas';

export async function saveReviewedTranslation(opts: { actor: Actor; input: TranslationInput }): Promise<{ questionSlug: string }> {
  assertCan(opts.actor, 'translation.write');
  const { contributionId, locale, body } = opts.input;
  return db.$transaction(async (tx) => {
    const c = await tx.contribution.findUnique({
      where: { id: contributionId },
      select: { language: true, question: { select: { slug: true } }, translations: { where: { locale }, select: { kind: true } } },
    });
    if (!c) throw new AppError('notFound');
    if (c.language === locale) throw new AppError('sameLanguage', { status: 400 });
    const at = now();
    await tx.contributionTranslation.upsert({
      where: { contributionId_locale: { contributionId, locale } },
      create: { contributionId, locale, body, kind: 'REVIEWED', stale: false, provider: null, translatorId: opts.actor.id, createdAt: at },
      update: { body, kind: 'REVIEWED', stale: false, translatorId: opts.actor.id },
    });
    await tx.moderationEvent.create({
      data: {
        contributionId,
        actorId: opts.actor.id,
        action: 'TRANSLATION_SAVED',
        noteCode: 'translationSaved',
        noteParams: { locale, change: c.translations[0] ? (c.translations[0].kind === 'MACHINE' ? 'machineReviewed' : 'corrected') : 'new' },
        createdAt: at,
      },
    });
    return { questionSlug: c.question.slug };
  });
}

/**
 * The original was edited: its translations no longer match it (the contributions domain calls
 * this in the edit's transaction), and machine ones are queued again.
 */
export async function markTranslationsStale(tx: Pick<typeof db, 'contributionTranslation'>, contributionId: string): Promise<number> {
  const r = await tx.contributionTranslation.updateMany({ where: { contributionId, stale: false }, data: { stale: true } });
  return r.count;
}
