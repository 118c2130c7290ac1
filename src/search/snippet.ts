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
 * The window of about `size` characters of `text` that holds the most words matching
 * `terms` (index terms: stems and notions), starting at its sentence when that begins
 * shortly before; the matched words are marked.
 */
export function snippet(text: string, terms: Set<string>, analyzer: Analyzer, size = 160): Snippet {
  const words = analyzer.terms(text);
  const hit = words.map((t) => !t.stop && terms.has(t.stem));
  words.forEach((_, i) => {
    for (const m of analyzer.phrasesAt(words, i)) {
      if (m.concepts.some((c) => terms.has(conceptTerm(c)))) for (let k = m.start; k < m.end; k++) hit[k] = true;
    }
  });
  let from = 0;
  let most = 0;
  words.forEach((w, i) => {
    if (!hit[i]) return;
    let hits = 0;
    for (let k = i; k < words.length && words[k]!.end - w.start <= size; k++) if (hit[k]) hits++;
    if (hits > most) [from, most] = [w.start, hits];
  });
  const sentence = Math.max(...['. ', '? ', '! ', ': '].map((p) => text.lastIndexOf(p, from)));
  if (from <= 40) from = 0;
  else if (sentence >= 0 && from - sentence <= 40) from = sentence + 2;
  let to = Math.min(text.length, from + size);
  if (to < text.length) to = Math.max(text.lastIndexOf(' ', to), from + 1);
  const lead = from > 0 ? '… ' : '';
  const marks: [number, number][] = words
    .filter((t, i) => hit[i] && t.start >= from && t.end <= to)
    .map((t) => [t.start - from + lead.length, t.end - from + lead.length]);
  return { text: lead + text.slice(from, to).trimEnd() + (to < text.length ? ' …' : ''), marks };
}
