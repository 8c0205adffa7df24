/**
 * Cache-Control of public data that must follow a withdrawal or a moderator's decision at once
 * (open data, Atom feeds): the privacy page promises that a withdrawn contribution leaves the
 * open data immediately. Shared caches and browsers may keep a copy, but must ask the server
 * again before each use (`no-cache`), and the server's own page cache is invalidated by tag.
 */
export const FRESH_PUBLIC_DATA = 'public, no-cache';
