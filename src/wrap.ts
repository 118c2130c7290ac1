// The one wrapping function: text, with its ANSI styles and OSC 8 links, folded to a
// width in terminal columns as the terminal displays it — wide characters (CJK,
// emoji) count two, combining marks and escape sequences none. A style or a link
// that spans a break is closed at the end of the line and opened again on the next,
// so that the indent a caller puts before a line is never underlined or clickable.
//
// Written here rather than taken from fast-wrap-ansi: its width tables are Unicode
// property regexes (\p{Emoji}, \p{Script=Han}…), which cost V8 about 6 million
// instructions to build at every start — 7 % of a bare Node start, for `show` and
// every output on a terminal. Code point ranges do the same job here for nothing.

// An SGR style (ESC [ … m) or an OSC 8 link (ESC ] 8 ; params ; url, then BEL or ESC \).

const ESCAPE = /\u001b\[[0-9;]*m|\u001b\]8;[^;\u0007\u001b]*;([^\u0007\u001b]*)(?:\u0007|\u001b\\)/y;
const RESET = '\u001b[0m';
const link = (url: string) => `\u001b]8;;${url}\u0007`;
// An SGR sequence of one code (or none: ESC [ m).
const ONE_CODE = /^\u001b\[(\d*)m$/;
// What a closing code closes, by the first code of the opening sequence: 22 bold and
// dim, 23 italic, 24 underline, 27 inverse, 28 hidden, 29 crossed out, 39 the colour,
// 49 the background; 0 (a reset) everything.
const CLOSES: Record<string, (open: number) => boolean> = {
  0: () => true,
  22: (o) => o === 1 || o === 2,
  23: (o) => o === 3,
  24: (o) => o === 4,
  27: (o) => o === 7,
  28: (o) => o === 8,
  29: (o) => o === 9,
  39: (o) => (o >= 30 && o <= 38) || (o >= 90 && o <= 97),
  49: (o) => (o >= 40 && o <= 48) || (o >= 100 && o <= 107),
};

/** The styles open after the SGR sequence `sgr`: a closing code closes what it closes, any other opens. */
function stylesAfter(styles: string[], sgr: string): string[] {
  const closes = CLOSES[Number(ONE_CODE.exec(sgr)?.[1] ?? NaN)];
  return closes ? styles.filter((s) => !closes(Number(/\d+/.exec(s)?.[0] ?? 0))) : [...styles, sgr];
}

/** Columns a code point takes: 0 for combining marks and zero-width ones, 2 for wide ones, else 1. */
function codePointWidth(code: number): number {
  if (code < 0x300) return code < 0x20 || (code >= 0x7f && code < 0xa0) ? 0 : 1;
  if (
    (code >= 0x300 && code <= 0x36f) || // combining diacritical marks
    (code >= 0x200b && code <= 0x200f) || // zero-width space, joiners, marks
    (code >= 0xfe00 && code <= 0xfe0f) || // variation selectors
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f) ||
    (code >= 0xe0100 && code <= 0xe01ef)
  ) {
    return 0;
  }
  if (
    (code >= 0x1100 && code <= 0x115f) || // Hangul Jamo
    (code >= 0x231a && code <= 0x231b) ||
    (code >= 0x2329 && code <= 0x232a) ||
    (code >= 0x23e9 && code <= 0x23ec) ||
    (code >= 0x25fd && code <= 0x25fe) ||
    (code >= 0x2614 && code <= 0x2615) ||
    (code >= 0x2648 && code <= 0x2653) ||
    (code >= 0x26aa && code <= 0x26ab) ||
    (code >= 0x26bd && code <= 0x26be) ||
    (code >= 0x26c4 && code <= 0x26c5) ||
    (code >= 0x2705 && code <= 0x2705) ||
    (code >= 0x270a && code <= 0x270b) ||
    (code >= 0x2728 && code <= 0x2728) ||
    (code >= 0x274c && code <= 0x274c) ||
    (code >= 0x2753 && code <= 0x2755) ||
    (code >= 0x2795 && code <= 0x2797) ||
    (code >= 0x2b1b && code <= 0x2b1c) ||
    (code >= 0x2e80 && code <= 0x303e) || // CJK radicals, punctuation
    (code >= 0x3041 && code <= 0x33ff) || // kana, CJK compatibility
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) || // CJK ideographs
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xac00 && code <= 0xd7a3) || // Hangul syllables
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6f) ||
    (code >= 0xff00 && code <= 0xff60) || // full-width forms
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) || // emoji
    (code >= 0x1f680 && code <= 0x1f6ff) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x1fa70 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Columns a text takes on a terminal (escape sequences take none). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const piece of pieces(text)) if (piece.kind === 'text') width += piece.width;
  return width;
}

type Piece =
  | { kind: 'escape'; text: string; url?: string }
  /** `run`: plain characters, one column each (see isPlain); else a single character. */
  | { kind: 'text'; text: string; width: number; space: boolean; run?: true };

/** A character one column wide, of no other kind (not a space, a newline nor an escape): most of any text. */
const isPlain = (code: number) => (code > 0x20 && code < 0x7f) || (code >= 0xa0 && code < 0x300);

/**
 * The text as escape sequences, single spaces and newlines, runs of plain characters
 * (one column each), and single characters with their width.
 */
