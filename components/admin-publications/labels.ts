import 'server-only';
import { getTranslations } from 'next-intl/server';

/** The editor's labels in the moderator's language (passed to the client component as props). */
export async function editorLabels() {
  const t = await getTranslations('AdminPublications');
  const keys = ['language', 'theme', 'overall', 'title', 'body', 'bodyHint', 'status', 'draft', 'published', 'preview', 'save', 'previewHeading', 'saved'] as const;
  const errors = ['unauthenticated', 'forbidden', 'conflict', 'notFound', 'invalid', 'titleRequired', 'titleTooLong', 'bodyRequired', 'bodyTooLong', 'locale', 'status', 'theme', 'session', 'id'] as const;
  return {
    ...(Object.fromEntries(keys.map((k) => [k, t(k)])) as Record<(typeof keys)[number], string>),
    errors: Object.fromEntries(errors.map((k) => [k, t(`errors.${k}`)])),
  };
}
