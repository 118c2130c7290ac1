// Makes the V8 code caches of dist/ (dist/<chunk>.js.cache), read by dist/main.js on
// Node versions without module.enableCompileCache(). It loads the chunks through the
// same ChunkLoader, runs the commands people run (so that the functions they call are
// compiled, not only the top level), then saves what V8 compiled. Run by the build,
// in a process of its own: the cache must come from a clean V8 with default flags.
// It doubles as a smoke test of dist/: a command that throws fails the build.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const { ChunkLoader } = createRequire(import.meta.url)(join(dist, 'main.js'));

const FAQ = join(root, 'faq/microsoft-certification-faq.fr.md');
const runs = [
  ['list'],
  ['search', 'mot de passe'],
  ['search', 'fusioner'],
  ['show', 'a6'],
];

const loader = new ChunkLoader(dist, { useCache: false });
const cli = loader.load('cli');
for (const argv of runs) {
  const io = { argv, env: {}, stdout: { write() {} }, stderr: { write() {} }, stdinIsTTY: () => false };
  const code = await cli.run(io);
  if (code === 70) throw new Error(`mcp-faq ${argv.join(' ')}: unexpected error`);
}
const sizes = [];
for (const [name, data] of loader.caches()) {
  writeFileSync(join(dist, `${name}.js.cache`), data);
  sizes.push(`${name}.js.cache ${(data.length / 1024).toFixed(0)} KiB`);
}
console.error(`code cache (node ${process.version}): ${sizes.join(', ')}`);
