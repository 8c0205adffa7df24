/**
 * npm run moderator:create: creates an account on DATABASE_URL with the password read from
 * stdin (never from argv), refuses --password and weak passwords.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, resetDatabase } from './helpers';
import { verifyPassword } from '../../lib/auth/password';

const root = path.resolve(import.meta.dirname, '../..');
const run = (args: string[], input: string) =>
  spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/moderator-create.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    timeout: 60_000,
  });

beforeAll(() => resetDatabase({ official: false }));

describe('moderator:create', () => {
  it('creates the first admin with the password from stdin', async () => {
    const r = run(['--email', 'Chief@Example.org', '--role', 'admin', '--name', 'Chief', '--organisation', 'anssi', '--languages', 'fr,en'], 'a-long-enough-secret\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Created admin chief@example.org (ANSSI).');
    const m = await db.moderator.findUniqueOrThrow({ where: { email: 'chief@example.org' }, omit: { passwordHash: false } });
    expect(m).toMatchObject({ role: 'ADMIN', organisation: 'ANSSI', name: 'Chief', languages: ['fr', 'en'], isDemo: false, disabled: false });
    expect(await verifyPassword(m.passwordHash, 'a-long-enough-secret')).toBe(true);
    expect(await db.moderationEvent.count({ where: { action: 'MODERATOR_CREATED', targetId: m.id, actorId: null } })).toBe(1);
  });

  it('refuses a password on the command line, a short one, a taken email, a bad role', () => {
    const argv = run(['--email', 'x@example.org', '--role', 'admin', '--password', 'a-long-enough-secret'], '');
    expect(argv.status).toBe(1);
    expect(argv.stderr).toMatch(/--password is refused/);
    const short = run(['--email', 'y@example.org', '--role', 'moderator'], 'short\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/password/);
    const taken = run(['--email', 'chief@example.org', '--role', 'moderator'], 'another-long-secret\n');
    expect(taken.status).toBe(1);
    expect(taken.stderr).toMatch(/already exists/);
    const role = run(['--email', 'z@example.org', '--role', 'superuser'], 'another-long-secret\n');
    expect(role.status).toBe(1);
  });
});
