// The FAQ model and its parser: markdown in, a validated Faq out, or a FaqError that
// names the file, the line and what is wrong.
//
// The format is the one of the Microsoft Docs FAQ pages (see faq/*.md):
//
//   ---                                   front matter: `key: value` lines
//   title: …                              (title, ms.date)
//   ---
//   # Title
//   ## Contenus …                         table of contents (TOC):
//   ### Category                            a heading per category, then
//   1. [Question](#a1)                      numbered links to the anchors
//   ## Body section
//   **Q: Question**<a name="a1"></a>      an entry: question + anchor,
//   **R:** Answer…                        then the answer's markdown
//   <br/>                                 spacing between entries
//
// Quirks of the bundled file, and what the parser does with them:
// - `**Q:` and `**Q :` (with a no-break space) both open a question; `**R:**` and
//   `**R :**` both open an answer, and the marker is not part of the answer.
// - The first question ends with a stray `]` (`…Microsoft ?]**`): a `]` that closes
//   no `[` at the end of a question is dropped.
// - The TOC words some questions differently from the body (a3, a9): the body's
//   wording, the one that heads the answer, is the question; the TOC's is kept as
//   `toc` so that search finds an entry by either wording.
// - The TOC's category headings differ from the body's section headings
//   ("Microsoft Certification Profile" in the TOC, "Programme de Certification
//   Microsoft" in the body, for a1–a9). Categories are named after the TOC: its
//   section says it lists the contents "en fonction de l'importance des catégories",
//   so its headings are the category names, and they describe their entries (a1–a9
//   are all about the certification profile), whereas the body's first heading names
//   the whole programme and would be confused with the category "À propos du
//   programme de Certification Microsoft". An entry the TOC does not list takes the
//   body heading it stands under.
// - `<a name="…"></a>` anchors and `<br/>` spacing are markup, not content: anchors
//   give the ids, and the `<br/>` lines between entries are trimmed from answers
//   (those inside an answer stay in its markdown; the renderer turns them into line
//   breaks).
// - Images are referenced but not shipped: the answer keeps them; the renderer shows
//   a placeholder with their alt text.
// Any control character or escape sequence in the file is removed at parse time, so
// no content can take over the terminal.

import { FaqError } from './errors.js';
import { editDistance, stripControls } from './text.js';

interface FaqMeta {
  title: string;
  /** `ms.date` (or `date`) of the front matter, as YYYY-MM-DD when it is a date. */
  date?: string;
}

export interface FaqEntry {
  id: string;
  category: string;
  question: string;
  /** The answer's markdown, without the `**R:**` marker and the spacing around it. */
  answer: string;
  /** The question as the table of contents words it, when it differs. */
  toc?: string;
}

export interface Faq {
  meta: FaqMeta;
  /** Category names, in document order. */
  categories: string[];
  /** Entries, in document order. */
  entries: FaqEntry[];
}

