// The process's streams, for cli.ts: output that is never lost and never hangs, the
// terminal facts, and the pager.
// - Writes go straight to the file descriptor (fs.writevSync): creating
//   process.stdout for a pipe loads Node's net and stream modules, milliseconds of
//   start-up that a help tool should not pay. Partial writes are finished, a full
//   non-blocking pipe (EAGAIN) is waited for, a reader that went away (EPIPE) ends
//   the output quietly, and any other failure (a full disk, a file over its size
//   limit) is a FaqError of kind 'io' (exit 74), never a lost answer. (A stdout closed
//   at start is /dev/null by then: Node reopens it so.)
// - Whether a stream is a terminal is asked of the file first: a pipe or a file is
//   known without loading node:tty.
// - A pager that fails gives the text back, to be written directly.

import { closeSync, constants, fstatSync, openSync, read, writevSync } from 'node:fs';
import { FaqError } from './errors.js';
import { ENDING_SIGNALS, holdSignals } from './signals.js';
import { pagerEnv, type Env } from './terminal.js';

export interface OutStream {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns?: number;
  readonly rows?: number;
}

/** Everything the CLI touches of the outside world; tests pass their own. */
export interface Io {
  argv: string[];
  env: Env;
  stdout: OutStream;
  stderr: OutStream;
  /** Whether stdin is a terminal (asked only when it matters). */
  stdinIsTTY: () => boolean;
  /** Shows text through a pager command; resolves to why it failed, or undefined when it worked. */
  page?: (command: string, text: string, env: Env) => Promise<string | undefined>;
  /** Where a --faq file's parsed model and index are cached (see faq-cache.ts); undefined: nowhere. */
  cacheDir?: string;
}

/** The real process. */
export function processIo(): Io {
  return {
    argv: process.argv.slice(2),
    env: process.env,
    stdout: new FdStream(1, 'la sortie standard'),
    stderr: new FdStream(2, 'la sortie d’erreur'),
    stdinIsTTY: () => isTerminal(0),
    page: runPager,
  };
}

/**
 * A stream written with fs.writevSync, that finishes every write or says why it could
 * not. (writevSync rather than writeSync: V8 compiles Node's function at its first
 * call, and writeSync, with its argument checks, costs 0.2 % more of a start on Node 20.)
 */
export class FdStream implements OutStream {
  /** The reader went away: what is left to write has nowhere to go. */
  private closed = false;
  private tty?: boolean;

  constructor(
    private readonly fd: 1 | 2,
    private readonly name: string,
  ) {}

  get isTTY(): boolean {
    this.tty ??= isTerminal(this.fd);
    return this.tty;
  }

  /** The terminal's size, read at each call (it follows resizes). */
  get columns(): number | undefined {
    return this.isTTY ? (STREAMS[this.fd]() as NodeJS.WriteStream).columns : undefined;
  }

  get rows(): number | undefined {
    return this.isTTY ? (STREAMS[this.fd]() as NodeJS.WriteStream).rows : undefined;
  }

  write(text: string): void {
    if (this.closed || text === '') return;
    const bytes = Buffer.from(text);
    let offset = 0;
    let waited = 0;
    while (offset < bytes.length) {
      try {
        // (Whole at first: Buffer's subarray is one more Node function to compile.)
        offset += writevSync(this.fd, [offset === 0 ? bytes : bytes.subarray(offset)]);
        waited = 0;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          this.closed = true;
          return;
        }
        // A non-blocking pipe whose reader is slow: wait for room, a minute at most.
        if (code === 'EAGAIN' && waited < 60_000) {
          sleep(10);
          waited += 10;
          continue;
        }
        throw new FaqError('io', `écriture sur ${this.name} impossible : ${describe(code)}.`);
      }
    }
  }
}

