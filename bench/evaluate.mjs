// Search quality on a JSONL query set ({"q": …, "expect": [ids]}, expect [] for a
// query the FAQ cannot answer): top-1, MRR@5 and out-of-domain rejection, as
// ../shared/tools/search-eval.mjs computes them. Used by bench/search.mjs and by the
// quality test (test/search.test.ts).
import { readFileSync } from 'node:fs';

/** Reads a JSONL query set. */
export function readQueries(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** search(q) → ids, best first. */
export function evaluate(queries, search) {
  let n = 0,
    top1 = 0,
    mrr = 0,
    ood = 0,
    oodOk = 0;
  const misses = [];
  for (const { q, expect } of queries) {
    const ids = search(q).slice(0, 5);
    if (expect.length === 0) {
      ood++;
      if (ids.length === 0) oodOk++;
      else misses.push(`[hors sujet] ${q} → ${ids.join(' ')}`);
      continue;
    }
    n++;
    if (expect.includes(ids[0])) top1++;
    else misses.push(`${q} → ${ids.join(' ') || '∅'} (attendu ${expect.join('|')})`);
    const k = ids.findIndex((id) => expect.includes(id));
    if (k >= 0) mrr += 1 / (k + 1);
  }
  return { n, top1: n ? top1 / n : 1, top1Count: top1, mrr: n ? mrr / n : 1, ood, oodRejected: oodOk, misses };
}

export const summary = (r) =>
  `top-1 ${(100 * r.top1).toFixed(1)} % (${r.top1Count}/${r.n}), MRR@5 ${r.mrr.toFixed(3)}, hors sujet rejetées ${r.oodRejected}/${r.ood}`;
