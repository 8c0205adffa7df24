/**
 * Secrets for the embedded default: generated once and kept in DATA_DIR/secrets.json (0600),
 * so a second start keeps sessions and client hashes valid. With DATABASE_URL (a real
 * deployment) they must come from the environment: nothing is invented silently.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EnvError } from '../env';

const NAMES = ['AUTH_SECRET', 'CLIENT_HASH_SECRET'] as const;

export function ensureSecrets(opts: { dataDir: string; embedded: boolean; environment: NodeJS.ProcessEnv }): void {
  const missing = NAMES.filter((n) => !opts.environment[n]);
  if (!missing.length) return;
  if (!opts.embedded) {
    throw new EnvError(missing.map((variable) => ({ variable, message: 'is required when DATABASE_URL is set (openssl rand -base64 33)' })));
  }
  const file = path.join(opts.dataDir, 'secrets.json');
  let stored: Record<string, string> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  let changed = false;
  for (const n of missing) {
    if (!stored[n]) {
      stored[n] = crypto.randomBytes(33).toString('base64');
      changed = true;
    }
    opts.environment[n] = stored[n];
  }
  if (changed) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
}
