// The built entry (dist/main.js, what bin/mcp-faq.js loads): it loads the CLI's
// chunks (dist/cli.js, and dist/search.js etc. when a command needs them) with a V8
// code cache, so that start-up does not spend its time compiling JavaScript.
// - Node ≥ 22.1 has module.enableCompileCache(): Node keeps the cache itself.
// - Older Node (20): the build makes a code cache per chunk (dist/<chunk>.js.cache,
//   see src/build/code-cache.mjs) and the ChunkLoader below compiles each chunk with
//   it. The cache is only read, never written; when V8 rejects it (another Node
//   version, other flags), the chunk is compiled as usual.
// Only this project's chunks go through the loader; every other require is Node's.

import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Script } from 'node:vm';

type Exports = Record<string, unknown>;
const CHUNK = /^\.\/([\w-]+)\.js$/;

export class ChunkLoader {
  private readonly loaded = new Map<string, { exports: Exports; script: Script }>();

  readonly dir: string;

  /** `useCache: false`: compile without the code cache (to make it, see src/build/code-cache.mjs). */
  constructor(
    dir: string,
    private readonly options: { useCache: boolean } = { useCache: true },
  ) {
    this.dir = resolve(dir);
  }

  load(name: string): Exports {
    const known = this.loaded.get(name);
    if (known) return known.exports;
    const filename = join(this.dir, `${name}.js`);
    const source = readFileSync(filename, 'utf8');
    let cachedData: Buffer | undefined;
    if (this.options.useCache) {
      try {
        cachedData = readFileSync(`${filename}.cache`);
      } catch {
        // no cache: compile as usual
      }
    }
    const script = new Script(Module.wrap(source), { filename, cachedData });
    const module = { exports: {} as Exports };
    this.loaded.set(name, { exports: module.exports, script });
    const nodeRequire = createRequire(filename);
    const require = (id: string) => {
      const chunk = CHUNK.exec(id);
      return chunk ? this.load(chunk[1]!) : nodeRequire(id);
    };
    (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, filename, this.dir);
    this.loaded.get(name)!.exports = module.exports;
    return module.exports;
  }

  /** The chunks loaded so far, and whether V8 took their code cache. */
  chunks(): { name: string; cacheRejected: boolean }[] {
    return [...this.loaded].map(([name, { script }]) => ({ name, cacheRejected: script.cachedDataRejected === true }));
  }

  /** The code caches of the chunks loaded so far, with what they compiled since. */
  caches(): Map<string, Buffer> {
    return new Map([...this.loaded].map(([name, { script }]) => [name, script.createCachedData()]));
  }
}

/** Runs the CLI. */
export function main(): void {
  const enableCompileCache = (Module as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (enableCompileCache) {
    enableCompileCache();
    (require('./cli.js') as { main: () => void }).main();
    return;
  }
  (new ChunkLoader(__dirname).load('cli') as { main: () => void }).main();
}
