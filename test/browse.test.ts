import { describe, expect, test } from 'vitest';
import { choicesFor } from '../src/browse.js';
import { searcherFor } from '../src/search.js';
import { faq } from './helpers.js';

const searcher = await searcherFor(faq, true);
const find = async (q: string) => (await searcher.search(q, { limit: 13, prefix: true })).results;

describe('the finder’s choices', () => {
  test('nothing typed: every question, in document order', async () => {
    const choices = await choicesFor(faq, undefined, find, 200);
    expect(choices.map((c) => c.value)).toEqual(faq.entries.map((e) => e.id));
    expect(choices[0]).toEqual({ value: 'a1', name: `a1  ${faq.entries[0]!.question}`, description: 'Microsoft Certification Profile' });
  });

  test.each([
    ['mot de pase', 'a7'],
    ['relev', 'a9'], // a word being typed
    ['download certificate', 'b1'],
    ['MDP', 'a7'],
  ])('%j: %s first, with the snippet as description', async (term, id) => {
    const [first] = await choicesFor(faq, term, find);
    expect(first?.value).toBe(id);
    expect(first?.description).toMatch(/ · /);
  });

  test('one line each, cut to the terminal', async () => {
    for (const c of await choicesFor(faq, '', find, 50)) expect(c.name.length).toBeLessThanOrEqual(47);
  });

  test('something the FAQ does not cover: no choices', async () => {
    expect(await choicesFor(faq, 'recette de crêpes', find)).toEqual([]);
  });
});
