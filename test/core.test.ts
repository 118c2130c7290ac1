// The core (src/core.ts): the operations every front end shares, as values.
import { describe, expect, test } from 'vitest';
import { clearWinner, Core, joinQuery, MAX_INPUT_CHARS, type Hit } from '../src/core.js';
import { answerLinks, idKey, looksLikeId } from '../src/faq.js';
import { faq } from './helpers.js';

const core = new Core(faq, true);
const entry = faq.entries[0]!;
const hit = (id: string, score: number): Hit => ({ entry: { ...entry, id }, score, snippet: { text: '', marks: [] } });

describe('clearWinner: the one answer `show <words>` may show', () => {
  test.each([
    [[], undefined],
    [[hit('a9', 0.3)], 'a9'],
    [[hit('a9', 0.8), hit('d1', 0.3)], 'a9'],
    [[hit('a1', 0.8), hit('a5', 0.8)], undefined],
    [[hit('a1', 0.5), hit('a5', 0.45)], undefined],
  ])('%#: → %s', (hits, id) => expect(clearWinner(hits)?.entry.id).toBe(id));
});

describe('ids as people type them', () => {
  test.each([
    ['a9', 'a9'],
    ['A9', 'a9'],
    [' a9 ', 'a9'],
    ['Ａ９', 'a9'],
  ])('%j → %s', (typed, key) => expect(idKey(typed)).toBe(key));

  test.each([
    ['a10', true],
    ['a99999', true],
    ['B3', true],
    ['Ａ１０', true],
    ['relevé', false],
    ['mot', false],
    ['az900', false],
  ])('%j looks like an id: %s', (word, yes) => expect(looksLikeId(faq, word)).toBe(yes));
});

describe('answerLinks', () => {
  test.each([
    ['[Tableau de bord](https://aka.ms/certdashboard)', [{ text: 'Tableau de bord', url: 'https://aka.ms/certdashboard' }]],
    ['![img](i.png) et [**gras**](https://x.y "titre")', [{ text: 'gras', url: 'https://x.y' }]],
    ['[a](https://x.y) puis [a](https://x.y)', [{ text: 'a', url: 'https://x.y' }]],
    ['[](https://x.y)', [{ text: 'https://x.y', url: 'https://x.y' }]],
    ['pas de lien', []],
    [
      'voir <https://x.y/a> et https://x.y/b.',
      [
        { text: 'https://x.y/a', url: 'https://x.y/a' },
        { text: 'https://x.y/b', url: 'https://x.y/b' },
      ],
    ],
    ['(voir https://x.y/wiki/A_(b)) et `https://code.only`', [{ text: 'https://x.y/wiki/A_(b)', url: 'https://x.y/wiki/A_(b)' }]],
    ['<mailto:a@b.c>', [{ text: 'a@b.c', url: 'mailto:a@b.c' }]],
    ['![img](https://x.y/i.png)', []],
    ['la touche ` (accent grave).\n\nOuvrez [le tableau](https://x.y/t). Puis `cmd`.', [{ text: 'le tableau', url: 'https://x.y/t' }]],
    [
      '_https://x.y/f_ et ~~https://x.y/h~~',
      [
        { text: 'https://x.y/f', url: 'https://x.y/f' },
        { text: 'https://x.y/h', url: 'https://x.y/h' },
      ],
    ],
    ['```\ncurl https://x.y/code\n```\n~~~\ncurl https://x.y/tilde\n~~~\nfin', []],
    ['<a href="https://x.y/q">la <b>Q</b></a>', [{ text: 'la Q', url: 'https://x.y/q' }]],
  ])('%j', (markdown, links) => expect(answerLinks(markdown)).toEqual(links));

  test('a4 links to the certification support', () => {
    expect(core.answer(faq.entries[3]!).links).toEqual([{ text: 'L’assistance à la Certification', url: 'https://aka.ms/mcpforum' }]);
  });
});

