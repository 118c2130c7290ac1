// The text of `list` and `search` (and of the candidates `show <words>` offers):
// values in, strings out, styled by the theme and wrapped by wrap.ts on a terminal.
// (Answers are laid out by render.ts; JSON shapes are in present.ts.)

import type { Hit } from './core.js';
import type { Faq } from './faq.js';
import type { Snippet } from './search.js';
import type { Theme } from './theme.js';
import { wrap } from './wrap.js';

export interface TextOptions {
  theme: Theme;
  /** Wrap at this width (on a terminal); undefined: one line per item, for pipes and grep. */
  width?: number;
}

/** Categories in order, each with its entries: `  a1  Comment puis-je …`. */
export function formatList(faq: Faq, options: TextOptions): string {
  const t = options.theme;
  const column = idColumn(faq.entries.map((e) => e.id));
  const byCategory = new Map<string, string[]>(faq.categories.map((c) => [c, []]));
  for (const e of faq.entries) byCategory.get(e.category)?.push(item(t.id(column.pad(e.id)), e.question, 2, column.width, options));
  const blocks = faq.categories.map((category) => [indented(t.category(category), 0, options), ...byCategory.get(category)!].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

/** Search hits, best first: id and question, then category and a snippet of the answer. */
export function formatHits(hits: Hit[], options: TextOptions): string {
  const t = options.theme;
  const column = idColumn(hits.map((h) => h.entry.id));
  const indent = column.width + 2;
  const blocks = hits.map(({ entry, snippet }) => {
    const head = item(t.strongId(column.pad(entry.id)), t.question(entry.question), 0, column.width, options);
    const category = indented(t.dim(entry.category), indent, options);
    return [head, category, ...(snippet.text ? [indented(styleSnippet(snippet, t), indent, options)] : [])].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** Entries to choose from (an ambiguous `show <words>`, guesses): one item each. */
export function formatCandidates(hits: Hit[], options: TextOptions): string {
  const column = idColumn(hits.map((h) => h.entry.id));
  return hits.map(({ entry }) => item(options.theme.id(column.pad(entry.id)), entry.question, 2, column.width, options)).join('\n');
}

/** The width of an id column, and an id padded to it. */
export function idColumn(ids: string[]): { width: number; pad: (id: string) => string } {
  const width = ids.reduce((max, id) => Math.max(max, id.length), 0);
  return { width, pad: (id) => id.padEnd(width) };
}

/** `<lead><id>  <text>`, the text wrapped under itself when there is a width. */
function item(id: string, text: string, lead: number, idWidth: number, options: TextOptions): string {
  // One line without a width (a pipe): a large FAQ's list has thousands of items.
  if (options.width === undefined) return `${' '.repeat(lead)}${id}  ${text}`;
  const indent = lead + idWidth + 2;
  const [first = '', ...rest] = lines(text, indent, options);
  return [`${' '.repeat(lead)}${id}  ${first}`, ...rest.map((l) => ' '.repeat(indent) + l)].join('\n');
}

/** Text indented by `indent` columns, wrapped when there is a width. */
function indented(text: string, indent: number, options: TextOptions): string {
  return lines(text, indent, options)
    .map((l) => ' '.repeat(indent) + l)
    .join('\n');
}

function lines(text: string, indent: number, options: TextOptions): string[] {
  return options.width === undefined ? [text] : wrap(text, options.width - indent);
}

/** A snippet dimmed, its matched words styled as matches. */
function styleSnippet(snippet: Snippet, t: Theme): string {
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.marks) {
    out += t.dim(snippet.text.slice(at, start)) + t.match(snippet.text.slice(start, end));
    at = end;
  }
  return out + t.dim(snippet.text.slice(at));
}
