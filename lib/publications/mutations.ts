import 'server-only';
/**
 * Writing proceedings (admins) and synthesis pages (moderators). Each save is one transaction
 * that refuses a stale edit (the version the editor started from must be the current one).
 * publishedAt is set the first time a page is published and kept afterwards.
 * Search and feeds follow by themselves (database triggers, cache tags in the actions).
 */
import { db } from '../db';
import { now } from '../clock';
import { AppError } from '../errors';
import type { ProceedingInput, SynthesisInput } from './schemas';

/**
 * The version stamp of a save: the application's clock (a replay's pages are dated by its clock),
 * and always after the previous save's, so that a stale edit is refused even when the clock stands still.
 */
const stamp = (previous: Date | undefined) => new Date(Math.max(now().getTime(), (previous?.getTime() ?? 0) + 1));

export async function saveProceeding(o: { actorId: string; input: ProceedingInput }) {
  const { input } = o;
  return db.$transaction(async (tx) => {
    const session = await tx.conferenceSession.findUnique({ where: { slug: input.session }, select: { id: true } });
    if (!session) throw new AppError('notFound');
    const current = await tx.proceeding.findUnique({ where: { sessionId_locale: { sessionId: session.id, locale: input.locale } } });
    if (current && input.baseVersion !== undefined && current.updatedAt.getTime() !== input.baseVersion) throw new AppError('conflict');
    const publishedAt = input.status === 'PUBLISHED' ? (current?.publishedAt ?? now()) : (current?.publishedAt ?? null);
    const updatedAt = stamp(current?.updatedAt);
    const data = { title: input.title, body: input.body, status: input.status, authorId: o.actorId, publishedAt, updatedAt };
    return current
      ? tx.proceeding.update({ where: { id: current.id }, data })
      : tx.proceeding.create({ data: { sessionId: session.id, locale: input.locale, ...data, createdAt: updatedAt } });
  });
}

export async function saveSynthesis(o: { actorId: string; input: SynthesisInput }) {
  const { input } = o;
  return db.$transaction(async (tx) => {
    let themeId: number | null = null;
    if (input.theme) {
      const theme = await tx.theme.findUnique({ where: { slug: input.theme }, select: { id: true } });
      if (!theme) throw new AppError('notFound');
      themeId = theme.id;
    }
    const current = input.id ? await tx.synthesisPage.findUnique({ where: { id: input.id } }) : null;
    if (input.id && !current) throw new AppError('notFound');
    if (current && input.baseVersion !== undefined && current.updatedAt.getTime() !== input.baseVersion) throw new AppError('conflict');
    const publishedAt = input.status === 'PUBLISHED' ? (current?.publishedAt ?? now()) : (current?.publishedAt ?? null);
    const updatedAt = stamp(current?.updatedAt);
    const data = {
      themeId, locale: input.locale, title: input.title, body: input.body, status: input.status, authorId: o.actorId,
      publishedAt, updatedAt,
    };
    // Created "now" by the application's clock: a replay's own pages belong to the replayed moment.
    return current
      ? tx.synthesisPage.update({ where: { id: current.id }, data })
      : tx.synthesisPage.create({ data: { ...data, createdAt: updatedAt } });
  });
}
