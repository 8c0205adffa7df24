import 'server-only';
/**
 * The real check of the back office, on the server, in every page, action and route handler
 * (proxy.ts does nothing of the kind). The session (a signed JWT) only says who claims to be
 * signed in: each call re-reads the account in PostgreSQL, so a disabled or deleted account, a
 * changed role, a changed password (the token's fingerprint of the hash no longer matches), a
 * sign-out (the account's session version moved on), a session past its absolute lifetime, a
 * forged or expired token all lose access at the next request.
 */
import { cache } from 'react';
import { cookies } from 'next/headers';
import { forbidden } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { db } from '../db';
import { isUuid } from '../uuid';
import { redirect } from '../i18n/navigation';
import { auth } from './index';
import { SESSION_COOKIE_NAMES, withinAbsoluteLifetime } from './config';
import { fingerprintMatches } from './fingerprint';
import { assertCan, hasRole, type Capability, type OrganisationCode, type Role } from './permissions';
import { AppError, isAppError } from '../errors';

export interface CurrentModerator {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation: OrganisationCode;
  languages: string[];
}

/** The signed-in, enabled moderator of this request, or null. Never throws. */
export const getCurrentModerator = cache(async (): Promise<CurrentModerator | null> => {
  let user: { id?: string; passwordFingerprint?: string; sessionVersion?: number; authTime?: number } | undefined;
  try {
    user = (await auth())?.user;
  } catch {
    return null;
  }
  const id = user?.id;
  if (!isUuid(id) || !withinAbsoluteLifetime(user?.authTime)) return null;
  // The same single query as ever; the hash is omitted by default (lib/db.ts), asked for here
  // only to compare its fingerprint, and never leaves this function.
  const m = await db.moderator.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      organisation: true,
      languages: true,
      disabled: true,
      passwordHash: true,
      sessionVersion: true,
    },
  });
  if (!m || m.disabled) return null;
  // A password changed since sign-in: the session ends, exactly like a disabled account.
  if (!fingerprintMatches(user?.passwordFingerprint, m.passwordHash)) return null;
  // Signed out since (lib/auth/sessions.ts): a copy of the cookie is dead too.
  if (user?.sessionVersion !== m.sessionVersion) return null;
  const { disabled: _disabled, passwordHash: _hash, sessionVersion: _version, ...moderator } = m;
  return moderator;
});

/** True when the request carries a session cookie (valid or not). */
export async function hasSessionCookie(): Promise<boolean> {
  const all = (await cookies()).getAll();
  return all.some((c) => SESSION_COOKIE_NAMES.some((n) => c.name === n || c.name.startsWith(`${n}.`)));
}

/** Removes the session cookies (possible in actions and route handlers only). */
export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const c of jar.getAll()) {
    if (SESSION_COOKIE_NAMES.some((n) => c.name === n || c.name.startsWith(`${n}.`))) jar.delete(c.name);
  }
}

/**
 * For pages: the moderator, or a redirect to the sign-in page (with `expired=1` when a session
 * cookie was there but is no longer valid); a moderator without the role gets a 403 page.
 */
export async function requireModerator(opts: { role?: Role; next?: string } = {}): Promise<CurrentModerator> {
  const moderator = await getCurrentModerator();
  if (!moderator) {
    const locale = await getLocale();
    const query: Record<string, string> = {};
    if (await hasSessionCookie()) query.expired = '1';
    if (opts.next) query.next = `/${locale}${opts.next}`;
    return redirect({ href: { pathname: '/admin/sign-in', query }, locale });
  }
  if (opts.role && !hasRole(moderator, opts.role)) forbidden();
  return moderator;
}

/**
 * For server actions: the moderator allowed to do `capability`, or an AppError (nothing is
 * written). A dead session has its cookies removed here: the browser is signed out.
 */
export async function requireCapability(capability: Capability): Promise<CurrentModerator> {
  const moderator = await getCurrentModerator();
  if (!moderator) {
    if (await hasSessionCookie()) await clearSessionCookies().catch(() => {});
    throw new AppError('unauthenticated');
  }
  assertCan(moderator, capability);
  return moderator;
}

/** For route handlers: the moderator, or a 401/403 response with no data. */
export async function moderatorForRoute(capability: Capability): Promise<CurrentModerator | Response> {
  try {
    return await requireCapability(capability);
  } catch (e) {
    const error = isAppError(e, 'forbidden') ? e.code : 'unauthenticated';
    return Response.json({ error }, { status: error === 'forbidden' ? 403 : 401, headers: { 'Cache-Control': 'private, no-store' } });
  }
}
