import { describe, expect, test } from 'vitest';
import { evaluate, readQueries, summary } from '../bench/evaluate.mjs';
import type { Evaluation, Query } from '../bench/evaluate.d.mts';
import { FaqError } from '../src/errors.js';
import { Analyzer, compileLexicon } from '../src/glossary.js';
import { markdownToPlain, Searcher } from '../src/search.js';
import { stem } from '../src/fuzzy.js';
import { editDistance, fold, tokenize } from '../src/text.js';
import { faq, fuzzy, index, lexicon, root } from './helpers.js';

// With fuzzy.ts given, searchNow() is search() without the wait.
const searcher = new Searcher(index, faq, fuzzy);
const search = (q: string, options = {}) => searcher.searchNow(q, options);
const ids = (q: string, limit = 5) => search(q, { limit }).map((r) => r.id);
/** A query's units, readable: a notion by its label in brackets, a word by its stem. */
const units = (q: string) =>
  searcher.units(q).map((u) => [...u.alts.keys()].map((t) => (t.startsWith('~') ? `[${lexicon.labels[Number(t.slice(1))]}]` : t)).join('|'));

describe('normalization', () => {
  test.each([
    ['Relevé', 'releve'],
    ['TÉLÉCHARGER', 'telecharger'],
    ['Œuvre', 'oeuvre'],
    ['Ça', 'ca'],
    ['ﬁchier', 'fichier'],
  ])('fold(%j) = %j', (word, folded) => expect(fold(word)).toBe(folded));

  test.each([
    ['l’adresse', ['l', 'adresse']],
    ["j'ai oublié", ['j', 'ai', 'oublie']],
    ['mot-de-passe', ['mot', 'de', 'passe']],
    ['e-mail', ['e', 'mail']],
    ['MOT DE PASSE ?!', ['mot', 'de', 'passe']],
    ['relevé de notes (MCID)', ['releve', 'de', 'notes', 'mcid']],
    ['Windows 11', ['windows', '11']],
  ])('tokenize(%j) gives %j', (text, words) => expect(tokenize(text).map((t) => t.word)).toEqual(words));

  test('tokens keep their offsets in the original text', () => {
    const text = 'J’ai perdu mon mot-de-passe';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['J', 'ai', 'perdu', 'mon', 'mot', 'de', 'passe']);
  });

  test.each([
    [['certificat', 'certificats', 'certificate', 'certificates'], 'certificat'],
    [['telecharger', 'telechargement', 'telecharge'], 'telecharg'],
    [['profil', 'profils', 'profile', 'profiles'], 'profil'],
    [['fusionner', 'fusion'], 'fusion'],
  ])('stem(%j) = %j', (words, stemmed) => {
    for (const w of words) expect(stem(w)).toBe(stemmed);
  });

  test('certificat and certification stay apart', () => {
    expect(stem('certificat')).not.toBe(stem('certification'));
  });

  test.each([
    ['fusioner', 'fusionner', 1],
    ['certifcat', 'certificat', 1],
    ['passwrod', 'password', 1],
    ['pase', 'passe', 1],
    ['kitten', 'sitting', 3],
  ])('editDistance(%j, %j) = %d', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  test('editDistance stops past its bound', () => {
    expect(editDistance('abc', 'abcdef', 1)).toBe(2);
    expect(editDistance('kubernetes', 'entreprise', 2)).toBe(3);
  });
});

describe('stop words', () => {
  const analyzer = new Analyzer(lexicon, stem);
  test.each(['le', 'de', 'mon', 'comment', 'puis', 'je', 'l', 'qu', 'the', 'how', 'my', 'bonjour', 'svp'])('%j is a stop word', (w) =>
    expect(analyzer.isStop(w)).toBe(true),
  );
  test.each(['mot', 'passe', 'compte', 'nom', 'aide', 'profil', 'pas', 'deux', 'ou'.replace('ou', 'nouveau')])('%j is not', (w) =>
    expect(analyzer.isStop(w)).toBe(false),
  );
  test('function words do not drown a natural question', () => {
    expect(units('Comment est-ce que je peux faire pour changer mon mot de passe ?')).toEqual(units('changer mot de passe'));
  });
});

