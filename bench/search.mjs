// npm run bench:search [file.jsonl …]: search quality of the built CLI (dist/), on the
// given query sets or on every bench/queries-*.jsonl. VERBOSE=1 lists the misses.
// It runs `mcp-faq search --json` in-process (dist/cli.js's run()), which gives the
// same answers as ../shared/tools/search-eval.mjs spawning the binary, much faster.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { evaluate, readQueries, summary } from './evaluate.mjs';

const require = createRequire(import.meta.url);
const { chunkLoader } = require('../dist/main.js');
const here = new URL('.', import.meta.url).pathname;
const { run } = chunkLoader(join(here, '../dist')).load('cli'); // dist/cli.js, as bin/mcp-faq.js loads it

async function searchIds(q) {
  let out = '';
  await run({
    argv: ['search', '--json', q],
    env: { NO_COLOR: '1' },
    stdout: { write: (s) => (out += s) },
    stderr: { write() {} },
    stdinIsTTY: () => false,
  });
  return JSON.parse(out).map((r) => r.id);
}

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(here)
      .filter((f) => /^queries-.*\.jsonl$/.test(f))
      .map((f) => join(here, f));
for (const file of files) {
  const queries = readQueries(file);
  const answers = new Map();
  const t0 = performance.now();
  for (const { q } of queries) answers.set(q, await searchIds(q));
  const ms = (performance.now() - t0) / queries.length;
  const r = evaluate(queries, (q) => answers.get(q));
  console.log(`${file.replace(`${process.cwd()}/`, '')}: ${summary(r)}  (${ms.toFixed(2)} ms par requête)`);
  if (process.env.VERBOSE) for (const m of r.misses) console.log(`  raté : ${m}`);
}
