/**
 * Where an export is written: a temporary directory beside the destination (same file system),
 * renamed to it at the very end. An export that dies halfway leaves only `.NAME.partial-PID`,
 * never a directory that looks like a complete archive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ExportError } from './crawl';

export function tempDirFor(out: string): string {
  const abs = path.resolve(out);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.partial-${process.pid}`);
}

/** Refuses an existing non-empty destination unless `force`; creates the temporary directory. */
export function prepareTemp(out: string, force: boolean): string {
  const abs = path.resolve(out);
  if (fs.existsSync(abs)) {
    if (!fs.statSync(abs).isDirectory()) throw new ExportError(`${out} exists and is not a directory`);
    if (fs.readdirSync(abs).length && !force) throw new ExportError(`${out} exists and is not empty: choose another --out, or add --force to replace it`);
  }
  const tmp = tempDirFor(abs);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  return tmp;
}

/** The finished archive takes the destination's place (the old one, with --force, goes after). */
export function placeFinal(tmp: string, out: string, force: boolean): void {
  const abs = path.resolve(out);
  if (fs.existsSync(abs)) {
    if (fs.readdirSync(abs).length && !force) throw new ExportError(`${out} was filled during the export; the new archive is left in ${tmp}`);
    const old = `${tmp.replace(/\.partial-/, '.old-')}`;
    fs.renameSync(abs, old);
    fs.renameSync(tmp, abs);
    fs.rmSync(old, { recursive: true, force: true });
    return;
  }
  fs.renameSync(tmp, abs);
}
