// npm run bench:startup [pairs]: start-up of the built CLI against bare `node -e ""`.
// For each command: a warm-up, then `pairs` runs (21 by default, 15 at least) of the
// command and of bare node, alternated, so that both see the same machine load; prints
// the medians and the median of the paired ratios (what ../shared/tools/startup-ratio.mjs
// measures), and the peak RSS of the command (GNU time, when /usr/bin/time exists).
// Output goes to /dev/null, as in a pipe: no terminal, no pager.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/mcp-faq.js', import.meta.url));
const pairs = Math.max(15, Number(process.argv[2] ?? 21));
const commands = [
  { args: ['list'], target: 1.15 },
  { args: ['search', 'mot de passe'], target: 1.2 },
  { args: ['show', 'a6'], target: 1.35 },
];
const MAX_RSS_MIB = 60;

const time = (args) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0 && args[0] === bin) throw new Error(`mcp-faq ${args.slice(1).join(' ')} exited with ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const peakRss = (args) => {
  if (!existsSync('/usr/bin/time')) return undefined;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  return Number(r.stderr.trim().split('\n').pop()) / 1024;
};

console.log(`node ${process.version}, ${pairs} paires par commande (médianes)\n`);
let ok = true;
for (const { args, target } of commands) {
  for (let i = 0; i < 3; i++) {
    time([bin, ...args]);
    time(['-e', '']);
  }
  const cli = [];
  const bare = [];
  const ratios = [];
  for (let i = 0; i < pairs; i++) {
    const a = time([bin, ...args]);
    const b = time(['-e', '']);
    cli.push(a);
    bare.push(b);
    ratios.push(a / b);
  }
  const rss = median([0, 1, 2].map(() => peakRss(args) ?? NaN));
  const ratio = median(ratios);
  const pass = ratio <= target && !(rss > MAX_RSS_MIB);
  ok &&= pass;
  console.log(
    `${`mcp-faq ${args.join(' ')}`.padEnd(30)} ${median(cli).toFixed(1).padStart(6)} ms   node -e "" ${median(bare).toFixed(1).padStart(6)} ms   ` +
      `ratio ${ratio.toFixed(3)} (cible ≤ ${target.toFixed(2)})   RSS max ${Number.isNaN(rss) ? '?' : rss.toFixed(1)} Mio   ${pass ? 'ok' : 'HORS CIBLE'}`,
  );
}
process.exitCode = ok ? 0 : 1;
