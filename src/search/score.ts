// Stages 5 and 6 of a search (see search.ts): how well each entry answers the query's
// units, and which entries are answers (the cut-off), or else near misses to offer as
// guesses.

import { ANSWER, CATEGORY, entryOf, fieldsOf, QUESTION, type SearchIndex } from './indexing.js';
import { saysSomething, type Unit } from './units.js';

/** How well an entry answers a query. */
export interface Signals {
  /** Entry number (index.ids). */
  entry: number;
  /**
   * Relevance in [0, 1]: the weighted share of the query's units the entry has, each
   * counted by where: 1 in its question, 0.7 in its category, 0.4 in its answer (the
   * places combined like independent chances). 1 when every unit is in the question.
   */
  score: number;
  /**
   * The weighted share of the query's units the entry has anywhere, in [0, 1]; notions
   * of form left out (the cut-off's measure: an answer need not have the query's form).
   */
  coverage: number;
  /** The same share, of the units the entry's question (or category) has. */
  questionCoverage: number;
  /**
   * How many places (question, category, answer) beyond the first have the units,
   * weighted: of entries of the same score, the one that also talks of the query in
   * its category or answer ranks first.
   */
  depth: number;
  /** Whether the entry has one of the query's topics (not only an action, a form or the context). */
  topical: boolean;
  /** Whether the entry has (nearly) every unit of the query, by weight, form included, typos corrected or not. */
  complete: boolean;
}

const STRENGTH: [number, number][] = [
  [QUESTION, 1],
  [CATEGORY, 0.7],
  [ANSWER, 0.4],
];

const bitCount = (fields: number) => (fields & 1) + ((fields >> 1) & 1) + ((fields >> 2) & 1);

/** How strongly a term found at these places (posting bits) matches. */
function strength(fields: number): number {
  let miss = 1;
  for (const [bit, s] of STRENGTH) if (fields & bit) miss *= 1 - s;
  return 1 - miss;
}

/**
 * The signals of every entry that has at least one of the units. A notion of form
 * ("impossible", "où") counts only in questions: in an answer it is incidental.
 */
export function scoreEntries(units: Unit[], index: SearchIndex): Signals[] {
  const total = units.reduce((s, u) => s + u.weight, 0);
  const totalContent = units.reduce((s, u) => s + (u.kind === 'form' ? 0 : u.weight), 0);
  const byEntry = new Map<number, Signals & { matched: number }>();
  if (total <= 0) return [];
  // The form of a question (« où », « impossible ») about nothing but the context
  // (« where is my profile ») does not choose its entry: a2's « Où puis-je trouver ».
  const formless = !units.some((u) => u.kind === 'topic' || u.kind === 'generic');
  for (const unit of units) {
    // An off-topic unit only weighs (the FAQ does not answer it); filler says nothing.
    if (unit.kind === 'offtopic' || unit.kind === 'filler' || (formless && unit.kind === 'form')) continue;
    const best = new Map<number, { match: number; quality: number; fields: number }>();
    for (const [term, quality] of unit.alts) {
      for (const p of index.postings(term)) {
        const fields = unit.kind === 'form' ? fieldsOf(p) & ~ANSWER : fieldsOf(p);
        if (!fields) continue;
        const entry = entryOf(p);
        const match = quality * strength(fields);
        const known = best.get(entry);
        if (!known) best.set(entry, { match, quality, fields });
        else {
          if (match > known.match) [known.match, known.quality] = [match, quality];
          known.fields |= fields;
        }
      }
    }
    const share = unit.weight / total;
    const contentShare = unit.kind === 'form' || totalContent <= 0 ? 0 : unit.weight / totalContent;
    for (const [entry, { match, quality, fields }] of best) {
      let s = byEntry.get(entry);
      if (!s) {
        s = { entry, score: 0, coverage: 0, questionCoverage: 0, depth: 0, topical: false, complete: false, matched: 0 };
        byEntry.set(entry, s);
      }
      s.score += share * match;
      s.coverage += contentShare * quality;
      if (fields & (QUESTION | CATEGORY)) s.questionCoverage += contentShare * quality;
      s.depth += share * (bitCount(fields) - 1);
      if (unit.kind === 'topic') s.topical = true;
      s.matched += share;
    }
  }
  return [...byEntry.values()].map(({ matched, ...s }) => ({ ...s, complete: matched >= COMPLETE }));
}

