// The search pipeline's stages (src/search/*.ts), each alone, on small inputs.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FaqError } from '../src/errors.js';
import { parseFaq } from '../src/faq.js';
import { commonWordStarting, frequencyClass, stem, weightClass } from '../src/fuzzy.js';
import { Analyzer, compileLexicon, kindOf } from '../src/glossary.js';
import { cleanQuery, QUERY_CHARS_READ } from '../src/search/clean.js';
import { correctWords, KnownWords, readOu, type WordSense } from '../src/search/correct.js';
import { answerKey, buildIndex, indexData, PackedIndex, type SearchIndex } from '../src/search/indexing.js';
import { cutOff, isAnswer, scoreEntries, type Signals } from '../src/search/score.js';
import { answerWords, markdownToPlain, snippet, type AnswerWords } from '../src/search/snippet.js';
import { queryUnits, weighUnits, type Unit } from '../src/search/units.js';
import { tokenize } from '../src/text.js';
import { faq as bundledFaq, read } from './helpers.js';

// A small lexicon and FAQ, as the data files write them.
const GLOSSARY = `
mot de passe | mdp | password
perdu | lost | oublié
(générique) modifier | change | changer
adresse électronique | email | e-mail
fusionner | merge | link … accounts | combine
(faible) impossible | can't | unable
(contexte) examen | exam
carrière | recruiter
(contexte) send … recruiter
(remplissage) lose … email
`;
const STOPWORDS = 'le la les de du des mon ma mes je j ai à a my the to i can t how do and for';
const OFFTOPIC = 'planifier | schedule | reschedule\nsandbox | bac à sable | sandbox … mdp\n(ailleurs) xbox | gamertag';
const lexicon = compileLexicon(GLOSSARY, STOPWORDS, stem, 'g.txt', OFFTOPIC);
const FAQ = parseFaq(`## Compte
**Q: J'ai perdu mon mot de passe**<a name="p1"></a>
**R:** Contactez l'assistance pour retrouver votre mot de passe.

**Q: Comment modifier mon adresse électronique ?**<a name="p2"></a>
**R:** Ouvrez votre profil et changez l'adresse.

**Q: Comment fusionner deux comptes ?**<a name="p3"></a>
**R:** Écrivez à l'assistance avec les deux adresses électroniques.

## Examens
**Q: Où voir le résultat de mon examen ?**<a name="p4"></a>
**R:** Sur votre tableau de bord.
`);
const index = buildIndex(FAQ, lexicon, stem, frequencyClass);
const analyzer = new Analyzer(lexicon, (w) => index.stem(w) ?? stem(w));
const sense: WordSense = {
  isKnown: (w) => index.stem(w) !== undefined,
  isStop: (w) => analyzer.isStop(w),
  knownWords: () => new KnownWords(index.words()),
  frequencyClass,
  commonWordStarting,
};
const words = (q: string, prefix = false) => correctWords(tokenize(q), sense, prefix ? { at: q.length } : undefined);
const label = (t: string) => (t.startsWith('~') ? `[${lexicon.labels[Number(t.slice(1))]}]` : t);
/** A query's units, weighed against an index (the bundled FAQ's by default). */
const weighed = (q: string, idx: SearchIndex = index, classOf = (w: string) => index.frequencyClass(w) || frequencyClass(w)) => {
  const ws = words(q);
  const us = queryUnits(ws, analyzer);
  weighUnits(
    us,
    idx,
    classOf,
    ws.map((w) => w.word),
  );
  return us;
};
/** A query's units, readable: kind, then its notions by label in brackets and its stems. */
const units = (q: string): string[] => {
  const us = weighed(q);
  return us.map((u) => `${u.kind} ${[...u.alts.keys()].map(label).join('|')}`);
};

describe('1. clean', () => {
  test.each([
    ['mot de passe', 'mot de passe'],
    ['mot\u0007de\tpasse', 'mot de\tpasse'],
    ['mot de \u001b[31mpasse\u001b[0m', 'mot de passe'],
    ['\u001b]0;titre\u0007mdp', 'mdp'],
  ])('cleanQuery(%j) = %j', (raw, clean) => expect(cleanQuery(raw)).toBe(clean));

  test('a long query is cut at QUERY_CHARS_READ', () => expect(cleanQuery('a '.repeat(10_000))).toHaveLength(QUERY_CHARS_READ));
});

