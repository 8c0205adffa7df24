/**
 * The audit log as CSV (admins only), streamed in batches: never the whole log in memory.
 * Cells are escaped (RFC 4180) and guarded against spreadsheet formula injection.
 */
import { moderatorForRoute } from '@/lib/auth/guards';
import { csvRow } from '@/lib/moderation/csv';
import { iterateAudit } from '@/lib/moderation/queries';
import { parseAuditFilters } from '@/lib/moderation/schemas';

export const dynamic = 'force-dynamic';

const HEADER = ['id', 'created_at', 'action', 'actor_id', 'actor_name', 'actor_email', 'contribution_id', 'target_moderator_id', 'target_moderator_name', 'from_status', 'to_status', 'reason', 'note'];

export async function GET(request: Request) {
  const moderator = await moderatorForRoute('audit.export');
  if (moderator instanceof Response) return moderator;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = parseAuditFilters(params);
  const rows = iterateAudit({ viewer: moderator, filters });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // A BOM so that spreadsheets read the file as UTF-8 (Arabic, Chinese, Korean names).
      controller.enqueue(encoder.encode('\uFEFF' + csvRow(HEADER)));
    },
    async pull(controller) {
      let n = 0;
      try {
        while (n < 200) {
          const { value, done } = await rows.next();
          if (done) {
            controller.close();
            return;
          }
          controller.enqueue(
            encoder.encode(
              csvRow([value.id, value.createdAt, value.action, value.actorId, value.actor, value.actorEmail, value.contributionId, value.targetId, value.target, value.fromStatus, value.toStatus, value.reason, value.note]),
            ),
          );
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
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="jesuisinternet-audit-${day}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
