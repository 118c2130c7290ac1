// Property-based tests (fast-check): whatever the input, the parser returns a valid
// model or throws our own error, and the search and the renderer never throw.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compose } from '../src/compose.js';
import { FaqError } from '../src/errors.js';
import { parseFaq } from '../src/faq.js';
import { layout } from '../src/render.js';
import { frenchSpacing, hasDigit, tokenize } from '../src/text.js';
import * as fuzzy from '../src/fuzzy.js';
import { searcherFor, Searcher } from '../src/search.js';
import { loadTheme } from '../src/theme.js';
import { faq, index } from './helpers.js';

/** Any UTF-16 code unit, unpaired surrogates and control characters included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: anyUnit, maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);

/** Lines that look like the FAQ format, shuffled: the parser's interesting cases. */
const faqLine = fc.oneof(
  fc.constantFrom('---', 'title: T', '# Titre', '## Section', '### Catégorie', '<br/>', '', '**R:** réponse', '**R :**', '1. un', '- deux'),
  fc
    .tuple(
      fc.constantFrom('**Q: ', '**Q : ', '**Q:** '),
      fc.string({ maxLength: 20 }),
      fc.constantFrom('**', '?]**', ''),
      fc.constantFrom('a1', 'a2', 'A1', 'b 1', '', 'x'),
    )
    .map(([q, text, end, id]) => `${q}${text}${end}<a name="${id}"></a>`),
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.string({ maxLength: 10 }), fc.constantFrom('a1', 'a2', 'zz'))
    .map(([n, t, id]) => `${n}. [${t}](#${id})`),
  fc.string({ unit: anyUnit, maxLength: 40 }),
);
const faqLike = fc.array(faqLine, { maxLength: 40 }).map((lines) => lines.join('\n'));

function checkParse(text: string) {
  let model;
  try {
    model = parseFaq(text, 'prop.md');
  } catch (error) {
    expect(error).toBeInstanceOf(FaqError);
    expect((error as FaqError).kind).toBe('input');
    expect((error as FaqError).message).toMatch(/prop\.md:\d+: /);
    return;
  }
  const ids = model.entries.map((e) => e.id.toLowerCase());
  expect(new Set(ids).size).toBe(ids.length);
  expect(model.entries.length).toBeGreaterThan(0);
  for (const e of model.entries) {
    expect(e.question.trim()).not.toBe('');
    expect(e.answer.trim()).not.toBe('');
    expect(model.categories).toContain(e.category);

    expect(e.question + e.answer).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  }
}

describe('the parser returns a valid model or throws a FaqError', () => {
  test('for any string', () => fc.assert(fc.property(anyString, checkParse), { numRuns: 500 }));
  test('for FAQ-like text', () => fc.assert(fc.property(faqLike, checkParse), { numRuns: 1000 }));
});

describe('the search never throws and returns only valid ids', async () => {
  const known = new Set(faq.entries.map((e) => e.id));
  const bundled = await searcherFor(faq, true); // as the CLI does
  const other = new Searcher(index, faq, () => Promise.resolve(fuzzy)); // an index built at run time

  const check = async (query: string) => {
    for (const prefix of [false, true]) {
      const outcomes = [await bundled.search(query, { prefix }), await other.search(query, { prefix, limit: 20 })];
      const results = outcomes.flatMap((o) => [...o.results, ...o.guesses]);
      expect(outcomes.every((o) => o.guesses.length <= 3 && (o.results.length === 0 || o.guesses.length === 0))).toBe(true);
      for (const r of results) {
        expect(known.has(r.id)).toBe(true);
        expect(r.score).toBeGreaterThan(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(r.snippet.marks.every(([s, e]) => s >= 0 && e <= r.snippet.text.length && s < e)).toBe(true);
      }
    }
  };

  test('for any string', () => fc.assert(fc.asyncProperty(anyString, check), { numRuns: 500 }));
  test('for words of the FAQ, mangled', () =>
    fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.constantFrom('mot', 'de', 'passe', 'certificat', 'relevé', 'mdp', 'pase', "l'", '-', 'Q:', '~0', '__proto__', 'constructor'),
          { maxLength: 12 },
        ),
        (words) => check(words.join(' ')),
      ),
      { numRuns: 300 },
    ));
  test('for huge strings', async () => {
    for (const q of ['a'.repeat(200_000), 'mot de passe '.repeat(20_000), '\ud800'.repeat(50_000), '\u001b['.repeat(50_000)])
      await check(q);
  });
});

