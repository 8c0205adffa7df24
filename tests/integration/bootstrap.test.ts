/**
 * Start-up: a real DATABASE_URL is migrated and seeded with the official content only (never demo
 * data); the embedded default gets the demo set; a broken DATABASE_URL or a bad variable stops
 * the start with one clear line, not a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDatabase } from './helpers';
import { prepareDatabase } from '../../lib/server/bootstrap';

const url = process.env.DATABASE_URL!;

describe('prepareDatabase', () => {
  beforeEach(() => resetDatabase({ official: false }));

  it('with an operator database (DATABASE_URL): official content, no demo data, no demo account', async () => {
    const r = await prepareDatabase({ url, embedded: false, seedDemo: true });
    expect(r.demo).toBeNull();
    expect(r.official.questions).toBe(14);
    expect(await db.contribution.count({ where: { isDemo: true } })).toBe(0);
    expect(await db.moderator.count()).toBe(0);
  });

  it('on the embedded default: the demo set, flagged as demo, re-runnable without duplicates', async () => {
    const first = await prepareDatabase({ url, embedded: true, seedDemo: true });
    expect(first.demo!.contributions).toBeGreaterThan(50);
    const languages = await db.contribution.groupBy({ by: ['language'], where: { isDemo: true } });
    expect(languages.length).toBe(10);
    expect(await db.contribution.count({ where: { isDemo: false } })).toBe(0);
    expect(await db.moderator.count({ where: { isDemo: true } })).toBe(2);
    const again = await prepareDatabase({ url, embedded: true, seedDemo: true });
    expect(again.demo!.contributions).toBe(0);
    expect(await db.contribution.count()).toBe(first.demo!.total);
  });
});

describe('npm start refuses bad configuration clearly', () => {
  // Required with DATABASE_URL (tests/unit/start-env.test.ts checks that refusal).
  const PUBLIC_URL = 'https://jesuisinternet.example';
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['scripts/start.mjs'], {
      env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', ...env } as unknown as NodeJS.ProcessEnv,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('a DATABASE_URL nobody answers → one line naming host and port, exit 1', () => {
    const r = start({
      DATABASE_URL: 'postgresql://jsi:secret@127.0.0.1:9/nowhere',
      PUBLIC_URL,
      AUTH_SECRET: 'x'.repeat(40),
      OPERATOR_NAME: 'Example operator',
      OPERATOR_CONTACT: 'contact@example.org',
      CLIENT_HASH_SECRET: 'y'.repeat(40),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Cannot connect to PostgreSQL at 127\.0\.0\.1:9\/nowhere .*Check DATABASE_URL/);
    expect(r.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(r.stderr).not.toContain('secret'); // no password in the message
  });

  it('a malformed variable → its name and what is expected', () => {
    const r = start({ MODERATION_MODE: 'sometimes', DATABASE_URL: 'not a url' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/MODERATION_MODE/);
    expect(r.stderr).toMatch(/DATABASE_URL: must be a URL like postgresql:/);
  });

  it('DATABASE_URL without the secrets → names AUTH_SECRET and CLIENT_HASH_SECRET', () => {
    const r = start({ DATABASE_URL: url, PUBLIC_URL });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/AUTH_SECRET: is required when DATABASE_URL is set/);
    expect(r.stderr).toMatch(/CLIENT_HASH_SECRET/);
  });

  it('DATABASE_URL without an operator → names OPERATOR_NAME and OPERATOR_CONTACT (issue 13)', () => {
    const r = start({ DATABASE_URL: url, PUBLIC_URL, AUTH_SECRET: 'x'.repeat(40), CLIENT_HASH_SECRET: 'y'.repeat(40) });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/OPERATOR_NAME: is required when DATABASE_URL is set/);
    expect(r.stderr).toMatch(/OPERATOR_CONTACT: is required when DATABASE_URL is set/);
  });
});
