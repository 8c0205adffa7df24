import { FRESH_PUBLIC_DATA } from '@/lib/cache/headers';
import { contributionsJsonStream } from '@/lib/opendata/queries';

export const dynamic = 'force-dynamic';

/** Published contributions as JSON (CC BY 4.0), streamed in keyset batches. */
export function GET() {
  return new Response(contributionsJsonStream(), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'inline; filename="jesuisinternet-contributions.json"',
      'Cache-Control': FRESH_PUBLIC_DATA,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