describe('3. correct', () => {
  const known = new KnownWords(
    ['fusionner', 'passe', 'profil', 'change', 'email', 'mdp', 'perdu', 'certification', 'certificat', 'cert', 'linked'].sort(),
  );
  const isStop = (w: string) => ['de', 'mon', 'if', 'ca', 'tes'].includes(w);

  test.each([
    ['fusioner', 'fusionner'],
    ['pase', 'passe'],
    ['profl', 'profil'],
    ['emial', 'email'],
    ['certificta', 'certificat'],
    ['sert', undefined], // four letters: only a missing letter is corrected
    ['linkedin', undefined], // two edits only from nine letters on
    ['kubernetes', undefined],
  ])('nearest(%j) = %j', (word, near) => expect(known.nearest(word)?.word).toBe(near));

  test.each([
    ['changeemail', ['change', 'email']],
    ['mdpperdu', ['mdp', 'perdu']],
    ['motdepasse', undefined], // "mot" is not known here
    ['passedeprofil', ['passe', 'de', 'profil']],
    ['certif', undefined], // not "cert" + "if": a part has three letters, or is a stop word inside
    ['profilcates', undefined], // not "profil" + "ca" + "tes": one stop word at most (« certifcates » is a typo)
    ['profil', undefined],
  ])('split(%j) = %j', (word, parts) => expect(known.split(word, isStop)).toEqual(parts));

  test.each([
    ['cert', ['cert', 'certificat', 'certification']],
    ['pr', ['profil']],
    ['zz', []],
  ])('completions(%j) = %j', (prefix, completions) => expect(known.completions(prefix)).toEqual(completions));

  test.each([
    ['mot de pase', 'mot de passe(0.85)'],
    ['changeemail', 'change(0.90) email(0.90)'],
    ['issued', 'issued'], // a common English word is not a typo
    ['fusioner', 'fusionner(0.93)'],
    ['modifier mon e', 'modifier mon e'],
    ['mdp oubl', 'mdp [oublie](0.90)'], // a last word cut short stands for the known words it starts…
    ['reschedule my meth', 'reschedule my methods(0.90)'], // …or for the most common word it starts
    ['mot de pa', 'mot de par(0.90)'],
    ['the exam was cancel', 'the exam was cancel'], // common words stay
    ['jarrive pas', 'j(0.90) arrive(0.90) pas'], // j' without its apostrophe, as in text messages
    ['lasistanse', 'l(0.90) assistance(0.90)'], // …before a mistyped known word (« jaccede » is j' + « accède »)
    ['jperdu mon mdp', 'perdu(0.90) mon mdp'], // …unless it reads as a typo of a known word
    ['mdp iperdu', 'mdp perdu(0.90)'], // "i" is never elided: a typo
    ['mdp pperdu', 'mdp perdu(0.90)'], // nor "p"
  ])('correctWords(%j) = %j', (q, out) =>
    expect(
      words(q)
        .map((w) => (w.completions ? `[${w.completions.join('|')}]` : w.word) + (w.quality < 1 ? `(${w.quality.toFixed(2)})` : ''))
        .join(' '),
    ).toBe(out),
  );

  test.each([
    ['ou est mon profil', 'ou est mon profil'], // first: where
    ["c'est ou le tableau de bord", 'c est ou le tableau de bord'], // after "est": where
    ['il est ou', 'il est ou'], // last: where
    ['je sais pas ou est mon mcid', 'je sais pas ou est mon mcid'], // after "sais": where
    ['le pdf est vide ou corrompu', 'le pdf est vide or corrompu'], // between two words: or
    ['AZ-900 OU AZ-104', 'az 900 or az 104'],
    ['AZ-900 où AZ-104', 'az 900 ou az 104'], // typed with its accent: where, always
  ])('readOu(%j) = %j', (q, out) =>
    expect(
      readOu(tokenize(q), q)
        .map((t) => t.word)
        .join(' '),
    ).toBe(out),
  );

  test('prefix search: the unfinished last word stands for the known words it starts', () => {
    const [, , last] = words('mot de pa', true);
    expect(last!.completions).toContain('passe');
    expect(words('mot de pa ', true).at(-1)!.completions).toBeUndefined(); // a space after it: finished
  });
});

