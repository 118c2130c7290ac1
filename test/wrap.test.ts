// wrap.ts: the one wrapping function, by display width, keeping styles and links whole.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { displayWidth, fold, truncate, wrap } from '../src/wrap.js';

const BOLD = '\u001b[1m';
const UNBOLD = '\u001b[22m';
const RESET = '\u001b[0m';
const link = (url: string) => `\u001b]8;;${url}\u0007`;

const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m|\u001b\]8;;[^\u0007]*\u0007/g, '');

describe('displayWidth', () => {
  test.each([
    ['abc', 3],
    ['relevé', 6],
    ['rele\u0301ve\u0301', 6], // combining accents
    ['日本語', 6],
    ['Ａ９', 4],
    ['🙂 ok', 5],
    [`${BOLD}gras${UNBOLD}`, 4],
    [`${link('https://x.y')}lien${link('')}`, 4],
  ])('%j → %d', (text, width) => expect(displayWidth(text)).toBe(width));
});

describe('wrap', () => {
  test.each<[string, string, number, string[], boolean?]>([
    ['at spaces', 'un deux trois quatre', 9, ['un deux', 'trois', 'quatre']],
    ['spaces at a break are dropped', 'un   deux', 4, ['un', 'deux']],
    ['a word wider than the line is cut', 'https://aka.ms/certdashboard', 10, ['https://ak', 'a.ms/certd', 'ashboard']],
    ['a long word starts its own line', 'voir https://aka.ms/x', 8, ['voir', 'https://', 'aka.ms/x']],
    ['wide characters count two', '日本語の文字 ok', 6, ['日本語', 'の文字', 'ok']],
    ['newlines break', 'un\ndeux trois', 20, ['un', 'deux trois']],
    ['empty', '', 10, ['']],
    ['fits', 'relevé de notes', 15, ['relevé de notes']],
    ['a tab is a space (its width would be the terminal’s)', 'un\tdeux\ttrois', 8, ['un deux', 'trois']],
    ['hard: spaces kept, cut where the width ends', '  a  b   c', 4, ['  a ', ' b  ', ' c'], true],
  ])('%s', (_, text, width, lines, hard = false) => expect(wrap(text, width, { hard })).toEqual(lines));

  test('a style across a break is closed at the end of the line and opened again', () => {
    expect(wrap(`a ${BOLD}gras qui dure${UNBOLD} fin`, 7)).toEqual([
      `a ${BOLD}gras${RESET}`,
      `${BOLD}qui${RESET}`,
      `${BOLD}dure${UNBOLD}`,
      'fin',
    ]);
  });

  test('styles closed on a line are not opened again on the next ones', () => {
    const DIM = '\u001b[2m';
    const YELLOW = '\u001b[33m';
    const UNCOLOR = '\u001b[39m';
    const text = `${DIM}un ${YELLOW}${BOLD}deux${UNBOLD}${UNCOLOR}${DIM} trois ${YELLOW}${BOLD}quatre${UNBOLD}${UNCOLOR}${DIM} cinq six${UNBOLD}`;
    expect(wrap(text, 9)).toEqual([
      `${DIM}un ${YELLOW}${BOLD}deux${UNBOLD}${UNCOLOR}${DIM}${RESET}`,
      `${DIM}trois${RESET}`,
      `${DIM}${YELLOW}${BOLD}quatre${UNBOLD}${UNCOLOR}${DIM}${RESET}`,
      `${DIM}cinq six${UNBOLD}`, // only the dim, still open, at each line's start
    ]);
  });

  test('a link across a break is closed and opened again', () => {
    expect(wrap(`voir ${link('https://x.y')}le tableau${link('')} ici`, 7)).toEqual([
      `voir ${link('https://x.y')}le${link('')}`,
      `${link('https://x.y')}tableau${link('')}`,
      'ici',
    ]);
  });

  test('property: no line is wider than the width, and no visible character is lost', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom(' ', '  ', '日本', 'e\u0301', BOLD, UNBOLD, link('https://x.y/z'), link(''), 'https://aka.ms/certdashboard'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 2, max: 40 }), (parts, width) => {
        const text = parts.join('').replace(/[\u0000-\u001a\u001c-\u001f\u007f-\u009f]/g, '');
        const lines = wrap(text, width);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(visible(lines.join('')).replace(/\s/g, '')).toBe(visible(text).replace(/\s/g, ''));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('fold: a line of a code block', () => {
  const BAR = '\u2502';
  test.each<[string, string, number, string[]]>([
    ['short: as is', '  x = 1', 20, ['  x = 1']],
    ['empty', '', 20, ['']],
    ['spaces alone: empty', ' '.repeat(12), 6, ['']],
    [
      'cut where the width ends, after the margin',
      '  const s = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";',
      30,
      ['  const s = "aaaaaaaaaaaaaaaaa', '  aaaaaaaaaaaaaaaaaaaaaaaaaaaa', '  a";'],
    ],
    [
      'in a quote: the bar is margin too',
      `${BAR}   abcdefghijklmnopqrstuvwxyz0123456789`,
      30,
      [`${BAR}   abcdefghijklmnopqrstuvwxyz`, `${BAR}   0123456789`],
    ],
    [
      'in a quote, styled: the bar’s style closed in the margin, the code’s not taken',
      `\u001b[2m${BAR} \u001b[22m  ${BOLD}abcdefghijklmnopqrstuvwxyz0123456789${UNBOLD}`,
      30,
      [`\u001b[2m${BAR} \u001b[22m  ${BOLD}abcdefghijklmnopqrstuvwxyz${RESET}`, `\u001b[2m${BAR} \u001b[22m  ${BOLD}0123456789${UNBOLD}`],
    ],
    ['no margin when it leaves under 20 columns', '    abcdefghijklmnopqrstuvwxyz', 20, ['    abcdefghijklmnop', 'qrstuvwxyz']],
    [
      'styles kept across the cut',
      `  ${BOLD}abcdefghijklmnopqrstuvwxyz${UNBOLD}`,
      24,
      [`  ${BOLD}abcdefghijklmnopqrstuv${RESET}`, `  ${BOLD}wxyz${UNBOLD}`],
    ],
  ])('%s', (_, line, width, lines) => expect(fold(line, width)).toEqual(lines));

  test('property: no line is wider than the width, and every character is kept', () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom(' ', '  ', '\u2502 ', '日本', BOLD, UNBOLD));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 2, max: 40 }), (parts, width) => {
        const line = parts.join('').replace(/[\u0000-\u001a\u001c-\u001f\u007f-\u009f]/g, '');
        const lines = fold(line, width);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(Math.max(width, 2));
        expect(visible(lines.join('')).replace(/[\s\u2502]/g, '')).toBe(visible(line).replace(/[\s\u2502]/g, ''));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('truncate', () => {
  test.each([
    ['court', 10, 'court'],
    ['un texte bien trop long', 12, 'un texte bi…'],
    ['a7  J’ai perdu', 8, 'a7  J’a…'],
    ['日本語の文字', 6, '日本…'],
  ])('%j at %d → %j', (text, width, out) => expect(truncate(text, width)).toBe(out));
});