function* pieces(text: string): Generator<Piece> {
  let i = 0;
  while (i < text.length) {
    if (isPlain(text.charCodeAt(i))) {
      let end = i + 1;
      while (end < text.length && isPlain(text.charCodeAt(end))) end++;
      yield { kind: 'text', text: text.slice(i, end), width: end - i, space: false, run: true };
      i = end;
      continue;
    }
    if (text.charCodeAt(i) === 0x1b) {
      ESCAPE.lastIndex = i;
      const m = ESCAPE.exec(text);
      if (m) {
        yield { kind: 'escape', text: m[0], ...(m[0][1] === ']' ? { url: m[1] ?? '' } : {}) };
        i += m[0].length;
        continue;
      }
    }
    const code = text.codePointAt(i)!;
    const char = String.fromCodePoint(code);
    // A tab would move the cursor up to 8 columns, as the terminal pleases: a space (code blocks' are expanded by compose.ts).
    if (code === 0x09) yield { kind: 'text', text: ' ', width: 1, space: true };
    else yield { kind: 'text', text: char, width: codePointWidth(code), space: char === ' ' };
    i += char.length;
  }
}

/**
 * The lines of `text` folded at spaces to at most `width` columns. A word longer
 * than a line (a URL on a narrow terminal) is cut, so that no line is ever wider
 * than the width. Spaces at a break are dropped; a newline breaks the line. `hard`
 * (code): spaces are kept as they are, and lines are cut where the width ends.
 */
export function wrap(text: string, width: number, { hard = false } = {}): string[] {
  const max = Math.max(1, width);
  const lines: string[] = [];
  // The styles open (not yet closed or reset) and the open link: as they stand at the
  // end of what is placed on the line (`placed`), and after what is read so far (`current`).
  const placed = { styles: [] as string[], url: '' };
  const current = { styles: [] as string[], url: '' };
  let line = '';
  let lineWidth = 0;
  let spaces = '';
  let spacesWidth = 0;
  let word = '';
  let wordWidth = 0;

  const newLine = () => {
    lines.push(line + (placed.url ? link('') : '') + (placed.styles.length ? RESET : ''));
    line = placed.styles.join('') + (placed.url ? link(placed.url) : '');
    lineWidth = 0;
    spaces = '';
    spacesWidth = 0;
  };
  const place = () => {
    if (lineWidth > 0 && lineWidth + spacesWidth + wordWidth > max) newLine();
    line += (lineWidth > 0 ? spaces : '') + word;
    lineWidth += (lineWidth > 0 ? spacesWidth : 0) + wordWidth;
    spaces = '';
    spacesWidth = 0;
    word = '';
    wordWidth = 0;
    placed.styles = [...current.styles];
    placed.url = current.url;
  };

  for (const piece of pieces(text)) {
    if (piece.kind === 'escape') {
      if (piece.url !== undefined) current.url = piece.url;
      else current.styles = stylesAfter(current.styles, piece.text);
      word += piece.text;
    } else if (piece.text === '\n') {
      place();
      newLine();
    } else if (piece.space && !hard) {
      if (word) place();
      spaces += piece.text;
      spacesWidth += piece.width;
    } else if (wordWidth + piece.width <= max) {
      word += piece.text;
      wordWidth += piece.width;
    } else {
      // A word as wide as a line is cut where the line ends (a run's characters are one column each).
      for (const char of piece.run ? piece.text : [piece.text]) {
        const charWidth = piece.run ? 1 : piece.width;
        if (wordWidth + charWidth > max) {
          place();
          newLine();
        }
        word += char;
        wordWidth += charWidth;
      }
    }
  }
  place();
  lines.push(line);
  return lines;
}

/** Plain text on one line of at most `width` columns: cut, with "…", when it is longer. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const piece of pieces(text)) {
    if (piece.kind === 'escape') continue;
    if (used + piece.width > width - 1) {
      if (piece.run) out += piece.text.slice(0, Math.max(0, width - 1 - used)); // one column a character
      break;
    }
    out += piece.text;
    used += piece.width;
  }
  return `${out.trimEnd()}…`;
}

/**
 * The fewest columns a block is laid out in after its indentation (list markers, quote
 * bars, a code line's margin): deeper than that, it starts at the line's start.
 */
export const MIN_ROOM = 20;

/** What starts a preformatted line and is not its code: spaces, and quote bars with their styles (not the code's). */
const MARGIN = /^(?: |(?:\u001b\[[0-9;]*m)*\u2502(?: |\u001b\[(?:0|22|23|39)?m)*)*/;

/**
 * A line of a code block (its tabs expanded by compose.ts), preformatted, on lines of
 * at most `width` columns: cut where the width ends (not at spaces: the code is kept
 * as it is), each continuation after the line's margin (its leading spaces and quote
 * bars) when that leaves MIN_ROOM columns, else from the start. A line of spaces alone is empty.
 */
export function fold(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  if (!line.trim()) return [''];
  const margin = MARGIN.exec(line)![0];
  const code = line.slice(margin.length);
  // Continuations after the margin, unless that leaves too little room: then from the line's start.
  const indent = width - displayWidth(margin) >= MIN_ROOM ? margin : '';
  return wrap(indent ? code : line, width - displayWidth(indent), { hard: true }).map((l) => indent + l);
}