describe('4. units', () => {
  test.each([
    ['mot de passe', ['topic [mot de passe]']],
    ['mdp perdu', ['topic [mot de passe]|mdp', 'topic [perdu]|perdu']],
    ['change email', ['generic [modifier]|chang', 'topic [adresse électronique]|email']],
    ["can't change", ['form [impossible]', 'generic [modifier]|chang']],
    ['reschedule exam', ['offtopic [planifier]|reschedul', 'context [examen]|exam']],
    ['link my two accounts', ['topic [fusionner]', 'topic two', 'topic account']], // the gap's words count too
    ['send my email to a recruiter', ['context [send … recruiter]', 'topic [adresse électronique]|email']], // its end is context too
    ['a recruiter', ['topic [carrière]|recruit']],
    ['sandbox wants my mdp', ['offtopic [sandbox]', 'topic want']], // and of an off-topic notion, off-topic: the sandbox's mdp
    ['mdp mdp password', ['topic [mot de passe]|mdp']], // a unit says something once
    ['lose my email', ['filler [lose … email]', 'topic [adresse électronique]|email']], // "lose" says nothing here; the email stays
  ])('%j → %j', (q, expected) => expect(units(q)).toEqual(expected));

  test.each([
    ['change my xbox email', ['xbox']], // another product's account: its email
    ['reschedule exam', []], // off-topic, but no other product's
    ['xbox password', ['xbox']], // its password is off-topic too (see below), Xbox is the other product
  ])('%j: off-topic units of another product or organisation: %j', (q, words) => {
    expect(weighed(q).flatMap((u) => (u.elsewhere ? u.words : []))).toEqual(words);
  });

  test('filler weighs nothing, and finds nothing', () => {
    const us = weighed('lose my email');
    expect(us.map((u) => [u.kind, u.weight > 0])).toEqual([
      ['filler', false],
      ['topic', true],
    ]);
    const [email] = scoreEntries(us, index).filter((s) => s.entry === 1);
    expect(email?.coverage).toBeCloseTo(1);
  });

  test('weights: rare in the FAQ > common in general; off-topic the most; context and form light', () => {
    const us = weighed('mdp and page and schedule and exam and unable and kubernetes');
    const w = Object.fromEntries(us.map((u) => [u.words.join(' '), u.weight])) as Record<string, number>;
    expect(w.schedule).toBeGreaterThan(w.mdp!);
    expect(w.kubernetes).toBeGreaterThan(w.page!);
    expect(w.mdp).toBeGreaterThan(w.exam!);
    expect(w.mdp).toBeGreaterThan(w.unable!);
    expect(w.page).toBeLessThan(0.5);
  });

  test.each([
    ['qzac', false, true], // 4 letters: a cut word, no rarer than the commonest word it may stand for
    ['qza', false, false], // under 4: as often a word of its own (« cli », « fac »), as rare as it is
    ['qzac', true, false], // the commonest word it may stand for is off-topic: it keeps its veto
  ])('a last word %j that may stand for « account » (off-topic: %s) weighs as it: %s', (fragment, offtopic, asCompletion) => {
    const unit = (said: string, completions?: Unit['completions']): Unit => ({
      alts: new Map([[fragment, 0.9]]), // in no question nor answer: its weight is its rarity in general
      kind: 'topic',
      words: [said],
      at: [0, 1],
      weight: 0,
      said: 1,
      ...(completions ? { completions } : {}),
    });
    const cut = unit(fragment, [
      { word: 'account', offtopic },
      { word: 'accommodationz', offtopic: false }, // rarer: not what the cut word weighs as
    ]);
    const word = unit('account');
    weighUnits([cut], index, frequencyClass, [fragment]);
    weighUnits([word], index, frequencyClass, ['account']);
    expect(word.weight).toBeLessThan(0.5);
    expect(cut.weight === word.weight).toBe(asCompletion);
  });

  test.each([
    ['merge and combine', 'merge', true], // said in two ways: weighs more
    ['merge and merge', 'merge', false], // the same word again: not
  ])('%j weighs more than %j: %s', (twice, once, more) => {
    const weight = (q: string) => weighed(q)[0]!.weight;
    expect(weight(twice) > weight(once)).toBe(more);
  });

  test.each([
    ['sandbox password', ['offtopic', 'offtopic']], // the password is the sandbox's
    ['password for my sandbox', ['topic', 'offtopic']],
    ['password of my sandbox', ['offtopic', 'topic', 'offtopic']], // "of my": the sandbox's ("of" stays a word here)
    ['mot de passe de ma sandbox', ['offtopic', 'offtopic']],
    ['mot de passe sandbox', ['offtopic', 'offtopic']],
    ['mot de passe de mon compte sandbox', ['offtopic', 'context', 'offtopic']], // "de mon compte": the sandbox's account
  ])('a topic right next to an off-topic notion is part of it: %j', (q, kinds) => {
    const us = weighed(q);
    expect(us.map((u) => u.kind)).toEqual(kinds);
  });

  test('an off-topic notion the FAQ talks about is a topic for it', () => {
    const faq = parseFaq(
      ['Comment planifier un examen ?', 'Où est mon profil ?', 'Que faire ?']
        .map((q, i) => `**Q: ${q}**<a name="x${i}"></a>\n**R:** Ainsi.`)
        .join('\n'),
    );
    const own = buildIndex(faq, lexicon, stem, frequencyClass);
    const us = weighed('schedule', own, frequencyClass);
    expect(us[0]!.kind).toBe('topic');
  });
});