interface Problem {
  line: number;
  message: string;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const TOC_ITEM = /^\s*(?:\d+[.)]|[-*+])\s+\[(.+)\]\(#([^()\s]+)\)\s*$/;
const ANCHOR = /<a\s+(?:name|id)\s*=\s*["']([^"']*)["']\s*\/?>(?:\s*<\/a>)?/gi;
// `**Q: question**` or `**Q:** question`; \s also covers the no-break space of `Q :`.
const QUESTION = /^\*\*Q\s*:\s*(?:\*\*\s*(.+)|(.+?)\s*\*\*)$/;
// A code fence (CommonMark): three or more backticks or tildes, indented by three spaces at most.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ANSWER_MARKER = /^\s*\*\*R\s*:\s*\*\*[ \t]*/;
const SPACING_LINE = /^\s*(?:<br\s*\/?>\s*)*$/i;
const TRAILING_BREAK = /<br\s*\/?>$/i;
// Made on first use: V8 builds a Unicode property class (\p{L}) where the pattern is
// created, and only files given with --faq are parsed at run time.
let validId: RegExp | undefined;
const isValidId = (id: string) => (validId ??= /^[\p{L}\p{N}_.-]+$/u).test(id);

/** Parses a FAQ markdown file; `source` names it in error messages. */
export function parseFaq(markdown: string, source = 'FAQ'): Faq {
  // (Made here: a RegExp built at the top level is built at every start, parser or not.)
  const firstAnchor = new RegExp(ANCHOR.source, 'i');
  // Line endings first (CR LF, or CR alone): a CR is a control character, stripped next.
  const text = stripControls(markdown.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'));
  // Lines are cut from the text one at a time, as the loop reaches them: splitting a
  // 10 MB file at once makes hundreds of thousands of strings live together, which
  // the garbage collector then copies over and over.
  const lines = new Lines(text);
  const problems: Problem[] = [];
  const { front, bodyStart } = readFrontMatter(lines);

  const tocCategory = new Map<string, string>(); // lowercased id → TOC heading
  const tocQuestion = new Map<string, string>();
  const tocLinks: { id: string; line: number }[] = [];
  const entries: (FaqEntry & { line: number })[] = [];
  const firstLine = new Map<string, number>();
  let heading: string | undefined; // the last heading seen
  let firstHeading: string | undefined; // the document title, when there is no front matter title
  let current: { entry: FaqEntry & { line: number }; body: { from: number; to: number } } | undefined;

  const closeEntry = () => {
    if (!current) return;
    const { from, to } = current.body;
    current.entry.answer = cleanAnswer(text, from, to);
    if (!current.entry.answer) {
      problems.push({ line: current.entry.line, message: `la question « ${current.entry.id} » n’a pas de réponse` });
    }
    current = undefined;
  };

  let headingLevel = 0; // level of the last heading outside entries; 0 before any
  let fence: string | undefined; // the opening of the code block the loop is in
  for (let i = bodyStart; lines.next(i); i++) {
    const line = lines.line;
    const lineNo = i + 1;
    // Each pattern is tried only on the lines that can match it: most lines are answers.
    const q = line.includes('**Q') ? QUESTION.exec(line.replace(ANCHOR, '').trim()) : null;
    // A code block left open ends with its answer: at the next question (with its anchor).
    if (fence !== undefined && q && firstAnchor.test(line)) fence = undefined;
    // Inside a fenced code block, every line is content: a `#` there is a comment.
    if (fence !== undefined || ((line.includes('```') || line.includes('~~~')) && FENCE.test(line))) {
      fence = fenceAfter(line, fence);
      if (current) current.body.to = lines.end;
      continue;
    }
    const h = line.startsWith('#') ? HEADING.exec(line) : null;
    // In an answer, a heading deeper than its section's (and than ##) is part of the answer.
    if (h && !(current && h[1]!.length > Math.max(2, headingLevel))) {
      closeEntry();
      heading = h[2]!;
      headingLevel = h[1]!.length;
      firstHeading ??= heading;
      continue;
    }
    if (q) {
      closeEntry();
      const question = dropStrayBracket((q[1] ?? q[2] ?? '').replace(/\*\*$/, '').trim());
      const id = firstAnchor.exec(line)?.[1]!.trim() ?? '';
      if (!id) problems.push({ line: lineNo, message: 'question sans ancre <a name="…"></a> : impossible de lui donner un identifiant' });
      else if (!isValidId(id))
        problems.push({ line: lineNo, message: `identifiant invalide « ${id} » (lettres, chiffres, « - », « _ » ou « . »)` });
      else {
        const key = id.toLowerCase();
        const seen = firstLine.get(key);
        if (seen !== undefined) problems.push({ line: lineNo, message: `identifiant « ${id} » en double (déjà utilisé ligne ${seen})` });
        else firstLine.set(key, lineNo);
      }
      if (!question) problems.push({ line: lineNo, message: `la question « ${id} » est vide` });
      const entry = { id, category: heading ?? '', question, answer: '', line: lineNo };
      entries.push(entry);
      current = { entry, body: { from: lines.end + 1, to: lines.end + 1 } };
      continue;
    }
    if (current) {
      current.body.to = lines.end;
      continue;
    }
    const t = line.includes('](#') ? TOC_ITEM.exec(line) : null;
    if (t) {
      const id = t[2]!.toLowerCase();
      tocLinks.push({ id, line: lineNo });
      if (heading !== undefined) tocCategory.set(id, heading);
      tocQuestion.set(id, dropStrayBracket(t[1]!.trim()));
    }
  }
  closeEntry();

  if (entries.length === 0) {
    problems.push({
      line: 1,
      message: 'aucune question trouvée (une entrée commence par une ligne « **Q: question** <a name="id"></a> »)',
    });
  }
  for (const link of tocLinks) {
    if (!firstLine.has(link.id))
      problems.push({ line: link.line, message: `le sommaire renvoie à « #${link.id} », qui n’est l’ancre d’aucune question` });
  }
  if (problems.length > 0) throw parseError(source, problems);

  const categories = new Set<string>();
  const result: FaqEntry[] = entries.map(({ id, category, question, answer }) => {
    const key = id.toLowerCase();
    const name = tocCategory.get(key) ?? category ?? '';
    const finalCategory = name || 'Questions';
    categories.add(finalCategory);
    const toc = tocQuestion.get(key);
    return { id, category: finalCategory, question, answer, ...(toc && toc !== question ? { toc } : {}) };
  });

  const title = cleanTitle(front.get('title')) || firstHeading || source;
  const date = normalizeDate(front.get('ms.date') ?? front.get('date'));
  return { meta: { title, ...(date ? { date } : {}) }, categories: [...categories], entries: result };
}

/** The lines of a text, cut one at a time: next(i) makes line i (0-based) `line`, ending at `end`. */
class Lines {
  line = '';
  end = -1;
  private at = -1;

  constructor(private readonly text: string) {}

  /** Moves to line i; false past the last line. */
  next(i: number): boolean {
    if (i < this.at) [this.at, this.end] = [-1, -1]; // back: from the start again
    while (this.at < i) {
      if (this.end >= this.text.length) return false;
      const start = this.end + 1;
      const newline = this.text.indexOf('\n', start);
      this.end = newline < 0 ? this.text.length : newline;
      this.at++;
      if (this.at === i) this.line = this.text.slice(start, this.end);
    }
    return true;
  }
}

/** The fence open after `line`: `open` is the one open before it (undefined: none). */
function fenceAfter(line: string, open: string | undefined): string | undefined {
  const m = FENCE.exec(line);
  if (open === undefined) return m && !(m[1]![0] === '`' && line.slice(m[0].length).includes('`')) ? m[1] : undefined;
  // A closing fence: the same character, at least as long, nothing after it.
  const closes = m && m[1]![0] === open[0] && m[1]!.length >= open.length && line.slice(m[0].length).trim() === '';
  return closes ? undefined : open;
}

function readFrontMatter(lines: Lines): { front: Map<string, string>; bodyStart: number } {
  const front = new Map<string, string>();
  if (!lines.next(0) || lines.line.trim() !== '---') return { front, bodyStart: 0 };
  for (let i = 1; lines.next(i); i++) {
    const line = lines.line;
    if (line.trim() === '---') return { front, bodyStart: i + 1 };
    const m = /^([\w.-]+)\s*:\s*(.*)$/.exec(line);
    if (m) front.set(m[1]!.toLowerCase(), m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2'));
  }
  return { front: new Map(), bodyStart: 0 }; // no closing fence: not front matter
}

/** "Microsoft Certification Program FAQs | Microsoft Docs" → "Microsoft Certification Program FAQs". */
function cleanTitle(title: string | undefined): string {
  return (title ?? '').replace(/\s*\|\s*Microsoft Docs\s*$/i, '').trim();
}

/** Microsoft Docs writes ms.date as MM/DD/YYYY; ISO dates pass through; anything else is kept as is. */
function normalizeDate(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date);
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  return date;
}

function dropStrayBracket(question: string): string {
  if (!question.endsWith(']')) return question;
  const opens = (question.match(/\[/g) ?? []).length;
  const closes = (question.match(/\]/g) ?? []).length;
  return closes > opens ? question.slice(0, -1).trimEnd() : question;
}

/**
 * The answer's markdown, in text[from, to): the `**R:**` marker removed, the spacing
 * around it trimmed. It is cut out of the text rather than put back together from its
 * lines: a large FAQ's answers then stay slices of the file's text instead of copies.
 */
function cleanAnswer(text: string, from: number, to: number): string {
  const lineEnd = (at: number) => {
    const newline = text.indexOf('\n', at);
    return newline < 0 || newline > to ? to : newline;
  };
  const skipSpacing = (at: number) => {
    while (at < to && SPACING_LINE.test(text.slice(at, lineEnd(at)))) at = lineEnd(at) + 1;
    return at;
  };
  const start = skipSpacing(from);
  if (start >= to) return '';
  const marker = ANSWER_MARKER.exec(text.slice(start, lineEnd(start)))?.[0].length ?? 0;
  let head = text.slice(start + marker, lineEnd(start));
  let rest = lineEnd(start) + 1;
  if (SPACING_LINE.test(head)) [head, rest] = ['', skipSpacing(rest)];
  // Then the spacing at the end: white space and line breaks (<br/>).
  let end = to;
  for (let more = true; more;) {
    while (end > rest && /\s/.test(text[end - 1]!)) end--;
    const open = text.lastIndexOf('<', end - 1);
    more = open >= rest && TRAILING_BREAK.test(text.slice(open, end));
    if (more) end = open;
  }
  // One slice of the text, the marker's line included, rather than the two put
  // together: a string put together is copied whole where it is first read.
  if (end > rest) return text.slice(head ? start + marker : rest, end);
  head = head.trimEnd();
  for (let br = TRAILING_BREAK.exec(head); br; br = TRAILING_BREAK.exec(head)) head = head.slice(0, br.index).trimEnd();
  return head;
}

function parseError(source: string, problems: Problem[]): FaqError {
  problems.sort((a, b) => a.line - b.line);
  const shown = problems.slice(0, 10).map((p) => `${source}:${p.line}: ${p.message}`);
  if (problems.length > 10) shown.push(`… et ${problems.length - 10} autres problèmes`);
  return new FaqError(
    'input',
    `${source} n’est pas une FAQ valide :\n  ${shown.join('\n  ')}`,
    'Le format attendu est décrit dans le README (section « Autres fichiers FAQ »).',
  );
}

/** An id as people type it, compared: case, width and spaces ignored ("Ａ９ " is "a9"). */
export const idKey = (id: string): string => id.normalize('NFKC').trim().toLowerCase();

/** Brackets and quotes that enclose a copied id, opening → closing. */
const PAIRS: Record<string, string> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '"': '"',
  "'": "'",
  '\u00ab': '\u00bb',
  '\u201c': '\u201d',
  '\u2018': '\u2019',
};

/**
 * Finds an entry by id, ignoring case and width, and the anchor's « # », a list's
 * punctuation or the brackets or quotes around it as copied ("#a9", "a1,", "a9.",
 * "(a9)", "« a9 »") when the id itself has none.
 */
export function findEntry(faq: Faq, id: string): FaqEntry | undefined {
  const key = idKey(id);
  const inner = unenclosed(trimPunctuation(key));
  const bare = trimPunctuation(inner.startsWith('#') ? inner.slice(1) : inner);
  return faq.entries.find((e) => e.id.toLowerCase() === key) ?? faq.entries.find((e) => e.id.toLowerCase() === bare);
}

/** The text inside the brackets or quotes that enclose it (« (a9) », « "a1, a5" »), or the text. */
export function unenclosed(text: string): string {
  return PAIRS[text[0]!] === text.at(-1) && text.length > 1 ? text.slice(1, -1).trim() : text;
}

/**
 * The text without the punctuation that ends it in a list or a sentence (« a1, »,
 * « a9. »). A loop, not a regular expression: `show a6` would have V8 compile one at
 * each start.
 */
function trimPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && ',;:.!?'.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * Whether a word that is no id of the FAQ was meant as one ("a10", "B99999"): letters
 * then digits, as many letters as the FAQ's own ids have ("az900" is an exam, not an
 * id, when the ids are "a1"…"d1"). Such a word is a mistyped id, not words to search.
 */
