// stripControls (src/text.ts): what may reach a terminal from a FAQ file or a query.
// It removes well-formed escape sequences, control characters and invisible format
// characters, and nothing else: printable text outside a well-formed sequence always stays.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stripControls } from '../src/text.js';

const ESC = '\u001b';
const BEL = '\u0007';
const inRange = (c: string | undefined, from: number, to: number) => c !== undefined && c.charCodeAt(0) >= from && c.charCodeAt(0) <= to;
/** A character stripControls removes (tab and newline stay)… */
const isControl = (c: string) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(c);
/** An invisible format character, which it removes too (soft hyphen, zero-width space, direction marks…). */
const INVISIBLE = /[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const isInvisible = (c: string) => c.length === 1 && /[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/.test(c);
/** …and one that ends an OSC's text (any C0 or C1 control, tab and newline too). */
const endsOsc = (c: string) => /[\u0000-\u001f\u007f-\u009f]/.test(c);

/** An oracle written as a scanner, independent of the patterns it checks. */
function expected(s: string, replacement = ''): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ESC) {
      const next = s[i + 1];
      if (next === '[') {
        let j = i + 2;
        while (inRange(s[j], 0x30, 0x3f)) j++;
        while (inRange(s[j], 0x20, 0x2f)) j++;
        if (inRange(s[j], 0x40, 0x7e)) {
          i = j + 1;
          continue;
        }
      }
      if (next === ']') {
        let j = i + 2;
        while (j < s.length && !endsOsc(s[j]!)) j++;
        if (s[j] === BEL) {
          i = j + 1;
          continue;
        }
        if (s[j] === ESC && s[j + 1] === '\\') {
          i = j + 2;
          continue;
        }
      }
      if (next !== undefined && (inRange(next, 0x40, 0x5a) || inRange(next, 0x5c, 0x5f))) {
        i += 2; // a two-byte sequence, or the introducer of an unterminated one
        continue;
      }
    }
    out += isControl(c) ? replacement : isInvisible(c) ? '' : c;
    i++;
  }
  return out;
}

const pieces = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(
    ESC,
    BEL,
    '\u00ad',
    '\u200b',
    '\u202e',
    `${ESC}]`,
    `${ESC}[`,
    `${ESC}]8;;`,
    `${ESC}]0;titre`,
    `${ESC}\\`,
    `${ESC}[31m`,
    `${ESC}[2J`,
    '\r',
    '\n',
    '\t',
    '\u009b',
    '\u0000',
  ),
);

describe('stripControls', () => {
  test.each([
    ['a stray OSC introducer: only it goes', `a ${ESC}] b\nc ${BEL} d`, 'a  b\nc  d'],
    ['an OSC never runs past a line', `a ${ESC}]0;x\ny${BEL} z`, 'a 0;x\ny z'],
    ['a terminated OSC goes whole', `a ${ESC}]0;titre${BEL}b ${ESC}]8;;https://x.y${ESC}\\lien${ESC}]8;;${ESC}\\`, 'a b lien'],
    ['CSI sequences', `${ESC}[31mrouge${ESC}[0m ${ESC}[2J`, 'rouge '],
    ['control characters, not tab and newline', 'a\u0000b\u0007c\td\ne\u009bf', 'abc\td\nef'],
    ['a lone surrogate is mended', 'a\ud800b', 'a\ufffdb'],
    ['a soft hyphen, a zero-width space, a word joiner: gone', 'certi\u00adficat a1\u200b fu\u2060sion', 'certificat a1 fusion'],
    ['direction marks and overrides, a byte order mark: gone', '\u200fa1\u200e \u202eesrever\u202c \u2067x\u2069\ufeff', 'a1 esrever x'],
    ['the zero-width joiner of an emoji stays', '\u{1f468}\u200d\u{1f469}', '\u{1f468}\u200d\u{1f469}'],
  ])('%s', (_, input, output) => expect(stripControls(input)).toBe(output));

  test('a query wants a space for each control character', () => {
    expect(stripControls(`mot${BEL}de${ESC}]passe`, ' ')).toBe('mot depasse');
  });

  test('property: it removes exactly the well-formed sequences and the control characters', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const s = parts.join('').toWellFormed();
        expect(stripControls(s)).toBe(expected(s));
        expect(stripControls(s, ' ')).toBe(expected(s, ' '));
      }),
      { numRuns: 2000 },
    );
  });

  test('property: printable text outside any escape sequence always stays', () => {
    const printable = fc
      .string({ unit: 'grapheme', maxLength: 12 })
      .map((t) => t.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').replace(INVISIBLE, ''));
    // Broken sequences, each ended by a NUL: no text that follows can complete them.
    const broken = fc.constantFrom(
      `${ESC}\u0000`,
      BEL,
      `${ESC}]\u0000`,
      `${ESC}]8;;\u0000`,
      `${ESC}[\u0000`,
      `${ESC} `,
      '\u0000',
      '\u009d',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(printable, broken), { maxLength: 10 }), printable, (pairs, last) => {
        // Each piece of text is closed by a newline: no OSC can span it.
        const texts = [...pairs.map(([t]) => `${t}\n`), last];
        const s = pairs.map(([t, b]) => `${t}\n${b}`).join('') + last;
        let out = stripControls(s);
        for (const t of texts) {
          const at = out.indexOf(t);
          expect(at, JSON.stringify({ s, t })).toBeGreaterThanOrEqual(0);
          out = out.slice(at + t.length);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
