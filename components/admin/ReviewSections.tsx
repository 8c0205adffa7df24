import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';
import type { Locale } from '@/lib/i18n/config';
import type { ReviewItem } from '@/lib/moderation/queries';
import { auditNoteText } from '@/lib/moderation/audit-notes';
import { LinkParagraph } from '@/components/layout/LinkParagraph';
import { Link } from '@/components/i18n/Link';
import { languageNameWithScript } from '@/lib/i18n/language-name';

/** The review page's date and time of an event, each locale's own way (lib/dates/format.ts: Korean 오후 8:55). */
export async function dateFormatter() {
  const locale = await getLocale();
  return (d: Date) => formatDate(d, locale, 'shortDayTime');
}

/** What the contribution under review is: question (and theme), status (and reason), language, author, dates. */
export async function ReviewFacts({ item, locale }: { item: ReviewItem; locale: Locale }) {
  const [t, date] = await Promise.all([getTranslations('AdminReview'), dateFormatter()]);
  return (
    <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="font-semibold">{t('question')}</dt>
      <dd>
        <Link href={`/questions/${item.question.slug}`} className="text-brand underline underline-offset-2">
          {item.question.title}
        </Link>{' '}
        <span className="text-muted">({item.question.themeLabel})</span>
      </dd>
      <dt className="font-semibold">{t('status.label')}</dt>
      <dd data-testid="status">
        {t(`status.${item.status}`)}
        {item.reason ? ` — ${t(`reason.${item.reason}`)}` : ''}
      </dd>
      <dt className="font-semibold">{t('language')}</dt>
      <dd>{languageNameWithScript(item.language, locale)}</dd>
      <dt className="font-semibold">{t('author')}</dt>
      <dd>
        <bdi>{item.pseudonym}</bdi>
      </dd>
      <dt className="font-semibold">{t('submitted')}</dt>
      <dd>
        <time dateTime={item.createdAt.toISOString()}>{date(item.createdAt)}</time>
        {item.editedAt ? ` · ${t('edited', { date: date(item.editedAt) })}` : ''}
      </dd>
    </dl>
  );
}

/** The reports of a contribution under review, open ones first. */
export async function ReviewReports({ reports }: { reports: ReviewItem['reports'] }) {
  const [t, date] = await Promise.all([getTranslations('AdminReview'), dateFormatter()]);
  const openReports = reports.filter((r) => !r.handledAt);
  return (
    <section aria-labelledby="reports-heading" className="mt-6">
      <h2 id="reports-heading" className="text-xl font-bold">
        {t('reportsTitle', { count: openReports.length })}
      </h2>
      {reports.length === 0 ? (
        <p className="mt-2 text-muted">{t('noReports')}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {reports.map((r) => (
            <li key={r.id} className={`rounded border p-3 ${r.handledAt ? 'border-line text-muted' : 'border-accent'}`}>
              <span className="font-semibold">{t(`reportReason.${r.reason}`)}</span> · <time dateTime={r.createdAt.toISOString()}>{date(r.createdAt)}</time>
              {r.handledAt ? ` · ${t('handled', { name: r.handledBy ?? '—' })}` : ''}
              {r.text ? (
                <p className="mt-1 whitespace-pre-line" dir="auto">
                  {r.text}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A contribution's history (its audit events), with the link to the audit log for admins. */
export async function ReviewHistory(props: { id: string; history: ReviewItem['history']; locale: Locale; admin: boolean }) {
  const [t, ta, tn, tm, date] = await Promise.all([
    getTranslations('AdminReview'),
    getTranslations('AdminAudit'),
    getTranslations('AuditNote'),
    getTranslations('AdminModerators'),
    dateFormatter(),
  ]);
  const noteOf = (e: Parameters<typeof auditNoteText>[0]) =>
    auditNoteText(e, { note: tn, moderators: tm, language: (c) => languageNameWithScript(c, props.locale) });
  return (
    <section aria-labelledby="history-heading" className="mt-8">
      <h2 id="history-heading" className="text-xl font-bold">
        {t('history')}
      </h2>
      {props.admin ? (
        <LinkParagraph href={`/admin/audit?contribution=${props.id}`} className="mt-1 text-sm" underlineOffset>
          {t('auditLink')}
        </LinkParagraph>
      ) : null}
      <ol className="mt-2 space-y-1 text-sm">
        {props.history.map((e) => (
          <li key={e.id}>
            <time dateTime={e.createdAt.toISOString()}>{date(e.createdAt)}</time> — {ta(`action.${e.action}`)}
            {e.reason ? ` (${t(`reason.${e.reason}`)})` : ''} · {e.actor ?? t('system')}
            {e.note || e.noteCode ? (
              <>
                {' '}
                — <q dir="auto">{noteOf(e)}</q>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Which translations a contribution has (reviewed or machine, stale), and the link to edit them. */
export async function ReviewTranslations(props: { id: string; translations: ReviewItem['translations']; locale: Locale }) {
  const t = await getTranslations('AdminReview');
  const { locale } = props;
  return (
    <section aria-labelledby="translations-heading" className="mt-8">
      <h2 id="translations-heading" className="text-xl font-bold">
        {t('translations')}
      </h2>
      <p className="mt-2 text-sm">
        {props.translations.length
          ? props.translations.map((tr) => `${languageNameWithScript(tr.locale, locale)} (${t(tr.kind === 'REVIEWED' ? 'kindReviewed' : 'kindMachine')}${tr.stale ? `, ${t('stale')}` : ''})`).join(' · ')
          : t('noTranslations')}
      </p>
      <LinkParagraph href={`/admin/contributions/${props.id}/translations`} className="mt-2" underlineOffset>
        {t('editTranslations')}
      </LinkParagraph>
    </section>
  );
}
