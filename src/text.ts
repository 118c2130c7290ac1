// Text helpers shared by the parser, the search engine and the output: terminal
// safety, folding (case and accents), word tokens with their offsets, edit distance.
// Pure functions, no state. (Stemming is in fuzzy.ts.)

// Well-formed escape sequences: CSI (ESC [ parameters intermediates final), OSC
// (ESC ] text terminated by BEL or ESC \, its text free of control characters, so
// that it never runs past a line), and two-byte ESC sequences — among them the
// introducer of an unterminated OSC, which is all that goes of it. Then any
// remaining C0 control except tab and newline, DEL and the C1 controls. Whatever
// comes from the user or from a FAQ file goes through this before it can reach a
// terminal; printable text outside a well-formed sequence always stays.

const ESCAPE_SEQUENCES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0000-\u001f\u007f-\u009f]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;

// Control characters: C0 but tab and newline, DEL, C1. Invisible format characters
// that text copied from the web carries: soft hyphen, zero-width space, word joiner
// and invisible operators, direction marks, embeddings, overrides and isolates (an
// override shows a line reversed), byte order mark. Not the zero-width joiner and
// non-joiner, which emoji sequences and some scripts need. (Literals: a RegExp built
// at run time is parsed at every start.)
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const INVISIBLE_CHARS = /[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// What stripControls may have to change: a control character, an invisible one, a surrogate.
const TO_STRIP =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]/;

/**
 * Removes escape sequences, control characters (keeps tab and newline) and invisible
 * format characters (see INVISIBLE_CHARS: « certi\u00adficat » is « certificat », « a1\u200b »
 * is « a1 »); mends lone surrogates. `replacement` stands in for each control character
 * (a query wants a space there, so that "mot\u0007de" stays two words).
 */
export function stripControls(text: string, replacement = ''): string {
  // A text with none (a FAQ file, nearly always) is returned after one pass: each
  // step below is a pass over it, and a large FAQ is megabytes.
  if (!TO_STRIP.test(text)) return text;
  return text.toWellFormed().replace(ESCAPE_SEQUENCES, '').replace(CONTROL_CHARS, replacement).replace(INVISIBLE_CHARS, '');
}

/**
 * Whether a word has a digit (0-9), as /\d/ says. A loop: the search asks it of every
 * word, and V8 would compile the regular expression at each start.
 */