describe('5–6. score and cut-off', () => {
  const signals = (q: string) => {
    const us = weighed(q);
    return { units: us, signals: scoreEntries(us, index) };
  };
  const answers = (q: string) => {
    const { units: us, signals: s } = signals(q);
    const { results, guesses } = cutOff(s, us, index);
    return { results: results.map((r) => index.ids[r.entry]), guesses: guesses.map((r) => index.ids[r.entry]) };
  };

  test.each([
    ['mot de passe perdu', ['p1'], []],
    ['change email', ['p2'], []],
    ['merge', ['p3'], []],
    ['mdp', ['p1'], []],
    ['change', [], ['p2']], // an action alone: no answer, a guess at most (issue 9, pattern 4)
    ['change laptop battery', [], []], // an action whose object the FAQ does not know
    ['reschedule exam', [], []], // off-topic: no guesses either
    ['mdp kubernetes helm chart', [], ['p1']], // a guess: close, not sure
  ])('%j → results %j, guesses %j', (q, results, guesses) => expect(answers(q)).toEqual({ results, guesses }));

  test('score reaches 1 when every unit is in the question, and stays in [0, 1]', () => {
    const p1 = signals('mot de passe perdu').signals.find((s) => index.ids[s.entry] === 'p1')!;
    expect(p1.score).toBeCloseTo(1, 10);
    for (const q of ['mdp', 'email adresse', 'exam', 'change email merge']) {
      for (const s of signals(q).signals) expect(s.score >= 0 && s.score <= 1 + 1e-9 && s.coverage <= 1 + 1e-9).toBe(true);
    }
  });

  const sig = (o: Partial<Signals>): Signals => ({
    entry: 0,
    score: 0.5,
    coverage: 0.6,
    questionCoverage: 0.5,
    depth: 0,
    topical: true,
    complete: false,
    ...o,
  });
  test.each([
    [sig({}), true, true],
    [sig({ coverage: 0.4 }), true, false], // too little of the query
    [sig({ questionCoverage: 0.2 }), true, false], // only in its answer
    [sig({ questionCoverage: 0, complete: true }), true, true], // …but all of the query is there
    [sig({ topical: false }), true, false], // only an action or the context
    [sig({ topical: false }), false, true], // …the query has no topic either
  ])('isAnswer(%j, hasTopics %j) = %j', (s, hasTopics, answer) => expect(isAnswer(s, hasTopics)).toBe(answer));

  // A long message: no entry covers half of it; its leading guess is its answer.
  const unit = (kind: Unit['kind'] = 'topic'): Unit => ({ alts: new Map(), kind, words: ['w'], at: [0, 1], weight: 2, said: 1 });
  const units = (n: number, ...more: Unit[]) => [...Array.from({ length: n }, () => unit()), ...more];
  const filler = (): Unit => ({ ...unit(), weight: 0.04 }); // "az", "104": says nothing
  const guess = (entry: number, score: number, coverage = score) => sig({ entry, score, coverage, questionCoverage: 0.2 });
  test.each([
    ['long, far ahead', units(6), [guess(0, 0.45), guess(1, 0.3)], [0], []],
    ['short', units(5), [guess(0, 0.45), guess(1, 0.3)], [], [0, 1]],
    ['long, close behind', units(6), [guess(0, 0.45), guess(1, 0.42)], [], [0, 1]],
    ['long, a tenth ahead', units(6), [guess(0, 0.45), guess(1, 0.4)], [0], []],
    ['long, too little of it', units(6), [guess(0, 0.34), guess(1, 0.1)], [], [0]],
    ['long, alone', units(8), [guess(3, 0.4)], [3], []],
    ['long, off-topic', units(6, unit('offtopic')), [guess(0, 0.45), guess(1, 0.1)], [], []],
    [
      'long only by its filler ("AZ-104 SC-900")',
      units(2, filler(), filler(), filler(), filler()),
      [guess(0, 0.45), guess(1, 0.1)],
      [],
      [0],
    ],
    ['of a generic word and filler', [unit('generic'), filler(), filler(), filler()], [sig({ entry: 0 })], [], [0]],
    ['long, tied with the entry of the same answer', units(6), [guess(0, 0.45), guess(2, 0.45), guess(1, 0.3)], [0], []],
    ['long, tied with another answer', units(6), [guess(0, 0.45), guess(1, 0.45)], [], [0, 1]],
    ['short, nearly all of it', units(3), [{ ...guess(0, 0.45, 0.85), questionCoverage: 0.3 }, guess(1, 0.3)], [0], []],
    ['short, nearly all of it, close behind', units(3), [{ ...guess(0, 0.45, 0.85), questionCoverage: 0.3 }, guess(1, 0.42)], [], [0, 1]],
    ['short, nearly all of it, but in its answer', units(3), [guess(0, 0.45, 0.85), guess(1, 0.3)], [], [0, 1]],
  ])('cut-off of a %s message', (_, us, s, results, guesses) => {
    // Entries 0 and 2 have the same answer.
    const outcome = cutOff(s, us, { questionLengths: [10, 10, 10, 10], sameAnswer: [0, 1, 0, 3] });
    expect({ results: outcome.results.map((r) => r.entry), guesses: outcome.guesses.map((r) => r.entry) }).toEqual({ results, guesses });
  });

  test.each([
    ['an off-topic unit', unit('offtopic'), [0]], // "reschedule my exam, and change my name": enough of it is the FAQ's
    ['one of another product', { ...unit('offtopic'), elsewhere: true as const }, []], // "AWS account: change my email": AWS's email
  ])('an answer covering 55 %% of a query with %s', (_, off, results) => {
    const outcome = cutOff([sig({ coverage: 0.55, score: 0.55 })], [unit(), off], { questionLengths: [10], sameAnswer: [0] });
    expect(outcome.results.map((r) => r.entry)).toEqual(results);
  });
});

