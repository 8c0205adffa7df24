/** POST /api/contributions/edit: edit by private link (token, pseudonym, body, language, version). */
import { submitEdit } from '@/lib/contributions/service';
import { postHandler } from '@/lib/contributions/http';

export const dynamic = 'force-dynamic';
export const POST = postHandler(submitEdit, (r) => r);
