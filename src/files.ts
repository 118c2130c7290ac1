// Files written safely, for the caches (src/main.ts's code caches, src/faq-cache.ts's
// data): in a module of their own, so that dist/main.js, loaded at every start, gets
// these two functions and nothing else of the caches.

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes a file whole or not at all: to a temporary file (this process's), then
 * renamed over it, so that concurrent runs never read half of one. Throws as fs does,
 * the temporary file removed (a directory in the file's place would leave one a run).
 */
export function writeAtomically(file: string, bytes: Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** mkdir -p, a level at a time (Node's recursive mkdirSync never returns on some paths, such as under /proc). */
export function makeDirectory(path: string): void {
  let at = 0;
  while (at >= 0) {
    at = path.indexOf('/', at + 1);
    try {
      mkdirSync(at < 0 ? path : path.slice(0, at));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
