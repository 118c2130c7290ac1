// Output of `list` and `search`, and the JSON shapes of every command: values in,
// strings out. (Answers are rendered by render.ts.)

import { entriesById, type Faq, type FaqEntry } from './faq.js';
import type { SearchResult, Snippet } from './search.js';
import type { Styles } from './style.js';

export interface FormatOptions {
  styles: Styles;
  /** Wrap at this width (on a terminal); undefined: one line per item, for pipes and grep. */
  width?: number;
}

/** Categories in order, each with its entries: `  a1  Comment puis-je …`. */
export function formatList(faq: Faq, options: FormatOptions): string {
  const c = options.styles;
  const idWidth = Math.max(...faq.entries.map((e) => e.id.length));
  const blocks = faq.categories.map((category) => {
    const lines = faq.entries
      .filter((e) => e.category === category)
      .map((e) => item(c.id(e.id.padEnd(idWidth)), e.question, 2 + idWidth + 2, options));
    return [c.bold(category), ...lines].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** Search results, best first: id and question, then category and a snippet of the answer. */
export function formatResults(results: SearchResult[], faq: Faq, options: FormatOptions): string {
  const c = options.styles;
  const byId = entriesById(faq);
  const idWidth = Math.max(...results.map((r) => r.id.length));
  const indent = idWidth + 2;
  const blocks = results.map((r) => {
    const e = byId.get(r.id)!;
    const head = item(c.strongId(r.id.padEnd(idWidth)), e.question, indent, options, c.bold, 0);
    const pad = ' '.repeat(indent);
    const category = pad + c.dim(e.category);
    const snippet = r.snippet.text ? `\n${formatSnippet(r.snippet, indent, options, c)}` : '';
    return `${head}\n${category}${snippet}`;
  });
  return `${blocks.join('\n\n')}\n`;
}

/** Candidates for an ambiguous `show <query>`: one line each. */
export function formatCandidates(results: SearchResult[], faq: Faq, options: FormatOptions): string {
  const byId = entriesById(faq);
  const idWidth = Math.max(...results.map((r) => r.id.length));
  return results.map((r) => item(options.styles.id(r.id.padEnd(idWidth)), byId.get(r.id)!.question, 2 + idWidth + 2, options)).join('\n');
}

/** `  <id>  <text>`, the text wrapped under itself when a width is given. */
function item(id: string, text: string, indent: number, options: FormatOptions, style = (s: string) => s, lead = 2): string {
  const lines = options.width ? wrapRanges(text, options.width - indent).map(([a, b]) => text.slice(a, b)) : [text];
  return lines.map((l, i) => (i === 0 ? `${' '.repeat(lead)}${id}  ` : ' '.repeat(indent)) + style(l)).join('\n');
}

function formatSnippet(snippet: Snippet, indent: number, options: FormatOptions, c: Styles): string {
  const pad = ' '.repeat(indent);
  const ranges: [number, number][] = options.width ? wrapRanges(snippet.text, options.width - indent) : [[0, snippet.text.length]];
  return ranges
    .map(([a, b]) => {
      let out = '';
      let at = a;
      for (const [s, e] of snippet.marks) {
        if (e <= a || s >= b) continue;
        out += c.dim(snippet.text.slice(at, Math.max(s, a))) + c.match(snippet.text.slice(Math.max(s, a), Math.min(e, b)));
        at = Math.min(e, b);
      }
      return pad + out + c.dim(snippet.text.slice(at, b));
    })
    .join('\n');
}

/** Splits plain text into lines of at most `width` characters, at spaces: [start, end) of each line. */
export function wrapRanges(text: string, width: number): [number, number][] {
  const w = Math.max(width, 20);
  const lines: [number, number][] = [];
  let start = 0;
  while (text.length - start > w) {
    let cut = text.lastIndexOf(' ', start + w);
    if (cut <= start) cut = text.indexOf(' ', start + w); // a word longer than the line
    if (cut < 0) break;
    lines.push([start, cut]);
    start = cut + 1;
  }
  lines.push([start, text.length]);
  return lines;
}

// --- JSON shapes (documented in the README)

export const listJson = (faq: Faq) => faq.entries.map(({ id, category, question }) => ({ id, category, question }));

export const entryJson = ({ id, category, question, answer }: FaqEntry) => ({ id, category, question, answer });

export function resultsJson(results: SearchResult[], faq: Faq) {
  const byId = entriesById(faq);
  return results.map((r) => {
    const e = byId.get(r.id)!;
    return { id: r.id, category: e.category, question: e.question, score: r.score };
  });
}
