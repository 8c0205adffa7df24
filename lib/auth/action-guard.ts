import 'server-only';
/** The guard every back-office server action starts with: same-origin request, then a moderator
 *  (session re-checked in PostgreSQL) with the capability, or an error state (nothing written). */
import { headers } from 'next/headers';
import { checkOrigin } from '../security/origin';
import { isAppError } from '../errors';
import { requireCapability, type CurrentModerator } from './guards';
import type { Capability } from './permissions';

export type GuardResult = { moderator: CurrentModerator; error?: undefined } | { moderator?: undefined; error: 'unauthenticated' | 'forbidden' };

export async function guardAction(capability: Capability): Promise<GuardResult> {
  // Next lets a server action without Origin through: a back-office write must come from here.
  if (!checkOrigin(await headers()).ok) return { error: 'forbidden' };
  try {
    return { moderator: await requireCapability(capability) };
  } catch (e) {
    if (isAppError(e, 'unauthenticated', 'forbidden')) return { error: e.code };
    throw e;
  }
}
