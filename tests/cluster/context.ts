/** What every check of the cluster test shares: the running cluster, and the record of results. */
import pg from 'pg';
import type { Instance } from './instances';
import type { Nginx, Postgres } from './services';
import type { ClusterLayout } from './template';

export interface Cluster {
  layout: ClusterLayout;
  pg: Postgres;
  nginx: Nginx;
  instances: Instance[];
  /** https://127.0.0.1:<port>: nginx, and the app's PUBLIC_URL. */
  base: string;
  question: string;
  /** A marker unique to this run, put in every contribution body. */
  run: string;
  restartInstance(i: number): Promise<Instance>;
}

export interface Result {
  name: string;
  held: boolean;
  detail: string;
}
export const results: Result[] = [];
export const figures: Record<string, number | string> = {};

export function check(name: string, held: boolean, detail: string): void {
  results.push({ name, held, detail });
  console.log(`[cluster] ${held ? 'ok    ' : 'FAILED'} ${name}: ${detail}`);
}

export async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** How many of `ids` are in the database, and how many markers of this run were stored twice. */
export async function audit(url: string, run: string, ids: string[]): Promise<{ lost: number; duplicated: number }> {
  const [found] = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM "Contribution" WHERE id = ANY($1::uuid[])`, [ids]);
  const [dup] = await query<{ n: number }>(
    url,
    `SELECT count(*)::int AS n FROM (SELECT substring(body from '\\[(${run}:[^\\]]+)\\]') AS m FROM "Contribution"
      WHERE body LIKE $1 GROUP BY 1 HAVING count(*) > 1) d`,
    [`%[${run}:%`],
  );
  return { lost: ids.length - found.n, duplicated: dup.n };
}

/** Status counts of a list of replies, e.g. {"201":40,"null":1}. */
export function tally(statuses: (number | null)[]): string {
  const m: Record<string, number> = {};
  for (const s of statuses) m[String(s)] = (m[String(s)] ?? 0) + 1;
  return JSON.stringify(m);
}