describe('glossary', () => {
  test.each([
    ['mot de passe', ['[mot de passe]']],
    ['mdp', ['[mot de passe]|mdp']],
    ['password', ['[mot de passe]|password']],
    ['MOT-DE-PASSE', ['[mot de passe]']],
    ['mot passe', ['[mot de passe]']],
    ['transcript', ['[relevé de notes]|transcript']],
    ['sign in', ['[se connecter]']],
    ['e-mail', ['[adresse électronique]']],
    ['courriel', ['[adresse électronique]|courriel']],
    ['historique d’examens', ['[relevé de notes]']],
    ['merge profiles', ['[fusionner]|merg', '[profil]|profil']],
    ['nom d’utilisateur', ['[nom d\'utilisateur]']],
    ['identifiant', ['[informations d\'identification]|[numéro d\'identification]|identifi']],
    ['not', ['[impossible]|not']],
    ['notes', ['not']],
  ])('%j → %j', (query, expected) => expect(units(query)).toEqual(expected));

  test('notions of form weigh half', () => {
    const [whatIs] = searcher.units("qu'est-ce que");
    const [password] = searcher.units('mot de passe');
    expect(whatIs!.strong).toBe(false);
    expect(password!.strong).toBe(true);
  });

  test('an empty expression is an error that names the line', () => {
    expect(() => compileLexicon('# x\nmot | | autre\n', '', stem, 'g.txt')).toThrow(FaqError);
    expect(() => compileLexicon('# x\nmot | | autre\n', '', stem, 'g.txt')).toThrow(/^g\.txt:2: expression vide/);
  });

  test('the same expression in two lines belongs to both notions', () => {
    const lex = compileLexicon('a | b\nb | c\n', '', stem);
    expect(lex.concepts[lex.phrases.indexOf('b')]).toBe('0,1');
  });
});

describe('typos', () => {
  test.each([
    ['fusioner profils', 'a4'],
    ['mot de pase', 'a7'],
    ['certifcat', 'b1'],
    ['passwrod', 'a7'],
    ['asistance', 'd1'],
  ])('%j finds %s', (q, id) => expect(ids(q)[0]).toBe(id));

  test.each([
    ['sert', 'cert', 'a four-letter word is not "corrected" into another by a replaced letter'],
    ['linkedin', 'linked', 'two edits only from nine letters on'],
  ])('%j is not corrected to %j: %s', (q, wrong) => {
    expect(searcher.units(q).flatMap((u) => [...u.alts.keys()])).not.toContain(stem(wrong));
    expect(searcher.units(q).flatMap((u) => [...u.alts.keys()])).toContain(stem(q));
  });
});

