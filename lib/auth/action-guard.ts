import 'server-only';
/** The guard every back-office server action starts with: a moderator, or an error state. */
import { AuthRequiredError, ForbiddenError, requireCapability, type CurrentModerator } from './guards';
import type { Capability } from './permissions';

export type GuardResult = { moderator: CurrentModerator; error?: undefined } | { moderator?: undefined; error: 'unauthenticated' | 'forbidden' };

export async function guardAction(capability: Capability): Promise<GuardResult> {
  try {
    return { moderator: await requireCapability(capability) };
  } catch (e) {
    if (e instanceof AuthRequiredError) return { error: 'unauthenticated' };
    if (e instanceof ForbiddenError) return { error: 'forbidden' };
    throw e;
  }
}
