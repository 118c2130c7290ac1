// The last stage of a search: for each result, the part of its answer that shows
// why it was found, its matched words marked. Also the plain text of an answer,
// which the index is built from.

import { conceptTerm, type Analyzer } from '../glossary.js';

export interface Snippet {
  text: string;
  /** [start, end) offsets of matched words in text. */
  marks: [number, number][];
}

const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/g;

/**
 * Markdown to the text a reader sees: link texts stay, URLs, images and markup go;
 * a code span keeps its text as written (`<br/>` in code is text, not a line break).
 */
export function markdownToPlain(markdown: string): string {
  return markdownWords(markdown).replace(/\s+/g, ' ').trim();
}

/** markdownToPlain() but for its white space: the same words, what the index reads. */
export function markdownWords(markdown: string): string {
  if (!markdown.includes('`')) return markupToPlain(markdown);
  const parts: string[] = [];
  let last = 0;
  for (const m of markdown.matchAll(CODE_SPAN)) {
    parts.push(markupToPlain(markdown.slice(last, m.index)), m[2]!);
    last = m.index + m[0].length;
  }
  parts.push(markupToPlain(markdown.slice(last)));
  return parts.join(' ');
}

// Each pattern runs only on the texts that have its mark (a large FAQ has many answers).
const MARKUP: [string[], RegExp, string][] = [
  [['!['], /!\[[^\]]*\]\([^)]*\)/g, ' '], // images
  [[']('], /\[([^\]]*)\]\([^)]*\)/g, '$1'], // links: their text
  [['<'], /<[^>]+>/g, ' '], // HTML
  [['#', '>'], /^\s{0,3}(?:#{1,6}\s+|>\s?)/gm, ''], // headings, quotes
  [['- ', '* ', '+ '], /^\s{0,3}[-*+]\s+/gm, '• '], // list items
  [['*', '_', '`'], /\*\*|__|[*`]/g, ''], // emphasis
];

function markupToPlain(markdown: string): string {
  let text = markdown;
  for (const [marks, pattern, replacement] of MARKUP) {
    if (marks.some((m) => text.includes(m))) text = text.replace(pattern, replacement);
  }
  return text;
}

/**
 * An answer's plain text analysed for snippets: its words (offsets, and stem or "" for a
 * stop word) and the glossary expressions they form (first and past-last word, notion
 * terms). Independent of any query: made at build time for the bundled FAQ (see
 * bundle.ts), on first use for another.
 */
export interface AnswerWords {
  text: string;
  /** [start, end) of each word in text, flat: start0, end0, start1, end1… */
  offsets: number[];
  stems: string[];
  phrases: [number, number, string[]][];
}

export function answerWords(text: string, analyzer: Analyzer): AnswerWords {
  const words = analyzer.terms(text);
  const phrases: AnswerWords['phrases'] = [];
  words.forEach((_, i) => {
    for (const m of analyzer.phrasesAt(words, i)) phrases.push([m.start, m.end, m.concepts.map(conceptTerm)]);
  });
  return { text, offsets: words.flatMap((w) => [w.start, w.end]), stems: words.map((w) => (w.stop ? '' : w.stem)), phrases };
}

/**
 * The window of about `size` characters of the answer that holds the most words
 * matching `terms` (index terms: stems and notions), starting at its sentence when
 * that begins shortly before; the matched words are marked. (Index loops, no
 * callbacks: every search runs this for each answer it shows, in V8's interpreter.)
 */
export function snippet(answer: AnswerWords, terms: Set<string>, size = 160): Snippet {
  const { text, offsets, stems, phrases } = answer;
  const count = stems.length;
  const hit: boolean[] = [];
  for (let i = 0; i < count; i++) hit.push(stems[i] !== '' && terms.has(stems[i]!));
  for (let p = 0; p < phrases.length; p++) {
    const phrase = phrases[p]!;
    const concepts = phrase[2];
    for (let c = 0; c < concepts.length; c++) {
      if (!terms.has(concepts[c]!)) continue;
      for (let k = phrase[0]; k < phrase[1]; k++) hit[k] = true;
      break;
    }
  }
  // The window: from the matched word that starts the most matches within `size` characters.
  let from = 0;
  let most = 0;
  for (let i = 0; i < count; i++) {
    if (!hit[i]) continue;
    const start = offsets[2 * i]!;
    let hits = 0;
    for (let k = i; k < count && offsets[2 * k + 1]! - start <= size; k++) if (hit[k]) hits++;
    if (hits > most) {
      from = start;
      most = hits;
    }
  }
  let sentence = -1;
  for (const end of ['. ', '? ', '! ', ': ']) sentence = Math.max(sentence, text.lastIndexOf(end, from));
  if (from <= 40) from = 0;
  else if (sentence >= 0 && from - sentence <= 40) from = sentence + 2;
  let to = Math.min(text.length, from + size);
  if (to < text.length) to = Math.max(text.lastIndexOf(' ', to), from + 1);
  const lead = from > 0 ? '… ' : '';
  const marks: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const start = offsets[2 * i]!;
    const end = offsets[2 * i + 1]!;
    if (hit[i] && start >= from && end <= to) marks.push([start - from + lead.length, end - from + lead.length]);
  }
  return { text: lead + text.slice(from, to).trimEnd() + (to < text.length ? ' …' : ''), marks };
}
