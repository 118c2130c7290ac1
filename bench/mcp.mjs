// npm run bench:mcp [pairs]: how soon a spawned MCP server (`mcp-faq mcp`) answers
// its first search_faq, against a bare `node -e ""` start, as an assistant sees it:
// spawn, initialize, then the tool call; the time runs until the answer arrives.
// Pairs alternate the server and bare node (after a warm-up, which fills a private
// code cache folder) and the median of the paired ratios is printed (goal ≤ 2).
// Without NODE_EXTRA_CA_CERTS, as on a user's machine; on Node 20, 22 and 24 (the
// system's, and those of .ci/nodes when installed).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paired } from './paired.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/mcp-faq.js');
const pairs = Math.max(9, Number(process.argv[2] ?? 15));
const nodes = [process.execPath, ...[22, 24].map((v) => join(root, `.ci/nodes/node_modules/node${v}/bin/node`))].filter((n) =>
  existsSync(n),
);
const cache = mkdtempSync(join(tmpdir(), 'mcp-faq-bench-'));
const env = { ...process.env, XDG_CACHE_HOME: cache };
delete env.NODE_EXTRA_CA_CERTS;
const GOAL = 2;

const lines = [
  {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
  },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'search_faq', arguments: { query: 'comment fusionner deux profils ?' } } },
].map((m) => `${JSON.stringify(m)}\n`);

/** Milliseconds from spawn to the answer of the first search_faq. */
function firstSearch(node) {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const child = spawn(node, [bin, 'mcp'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('"id":2,') || out.includes('"id":2}')) {
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        if (!out.includes('"a4"')) reject(new Error(`no a4 in the answer: ${out}`));
        child.stdin.end();
        resolve(ms);
      }
    });
    child.on('error', reject);
    child.stdin.write(lines.join(''));
  });
}

const bare = (node) => {
  const t = process.hrtime.bigint();
  spawnSync(node, ['-e', ''], { env, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t) / 1e6;
};
let ok = true;
for (const node of nodes) {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const {
    a: server,
    b: base,
    ratio,
  } = await paired(
    () => firstSearch(node),
    () => bare(node),
    pairs,
  );
  ok &&= ratio <= GOAL;
  console.log(
    `node ${version}: premier search_faq ${server.toFixed(1)} ms, node -e "" ${base.toFixed(1)} ms, ` +
      `rapport ${ratio.toFixed(2)} (cible ≤ ${GOAL})  ${ratio <= GOAL ? 'ok' : 'HORS CIBLE'}`,
  );
}
rmSync(cache, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
