// The built entry (dist/main.js, what bin/mcp-faq.js loads). It loads the CLI's
// chunks (dist/cli.js, then dist/search.js etc. when a command needs them) with a V8
// code cache, so that a start does not spend its time compiling JavaScript, on
// every Node version alike:
// - the first run of a build on a Node version compiles as usual, then saves what V8
//   compiled (the functions it ran too, not only the top level) in the user's cache
//   folder: $XDG_CACHE_HOME/mcp-faq (else ~/.cache/mcp-faq), one folder per build and
//   V8 version (other builds' folders are removed), and in it one per kind of run
//   (its command, see runKind); the next runs of that kind read it (the writing is
//   in src/code-caches.ts, loaded only by a run that lacked a cache);
// - a cache is written to a temporary file then renamed (concurrent runs never see
//   half of one); V8 checks what it reads against its version and flags, but in
//   release builds not against damage (a damaged cache is a fatal error): so each
//   file holds its cache twice, and a cache whose two copies differ is ignored and
//   replaced (a native comparison: a checksum in JavaScript, or loading zlib or
//   crypto to compute one, costs several times what the cache saves);
// - MCP_FAQ_NO_CACHE=1 (or --no-cache) neither reads nor writes one; a folder that
//   cannot be written only costs the cache.
// The CLI keeps there too what a --faq file costs to derive (see src/faq-cache.ts).
// dist/ itself holds no cache: it is the same wherever it is built. Node's own
// module.enableCompileCache() is not used: loading node:module costs more than it
// saves, and its cache holds only top-level code.
// Only node:fs and node:vm are loaded here; only this project's chunks go through
// the loader, every other require is Node's.

import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { COMMAND_NAMES, VALUED_GLOBAL_OPTIONS } from './command-names.js';
import { readCacheFile } from './files.js';

type Exports = Record<string, unknown>;
/** Node's require, which the chunks get for everything that is not a chunk (node:fs…). */
const nodeRequire: NodeJS.Require = require;

// Replaced by the build with a hash of dist/'s chunks: a cache belongs to one build.
declare const MCP_FAQ_BUILD: string;

/** A code cache is a few hundred KB (twice): anything much larger in its place is not one. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

interface Chunk {
  exports: Exports;
  script: Script;
  /** The cache V8 took, if any: a chunk without one has its cache saved after the run. */
  cached: boolean;
}

/** Loads dist/'s chunks with their code caches (see chunkLoader). */
interface ChunkLoader {
  readonly dir: string;
  readonly cacheDir?: string;
  readonly kind: string;
  /** A chunk's exports, loaded at its first call. */
  load(name: string): Exports;
  /** The chunks loaded so far, and whether V8 took a cache for them. */
  chunks(): { name: string; cached: boolean }[];
  /**
   * Saves the code cache of the chunks that had none (or a rejected one), with the
   * functions they ran; clears the caches of other builds. Never fails: a cache that
   * cannot be written is only a slower next start.
   */
  saveCaches(): void;
}

// main.js, unlike the chunks, has no code cache: V8 compiles it from its source at
// every start. Each function it runs at every start (here and readCacheFile in
// files.ts) is therefore written in parentheses, kept by prettier-ignore and by
// esbuild: V8 then compiles it with the file, instead of skimming it first and parsing
// it again at its first call (−0.4 % of a `list` on Node 20). A factory rather than a
// class, for the same reason: a class's methods and fields cannot be written so.

/**
 * Loads the chunks of `dir` (dist/). `cacheDir`: the build's cache folder, undefined
 * for none; the code caches are in its folder for `kind`, the kind of run (see runKind).
 */
