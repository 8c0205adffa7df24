/** POST /api/contributions/withdraw: withdraw by private link (token). Allowed even after closing. */
import { submitWithdrawal } from '@/lib/contributions/service';
import { postHandler } from '@/lib/contributions/http';

export const dynamic = 'force-dynamic';
export const POST = postHandler(submitWithdrawal, (r) => r);
