import { describe, expect, it } from 'vitest';
import { CAPABILITIES, can, canChangeAccount, canResetPassword, hasRole, safeCallbackPath, type Actor } from '../../lib/auth/permissions';

const admin: Actor = { id: 'a', role: 'ADMIN' };
const moderator: Actor = { id: 'm', role: 'MODERATOR' };

describe('can()', () => {
  it('gives moderators the review capabilities only', () => {
    expect(CAPABILITIES.filter((c) => can(moderator, c))).toEqual(['queue.read', 'contribution.decide', 'reports.handle', 'translation.write']);
  });
  it('gives admins everything', () => {
    expect(CAPABILITIES.every((c) => can(admin, c))).toBe(true);
  });
  it('gives nothing to nobody, to a disabled account, or to an unknown role', () => {
    for (const c of CAPABILITIES) {
      expect(can(null, c)).toBe(false);
      expect(can(undefined, c)).toBe(false);
      expect(can({ ...admin, disabled: true }, c)).toBe(false);
      expect(can({ id: 'x', role: 'VISITOR' as never }, c)).toBe(false);
    }
  });
});

describe('hasRole()', () => {
  it('orders ADMIN above MODERATOR', () => {
    expect(hasRole(admin, 'MODERATOR')).toBe(true);
    expect(hasRole(admin, 'ADMIN')).toBe(true);
    expect(hasRole(moderator, 'MODERATOR')).toBe(true);
    expect(hasRole(moderator, 'ADMIN')).toBe(false);
    expect(hasRole({ ...moderator, disabled: true }, 'MODERATOR')).toBe(false);
    expect(hasRole(null, 'MODERATOR')).toBe(false);
  });
});

describe('canChangeAccount()', () => {
  const otherAdmin = { id: 'b', role: 'ADMIN' as const, disabled: false };
  const mod = { id: 'm', role: 'MODERATOR' as const, disabled: false };
  it('refuses moderators', () => {
    expect(canChangeAccount(moderator, mod, { disabled: true }, 2)).toEqual({ ok: false, reason: 'forbidden' });
  });
  it('lets an admin promote, demote, disable and enable others', () => {
    expect(canChangeAccount(admin, mod, { role: 'ADMIN' }, 1)).toEqual({ ok: true });
    expect(canChangeAccount(admin, otherAdmin, { role: 'MODERATOR' }, 2)).toEqual({ ok: true });
    expect(canChangeAccount(admin, mod, { disabled: true }, 1)).toEqual({ ok: true });
    expect(canChangeAccount(admin, { ...mod, disabled: true }, { disabled: false }, 1)).toEqual({ ok: true });
  });
  it('refuses to disable or demote oneself', () => {
    const self = { id: 'a', role: 'ADMIN' as const, disabled: false };
    expect(canChangeAccount(admin, self, { disabled: true }, 3)).toEqual({ ok: false, reason: 'self' });
    expect(canChangeAccount(admin, self, { role: 'MODERATOR' }, 3)).toEqual({ ok: false, reason: 'self' });
    expect(canChangeAccount(admin, self, { role: 'ADMIN', languages: ['fr'] } as never, 1)).toEqual({ ok: true });
  });
  it('keeps at least one active admin', () => {
    expect(canChangeAccount(admin, otherAdmin, { disabled: true }, 1)).toEqual({ ok: false, reason: 'lastAdmin' });
    expect(canChangeAccount(admin, otherAdmin, { role: 'MODERATOR' }, 1)).toEqual({ ok: false, reason: 'lastAdmin' });
  });
});

describe('canResetPassword()', () => {
  it('lets an admin reset anyone else, admins included', () => {
    expect(canResetPassword(admin, { id: 'm' })).toEqual({ ok: true });
    expect(canResetPassword(admin, { id: 'b' })).toEqual({ ok: true });
  });
  it('refuses moderators, disabled admins and nobody', () => {
    expect(canResetPassword(moderator, { id: 'x' })).toEqual({ ok: false, reason: 'forbidden' });
    expect(canResetPassword({ ...admin, disabled: true }, { id: 'm' })).toEqual({ ok: false, reason: 'forbidden' });
    expect(canResetPassword(null, { id: 'm' })).toEqual({ ok: false, reason: 'forbidden' });
  });
  it('refuses an admin their own account', () => {
    expect(canResetPassword(admin, { id: 'a' })).toEqual({ ok: false, reason: 'self' });
  });
});

describe('safeCallbackPath()', () => {
  it('keeps back-office paths of this site', () => {
    expect(safeCallbackPath('/fr/admin', 'fr')).toBe('/fr/admin');
    expect(safeCallbackPath('/ar/admin/contributions/x?status=ALL', 'fr')).toBe('/ar/admin/contributions/x?status=ALL');
  });
  it('refuses everything else (open redirects, other pages, loops)', () => {
    for (const bad of ['https://evil.example/fr/admin', '//evil.example/fr/admin', '/\\evil.example', '/fr/about', '/fr/administrator', 'javascript:alert(1)', '/fr/admin/sign-in', '/fr/admin/sign-out', 42, null, '/' + 'a'.repeat(600)]) {
      expect(safeCallbackPath(bad, 'de')).toBe('/de/admin');
    }
  });
});
