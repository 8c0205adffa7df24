/**
 * POST /api/contributions: post a contribution (JSON, urlencoded or multipart; 64 KB at most).
 * Fields: question (slug), pseudonym, body, language, consent, formToken, website (empty).
 * 201 created (200: the same form token was already used: the same contribution), 400 invalid,
 * 403 foreign Origin or consultation not open, 409 idempotency key reused with other content,
 * 413 too large, 429 rate limited (Retry-After), 503 database unavailable.
 * GET /api/contributions: a fresh form token (for scripted clients; post it at least 3 s later).
 */
import { submitContribution } from '@/lib/contributions/service';
import { postHandler, json } from '@/lib/contributions/http';
import { issueFormToken, MIN_FILL_MS } from '@/lib/contributions/form-token';

export const dynamic = 'force-dynamic';

export const POST = postHandler(submitContribution, (c) => ({
  id: c.id,
  status: c.status,
  question: c.questionSlug,
  created: c.created,
  // The private link's secret, shown once: GET /{locale}/my/{token}.
  token: c.token,
}));

export function GET() {
  return json(200, { formToken: issueFormToken(), minFillSeconds: MIN_FILL_MS / 1000 });
}
