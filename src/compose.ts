// Markdown → terminal document, with marked + marked-terminal. Runs at build time for
// the bundled FAQ (its documents are embedded in dist/render.js) and at run time only
// for other FAQ files (--faq): loading marked and lexing costs tens of milliseconds
// that `show` should not pay on every run.
//
// A document is width-independent: its lines are logical lines, fully styled (ANSI
// colors, OSC 8 hyperlinks), that render.ts lays out for the terminal at hand:
// - `prefix \u0001 text`: text to wrap, continuation lines indented like the text
//   starts (the prefix holds list markers and quote bars);
// - `prefix \u0002 JSON`: a table, its cells styled (a TableData, see render.ts), that
//   render.ts draws as a grid when it fits the width, as a list of records otherwise;
// - a line without \u0001 or \u0002: preformatted (code), printed as is;
// - an empty line: a blank line.
// Content never holds \u0001 or \u0002: the parser removes control characters.
//
// marked-terminal 7.3 does the inline styling and code blocks. Checked against marked
// 18, it gets these wrong, so we render them ourselves (each override says why):
// - text: ignores the inline tokens of a tight list item, leaving `**bold**` and
//   `[text](url)` raw;
// - list: numbers items from 1 whatever the source says and counts lines, not items;
// - paragraph, heading, blockquote: reflow and indent are layout, done by render.ts;
// - link: with hyperlinks on it hides the URL; we always show it, in an OSC 8
//   hyperlink that render.ts keeps where the terminal supports it;
// - image: it prints `![alt](src)`; images are not shipped, so a placeholder;
// - html: it prints tags raw; `<br/>` becomes a line break, anchors vanish, other
//   tags are dropped and their text kept;
// - table: it draws the table at its natural width, wider than the terminal if need be;
//   ours is drawn at layout, for the width at hand.
// Code highlighting (cli-highlight) and emoji are not needed by FAQ content; the
// build replaces those modules with stubs (src/build/build.mjs).

