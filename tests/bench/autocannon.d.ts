// autocannon ships no types; the benchmark scripts use a small part of its API.
declare module 'autocannon' {
  const autocannon: (opts: Record<string, unknown>) => Promise<{
    requests: { average: number; total: number };
    latency: Record<string, number>;
    errors: number;
    timeouts: number;
    non2xx: number;
    [k: string]: unknown;
  }>;
  export default autocannon;
}
