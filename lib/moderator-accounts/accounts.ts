/**
 * Creating a moderator account, shared by the back office (lib/moderator-accounts/mutations.ts) and the
 * command line (scripts/moderator-create.ts). No server-only import: the CLI runs it in Node.
 */
import crypto from 'node:crypto';
import type { Db } from '../db';
import { AppError } from '../errors';
import { hashPassword } from '../auth/password';
import { normalizeEmail } from '../auth/lockout';
import type { CreateModeratorInput } from './schemas';

/** 20 characters from a CSPRNG (≈120 bits). */
export function generatePassword(): string {
  return crypto.randomBytes(15).toString('base64url');
}

export async function createAccount(
  client: Db,
  input: CreateModeratorInput,
  opts: { actorId: string | null; at?: Date },
): Promise<{ id: string; email: string; password: string; generated: boolean }> {
  const email = normalizeEmail(input.email);
  const generated = !input.password;
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    const created = await client.$transaction(async (tx) => {
      const m = await tx.moderator.create({
        data: {
          email, name: input.name.trim(), role: input.role, organisation: input.organisation,
          languages: [...new Set(input.languages)], passwordHash,
        },
        select: { id: true, email: true },
      });
      await tx.moderationEvent.create({
        data: {
          actorId: opts.actorId,
          targetId: m.id,
          action: 'MODERATOR_CREATED',
          noteCode: 'moderatorCreated',
          noteParams: { role: input.role, organisation: input.organisation, languages: input.languages },
          ...(opts.at ? { createdAt: opts.at } : {}),
        },
      });
      return m;
    });
    return { id: created.id, email: created.email, password, generated };
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') throw new AppError('emailTaken', { status: 409, fields: { email: 'emailTaken' } });
    throw e;
  }
}
