// node bench/explain.mjs <query> [--prefix]: what the search engine makes of a query,
// stage by stage (see src/search.ts): the corrected words, the units with their kind
// and weight, the signals of the best entries and the cut-off's verdict. For tuning
// the glossary and the engine; runs the sources (bundled in memory) on faq/.
import { importSources, makeBundleData, root } from '../src/build/bundle-data.mjs';

const args = process.argv.slice(2);
const prefix = args.includes('--prefix');
const query = args.filter((a) => a !== '--prefix').join(' ');

const entry = `
export { cleanQuery } from './src/search/clean.ts';
export { correctWords, KnownWords } from './src/search/correct.ts';
export { PackedIndex } from './src/search/indexing.ts';
export { queryUnits, weighUnits } from './src/search/units.ts';
export { scoreEntries, cutOff } from './src/search/score.ts';
export { Analyzer } from './src/glossary.ts';
export { tokenize } from './src/text.ts';
export * as fuzzy from './src/fuzzy.ts';
export { classToWeigh } from './src/search.ts';
`;
const s = await importSources({ stdin: { contents: entry, resolveDir: root, loader: 'ts' } });
const bundle = await makeBundleData();
const index = new s.PackedIndex(JSON.stringify(bundle.index));
const analyzer = new s.Analyzer(index.lexicon, (w) => index.stem(w) ?? s.fuzzy.stem(w));
const classOf = (w) => s.classToWeigh(w, index, analyzer, s.fuzzy);
const text = s.cleanQuery(query);
const words = s.correctWords(
  s.tokenize(text),
  {
    isKnown: (w) => index.stem(w) !== undefined,
    knownWords: () => new s.KnownWords(index.words()),
    isStop: (w) => analyzer.isStop(w),
    frequencyClass: s.fuzzy.frequencyClass,
    commonWordStarting: s.fuzzy.commonWordStarting,
  },
  prefix ? { at: text.length } : undefined,
);
console.log(
  'words:',
  words
    .map(
      (w) =>
        (w.quality < 1 ? `${w.word}(${w.quality.toFixed(2)})` : w.word) + (w.completions ? `[${w.completions.length} completions]` : ''),
    )
    .join(' '),
);
const units = s.queryUnits(words, analyzer);
s.weighUnits(
  units,
  index,
  classOf,
  words.map((w) => w.word),
);
const label = (t) => (t.startsWith('~') ? `[${index.lexicon.labels[Number(t.slice(1))]}]` : t);
for (const u of units)
  console.log(
    `  ${u.kind.padEnd(8)} ${u.weight.toFixed(2).padStart(5)}  ${u.words.join(' ')} → ${[...u.alts.keys()].slice(0, 6).map(label).join(' | ')}`,
  );
const signals = s.scoreEntries(units, index);
const { results, guesses } = s.cutOff(signals, units, index);
const ok = new Set(results.map((r) => r.entry));
const guessed = new Set(guesses.map((r) => r.entry));
for (const g of [...signals].sort((a, b) => b.score - a.score).slice(0, 6)) {
  const verdict = ok.has(g.entry) ? 'RÉSULTAT' : guessed.has(g.entry) ? 'devinette' : '';
  console.log(
    `  ${index.ids[g.entry].padEnd(4)} score ${g.score.toFixed(3)}  couverture ${g.coverage.toFixed(3)}  question ${g.questionCoverage.toFixed(3)}  ${g.topical ? 'sujet' : '     '}  ${verdict}`,
  );
}