// prettier-ignore
const chunkLoader = (function (dir: string, cacheDir?: string, kind = 'other'): ChunkLoader {
  const loaded = new Map<string, Chunk>();
  // prettier-ignore
  const load = (function (name: string): Exports {
    const known = loaded.get(name);
    if (known) return known.exports;
    const filename = `${dir}/${name}.js`;
    const source = readFileSync(filename, 'utf8');
    // The chunk's code cache, if one was saved (see saveCaches) and its two copies agree.
    const bytes = cacheDir ? readCacheFile(`${cacheDir}/${kind}/${name}.cache`, MAX_CACHE_BYTES) : undefined;
    const half = bytes ? bytes.length / 2 : 0;
    const first = bytes?.subarray(0, half);
    const cachedData = first && half > 0 && Buffer.compare(first, bytes!.subarray(half)) === 0 ? first : undefined;
    // The chunk is a function expression (see src/build/build.mjs), called with the module's variables.
    const script = new Script(source, { filename, cachedData });
    const module = { exports: {} as Exports };
    const chunk: Chunk = { exports: module.exports, script, cached: cachedData !== undefined && !script.cachedDataRejected };
    loaded.set(name, chunk);
    // A chunk is required as "./name.js" (every other relative import is bundled);
    // tested without a regular expression, which V8 would compile at each start.
    // prettier-ignore
    const chunkRequire = (function (id: string): unknown {
      return id.startsWith('./') && id.endsWith('.js') ? load(id.slice(2, -3)) : nodeRequire(id);
    });
    (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, chunkRequire, module, filename, dir);
    chunk.exports = module.exports;
    return module.exports;
  });
  return {
    dir,
    cacheDir,
    kind,
    load,
    chunks: () => [...loaded].map(([name, { cached }]) => ({ name, cached })),
    // prettier-ignore
    saveCaches: (function (): void {
      // At the end of every run: the work, and its code, only when there is a cache to save.
      let fresh = false;
      for (const chunk of loaded.values()) fresh ||= !chunk.cached;
      // The writer, a plain module (not a chunk: it has no cache of its own), loads only then.
      if (cacheDir && fresh) (nodeRequire(`${dir}/code-caches.js`) as typeof import('./code-caches.js')).writeCaches(cacheDir, kind, MCP_FAQ_BUILD, loaded);
    }),
  };
});

/**
 * Where this build's code caches go for this Node, or undefined for none
 * (MCP_FAQ_NO_CACHE set and not 0, or --no-cache: the one option read here, before
 * the command line is, since it decides how the code that reads it loads).
 */
// prettier-ignore
const cacheDir = (function (env: NodeJS.ProcessEnv, argv: string[] = []): string | undefined {
  if ((env.MCP_FAQ_NO_CACHE && !['0', 'false'].includes(env.MCP_FAQ_NO_CACHE)) || argv.includes('--no-cache')) return undefined;
  // Absolute paths only: a relative one would put a cache in whatever folder the command runs in.
  const base = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : env.HOME?.startsWith('/') ? `${env.HOME}/.cache` : undefined;
  return base && `${base}/mcp-faq/${MCP_FAQ_BUILD}-${process.versions.v8}-${process.arch}`;
});

/**
 * The kind of run a command line asks for, which names the folder of its code caches:
 * its command (the first word that is neither an option nor a global option's value,
 * when it names a command), else "other". A cache holds the functions of the run that
 * made it: each kind finds its own there (with the caches of whichever command ran
 * first, `show a6` compiled 2 % of its start-up again). A word taken for the command
 * that is not (`--faq=f list` is read as it should; a misspelt option is not) only
 * costs that.
 */
// prettier-ignore
const runKind = (function (argv: string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUED_GLOBAL_OPTIONS.includes(arg)) i++;
    else if (!arg.startsWith('-')) return (COMMAND_NAMES as readonly string[]).includes(arg) ? arg : 'other';
  }
  return 'other';
});

/**
 * Runs the CLI (which caches what a --faq file costs to derive in the same folder),
 * saves the code caches it lacked, then ends the process with the exit code the CLI
 * set. Everything is done by then: the output is written (synchronously, see io.ts),
 * a pager or the finder has exited, the MCP server has closed. Left to end on its
 * own, Node would first run the tasks V8 scheduled (a typo search has a scavenge
 * pending: 3 ms) and then tear the whole environment down: ending here saves 7 % of
 * a typo search's start-up and 2 % of a search's (Node 20, paired runs).
 */
// prettier-ignore
const main = (async function (): Promise<void> {
  const argv = process.argv.slice(2);
  const loader = chunkLoader(__dirname, cacheDir(process.env, argv), runKind(argv));
  await (loader.load('cli') as { main: (cacheDir?: string) => Promise<void> }).main(loader.cacheDir);
  loader.saveCaches();
  process.exit();
});

// CommonJS exports (bin/mcp-faq.js requires this file): an ES module's exports would
// make esbuild wrap them in getters, code that every start compiles and runs.
export = { main, chunkLoader, cacheDir, runKind };
