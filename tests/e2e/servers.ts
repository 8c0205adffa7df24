/**
 * The two servers the end-to-end tests run against (see playwright.config.ts).
 * E2E_PORT_BASE moves all ports (and the data directories) so that several runs can coexist.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 3100);
const pgBase = 54400 + (base - 3100) / 10;

export const ARCHIVE = { port: base + 1, pgPort: pgBase + 1, dataDir: `.data-e2e-${base}/archive`, url: `http://127.0.0.1:${base + 1}` };
export const OPEN = { port: base + 2, pgPort: pgBase + 2, dataDir: `.data-e2e-${base}/open`, url: `http://127.0.0.1:${base + 2}` };
/** Started by translation.spec.ts itself (real time, a fake translation provider on loopback). */
export const TRANSLATING = { port: base + 3, pgPort: pgBase + 3, dataDir: `.data-e2e-${base}/translating`, url: `http://127.0.0.1:${base + 3}` };
