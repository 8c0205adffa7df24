import { checkHealth } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

/** 200 with JSON when PostgreSQL answers, 503 otherwise (within a few seconds, never a hang). */
export async function GET() {
  const h = await checkHealth();
  return Response.json(h, { status: h.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
