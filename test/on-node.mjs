// Runs the tests on one of the other Nodes the project supports, the binaries pinned in
// .ci/nodes/package-lock.json (npm ci --prefix .ci/nodes):
//   node test/on-node.mjs 22 [vitest arguments…]
// vitest itself runs on that Node, so the build (test/global-setup.ts) and the binary
// the tests spawn (process.execPath) do too. `npm test` uses the current Node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [major, ...args] = process.argv.slice(2);
const node = `${root}.ci/nodes/node_modules/node${major}/bin/node`;
if (!existsSync(node)) {
  console.error(`Node ${major ?? '?'} n’est pas installé pour les tests (${node}) : npm ci --prefix .ci/nodes (Node 22 et 24).`);
  process.exit(2);
}
const r = spawnSync(node, [`${root}node_modules/vitest/vitest.mjs`, 'run', ...args], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
