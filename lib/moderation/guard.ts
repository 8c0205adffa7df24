/**
 * Every moderation read takes the viewer and refuses (ModerationForbidden) when the viewer
 * lacks the capability: pages call requireModerator first, and a forgotten guard still shows
 * nothing.
 */
import { can, type Actor, type Capability } from '../auth/permissions';

export class ModerationForbidden extends Error {
  readonly status = 403;
  constructor() {
    super('forbidden');
    this.name = 'ModerationForbidden';
  }
}

export function assertCan(viewer: Actor | null | undefined, capability: Capability) {
  if (!can(viewer, capability)) throw new ModerationForbidden();
}