describe('tokenize', () => {
  // What tokenize() does, with a regular expression: the same words, at the same offsets.
  // An emoji (U+1F000–U+1FFFF, U+E0000–U+E03FF: a pair) is no word's, as a whole.
  const WORD =
    // eslint-disable-next-line no-misleading-character-class -- code units, on purpose (variation selectors are no word's)
    /[^\s\u0000-\u001f!-/:-@[-`{-\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u20ff\u2100-\u2bff\u3000-\u303f\ufe00-\ufe0f\ufe30-\ufe6f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\ufffd\ud83c-\ud83f\udb40]+/g;
  const EMOJI = /[\ud83c-\ud83f\udb40][\udc00-\udfff]/g;
  const reference = (text: string) => [...text.replace(EMOJI, '  ').matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
  const withEmoji = fc.array(fc.constantFrom('mot', 'é', ' ', '😀', '🇫🇷', '❤️', '1️⃣', '\ud83c', '\udc00', '𝐜', '\u200d', 'a\udb40\udc61'), {
    maxLength: 10,
  });
  test.each([
    ['any string', anyString],
    ['words and emoji', withEmoji.map((parts) => parts.join(''))],
  ])('cuts %s into the words of the reference pattern', (_, strings) =>
    fc.assert(
      fc.property(strings, (text) => {
        expect(tokenize(text).map((t) => [t.start, t.end])).toEqual(reference(text));
      }),
      { numRuns: 1000 },
    ),
  );
  test.each([
    ['relevé💯', ['releve']],
    ['mot de passe😭😭', ['mot', 'de', 'passe']],
    ['relevé🇫🇷', ['releve']],
    ['mot😀de', ['mot', 'de']],
    ['𝐜𝐞𝐫𝐭', ['cert']], // mathematical letters stay letters (folded)
    ['\ud83ca', ['a']], // a lone first unit of an emoji: not the letter after it
  ])('%s → %j', (text, words) => {
    expect(tokenize(text).map((t) => t.word)).toEqual(words);
  });
});

// Written as loops and plain strings (a regular expression costs its compilation at
// each start): the same results as the regular expressions they stand for.
describe('text helpers say what their regular expression said', () => {
  const frenchText = fc.array(fc.constantFrom(' ', ':', ';', '!', '?', '\u00ab', '\u00bb', 'a', '\u00a0', '  '), { maxLength: 12 });
  test.each([
    ['hasDigit', (text: string) => hasDigit(text), (text: string) => /\d/.test(text)],
    ['frenchSpacing', frenchSpacing, (text: string) => text.replace(/ ([:;!?\u00bb])/g, '\u00a0$1').replace(/\u00ab /g, '\u00ab\u00a0')],
  ] as const)('%s', (_, helper, reference) => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyString,
          frenchText.map((parts) => parts.join('')),
        ),
        (text) => {
          expect(helper(text)).toEqual(reference(text));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

const colored = await loadTheme(true);
const plain = await loadTheme(false);

describe('the renderer never throws nor lets escapes through', () => {
  test('for any markdown', () =>
    fc.assert(
      fc.property(anyString, (markdown) => {
        const document = compose(parseFaq(`**Q: q**<a name="a"></a>\n\n**R:** x\n${markdown}`).entries[0]!.answer, colored);
        expect(document).toBeDefined(); // marked never fails on such small answers
        const out = layout(document!, {
          width: 60,
          theme: plain,
          color: false,
          hyperlinks: false,
        });
        expect(out).not.toMatch(/\u001b/);
      }),
      { numRuns: 300 },
    ));
});
