// Writes the V8 code caches that src/main.ts reads, in a module of its own
// (dist/code-caches.js, which main.js requires only when a run lacked a cache):
// main.js, which V8 compiles from its source at every start, then holds only what
// reads them (with this code, every start skimmed it: 0.15 %).

import { readdirSync, rmSync } from 'node:fs';
import type { Script } from 'node:vm';
import { makeDirectory, writeAtomically } from './files.js';

/**
 * Saves the code cache of each chunk loaded without one (with the functions it ran)
 * in `cacheDir`'s folder for `kind`, twice in its file (see src/main.ts), and removes
 * the caches of builds other than `build`. Never fails: each step that fails (a
 * read-only or full disk, a directory where a cache goes) costs only its own cache.
 */
export function writeCaches(
  cacheDir: string,
  kind: string,
  build: string,
  chunks: ReadonlyMap<string, { script: Script; cached: boolean }>,
): void {
  const attempt = (step: () => void) => {
    try {
      step();
    } catch {
      // no cache
    }
  };
  attempt(() => makeDirectory(`${cacheDir}/${kind}`));
  for (const [name, { script, cached }] of chunks) {
    if (cached) continue;
    attempt(() => {
      const data = script.createCachedData();
      writeAtomically(`${cacheDir}/${kind}/${name}.cache`, Buffer.concat([data, data]));
    });
  }
  // Other builds' caches go (an upgrade leaves no garbage); this build's for other
  // Node versions stay (switching Node does not recompile).
  const parent = cacheDir.slice(0, cacheDir.lastIndexOf('/'));
  attempt(() => {
    for (const other of readdirSync(parent))
      if (!other.startsWith(`${build}-`)) rmSync(`${parent}/${other}`, { recursive: true, force: true });
  });
}
