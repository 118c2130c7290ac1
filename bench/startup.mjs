// npm run bench:startup [pairs]: start-up of the built CLI against bare `node -e ""`,
// on Node 20, 22 and 24 (the system's Node, and those of .ci/nodes when installed:
// npm ci --prefix .ci/nodes). As a user's machine runs them: without
// NODE_EXTRA_CA_CERTS (a CA bundle makes every Node start parse it, ~40 ms, which
// would hide the CLI's own cost), output to /dev/null (no terminal, no pager), code
// caches warm (a private cache folder, filled by the warm-up runs, see src/main.ts).
// For each Node and command: a warm-up, then `pairs` runs (21 by default, 15 at least)
// of the command and of bare node, alternated so that both see the same machine load;
// prints the medians, the median of the paired ratios (what
// ../shared/tools/startup-ratio.mjs measures) against its goal, and the peak RSS.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paired } from './paired.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/mcp-faq.js');
const pairs = Math.max(15, Number(process.argv[2] ?? 21));
const commands = [
  { args: ['list'], goal: 1.1 },
  { args: ['search', 'mot de passe'], goal: 1.2 },
  { args: ['show', 'a6'], goal: 1.2 },
  { args: ['search', 'fusioner mon profl'], goal: 1.35 },
];
const nodes = [process.execPath, ...[22, 24].map((v) => join(root, `.ci/nodes/node_modules/node${v}/bin/node`))];
const cache = mkdtempSync(join(tmpdir(), 'mcp-faq-bench-'));
const env = { ...process.env, XDG_CACHE_HOME: cache };
delete env.NODE_EXTRA_CA_CERTS;

const time = (node, args) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(node, args, { stdio: 'ignore', env });
  if (r.status !== 0 && args[0] === bin) throw new Error(`mcp-faq ${args.slice(1).join(' ')} exited with ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const peakRss = (node, args) => {
  if (!existsSync('/usr/bin/time')) return NaN;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', node, bin, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env });
  return Number(r.stderr.trim().split('\n').pop()) / 1024;
};

let ok = true;
try {
  for (const node of nodes) {
    if (!existsSync(node)) {
      console.log(`${node} : absent (npm ci --prefix .ci/nodes)\n`);
      ok = false;
      continue;
    }
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    console.log(`node ${version}, ${pairs} paires par commande (médianes), sans NODE_EXTRA_CA_CERTS`);
    for (const { args, goal } of commands) {
      const {
        a: cli,
        b: bare,
        ratio,
      } = await paired(
        () => time(node, [bin, ...args]),
        () => time(node, ['-e', '']),
        pairs,
      );
      ok &&= ratio <= goal;
      console.log(
        `  ${`mcp-faq ${args.join(' ')}`.padEnd(34)} ${cli.toFixed(1).padStart(6)} ms   node -e "" ${bare.toFixed(1).padStart(6)} ms   ` +
          `rapport ${ratio.toFixed(3)} (cible ≤ ${goal.toFixed(2)})   RSS max ${peakRss(node, args).toFixed(1)} Mio   ${ratio <= goal ? 'ok' : 'HORS CIBLE'}`,
      );
    }
    console.log();
  }
} finally {
  rmSync(cache, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
