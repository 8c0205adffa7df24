/**
 * npm run moderator:create -- --email x@example.org --role admin [--name "…"] [--organisation ANSSI] [--languages fr,en]
 * Creates a moderator account on a real deployment (DATABASE_URL) or on the embedded database.
 * The password is never read from the command line (it would land in shell history and `ps`):
 * it is prompted without echo on a terminal, or read from the first line of stdin
 * (`printf '%s\n' "$PASSWORD" | npm run moderator:create -- …`).
 */
import path from 'node:path';
import { env, EnvError } from '../lib/env';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../lib/database/embedded';
import { createModeratorSchema, MIN_PASSWORD } from '../lib/moderator-accounts/schemas';

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`);
    const [k, inline] = a.slice(2).split('=', 2);
    if (k === 'password') throw new Error('--password is refused: type the password at the prompt or pipe it on stdin');
    const v = inline ?? argv[++i];
    if (v === undefined) throw new Error(`--${k} needs a value`);
    out[k] = v;
  }
  return out;
}

async function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const role = (args.role ?? 'moderator').toUpperCase();
  const organisation = (args.organisation ?? 'OTHER').toUpperCase();
  const email = args.email ?? '';
  let password: string;
  if (process.stdin.isTTY) {
    password = await readHidden(`Password for ${email} (at least ${MIN_PASSWORD} characters): `);
    const again = await readHidden('Again: ');
    if (again !== password) throw new Error('the two passwords differ');
  } else {
    password = await readStdinLine();
  }
  const parsed = createModeratorSchema.safeParse({
    email,
    name: args.name ?? email.split('@')[0],
    role,
    organisation,
    languages: args.languages ? args.languages.split(',').map((s) => s.trim()).filter(Boolean) : [],
    password,
  });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; '));
  }
  if (!parsed.data.password) throw new Error(`a password of at least ${MIN_PASSWORD} characters is required`);

  const e = env();
  let embedded: EmbeddedDatabase | null = null;
  if (!e.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dir: path.join(e.DATA_DIR, 'pg'), port: e.EMBEDDED_PG_PORT });
    process.env.DATABASE_URL = embedded.url;
  }
  try {
    const { deployMigrations } = await import('../lib/database/migrate');
    await deployMigrations({ url: process.env.DATABASE_URL! });
    const { db } = await import('../lib/db');
    const { createAccount } = await import('../lib/moderator-accounts/accounts');
    const { isAppError } = await import('../lib/errors');
    const r = await createAccount(db, parsed.data, { actorId: null }).catch(async (e) => {
      await db.$disconnect();
      throw isAppError(e, 'emailTaken') ? new Error(`an account already exists with the email ${parsed.data.email}`) : e;
    });
    console.log(`Created ${parsed.data.role.toLowerCase()} ${r.email} (${parsed.data.organisation}).`);
    await db.$disconnect();
  } finally {
    await embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof EnvError || err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
