/**
 * The audit log as CSV (admins only), streamed in batches: never the whole log in memory.
 * Cells are escaped (RFC 4180) and guarded against spreadsheet formula injection. Notes are
 * written in the language asked for (?locale=, the page's), with their code and parameters
 * beside them; ?sep=semicolon gives the variant spreadsheets in fr/de/ru settings expect. The
 * file is named after its period.
 */
import { createTranslator } from 'next-intl';
import { moderatorForRoute } from '@/lib/auth/guards';
import { csvDisposition, csvFilename, csvRow, csvSeparator } from '@/lib/csv/csv';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { auditNoteText } from '@/lib/moderation/audit-notes';
import { iterateAudit } from '@/lib/moderation/queries';
import { parseAuditFilters } from '@/lib/moderation/schemas';
import { languageNameWithScript } from '@/lib/i18n/language-name';

export const dynamic = 'force-dynamic';

const HEADER = ['id', 'created_at', 'action', 'actor_id', 'actor_name', 'actor_email', 'contribution_id', 'target_moderator_id', 'target_moderator_name', 'from_status', 'to_status', 'reason', 'note', 'note_code', 'note_params'];

export async function GET(request: Request) {
  const moderator = await moderatorForRoute('audit.export');
  if (moderator instanceof Response) return moderator;
  const url = new URL(request.url);
  const params = Object.fromEntries(url.searchParams);
  const filters = parseAuditFilters(params);
  const sep = csvSeparator(url.searchParams.get('sep'));
  const localeParam = url.searchParams.get('locale');
  const locale = isLocale(localeParam) ? localeParam : defaultLocale;
  const messages = (await import(`../../../../messages/${locale}.json`)).default;
  const translators = {
    note: createTranslator({ locale, messages, namespace: 'AuditNote' }),
    moderators: createTranslator({ locale, messages, namespace: 'AdminModerators' }),
    language: (code: string) => languageNameWithScript(code, locale),
  };
  const rows = iterateAudit({ viewer: moderator, filters });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // A BOM so that spreadsheets read the file as UTF-8 (Arabic, Chinese, Korean names).
      controller.enqueue(encoder.encode('\uFEFF' + csvRow(HEADER, sep)));
    },
    async pull(controller) {
      let n = 0;
      try {
        while (n < 200) {
          const { value: r, done } = await rows.next();
          if (done) {
            controller.close();
            return;
          }
          const who = [r.actorId, r.actor, r.actorEmail];
          const cells = [r.id, r.createdAt, r.action, ...who, r.contributionId, r.targetId, r.target, r.fromStatus, r.toStatus, r.reason];
          const params = r.noteParams ? JSON.stringify(r.noteParams) : null;
          controller.enqueue(encoder.encode(csvRow([...cells, auditNoteText(r, translators), r.noteCode, params], sep)));
          n++;
        }
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const today = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': csvDisposition(csvFilename('audit', { from: filters.from, to: filters.to ?? today }, sep)),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
