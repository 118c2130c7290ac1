// Terminal output of `show`: an entry's title, then its answer's document (see
// compose.ts) laid out for the terminal at hand: wrapped to the width, hanging
// indents for list items, colors and hyperlinks kept only where wanted.
// The bundled FAQ's documents are made at build time and embedded here; another FAQ
// file's are composed on first use (compose.ts loads marked).

import type { FaqEntry } from './faq.js';
import { frenchSpacing, WRAP } from './text.js';
import { loadTheme, type Theme } from './theme.js';
import { wrap } from './wrap.js';

export interface RenderOptions {
  /** Columns to wrap prose at. */
  width: number;
  /** The theme: with color, documents keep their styles; without, they lose them. */
  theme: Theme;
  color: boolean;
  /** OSC 8 hyperlinks on links (only with color). */
  hyperlinks: boolean;
}

/** Answer documents by entry id. */
export type Documents = Record<string, string>;

// Replaced by the build (and the test set-up) with the bundled FAQ's documents (an object literal).
declare const MCP_FAQ_DOCS: Documents;

let bundledDocs: Documents | undefined;

/** The documents of the bundled FAQ's answers. */
export function bundledDocuments(): Documents {
  bundledDocs ??= MCP_FAQ_DOCS;
  return bundledDocs;
}

/** Documents for another FAQ's entries, composed now (this loads marked); `unformatted`: the ids of those shown as is, marked having failed on them. */
export async function composeDocuments(entries: FaqEntry[]): Promise<{ documents: Documents; unformatted: string[] }> {
  const { compose, plainDocument } = await import('./compose.js');
  const theme = await loadTheme(true);
  const unformatted: string[] = [];
  const documents = Object.fromEntries(
    entries.map((e) => {
      const document = compose(e.answer, theme);
      if (document === undefined) unformatted.push(e.id);
      return [e.id, document ?? plainDocument(e.answer)];
    }),
  );
  return { documents, unformatted };
}

/** The question as a title, its id and category, then the answer. */
export function renderEntry(entry: FaqEntry, document: string, options: RenderOptions): string {
  const t = options.theme;
  const title = layout(WRAP + t.question(frenchSpacing(entry.question)), options);
  const meta = layout(WRAP + t.dim(`${entry.id} · ${entry.category}`), options);
  return `${title}\n${meta}\n\n${layout(document, options)}\n`;
}

/** Several entries, separated by a rule. */
export function renderEntries(entries: FaqEntry[], documents: Documents, options: RenderOptions): string {
  const rule = options.theme.dim('─'.repeat(Math.min(options.width, 40)));
  return entries.map((e) => renderEntry(e, documents[e.id] ?? '', options)).join(`\n${rule}\n\n`);
}

const SGR = /\u001b\[[0-9;]*m/g;

const OSC8 = /\u001b\]8;;[^\u0007]*\u0007/g;

/** The prefix of a wrapped line's next lines: quote bars (styled) stay, list markers become spaces. */
const continuation = (prefix: string): string =>
  prefix
    .split(/(\u001b\[[0-9;]*m)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[^\u2502]/g, ' '))) // \u2502 is │: chunks stay ASCII (build.mjs)
    .join('');

/** Lays a document out: wraps its logical lines to the width, strips what the terminal should not get. */
export function layout(document: string, options: RenderOptions): string {
  let doc = document;
  if (!options.color || !options.hyperlinks) doc = doc.replace(OSC8, '');
  if (!options.color) doc = doc.replace(SGR, '');
  const out: string[] = [];
  for (const line of doc.split('\n')) {
    const at = line.indexOf(WRAP);
    if (at < 0) {
      out.push(line);
      continue;
    }
    const prefix = line.slice(0, at);
    const lines = wrap(line.slice(at + 1), options.width - prefix.replace(SGR, '').length);
    const more = continuation(prefix);
    out.push(prefix + lines[0], ...lines.slice(1).map((l) => more + l));
  }
  return out.join('\n');
}