/** An entry that has this share of the query's weight has (nearly) all of it. */
const COMPLETE = 0.9;
/** An answer covers at least this share of the query's weight, and its question this much… */
const MIN_COVERAGE = 0.5;
const MIN_QUESTION_COVERAGE = 0.35;
/**
 * …and this much when the query names another product's or organisation's account or
 * site (see NotionKind 'elsewhere'): "AWS certification account – change email
 * address" wants AWS's address changed, not the profile's (a6 covers 51 % of it).
 */
const MIN_COVERAGE_ELSEWHERE = 0.6;
/** …unless it has every unit of the query. A guess covers this much, in its question too. */
const MIN_GUESS_COVERAGE = 0.3;
const MAX_GUESSES = 3;
/**
 * A long message (this many units or more, filler aside) says much that the FAQ
 * never does (its context, its mood, the story of the problem), so that no entry may
 * cover half of it: then a guess that covers MIN_LEAD_COVERAGE of it and leads every
 * other entry's score LEAD times is its answer.
 */
const LONG_QUERY = 6;
const MIN_LEAD_COVERAGE = 0.35;
const LEAD = 1.1;
/** A guess that covers this much of any query (this much in its question) and leads as much is its answer too. */
const NEARLY_ALL = 0.7;
const NEARLY_ALL_QUESTION = 0.25;

/**
 * Whether an entry is an answer: see MIN_COVERAGE. When the query has topics, the
 * entry must also have one of them, unless it has every unit.
 */
export const isAnswer = (s: Signals, hasTopics: boolean, min = MIN_COVERAGE): boolean =>
  s.coverage >= min && (s.complete || ((s.topical || !hasTopics) && s.questionCoverage >= MIN_QUESTION_COVERAGE));

/**
 * The answers, best first, and when there are none the guesses: entries that came
 * close (at most MAX_GUESSES). Of equal scores, the deeper entry ranks first (see
 * Signals.depth), then the one with the shorter question (it is more to the point). A query that names something off-topic gets no
 * guesses: a near miss on "reschedule my exam" would only mislead. A long message's
 * leading guess is an answer (see LONG_QUERY), and so is a guess that covers nearly
 * all of any query (see NEARLY_ALL).
 */
export function cutOff(
  signals: Signals[],
  units: Unit[],
  { questionLengths, sameAnswer }: Pick<SearchIndex, 'questionLengths' | 'sameAnswer'>,
): { results: Signals[]; guesses: Signals[] } {
  const ranked = [...signals].sort(
    (a, b) =>
      b.score - a.score ||
      b.depth - a.depth ||
      questionLengths[a.entry]! - questionLengths[b.entry]! ||
      b.coverage - a.coverage ||
      a.entry - b.entry,
  );
  // What the query says: its units but the filler ("page", "az" and "104" of "AZ-104").
  const meaningful = units.filter((u) => u.kind !== 'filler' && (u.kind !== 'topic' || saysSomething(u, questionLengths.length)));
  const hasTopics = meaningful.some((u) => u.kind === 'topic');
  // A generic word (« modifier », « lien », « télécharger ») needs the thing it is
  // about: a query of nothing but generic words (and filler) has guesses at most, no answer.
  const needsTopic = meaningful.length > 0 && meaningful.every((u) => u.kind === 'generic');
  const min = units.some((u) => u.elsewhere) ? MIN_COVERAGE_ELSEWHERE : MIN_COVERAGE;
  const results = needsTopic ? [] : ranked.filter((s) => isAnswer(s, hasTopics, min));
  if (results.length > 0 || units.some((u) => u.kind === 'offtopic')) return { results, guesses: [] };
  const guesses = ranked
    .filter((s) => (s.topical || !hasTopics) && s.coverage >= MIN_GUESS_COVERAGE && s.questionCoverage > 0)
    .slice(0, MAX_GUESSES);
  // A long message, or one the best guess covers nearly all of: when that guess leads
  // every entry with another answer, it is the answer.
  const [best] = guesses;
  const runnerUp = best && ranked.find((s) => sameAnswer[s.entry] !== sameAnswer[best.entry]);
  if (
    best &&
    hasTopics &&
    ((meaningful.length >= LONG_QUERY && best.coverage >= MIN_LEAD_COVERAGE) ||
      (best.coverage >= NEARLY_ALL && best.questionCoverage >= NEARLY_ALL_QUESTION)) &&
    best.score >= LEAD * (runnerUp?.score ?? 0)
  )
    return { results: [best], guesses: [] };
  return { results, guesses };
}
