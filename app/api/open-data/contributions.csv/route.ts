import { calendar } from '@/lib/consultation/guard';
import { now } from '@/lib/clock';
import { csvDisposition, csvFilename, csvSeparator } from '@/lib/csv/csv';
import { openDataPeriod } from '@/lib/opendata/format';
import { BATCH, contributionsCsvStream } from '@/lib/opendata/queries';
import { FRESH_PUBLIC_DATA } from '@/lib/cache/headers';

export const dynamic = 'force-dynamic';

/**
 * Published contributions as CSV (CC BY 4.0), streamed in keyset batches; named after the
 * period it covers; ?sep=semicolon for spreadsheets set to French, German, Russian…
 */
export function GET(request?: Request) {
  const sep = csvSeparator(request ? new URL(request.url).searchParams.get('sep') : null);
  const { opensAt, closesAt } = calendar();
  return new Response(contributionsCsvStream(BATCH, sep), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': csvDisposition(csvFilename('contributions', openDataPeriod(opensAt, closesAt, now()), sep)),
      'Cache-Control': FRESH_PUBLIC_DATA,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
