/**
 * Background work of the server process (the jobs worker registers itself here), stopped
 * cleanly on shutdown.
 */
type Stopper = () => Promise<void>;
const stoppers: Stopper[] = [];

export function onStop(fn: Stopper): void {
  stoppers.push(fn);
}

export async function stopBackground(): Promise<void> {
  await Promise.allSettled(stoppers.splice(0).map((fn) => fn()));
}