describe('7. snippets', () => {
  test.each([
    ['1. Un [lien](https://x.y) **gras**<br/>\n![img](i.png) `code`', '1. Un lien gras code'],
    ['Tapez `<br/>` pour aller à la ligne.', 'Tapez <br/> pour aller à la ligne.'],
    ['`` a ` b `` et <b>c</b>', 'a ` b et c'],
    ['> cité\n- point', 'cité • point'],
  ])('markdownToPlain(%j) = %j', (md, plain) => expect(markdownToPlain(md)).toBe(plain));

  test('the window with the most matches, its words marked', () => {
    const text = `${'Autre chose. '.repeat(20)}Pour retrouver votre mot de passe, contactez-nous.`;
    const terms = new Set<string>();
    analyzer.indexTerms(analyzer.terms('mot de passe'), (t) => terms.add(t));
    const s = snippet(answerWords(text, analyzer), terms);
    expect(s.text.startsWith('… Pour retrouver')).toBe(true);
    expect(s.marks.map(([a, b]) => s.text.slice(a, b))).toEqual(['mot', 'de', 'passe']);
  });

  // snippet() as it was written with callbacks, before its index loops (faster in V8's
  // interpreter): the same snippet for every answer, whatever terms match.
  const reference = (answer: AnswerWords, terms: Set<string>, size = 160) => {
    const { text, offsets, stems } = answer;
    const start = (i: number) => offsets[2 * i]!;
    const end = (i: number) => offsets[2 * i + 1]!;
    const hit = stems.map((stem) => stem !== '' && terms.has(stem));
    for (const [first, past, concepts] of answer.phrases) {
      if (concepts.some((c) => terms.has(c))) for (let k = first; k < past; k++) hit[k] = true;
    }
    let from = 0;
    let most = 0;
    hit.forEach((isHit, i) => {
      if (!isHit) return;
      let hits = 0;
      for (let k = i; k < hit.length && end(k) - start(i) <= size; k++) if (hit[k]) hits++;
      if (hits > most) [from, most] = [start(i), hits];
    });
    const sentence = Math.max(...['. ', '? ', '! ', ': '].map((p) => text.lastIndexOf(p, from)));
    if (from <= 40) from = 0;
    else if (sentence >= 0 && from - sentence <= 40) from = sentence + 2;
    let to = Math.min(text.length, from + size);
    if (to < text.length) to = Math.max(text.lastIndexOf(' ', to), from + 1);
    const lead = from > 0 ? '… ' : '';
    const marks: [number, number][] = [];
    hit.forEach((isHit, i) => {
      if (isHit && start(i) >= from && end(i) <= to) marks.push([start(i) - from + lead.length, end(i) - from + lead.length]);
    });
    return { text: lead + text.slice(from, to).trimEnd() + (to < text.length ? ' …' : ''), marks };
  };
  test.each(bundledFaq.entries.map((e) => [e.id, answerWords(markdownToPlain(e.answer), analyzer)] as const))(
    'the snippets of %s are those of the reference',
    (_, words) => {
      const vocabulary = [...new Set([...words.stems.filter(Boolean), ...words.phrases.flatMap((p) => p[2])])];
      fc.assert(
        fc.property(fc.subarray(vocabulary), fc.integer({ min: 1, max: 400 }), (chosen, size) => {
          const terms = new Set(chosen);
          expect(snippet(words, terms, size)).toEqual(reference(words, terms, size));
        }),
        { numRuns: 200 },
      );
    },
  );
});

