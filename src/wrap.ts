// The one wrapping function: text (with ANSI styles and OSC 8 links) folded to a
// width in terminal columns, as the terminal displays it (wide characters count
// two, escape sequences none). fast-wrap-ansi does the measuring and the folding.

import { wrapAnsi } from 'fast-wrap-ansi';

/**
 * The lines of `text` folded at spaces to at most `width` columns; a word longer
 * than a line (a URL on a narrow terminal) is cut, so that no line is ever wider
 * than the width.
 */
export function wrap(text: string, width: number): string[] {
  return wrapAnsi(text, Math.max(1, width), { hard: true, trim: true }).split('\n');
}

/** The text on one line of at most `width` columns: cut at a space, with "…", when it is longer. */
export function truncate(text: string, width: number): string {
  const lines = wrap(text, width);
  return lines.length === 1 ? lines[0]! : `${wrap(text, width - 1)[0]!}…`;
}
