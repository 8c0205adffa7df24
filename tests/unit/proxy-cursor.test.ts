/** Issue 12 LOW 8: a question page's cursor that decodes to no real instant is a 400 from the
 *  proxy (it was a 500 from the page); an absent or valid cursor passes, other pages too. */
import { describe, expect, it, vi } from 'vitest';
import { NextRequest, NextResponse } from 'next/server';

// next-intl's middleware (locale negotiation) is not what is tested here, and its ESM build does
// not load in plain Node: every request it would see passes.
vi.mock('next-intl/middleware', () => ({ default: () => () => NextResponse.next() }));
const { default: proxy } = await import('../../proxy');
import { encodeCursor } from '../../lib/pagination/cursor';

const get = (path: string) => proxy(new NextRequest(`http://localhost:3000${path}`));

describe('proxy and the page cursor', () => {
  it('answers 400 for ?before= that decodes to no instant, with no cache', async () => {
    const res = get('/fr/questions/right-to-hack-back?before=2dnw4tonmyo_00000000-0000-0000-0000-000000000000');
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(get('/ar/questions/right-to-hack-back?before=garbage').status).toBe(400);
  });

  it('lets a valid cursor, no cursor, and other pages through', () => {
    const valid = encodeCursor({ createdAt: new Date('2017-03-15T10:00:00Z'), id: '0e9a2a3b-1c2d-4e5f-8a9b-0c1d2e3f4a5b' });
    expect(get(`/fr/questions/right-to-hack-back?before=${valid}`).status).toBe(200);
    expect(get('/fr/questions/right-to-hack-back').status).toBe(200);
    // The audit log's ?before= is an event id, not a cursor.
    expect(get('/fr/admin/audit?before=12345').status).toBe(200);
  });
});
