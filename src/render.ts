// Terminal rendering of an entry: markdown → string, with marked + marked-terminal.
//
// marked-terminal 7.3 does most block and inline styling (headings, emphasis, code,
// tables, rules). Checked against marked 18, it gets these wrong, so we render them
// ourselves (each override below says why):
// - text: ignores the inline tokens of a tight list item, leaving `**bold**` and
//   `[text](url)` raw;
// - list: numbers items from 1 whatever the source says and counts lines, not items;
//   it does not wrap items either;
// - paragraph: its reflow counts escape sequences as text (hyperlinks) and cannot
//   indent; we wrap with wrap-ansi at the width of the current block;
// - link: with hyperlinks on it hides the URL; we always show it, and add an OSC 8
//   hyperlink when the terminal supports it;
// - image: it prints `![alt](src)`; images are not shipped, so a placeholder;
// - html: it prints tags raw; `<br/>` becomes a line break, anchors vanish, other
//   tags are dropped and their text kept.
// Code highlighting (cli-highlight) and emoji are not needed by FAQ content; the
// build replaces those modules with stubs (scripts/build.mjs).

import { Chalk } from 'chalk';
import { Marked, type Token, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { supportsHyperlink } from 'supports-hyperlinks';
import wrapAnsi from 'wrap-ansi';
import type { FaqEntry } from './faq.js';
import { stripControls } from './text.js';

export interface RenderOptions {
  /** Columns to wrap prose at. */
  width: number;
  /** ANSI styles (bold, colors). */
  color: boolean;
  /** OSC 8 hyperlinks on links (only meaningful with color). */
  hyperlinks: boolean;
}

/** Whether the terminal behind a stream shows OSC 8 hyperlinks (FORCE_HYPERLINK=0|1 overrides). */
export function supportsHyperlinks(stream: { isTTY?: boolean }): boolean {
  return supportsHyperlink(stream as NodeJS.WriteStream);
}

/** The question as a title, its id and category, then the rendered answer. */
export function renderEntry(entry: FaqEntry, options: RenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const title = wrapAnsi(c.bold(frenchSpacing(entry.question)), options.width, { hard: false, trim: true });
  const meta = wrapAnsi(c.dim(`${entry.id} · ${entry.category}`), options.width, { hard: false, trim: true });
  return `${title}\n${meta}\n\n${renderMarkdown(entry.answer, options)}\n`;
}

/** Several entries, separated by a rule. */
export function renderEntries(entries: FaqEntry[], options: RenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const rule = c.dim('─'.repeat(Math.min(options.width, 40)));
  return entries.map((e) => renderEntry(e, options)).join(`\n${rule}\n\n`);
}

/** Renders answer markdown for the terminal. */
export function renderMarkdown(markdown: string, options: RenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const widths = [options.width]; // width of the block being rendered (lists nest)
  const width = () => widths[widths.length - 1]!;
  const wrap = (text: string, w = width()) => wrapAnsi(text.trim(), Math.max(w, 10), { hard: false, trim: true });
  const withWidth = <T>(w: number, f: () => T): T => {
    widths.push(w);
    try {
      return f();
    } finally {
      widths.pop();
    }
  };
  const hyperlink = (text: string, url: string) =>
    options.color && options.hyperlinks ? `\u001b]8;;${url}\u0007${text}\u001b]8;;\u0007` : text;

  const marked = new Marked(
    markedTerminal({
      code: c.yellow,
      blockquote: c.italic,
      html: (s) => s,
      heading: c.bold,
      firstHeading: c.bold.underline,
      hr: c.dim,
      listitem: (s) => s,
      table: (s) => s,
      paragraph: (s) => s,
      strong: c.bold,
      em: c.italic,
      codespan: c.yellow,
      del: c.dim.strikethrough,
      link: c.blue,
      href: c.blue.underline,
      emoji: false,
      showSectionPrefix: false,
      reflowText: false,
      tab: 2,
    }),
    {
      gfm: true,
      renderer: {
        text(token: Tokens.Text | Tokens.Escape) {
          if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
          // A soft line break inside a paragraph is a space; hard breaks come from br and html.
          return frenchSpacing(decodeEntities(token.text.replace(/\n/g, ' ')));
        },
        paragraph(token: Tokens.Paragraph) {
          return `${wrap(this.parser.parseInline(token.tokens))}\n\n`;
        },
        blockquote(token: Tokens.Blockquote) {
          const body = withWidth(width() - 2, () => this.parser.parse(token.tokens)).trim();
          return `${body.split('\n').map((l) => c.dim('│ ') + c.italic(l)).join('\n')}\n\n`;
        },
        list(token: Tokens.List) {
          const start = token.ordered ? (typeof token.start === 'number' ? token.start : 1) : 1;
          const markers = token.items.map((_, i) => (token.ordered ? `${start + i}.` : '•'));
          const markerWidth = Math.max(...markers.map((m) => m.length)) + 1;
          const indent = 2;
          const inner = width() - indent - markerWidth;
          const items = token.items.map((item, i) => {
            const body = withWidth(inner, () => renderItem(this.parser, item, wrap)).replace(/\n{3,}/g, '\n\n');
            const lines = body.split('\n');
            const pad = ' '.repeat(indent + markerWidth);
            return lines
              .map((l, j) => (j === 0 ? ' '.repeat(indent) + markers[i]!.padEnd(markerWidth) + l : l ? pad + l : l))
              .join('\n');
          });
          return `${items.join(token.loose ? '\n\n' : '\n')}\n\n`;
        },
        link(token: Tokens.Link) {
          const text = this.parser.parseInline(token.tokens);
          const href = stripControls(token.href);
          const plain = stripAnsi(text).trim();
          if (!plain || plain === href || `mailto:${plain}` === href) return hyperlink(c.blue.underline(href), href);
          return `${hyperlink(c.blue(text), href)} (${hyperlink(c.underline(href), href)})`;
        },
        image(token: Tokens.Image) {
          return imagePlaceholder(token.text, c);
        },
        html(token: Tokens.HTML | Tokens.Tag) {
          return renderHtml(token.text, token.block === true, c);
        },
      },
    },
  );

  const out = marked.parse(markdown, { async: false });
  return out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').trimEnd();
}

type Parser = { parse(tokens: Token[]): string; parseInline(tokens: Token[]): string };

/** A list item's body: its text wrapped to the item's width, nested blocks below it. */
function renderItem(parser: Parser, item: Tokens.ListItem, wrap: (text: string) => string): string {
  const parts: string[] = [];
  let lead = '';
  const flush = () => {
    if (lead.trim()) parts.push(wrap(lead));
    lead = '';
  };
  for (const token of item.tokens) {
    if (token.type === 'text' || token.type === 'checkbox') lead += parser.parse([token]);
    else if (token.type === 'paragraph') {
      flush();
      lead = parser.parseInline((token as Tokens.Paragraph).tokens);
      flush();
    } else if (token.type !== 'space') {
      flush();
      parts.push(parser.parse([token]).replace(/\n+$/, ''));
    }
  }
  flush();
  return parts.join(item.loose ? '\n\n' : '\n');
}

function imagePlaceholder(alt: string, c: InstanceType<typeof Chalk>): string {
  const text = decodeEntities(stripControls(alt)).trim();
  return c.dim(text ? `[image : ${text}]` : '[image]');
}

/** HTML in answers: line breaks, images and text survive; tags, anchors and comments do not. */
function renderHtml(html: string, block: boolean, c: InstanceType<typeof Chalk>): string {
  const out = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<img\b[^>]*>/gi, (tag) => imagePlaceholder(/\balt\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] ?? '', c))
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  const text = decodeEntities(out);
  // A block of nothing but line breaks is spacing between paragraphs: paragraphs already have it.
  if (block) return text.trim() ? `${wrapAnsi(text.trim(), 1000)}\n\n` : '';
  return text;
}

/** French typography: « : ; ! ? » never start a line, « never ends one (no-break spaces). */
function frenchSpacing(text: string): string {
  return text.replace(/ ([:;!?»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0x1f && code !== 0x7f && code < 0x110000 && (code < 0x80 || code > 0x9f) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007]*\u0007)/g;

function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
