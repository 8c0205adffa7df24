/**
 * Child process of tests/unit/cache-bus-startup.test.ts: what `serve()` does at start, alone —
 * start the cache bus against an address where PostgreSQL does not answer and wait for it to be
 * ready. The process must live until ready() gives up, then go on (print "continued").
 */
import { startCacheBus } from '../../lib/server/cache-bus';

const bus = startCacheBus({ url: `postgresql://nobody:nothing@127.0.0.1:${process.argv[2]}/none`, onTags: () => {} });
await bus.ready(Number(process.argv[3] ?? 1500)).catch((e: Error) => console.log(`ready: ${e.message}`));
console.log('continued');
await bus.stop();
