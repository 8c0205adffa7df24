import { FRESH_PUBLIC_DATA } from '@/lib/cache/headers';
import { contributionsCsvStream } from '@/lib/opendata/queries';

export const dynamic = 'force-dynamic';

/** Published contributions as CSV (CC BY 4.0), streamed in keyset batches. */
export function GET() {
  return new Response(contributionsCsvStream(), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': 'attachment; filename="jesuisinternet-contributions.csv"',
      'Cache-Control': FRESH_PUBLIC_DATA,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