export function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/** User input made safe to echo: no control characters, one line, bounded length. */
export function oneLine(text: string, max = 60): string {
  const clean = stripControls(text).replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** A word as a shell command line shows it: quoted when it has to be (for commands in messages). */
export const shellWord = (word: string): string => (/^[\w./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** User input quoted inside a message: « like this ». */
export const quoteInput = (text: string, max = 60): string => `« ${oneLine(text, max)} »`;

/**
 * In a terminal document (see compose.ts), separates a logical line's prefix from the
 * text to wrap. Content never holds it: the parser removes control characters.
 */
export const WRAP = '\u0001';

/** In a terminal document, starts a table: its cells follow, as JSON (a TableData of render.ts), laid out at the width. */
export const TABLE = '\u0002';

/**
 * French typography: « : ; ! ? » never start a line, « never ends one (no-break
 * spaces). With plain strings, not regular expressions: V8 would compile two at each
 * start (every answer's title goes through here).
 */
export function frenchSpacing(text: string): string {
  let out = text.replaceAll('\u00ab ', '\u00ab\u00a0');
  for (const mark of [':', ';', '!', '?', '\u00bb']) out = out.replaceAll(` ${mark}`, `\u00a0${mark}`);
  return out;
}

// Combining marks, as NFKD leaves them. (A \p{M} class would say it more briefly, but
// Unicode property classes cost milliseconds to compile at start-up.)
const MARK_RANGES = [
  0x300, 0x36f, 0x483, 0x489, 0x591, 0x5bd, 0x64b, 0x65f, 0x1ab0, 0x1aff, 0x1dc0, 0x1dff, 0x20d0, 0x20ff, 0xfe20, 0xfe2f,
];

const isMark = (code: number): boolean => {
  for (let i = 0; i < MARK_RANGES.length; i += 2) if (code >= MARK_RANGES[i]! && code <= MARK_RANGES[i + 1]!) return true;
  return false;
};

/** The text without its combining marks. */
function stripMarks(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) if (!isMark(text.charCodeAt(i))) out += text[i];
  return out;
}

const folded = new Map<string, string>();

/** Lower case, no diacritics, ligatures spelled out: "Relevé" → "releve", "Œuvre" → "oeuvre". */
export function fold(word: string): string {
  const lower = word.toLowerCase();

  if (/^[\u0000-\u007f]*$/.test(lower)) return lower;
  // Words with accents are folded once each (a FAQ repeats its words many times).
  let f = folded.get(lower);
  if (f === undefined) {
    if (folded.size >= 20_000) folded.clear();
    f = stripMarks(
      lower
        .replace(/\u0153/g, 'oe')
        .replace(/\u00e6/g, 'ae')
        .replace(/\u00df/g, 'ss')
        .normalize('NFKD'),
    );
    folded.set(lower, f);
  }
  return f;
}

export interface Token {
  /** The folded word. */
  word: string;
  /** Offsets of the word in the original text. */
  start: number;
  end: number;
}

/**
 * Whether a UTF-16 code unit belongs to a word: anything but white space, control
 * characters, punctuation and symbols (ASCII, Latin-1, general punctuation, arrows
 * and symbols, CJK and full-width punctuation, variation selectors, emoji) and
 * U+FFFD (what invalid UTF-8 decodes to). An emoji (U+1F000–U+1FFFF, and the tags
 * of U+E0000–U+E007F) is a pair of code units, told by the first: "relevé💯" is
 * "relevé", as "relevé ✅" is. Apostrophes (' and ’) and hyphens split words, so "l’adresse" gives
 * "l" + "adresse" and "mot-de-passe" gives three words; elided articles end up as
 * one-letter stop words. (A loop over code units: a regular expression for this
 * costs milliseconds to compile at start-up, and an object per match.)
 */
function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c < 0x2000) return c > 0xbf && c !== 0xd7 && c !== 0xf7 && c !== 0x1680;
  return !(
    c <= 0x206f ||
    (c >= 0x20a0 && c <= 0x20cf) ||
    (c >= 0x2100 && c <= 0x2bff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xfe30 && c <= 0xfe6f) ||
    c === 0xfeff ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    c === 0xfffd ||
    (c >= 0x20d0 && c <= 0x20ff) || // combining marks for symbols (the keycap of 1️⃣)
    (c >= 0xfe00 && c <= 0xfe0f) || // variation selectors (the emoji form of ❤️)
    (c >= 0xd83c && c <= 0xd83f) || // the first unit of U+1F000–U+1FFFF: emoji
    c === 0xdb40 // the first unit of U+E0000–U+E03FF: the tags of a flag
  );
}

/** How many code units the character at text[i], no word's, takes: an emoji is two. */
const skipped = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
};

/** Calls `each` with every word of a text, folded, and its offsets. */
export function scanWords(text: string, each: (word: string, start: number, end: number) => void): void {
  scanWritten(text, (word, folded, start, end) => each(folded ? word : fold(word), start, end));
}

/**
 * Calls `each` with every word of a text as written, whether it is folded already
 * (lower-case ASCII letters and digits only), and its offsets: scanWords() for a
 * caller that keeps what it knows of each word as written, and so folds it once.
 */
export function scanWritten(text: string, each: (word: string, folded: boolean, start: number, end: number) => void): void {
  const n = text.length;
  for (let i = 0; i < n;) {
    let c = text.charCodeAt(i);
    if (!isWordUnit(c)) {
      i += skipped(text, i);
      continue;
    }
    const start = i;
    let folded = true; // lower-case ASCII letters and digits only: nothing to fold
    do {
      folded &&= (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
      c = ++i < n ? text.charCodeAt(i) : 0;
    } while (i < n && isWordUnit(c));
    each(text.slice(start, i), folded, start, i);
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (word, start, end) => tokens.push({ word, start, end }));
  return tokens;
}

/** Optimal string alignment distance (Levenshtein with transpositions), bounded by max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}