function describe(code: string | undefined): string {
  switch (code) {
    case 'ENOSPC':
      return 'plus de place sur le disque (ENOSPC)';
    case 'EBADF':
      return 'elle est fermée (EBADF)';
    case 'EAGAIN':
      return 'le lecteur ne lit plus (EAGAIN)';
    default:
      return `erreur ${code ?? 'inconnue'}`;
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

let devNull: number | undefined;

const STREAMS = [() => process.stdin, () => process.stdout, () => process.stderr] as const;

/** Whether stdin (0), stdout (1) or stderr (2) is a terminal; a pipe, a file or /dev/null is known without node:tty. */
function isTerminal(fd: 0 | 1 | 2): boolean {
  let stat;
  try {
    stat = fstatSync(fd);
  } catch {
    return false; // closed
  }
  // The type by its mode bits: Stats.isCharacterDevice would be one more Node function to compile.
  if ((stat.mode & constants.S_IFMT) !== constants.S_IFCHR) return false;
  try {
    devNull ??= deviceOf('/dev/null');
    if (stat.rdev === devNull) return false;
  } catch {
    // no /dev/null: ask Node
  }
  return STREAMS[fd]().isTTY === true;
}

/**
 * A device file's number, by its descriptor: openSync, fstatSync and closeSync have
 * been compiled by then (dist/main.js read its code cache with them), where statSync
 * would be compiled for this alone (0.1 % of a start).
 */
function deviceOf(path: string): number {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    return fstatSync(fd).rdev;
  } finally {
    closeSync(fd);
  }
}

/**
 * Pipes text into `sh -c <command>`, the pager writing to our terminal. Resolves to
 * undefined when the pager showed the text (the user may quit it early), or to why
 * it failed: it could not start, exited with an error, or was killed.
 */
async function runPager(command: string, text: string, env: Env): Promise<string | undefined> {
  const { spawn } = await import('node:child_process');
  // Ctrl-C in the pager is the pager's (less keeps running): mcp-faq waits for it to
  // end, as git does, rather than die and leave it fighting the shell for the keys.
  let interrupted = false;
  const ignore = () => {
    interrupted = true;
  };
  process.on('SIGINT', ignore);
  // Ended from outside (kill, timeout) while the pager runs, mcp-faq too waits for it to
  // end, then ends by that signal, as git does: had it died at once, less (under the
  // `sh -c` that runs it, which the signal would not reach) would fight the shell for the keys.
  const releaseSignals = holdSignals(ENDING_SIGNALS);
  return new Promise<string | undefined>((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env: pagerEnv(env) });
    child.on('error', (error) => resolve(error.message));
    child.on('close', (code, signal) => {
      // Ended by the user's Ctrl-C: a pager that quits on it (more), or the `sh -c`
      // around less, which dash kills with the SIGINT it got once less has ended.
      if (signal === 'SIGINT' && interrupted) resolve(undefined);
      else if (signal) resolve(`arrêté par ${signal}`);
      else if (code === 126 || code === 127) resolve('introuvable ou pas exécutable');
      else if (code !== 0) resolve(`code de sortie ${code}`);
      else resolve(undefined);
    });
    child.stdin.on('error', () => {}); // the user quit the pager before the end
    child.stdin.end(text);
  }).finally(() => {
    process.off('SIGINT', ignore);
    releaseSignals();
  });
}

/**
 * Whether the terminal behind a stream shows OSC 8 hyperlinks (FORCE_HYPERLINK=0|1
 * overrides). Asked only of a terminal, with color: supports-hyperlinks (see
 * src/color.ts) creates process.stdout and process.stderr.
 */
export async function supportsHyperlinks(stream: { isTTY?: boolean }): Promise<boolean> {
  const { supportsHyperlink } = await import('./color.js');
  return supportsHyperlink(stream);
}

/**
 * Reads a file descriptor (stdin: 0) to its end, chunk by chunk, with fs.read:
 * creating process.stdin for a pipe loads Node's net and stream modules, which would
 * more than double the start of the MCP server. A descriptor left non-blocking by
 * another process (EAGAIN) is read again shortly.
 */
export function readChunks(fd: number, onChunk: (text: string) => void, onEnd: (error?: Error) => void): void {
  const buffer = Buffer.alloc(64 * 1024);
  const decoder = new TextDecoder();
  const next = (): void =>
    read(fd, buffer, 0, buffer.length, null, (error, bytes) => {
      if (error && error.code === 'EAGAIN') {
        setTimeout(next, 10);
      } else if (error || bytes === 0) {
        const rest = decoder.decode();
        if (rest) onChunk(rest);
        onEnd(error ?? undefined);
      } else {
        onChunk(decoder.decode(buffer.subarray(0, bytes), { stream: true }));
        next();
      }
    });
  next();
}