describe('the lexicon', () => {
  test('kinds from the marks, off-topic from its own list', () => {
    const labels = ['mot de passe', 'modifier', 'impossible', 'examen', 'lose … email', 'planifier', 'xbox'];
    const kinds = labels.map((l) => kindOf(lexicon, lexicon.labels.indexOf(l)));
    expect(kinds).toEqual(['topic', 'generic', 'form', 'context', 'filler', 'offtopic', 'elsewhere']);
  });

  test.each([
    ['# x\nmot | | autre\n', '', /^g\.txt:2: expression vide/],
    ['mot', 'a | … b', /^offtopic\.txt:1: expression vide/],
  ])('an empty expression is an error that names the line', (glossary, offtopic, message) => {
    expect(() => compileLexicon(glossary, '', stem, 'g.txt', offtopic)).toThrow(FaqError);
    expect(() => compileLexicon(glossary, '', stem, 'g.txt', offtopic)).toThrow(message);
  });

  test('the same expression in two lines belongs to both notions', () => {
    const lex = compileLexicon('a | b\nb | c\n', '', stem);
    expect(lex.concepts.split('\n')[lex.phrases.split('\n').indexOf('b')]).toBe('0,1');
  });

  test.each([
    ['link my accounts', 0, 3],
    ['link my work and school accounts', 0, 6], // stop words do not count in the gap
    ['link one two three accounts', 0, -1], // three words: too far
    ['accounts link', 0, -1],
  ])('gap: %j at %d ends at %d', (text, at, end) => {
    const terms = analyzer.terms(text);
    const merge = analyzer.phrasesAt(terms, at).find((m) => m.gapped);
    expect(merge?.end ?? -1).toBe(end);
  });

  test('no expression is both in the glossary and off-topic', () => {
    const real = compileLexicon(read('faq/glossary.txt'), read('faq/stopwords.txt'), stem, 'glossary.txt', read('faq/offtopic.txt'));
    const both = real.concepts.split('\n').filter((c) => {
      const kinds = new Set(c.split(',').map((n) => ['offtopic', 'elsewhere'].includes(kindOf(real, Number(n)))));
      return kinds.size > 1;
    });
    expect(both.map((c) => real.labels[Number(c.split(',')[0])])).toEqual([]);
  });
});

