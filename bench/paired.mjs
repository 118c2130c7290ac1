// Paired timing, shared by the start-up benches: a warm-up, then `pairs` runs of a
// command (A) and of its yardstick (B, a bare `node -e ""`), alternated so that both
// see the same machine load; the medians, and the median of the paired ratios.

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `runA` and `runB` return milliseconds (or a promise of them). */
export async function paired(runA, runB, pairs, warmUp = 3) {
  for (let i = 0; i < warmUp; i++) {
    await runA();
    await runB();
  }
  const a = [];
  const b = [];
  const ratios = [];
  for (let i = 0; i < pairs; i++) {
    const x = await runA();
    const y = await runB();
    a.push(x);
    b.push(y);
    ratios.push(x / y);
  }
  return { a: median(a), b: median(b), ratio: median(ratios) };
}
