import { describe, expect, it } from 'vitest';
import { AppError, forbidden, isAppError, notFound, unauthenticated } from '../../lib/errors';
import { assertCan } from '../../lib/auth/permissions';

describe('AppError: one error type with codes', () => {
  it('gives the shared codes their status, and a domain code the status it says', () => {
    expect([unauthenticated(), forbidden(), notFound(), new AppError('conflict'), new AppError('invalid')].map((e) => e.status))
      .toEqual([401, 403, 404, 409, 400]);
    const taken = new AppError('emailTaken', { status: 409, fields: { email: 'emailTaken' } });
    expect(taken).toMatchObject({ code: 'emailTaken', message: 'emailTaken', status: 409, fields: { email: 'emailTaken' } });
    expect(new AppError('whatever').status).toBe(400);
  });

  it('isAppError narrows to the codes the catcher knows', () => {
    const e: unknown = new AppError('sameLanguage', { status: 400 });
    expect(isAppError(e)).toBe(true);
    expect(isAppError(e, 'notFound', 'sameLanguage')).toBe(true);
    expect(isAppError(e, 'notFound')).toBe(false);
    expect(isAppError(new Error('sameLanguage'), 'sameLanguage')).toBe(false);
  });

  it('assertCan is the one notion of "forbidden" (403), for a missing, disabled or too weak actor', () => {
    const refused = (f: () => void) => {
      try {
        f();
      } catch (e) {
        return isAppError(e, 'forbidden') ? e.status : 'other';
      }
      return 'allowed';
    };
    expect(refused(() => assertCan(null, 'queue.read'))).toBe(403);
    expect(refused(() => assertCan({ id: 'a', role: 'ADMIN', disabled: true }, 'queue.read'))).toBe(403);
    expect(refused(() => assertCan({ id: 'm', role: 'MODERATOR' }, 'audit.read'))).toBe(403);
    expect(refused(() => assertCan({ id: 'a', role: 'ADMIN' }, 'audit.read'))).toBe('allowed');
  });
});
