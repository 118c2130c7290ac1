// Files read and written safely, for the caches (src/main.ts's code caches,
// src/faq-cache.ts's data): in a module of their own, so that dist/main.js, loaded at
// every start, gets these functions and nothing else of the caches.

import { closeSync, constants, fstatSync, mkdirSync, openSync, readvSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * A cache file's bytes, or undefined when there is none or it is not a regular file
 * of at most `max` bytes. Anything else in its place (a FIFO, a link to /dev/zero,
 * planted in a shared cache folder) is never waited on nor read: it is opened
 * without blocking and checked by its descriptor. Throws nothing.
 * (A Uint8Array rather than a Buffer, and readvSync rather than readSync: Node's
 * JavaScript functions are compiled at their first call, at every start, and
 * Buffer.allocUnsafe and its methods, or readSync and its argument checks, cost
 * several times more (readSync 0.4 % of a `list`). Written in parentheses for
 * dist/main.js, see src/main.ts.)
 */
// prettier-ignore
export const readCacheFile = (function (file: string, max: number): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    const size = stat.size;
    // The type by its mode bits: Stats.isFile would be one more Node function to compile.
    if ((stat.mode & constants.S_IFMT) !== constants.S_IFREG || size > max) return undefined;
    const bytes = new Uint8Array(size);
    let length = 0;
    for (let n; length < size && (n = readvSync(fd, [bytes.subarray(length)])) > 0;) length += n;
    return length === size ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
});

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