import { Marked, type Token, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import type { TableData } from './render.js';
import { frenchSpacing, stripControls, TABLE, WRAP } from './text.js';
import type { Theme } from './theme.js';

/**
 * Renders answer markdown into a terminal document, styled with the (colored) theme;
 * undefined when marked fails on it (its recursion overflows the stack on thousands
 * of nested quotes, or on an answer of megabytes).
 */
export function compose(markdown: string, theme: Theme): string | undefined {
  let out: string;
  try {
    out = marked(theme).parse(markdown, { async: false });
  } catch {
    return undefined;
  }
  return out.replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
}

/** The markdown as is, as a document: each line wrapped as text (what an answer marked fails on shows). */
export const plainDocument = (markdown: string): string =>
  stripControls(markdown)
    .split('\n')
    .map((line) => (line.trim() ? `${WRAP}${line.trimEnd()}` : ''))
    .join('\n');

/** Tabs as spaces, to the next stop of 4 characters from each line's start. */
function expandTabs(code: string): string {
  if (!code.includes('\t')) return code;
  const expandLine = (line: string) => {
    let out = '';
    let column = 0; // in characters (code points), counted as the line is built
    line.split('\t').forEach((part, i) => {
      const pad = i === 0 ? '' : ' '.repeat(4 - (column % 4));
      out += pad + part;
      column += pad.length + [...part].length;
    });
    return out;
  };
  return code.split('\n').map(expandLine).join('\n');
}

const instances = new WeakMap<Theme, Marked>();

function marked(t: Theme): Marked {
  let instance = instances.get(t);
  if (instance) return instance;
  const same = (s: string) => s;
  instance = new Marked(
    markedTerminal({
      code: t.code,
      blockquote: t.emphasis,
      html: same,
      heading: t.heading,
      firstHeading: t.heading,
      hr: t.dim,
      listitem: same,
      table: same,
      paragraph: same,
      strong: t.strong,
      em: t.emphasis,
      codespan: t.code,
      del: t.deleted,
      link: t.link,
      href: t.url,
      emoji: false,
      showSectionPrefix: false,
      reflowText: false,
      tab: 2,
    }),
    {
      gfm: true,
      // A code block's tabs, as spaces to stops of 4 from the code's start: a tab's width
      // would be the terminal's, and render.ts folds code to the width.
      walkTokens(token: Token) {
        if (token.type === 'code') (token as Tokens.Code).text = expandTabs((token as Tokens.Code).text);
      },
      renderer: {
        text(token: Tokens.Text | Tokens.Escape) {
          if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
          // A soft line break inside a paragraph is a space; hard breaks come from br and html.
          return frenchSpacing(stripControls(decodeEntities(token.text.replace(/\n/g, ' '))));
        },
        paragraph(token: Tokens.Paragraph) {
          return `${wrappable(this.parser.parseInline(token.tokens))}\n\n`;
        },
        heading(token: Tokens.Heading) {
          return `${wrappable(t.heading(this.parser.parseInline(token.tokens)))}\n\n`;
        },
        hr() {
          return `${t.dim('─'.repeat(40))}\n\n`;
        },
        blockquote(token: Tokens.Blockquote) {
          const body = this.parser.parse(token.tokens).replace(/\n+$/, '');
          return `${prefixLines(body, t.dim('│ '), t.dim('│ '))}\n\n`;
        },
        list(token: Tokens.List) {
          const start = token.ordered && typeof token.start === 'number' ? token.start : 1;
          const markers = token.items.map((_, i) => (token.ordered ? `${start + i}.` : '•'));
          const width = Math.max(...markers.map((m) => m.length)) + 1;
          const items = token.items.map((item, i) => {
            const body = renderItem(this.parser, item);
            return prefixLines(body, `  ${markers[i]!.padEnd(width)}`, ' '.repeat(2 + width));
          });
          return `${items.join(token.loose ? '\n\n' : '\n')}\n\n`;
        },
        link(token: Tokens.Link) {
          const text = this.parser.parseInline(token.tokens);
          const href = stripControls(token.href);
          const plain = stripControls(text).trim(); // the link text without its styles
          if (!plain || plain === href || `mailto:${plain}` === href) return hyperlink(t.url(href), href);
          return `${hyperlink(t.link(text), href)} (${hyperlink(t.url(href), href)})`;
        },
        table(token: Tokens.Table) {
          const cells = (row: Tokens.TableCell[]) => row.map((cell) => this.parser.parseInline(cell.tokens).replace(/\s+/g, ' ').trim());
          const table: TableData = { header: cells(token.header).map((h) => t.strong(h)), rows: token.rows.map(cells), align: token.align };
          return `${TABLE}${JSON.stringify(table)}\n\n`;
        },
        image(token: Tokens.Image) {
          return imagePlaceholder(token.text, t);
        },
        html(token: Tokens.HTML | Tokens.Tag) {
          const text = renderHtml(token.text, t);
          // A block of nothing but line breaks is spacing between paragraphs: paragraphs already have it.
          if (token.block) return text.trim() ? `${wrappable(text.trim())}\n\n` : '';
          return text;
        },
      },
    },
  );
  instances.set(t, instance);
  return instance;
}

type Parser = { parse(tokens: Token[]): string; parseInline(tokens: Token[]): string };

/** A list item's body: its text as wrappable lines, nested blocks below it. */
function renderItem(parser: Parser, item: Tokens.ListItem): string {
  const parts: string[] = [];
  let lead = '';
  const flush = () => {
    if (lead.trim()) parts.push(wrappable(lead.trim()));
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
  return parts.join(item.loose ? '\n\n' : '\n').replace(/\n{3,}/g, '\n\n');
}

/** Inline text, possibly with hard breaks, as wrappable logical lines. */
function wrappable(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .split('\n')
    .map((line) => (line ? WRAP + line : line))
    .join('\n');
}

/** Prefixes the first non-blank line with `first`, the others with `rest` (blank lines stay blank). */
function prefixLines(body: string, first: string, rest: string): string {
  let seen = false;
  return body
    .split('\n')
    .map((line) => {
      if (!line) return line;
      const prefix = seen ? rest : first;
      seen = true;
      return prefix + line;
    })
    .join('\n');
}

function hyperlink(text: string, url: string): string {
  return `\u001b]8;;${url}\u0007${text}\u001b]8;;\u0007`;
}

function imagePlaceholder(alt: string, t: Theme): string {
  const text = decodeEntities(stripControls(alt)).trim();
  return t.image(text ? `[image : ${text}]` : '[image]');
}

const BLOCK_TAG =
  /<\/?(?:address|article|aside|blockquote|dd|details|dialog|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|th|thead|tr|ul)\b[^>]*>/gi;

/** HTML in answers: line breaks, images and text survive; tags, anchors and comments do not. */
function renderHtml(html: string, t: Theme): string {
  const out = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<img\b[^>]*>/gi, (tag) => imagePlaceholder(/\balt\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] ?? '', t))
    .replace(/<br\s*\/?>/gi, '\n')
    // A block element starts and ends a line: "<summary>S</summary>caché" is two lines.
    .replace(BLOCK_TAG, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  return decodeEntities(out);
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