describe('resolve: what `show <args>` means', () => {
  const resolve = async (...args: string[]) => {
    const r = await core.resolve(args);
    return r.kind === 'entries'
      ? `entries ${r.entries.map((e) => e.id).join(' ')}`
      : r.kind === 'unknown-id'
        ? `unknown ${r.unknown.join(' ')} → ${r.nearest.join(' ')}`
        : `${r.kind} [${r.ids.join(' ')}]`;
  };
  test.each([
    [['a9'], 'entries a9'],
    [['A1', 'a5'], 'entries a1 a5'],
    [['a9', 'a9'], 'entries a9'],
    [['a1,a5'], 'entries a1 a5'],
    [['a1;A9,'], 'entries a1 a9'],
    [['a1 a5'], 'entries a1 a5'], // quoted as one argument
    [['(a1, a5)'], 'entries a1 a5'], // a list in brackets, as copied
    [['(a1) (a5)'], 'entries a1 a5'], // each in its own
    [['"a1", "a5"'], 'entries a1 a5'], // as JSON writes them
    [['[a1,a9]'], 'entries a1 a9'],
    [['« a1 a5 »'], 'entries a1 a5'],
    [['(a1, a99)'], 'unknown a99 → a9'],
    [['a1 a99'], 'unknown a99 → a9'], // a list with a mistyped id
    [['a1\ta9\n'], 'entries a1 a9'],
    [['#a1', 'a5.'], 'entries a1 a5'],
    [['a1,relevé'], 'entries a9'], // not a list of ids: words
    [['Ａ９'], 'entries a9'],
    [['relevé'], 'entries a9'],
    [['a1', 'relevé'], 'entries a1 a9'],
    [['a9', 'relevé'], 'entries a9'],
    [['a10'], 'unknown a10 → a1'],
    [['a99999'], 'unknown a99999 → '],
    [['a1', 'a10'], 'unknown a10 → a1'],
    [['a10', 'a99', 'A10'], 'unknown a10 a99 → a1 a9'], // each named once, as first typed
    [['profil'], 'ambiguous []'],
    [['a1', 'profil'], 'ambiguous [a1]'],
    [['recette', 'de', 'crêpes'], 'nothing []'],
    [['a2', 'kubernetes'], 'nothing [a2]'],
  ])('%j → %s', async (args, expected) => expect(await resolve(...args)).toBe(expected));

  test('empty words alone are a usage error', async () => {
    await expect(core.resolve(['  '])).rejects.toMatchObject({ kind: 'usage' });
    await expect(core.resolve(['\u001b[2J'])).rejects.toMatchObject({ kind: 'usage' });
  });
});

describe('search', () => {
  test.each([[''], ['   '], ['\u001b[2J'], ['\u0007\u0008']])('%j is an empty query: usage error', async (query) => {
    await expect(core.search(query)).rejects.toMatchObject({ kind: 'usage', message: 'la recherche est vide.' });
  });

  test('hits carry their entry', async () => {
    const { hits } = await core.search('mot de passe');
    expect(hits[0]?.entry).toBe(faq.entries[6]);
  });
});

describe('joinQuery cuts as soon as the query is long enough', () => {
  test.each([
    [['mot', 'de', 'passe'], 'mot de passe'],
    [[], ''],
  ])('%j → %j', (words, query) => expect(joinQuery(words)).toBe(query));

  test('a million words', () => {
    const query = joinQuery(Array.from({ length: 1_000_000 }, () => 'mot'));
    expect(query).toHaveLength(MAX_INPUT_CHARS);
  });
});

describe('a generic word alone carries no answer (issue 9, pattern 4)', () => {
  test.each([['change'], ['link'], ['download'], ['remplacer'], ['lien'], ['update']])('%j: no answer, guesses at most', async (query) => {
    expect((await core.search(query)).hits).toEqual([]);
  });

  test.each([
    ['change my email', 'a6'],
    ['download certificate', 'b1'],
    ['link my two accounts', 'a4'],
    ['téléchargement impossible', 'b2'],
  ])('%j: with the thing it is about, %s', async (query, id) => {
    expect((await core.search(query)).hits[0]?.entry.id).toBe(id);
  });
});