export function looksLikeId(faq: Faq, word: string): boolean {
  const shape = (id: string) => /^([a-z]+)\d+$/.exec(id.toLowerCase())?.[1]?.length;
  const letters = shape(idKey(word));
  return letters !== undefined && faq.entries.some((e) => shape(e.id) === letters);
}

/** A link of an answer: its text as a reader sees it, and where it goes. */
export interface Link {
  text: string;
  url: string;
}

// The links of markdown, in one pass, as the renderer sees them: code blocks, code
// spans (on one line) and images are skipped; a link [text](url "title") whose text
// may hold inline markup, an HTML <a href>, an autolink <https://…> or a bare URL
// (GFM's autolink literal) is a link. Made on first use: most runs need no links.
const LINKISH = (): RegExp =>
  new RegExp(
    [
      /(?:^|\n) {0,3}(?<fence>`{3,}|~{3,})[^\n]*\n[\s\S]*?\n {0,3}\k<fence>[`~]*[ \t]*(?=\n|$)/, // a fenced code block: skipped
      /`[^`\n]*`/, // a code span: skipped
      /!\[(?:[^[\]]|\[[^\]]*\])*\]\([^)]*\)/, // an image: skipped
      /\[(?<text>(?:[^[\]]|\[[^\]]*\])*)\]\(\s*<?(?<url>[^)\s>]+)>?(?:\s+["'][^"']*["'])?\s*\)/, // [text](url "title")
      /<a\s[^>]*?href\s*=\s*["'](?<href>[^"']+)["'][^>]*>(?<html>[\s\S]*?)<\/a>/, // <a href="url">text</a>
      /<(?<auto>(?:https?|mailto):[^>\s]+)>/, // <https://…>
      /(?<![A-Za-z0-9\u00c0-\u024f])(?<bare>https?:\/\/[^\s<>"]+)/, // a bare URL (GFM's autolink literal)
    ]
      .map((r) => r.source)
      .join('|'),
    'g',
  );
let linkish: RegExp | undefined;

/** The links of an answer's markdown, in order, each once. */
export function answerLinks(markdown: string): Link[] {
  const links: Link[] = [];
  for (const m of markdown.matchAll((linkish ??= LINKISH()))) {
    const g = m.groups!;
    const url = g.url ?? g.href ?? g.auto ?? (g.bare === undefined ? undefined : trimBareUrl(g.bare));
    if (url === undefined) continue; // code or an image
    const label = (g.text ?? g.html)
      ?.replace(/<[^>]*>|\*\*|__|[*`]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    const text = label || url.replace(/^mailto:/, '');
    if (!links.some((l) => l.text === text && l.url === url)) links.push({ text, url });
  }
  return links;
}

/** A bare URL ends before closing punctuation, and before a `)` it did not open ("(voir https://x.y)"). */
function trimBareUrl(url: string): string {
  const count = (char: string) => url.split(char).length - 1;
  for (;;) {
    const trimmed = url.replace(/[.,:;!?'*_~]+$/, '');
    if (trimmed.endsWith(')') && count('(') < count(')')) url = trimmed.slice(0, -1);
    else return trimmed;
  }
}

/** The ids nearest to an unknown one ("a10" → a1), closest first, at most three. */
export function nearestIds(faq: Faq, id: string): string[] {
  const key = idKey(id);
  const scored = faq.entries.map((e) => ({ id: e.id, d: editDistance(key, e.id.toLowerCase(), 2) })).filter((s) => s.d <= 2);
  const best = Math.min(...scored.map((s) => s.d));
  const sameLetter = (s: { id: string }) => (s.id[0]?.toLowerCase() === key[0] ? 0 : 1);
  return scored
    .filter((s) => s.d === best)
    .sort((a, b) => sameLetter(a) - sameLetter(b))
    .slice(0, 3)
    .map((s) => s.id);
}
