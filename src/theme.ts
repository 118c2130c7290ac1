// The one theme: the semantic pieces of mcp-faq's output, each mapped to a style.
// Every colored thing comes from here — `list` and `search` (format.ts), answers
// (compose.ts, render.ts), the finder (browse.ts) — so that a color changes in one
// place. Without color, every role is plain text. chalk loads only for color (src/color.ts).

export interface Theme {
  /** An entry id in a list. */
  id: Style;
  /** An entry id heading a search result or an answer. */
  strongId: Style;
  /** A question heading a result or an answer. */
  question: Style;
  /** A category heading in `list`. */
  category: Style;
  /** Secondary text: a result's category and snippet, an answer's id line, rules. */
  dim: Style;
  /** A matched word in a snippet. */
  match: Style;
  /** Answers: headings, bold, italic, code, struck-out text. */
  heading: Style;
  strong: Style;
  emphasis: Style;
  code: Style;
  deleted: Style;
  /** A link's text, and its URL. */
  link: Style;
  url: Style;
  /** Where an image stands (images are not shipped). */
  image: Style;
  /** The finder: the prompt's mark and the chosen line. */
  prompt: Style;
  selected: Style;
}

type Style = (text: string) => string;

const same: Style = (text) => text;

const PLAIN: Theme = {
  id: same,
  strongId: same,
  question: same,
  category: same,
  dim: same,
  match: same,
  heading: same,
  strong: same,
  emphasis: same,
  code: same,
  deleted: same,
  link: same,
  url: same,
  image: same,
  prompt: same,
  selected: same,
};

let colored: Theme | undefined;

/** The theme for output with color or without. */
export async function loadTheme(color: boolean): Promise<Theme> {
  if (!color) return PLAIN;
  if (!colored) {
    const { Chalk } = await import('./color.js');
    // 16 colors: they follow the terminal's own palette, light or dark.
    const c = new Chalk({ level: 1 });
    colored = {
      id: c.cyan,
      strongId: c.bold.cyan,
      question: c.bold,
      category: c.bold,
      dim: c.dim,
      match: c.yellow.bold,
      heading: c.bold,
      strong: c.bold,
      emphasis: c.italic,
      code: c.yellow,
      deleted: c.dim.strikethrough,
      link: c.blue,
      url: c.blue.underline,
      image: c.dim,
      prompt: c.blue,
      selected: c.cyan,
    };
  }
  return colored;
}