describe('the index', () => {
  const steps = '\n\n1. Ouvrez le tableau de bord.\n2. Connectez-vous.';
  test.each([
    [`Pour accéder à votre profil, suivez les étapes ci-dessous :${steps}`, steps.trim()], // a lead-in: the steps are the answer
    [`Oui, tant qu'elle n'est pas expédiée.${steps}`, `Oui, tant qu'elle n'est pas expédiée.${steps}`], // the first line is the answer
    ['Suivez ces étapes :\n\n1. Ouvrez le tableau de bord.', 'Suivez ces étapes :\n\n1. Ouvrez le tableau de bord.'], // one line after it: too little to tell
    ['Oui.', 'Oui.'],
  ])('answerKey(%j) = %j', (answer, key) => expect(answerKey(answer)).toBe(key));

  test('sameAnswer: the first entry with the same answer, lead-in aside', () => {
    const faq = parseFaq(`**Q: Accéder ?**<a name="x1"></a>
**R:** Pour accéder, suivez les étapes ci-dessous :${steps}

**Q: Se connecter ?**<a name="x2"></a>
**R:** Pour vous connecter, suivez les étapes ci-dessous :${steps}

**Q: Annuler ?**<a name="x3"></a>
**R:** Oui, tant qu'elle n'est pas expédiée.${steps}

**Q: Modifier ?**<a name="x4"></a>
**R:** Non, elle est partie.${steps}
`);
    expect(buildIndex(faq, lexicon, stem, frequencyClass).sameAnswer).toEqual([0, 0, 2, 3]);
  });

  test('postings: entry and fields', () => {
    const entries = (term: string) => index.postings(term).map((p) => `${index.ids[p >> 3]}:${p & 7}`);
    const terms: string[] = [];
    analyzer.indexTerms(analyzer.terms('mot de passe'), (t) => terms.push(t));
    const notion = terms.find((t) => t.startsWith('~'))!;
    expect(entries(notion)).toEqual(['p1:5']); // question + answer
    expect(entries(stem('examens'))).toEqual(['p4:3']); // question + category
    expect(entries('absent')).toEqual([]);
  });

  test('packed as the build embeds it, it answers as built', () => {
    const packed = new PackedIndex(JSON.stringify(indexData(index)));
    expect(packed.ids).toEqual(index.ids);
    expect(packed.questionLengths).toEqual(index.questionLengths);
    expect(packed.words()).toEqual(index.words());
    for (const word of [...index.words(), 'absent', '']) {
      expect(packed.stem(word)).toBe(index.stem(word));
      expect(packed.frequencyClass(word)).toBe(index.frequencyClass(word));
    }
    for (const term of [...index.terms(), 'absent', '~999']) expect(packed.postings(term)).toEqual(index.postings(term));
  });
});

describe('general word frequencies (fuzzy.ts)', () => {
  test.each([
    ['the', 1],
    ['password', 2],
    ['registering', 1], // as "register"
    ['kubernetes', 0],
    ['fusioner', 0],
  ])('frequencyClass(%j) = %d', (word, c) => expect(frequencyClass(word)).toBe(c));

  test.each([
    ['diffrent', 1], // a typo of a common word says as little as the word
    ['different', 1], // the word itself
    ['actualy', 2],
    ['kubernetes', 0], // rare, and a typo of nothing common
    ['credly', 0],
    ['abcd', 0], // too short to tell
  ])('weightClass(%j) = %d', (word, c) => expect(weightClass(word)).toBe(c));

  test.each([
    ['meth', 'methods'],
    ['fo', 'for'],
    ['qxz', undefined],
  ])('commonWordStarting(%j) = %j', (prefix, word) => expect(commonWordStarting(prefix)).toBe(word));
});
