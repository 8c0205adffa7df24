/** POST /api/contributions/report: report a published contribution (contributionId, reason, text). Allowed even after closing. */
import { submitReport } from '@/lib/contributions/service';
import { postHandler } from '@/lib/contributions/http';

export const dynamic = 'force-dynamic';
export const POST = postHandler(submitReport, (r) => r);