describe('ranking and cut-off', () => {
  test('questions rank above answers', () => {
    // "mot de passe" is in a7's question and in a1's and a5's answers.
    const results = search('mot de passe');
    expect(results.map((r) => r.id)).toEqual(['a7', 'a1', 'a5']);
    expect(results[0]!.score).toBeGreaterThan(results[1]!.score);
  });

  test('entries that match more of the query rank first', () => {
    expect(ids('changer adresse email')[0]).toBe('a6');
    expect(ids('adresse email')).toContain('a7');
  });

  test.each([
    ['recette de crêpes'],
    ['kubernetes'],
    ['météo demain'],
    ['qwertyuiop'],
    ['prix de l’examen'],
    ['installer windows 11'],
    ['le la les de'],
    ['???'],
  ])('%j: no result', (q) => expect(search(q)).toEqual([]));

  test('a query word the FAQ does not know counts against the match…', () => {
    const full = search('fusionner profils')[0]!;
    const partial = search('fusionner profils xylophone')[0]!;
    expect(partial.coverage).toBeLessThan(full.coverage);
  });

  test('…unless the entry’s question answers a distinctive part of the query', () => {
    expect(ids('page de connexion')[0]).toBe('a5');
    expect(ids('prix de l’examen')).toEqual([]); // exams are only mentioned in answers
  });

  test('scores are in [0, 1], best first, and ids are the FAQ’s', () => {
    const known = new Set(faq.entries.map((e) => e.id));
    for (const q of ['profil', 'certification microsoft', 'mdp', 'télécharger']) {
      const results = search(q, { limit: 20 });
      for (const r of results) {
        expect(known.has(r.id)).toBe(true);
        expect(r.score).toBeGreaterThan(0);
        expect(r.score).toBeLessThanOrEqual(1);
      }
      expect(results.map((r) => r.score)).toEqual(results.map((r) => r.score).sort((a, b) => b - a));
    }
  });

  test('limit', () => {
    expect(ids('profil', 2)).toHaveLength(2);
    expect(ids('profil', 0)).toEqual([]);
  });

  test('a huge query is cut, not choked on', () => {
    const t = performance.now();
    expect(() => search('mot de passe '.repeat(10_000))).not.toThrow();
    expect(ids(`mot de passe ${'x'.repeat(100_000)}`)[0]).toBe('a7');
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe('fuzzy.ts loads only for words the index does not know', () => {
  test('known words: no fuzzy.ts needed', async () => {
    const lean = new Searcher(index, faq);
    expect(lean.searchNow('mot de passe')[0]?.id).toBe('a7');
    expect(() => lean.searchNow('fusioner')).toThrow(/fuzzy\.js is needed/);
  });

  test('search() loads it when a word is new', async () => {
    const lean = new Searcher(index, faq);
    expect((await lean.search('fusioner')).results[0]?.id).toBe('a4');
    expect(lean.searchNow('certifcat')[0]?.id).toBe('b1'); // loaded now
  });
});

describe('prefix search (the interactive finder)', () => {
  test.each([
    ['mot de pa', 'a7'],
    ['relev', 'a9'],
    ['fusio', 'a4'],
    ['télécharg', 'b1'],
  ])('%j → %s', (q, id) => expect(search(q, { prefix: true })[0]?.id).toBe(id));

  test('a finished word is not a prefix', () => {
    expect(search('relev ', { prefix: true })).toEqual(search('relev'));
  });
});

describe('snippets', () => {
  test('mark the matched words of the answer', () => {
    const [b1] = search('télécharger certificats');
    const marked = b1!.snippet.marks.map(([s, e]) => b1!.snippet.text.slice(s, e));
    expect(marked.map(fold)).toEqual(expect.arrayContaining(['certificats', 'telecharger']));
    expect(b1!.snippet.text.length).toBeLessThan(180);
  });

  test('mark every word of a matched expression', () => {
    const [a1] = search('mot de passe').filter((r) => r.id === 'a1');
    const marked = a1!.snippet.marks.map(([s, e]) => a1!.snippet.text.slice(s, e));
    expect(marked).toEqual(['mot', 'de', 'passe']);
  });

  test('markdownToPlain keeps link texts and drops URLs, images and markup', () => {
    expect(markdownToPlain('1. Un [lien](https://x.y) **gras**<br/>\n![img](i.png) `code`')).toBe('1. Un lien gras code');
  });
});

describe('quality on the shared dev set (bench/queries-dev.jsonl)', () => {
  const queries = readQueries(`${root}/bench/queries-dev.jsonl`) as Query[];
  const result = evaluate(queries, (q: string) => ids(q)) as Evaluation;

  test(`top-1 ≥ 95 %, MRR@5 ≥ 0.97, every out-of-domain query rejected (${summary(result)})`, () => {
    const misses = result.misses.join('\n');
    expect(queries.length).toBeGreaterThanOrEqual(45);
    expect(result.top1, misses).toBeGreaterThanOrEqual(0.95);
    expect(result.mrr, misses).toBeGreaterThanOrEqual(0.97);
    expect(result.oodRejected, misses).toBe(result.ood);
  });
});

describe('every bench query', () => {
  const queries = ['dev', 'extra', 'holdout', 'holdout2', 'holdout3'].flatMap((set) => readQueries(`${root}/bench/queries-${set}.jsonl`) as Query[]);

  test('gets the same answer whether fuzzy.ts is given or loaded on demand', async () => {
    const lean = new Searcher(index, faq);
    for (const { q } of queries) expect((await lean.search(q)).results.map((r) => r.id), q).toEqual(ids(q));
  });
});
