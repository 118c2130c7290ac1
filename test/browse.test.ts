import { describe, expect, test } from 'vitest';
import { choicesFor, finderLayout, mendInsert, mendKey } from '../src/browse.js';
import { Core } from '../src/core.js';
import { faq } from './helpers.js';

const core = new Core(faq, true);

describe('the finder’s choices', () => {
  test('nothing typed: every question, in document order', async () => {
    const { choices } = await choicesFor(core, '');
    expect(choices.map((c) => c.id)).toEqual(faq.entries.map((e) => e.id));
    expect(choices[0]).toMatchObject({ id: 'a1', name: `a1  ${faq.entries[0]!.question}` });
    expect(choices[0]!.describe()).toBe('Microsoft Certification Profile');
  });

  test.each([
    ['mot de pase', 'a7'],
    ['relev', 'a9'], // a word being typed
    ['download certificate', 'b1'],
    ['MDP', 'a7'],
  ])('%j: %s first, with the snippet as description', async (term, id) => {
    const {
      choices: [first],
    } = await choicesFor(core, term);
    expect(first?.id).toBe(id);
    expect(first?.describe()).toMatch(/ · /);
  });

  test('nothing but control characters typed: every question (a pasted C1 character does not crash)', async () => {
    const { choices } = await choicesFor(core, '\u0085');
    expect(choices).toHaveLength(faq.entries.length);
  });

  test('nothing sure but something close: the guesses, marked as such', async () => {
    const found = await choicesFor(core, 'mdp kubernetes');
    expect(found.guesses).toBe(true);
    expect(found.choices[0]?.id).toBe('a7');
  });

  test('something the FAQ does not cover: no choices', async () => {
    expect(await choicesFor(core, 'recette de crêpes')).toEqual({ choices: [], guesses: false });
  });
});

describe('the finder’s layout fits the terminal', () => {
  test.each([
    [80, 24, 20],
    [40, 6, 2],
    [20, 3, 1],
  ])('%d×%d: a page of %d', (columns, rows, pageSize) => {
    const layout = finderLayout(columns, rows, '? Votre question : mot');
    expect(layout.pageSize).toBe(pageSize);
    for (const e of faq.entries) expect([...layout.cut(`${e.id}  ${e.question}`)].length).toBeLessThanOrEqual(columns - 2);
  });

  test.each([
    ['? Votre question : mot de passe', 30, 6, 1], // 31 columns: two rows, a page row less
    ['? Votre question : mot de passe', 40, 6, 2],
    [`? Votre question : ${'x'.repeat(100)}`, 40, 24, 17], // three rows, or four if the long word starts a row: never too few
    [`? Votre question : ${'x'.repeat(21)}`, 40, 24, 19], // as wide as the terminal: the cursor takes a row
    ["? Votre question : comment modifier l'adresse électronique", 30, 7, 1], // folded at words: three rows
  ])('a prompt of %j on %d×%d: a page of %d', (prompt, columns, rows, pageSize) => {
    expect(finderLayout(columns, rows, prompt).pageSize).toBe(pageSize);
  });
});

describe('a character readline put at the end of the line instead of at the cursor (Node 20)', () => {
  test.each([
    // before, key, after (as readline left them), mended
    [['mot passe', 0], 'p', ['mot passep', 1], ['pmot passe', 1]],
    [['def', 0], 'm', ['defm', 1], ['mdef', 1]],
    [['ab', 1], 'é', ['abé', 2], ['aéb', 2]],
    [['mot', 0], '😀', ['mot😀', 2], ['😀mot', 2]], // two UTF-16 units
    [['mot passe', 0], 'p', ['pmot passe', 1], undefined], // right (Node 22 and later)
    [['mot', 3], 'x', ['motx', 4], undefined], // at the end: appending is right
    [['mot', 1], 'x', ['motx', 4], undefined], // not readline's mistake: left alone
    [['', 0], 'a', ['a', 1], undefined],
  ] as const)('%j + %j, readline gave %j → %j', ([line, cursor], key, [afterLine, afterCursor], mended) => {
    const result = mendInsert({ line, cursor }, key, { line: afterLine, cursor: afterCursor });
    expect(result).toEqual(mended && { line: mended[0], cursor: mended[1] });
  });
});

describe('Backspace deletes what the user sees as one character; Tab is a space; Ctrl-W a word', () => {
  const family = '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}'; // 👨‍👩‍👧
  test.each([
    // key, before, after (as readline left them), mended
    ['backspace', [`mot ${family}`, 12], [`mot ${family.slice(0, -2)}`, 10], ['mot ', 4]], // readline removed 👧 alone
    ['backspace', ['a\u{1f1eb}\u{1f1f7}b', 5], ['a\u{1f1eb}b', 3], ['ab', 1]], // a flag: two code points
    ['backspace', ['rele\u0301', 5], ['rele', 4], ['rel', 3]], // e and its accent typed apart
    ['backspace', ['mot', 3], ['mo', 2], undefined], // one unit, one character: right
    ['backspace', ['😀', 2], ['', 0], undefined], // readline deletes a pair whole
    ['backspace', ['mot', 0], ['mot', 0], undefined], // nothing before the cursor
    ['tab', ['mot', 3], ['mot\t', 4], ['mot ', 4]],
    ['tab', ['relevé', 6], ['relevé\t', 7], ['relevé ', 7]], // a paste: each tab a space, words kept apart
    ['tab', ['mot', 3], ['mot', 3], undefined],
    ['left', ['mot', 3], ['mot', 2], undefined],
    // Ctrl-W: back to a space, as in a shell; readline's words are ASCII
    ['C-w', ['le relevé', 9], ['le relev', 8], ['le ', 3]],
    ['C-w', ['café crème', 10], ['café crè', 8], ['café ', 5]],
    ['C-w', ['mot de passe', 12], ['mot de ', 7], undefined], // ASCII: readline is right
    ['C-w', ['mot de ', 7], ['mot ', 4], undefined], // the spaces before the cursor go with the word
    ['C-w', ['relevé notes', 6], ['relev notes', 5], [' notes', 0]], // the cursor inside the line
  ] as const)('%s on %j, readline gave %j → %j', (name, [line, cursor], [afterLine, afterCursor], mended) => {
    const result = mendKey(name, { line, cursor }, { line: afterLine, cursor: afterCursor });
    expect(result).toEqual(mended && { line: mended[0], cursor: mended[1] });
  });
});
