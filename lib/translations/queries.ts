import 'server-only';
/** The translations editor: the original and every locale's translation of one contribution. */
import { db } from '../db';
import { can, type Actor } from '../auth/permissions';
import { locales } from '../i18n/config';
import { isUuid } from '../uuid';

export interface TranslationEditorView {
  id: string;
  body: string;
  language: string;
  status: string;
  pseudonym: string;
  questionSlug: string;
  rows: {
    locale: string;
    body: string | null;
    kind: 'MACHINE' | 'REVIEWED' | null;
    stale: boolean;
    provider: string | null;
    translator: string | null;
    updatedAt: Date | null;
  }[];
  pendingJobs: string[];
}

export async function getTranslationEditor(opts: { viewer: Actor | null; id: string }): Promise<TranslationEditorView | null> {
  if (!can(opts.viewer, 'translation.write')) throw new Error('forbidden');
  if (!isUuid(opts.id)) return null;
  const c = await db.contribution.findUnique({
    where: { id: opts.id },
    select: {
      id: true,
      body: true,
      language: true,
      status: true,
      pseudonym: true,
      question: { select: { slug: true } },
      translations: {
        select: {
          locale: true, body: true, kind: true, stale: true, provider: true, updatedAt: true, translator: { select: { name: true } },
        },
      },
    },
  });
  if (!c) return null;
  const jobs = await db.$queryRaw<{ locale: string }[]>`
    SELECT payload->>'locale' AS locale FROM "Job"
    WHERE status IN ('QUEUED', 'RUNNING') AND payload->>'contributionId' = ${c.id}`;
  return {
    id: c.id,
    body: c.body,
    language: c.language,
    status: c.status,
    pseudonym: c.pseudonym,
    questionSlug: c.question.slug,
    rows: locales
      .filter((l) => l !== c.language)
      .map((l) => {
        const t = c.translations.find((x) => x.locale === l);
        return {
          locale: l,
          body: t?.body ?? null,
          kind: t?.kind ?? null,
          stale: t?.stale ?? false,
          provider: t?.provider ?? null,
          translator: t?.translator?.name ?? null,
          updatedAt: t?.updatedAt ?? null,
        };
      }),
    pendingJobs: jobs.map((j) => j.locale),
  };
}
