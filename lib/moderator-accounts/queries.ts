import 'server-only';
import { db } from '../db';
import { can, type Actor } from '../auth/permissions';

export interface ModeratorRow {
  id: string;
  email: string;
  name: string;
  role: 'MODERATOR' | 'ADMIN';
  organisation: 'ANSSI' | 'AMNECYS' | 'OTHER';
  languages: string[];
  disabled: boolean;
  isDemo: boolean;
  createdAt: Date;
}

/** Every account (admins only). */
export async function listModerators(opts: { viewer: Actor | null }): Promise<ModeratorRow[]> {
  if (!can(opts.viewer, 'moderators.manage')) throw new Error('forbidden');
  return db.moderator.findMany({
    orderBy: [{ disabled: 'asc' }, { role: 'desc' }, { name: 'asc' }],
    select: {
      id: true, email: true, name: true, role: true, organisation: true, languages: true, disabled: true, isDemo: true, createdAt: true,
    },
  });
}
