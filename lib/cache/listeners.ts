/**
 * The registry behind invalidate(): kept on globalThis because the page cache lives in the
 * production server (lib/server, loaded by Node) while actions call invalidate() from Next's
 * own server bundle, a different copy of lib/cache/invalidate.ts. One registry per process.
 * No imports: safe anywhere.
 */
export type InvalidateListener = (tags: string[]) => void | Promise<void>;

const KEY = Symbol.for('jesuisinternet.invalidate.listeners');

export function invalidateListeners(): InvalidateListener[] {
  const g = globalThis as unknown as Record<symbol, InvalidateListener[] | undefined>;
  return (g[KEY] ??= []);
}
