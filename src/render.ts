// Terminal output of `show`: an entry's title, then its answer's document (see
// compose.ts) laid out for the terminal at hand: wrapped to the width, hanging
// indents for list items, colors and hyperlinks kept only where wanted.
// The bundled FAQ's documents are made at build time and embedded here; another FAQ
// file's are composed on first use (compose.ts loads marked).

import type { FaqEntry } from './faq.js';
import { frenchSpacing, TABLE, WRAP } from './text.js';
import { loadTheme, type Theme } from './theme.js';
import { displayWidth, fold, MIN_ROOM, wrap } from './wrap.js';

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

/**
 * The prefix of a wrapped line's next lines: quote bars (styled) stay, list markers
 * become spaces. (A loop rather than regular expressions: V8 compiles each one at
 * each start, and every answer has prefixes.)
 */
function continuation(prefix: string): string {
  let out = '';
  for (let i = 0; i < prefix.length; i++) {
    const end = prefix[i] === '\u001b' ? prefix.indexOf('m', i) : -1; // a style: prefixes have no other sequence
    if (end >= 0) {
      out += prefix.slice(i, end + 1);
      i = end;
    } else out += prefix[i] === '\u2502' ? '\u2502' : ' '; // \u2502 is │: chunks stay ASCII (build.mjs)
  }
  return out;
}

/** A table of a document (see compose.ts): its cells, styled, and each column's alignment. */
export interface TableData {
  header: string[];
  rows: string[][];
  align: ('left' | 'right' | 'center' | null)[];
}

/** Lays a document out: wraps its logical lines to the width, strips what the terminal should not get. */
export function layout(document: string, options: RenderOptions): string {
  const strip = (text: string) => {
    if (!text.includes('\u001b')) return text; // a title without color: no pass at all
    let out = text;
    if (!options.color || !options.hyperlinks) out = out.replace(OSC8, '');
    return options.color ? out : out.replace(SGR, '');
  };
  const out: string[] = [];
  for (const line of strip(document).split('\n')) {
    const table = line.indexOf(TABLE);
    if (table >= 0) {
      const data = JSON.parse(line.slice(table + 1)) as TableData; // its styles are escaped in the JSON: stripped here
      const cells = { ...data, header: data.header.map(strip), rows: data.rows.map((row) => row.map(strip)) };
      out.push(...drawTable(cells, line.slice(0, table), options));
      continue;
    }
    const at = line.indexOf(WRAP);
    if (at < 0) {
      // Preformatted (code): folded when it may be wider than the terminal (2 columns a character at most).
      if (2 * line.length > options.width) out.push(...fold(line, options.width));
      else out.push(line);
      continue;
    }
    const prefix = line.slice(0, at);
    const lines = wrap(line.slice(at + 1), options.width - displayWidth(prefix));
    const more = continuation(prefix);
    out.push(prefix + lines[0], ...lines.slice(1).map((l) => more + l));
  }
  return out.join('\n');
}

// Box drawing, as \u escapes (chunks stay ASCII, see build.mjs): ─ │ ┌ ┬ ┐ ├ ┼ ┤ └ ┴ ┘.
const [H, V] = ['\u2500', '\u2502'];
const RULES = { top: '\u250c\u252c\u2510', middle: '\u251c\u253c\u2524', bottom: '\u2514\u2534\u2518' };

/**
 * A table's lines after `prefix` (a list marker, quote bars): the first line after the
 * prefix, the next ones after its continuation. A grid when it fits the width (each
 * column as wide as its widest cell), else one record per row, each cell after its
 * header, wrapped: never wider than the terminal, and nothing cut. Under MIN_ROOM
 * columns after the prefix, the table starts at the margin.
 */
function drawTable(table: TableData, prefix: string, options: RenderOptions): string[] {
  if (prefix && options.width - displayWidth(prefix) < MIN_ROOM) return [prefix.trimEnd(), ...drawTable(table, '', options)];
  const lines = tableLines(table, options.width - displayWidth(prefix), options);
  const more = continuation(prefix);
  return lines.map((line, i) => (i === 0 ? prefix : more) + line);
}

function tableLines({ header, rows, align }: TableData, room: number, options: RenderOptions): string[] {
  const dim = options.theme.dim;
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i] ?? ''))));
  if (widths.reduce((sum, w) => sum + w + 3, 1) <= room) {
    const rule = (corners: string) => dim(corners[0] + widths.map((w) => H.repeat(w + 2)).join(corners[1]) + corners[2]);
    const pad = (cell: string, i: number) => {
      const gap = widths[i]! - displayWidth(cell);
      if (align[i] === 'right') return ' '.repeat(gap) + cell;
      if (align[i] === 'center') return ' '.repeat(Math.floor(gap / 2)) + cell + ' '.repeat(Math.ceil(gap / 2));
      return cell + ' '.repeat(gap);
    };
    const line = (row: string[]) => `${dim(V)}${widths.map((_, i) => ` ${pad(row[i] ?? '', i)} `).join(dim(V))}${dim(V)}`;
    const body = rows.length ? [rule(RULES.middle), ...rows.map(line)] : [];
    return [rule(RULES.top), line(header), ...body, rule(RULES.bottom)];
  }
  // A header without rows is a record of its own.
  const records = rows.length ? rows : [header.map(() => '')];
  return records.flatMap((row) =>
    header.flatMap((h, i) => {
      const cell = row[i] ?? '';
      const text = frenchSpacing(h && cell ? `${h} : ${cell}` : h || cell);
      const lines = wrap(text, room - 4);
      return [`${i === 0 ? '\u2022 ' : '  '}${lines[0]}`, ...lines.slice(1).map((l) => `    ${l}`)];
    }),
  );
}
