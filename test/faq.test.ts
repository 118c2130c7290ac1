import { describe, expect, test } from 'vitest';
import { FaqError } from '../src/errors.js';
import { findEntry, nearestIds, parseFaq } from '../src/faq.js';
import { faq, fixture } from './helpers.js';

const NBSP = '\u00a0';
const THIN = '\u2009';

describe('the bundled FAQ', () => {
  test('has 13 entries in document order and 4 categories', () => {
    expect(faq.entries.map((e) => e.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'b1', 'b2', 'c1', 'd1']);
    expect(faq.categories).toEqual([
      'Microsoft Certification Profile',
      'Certificats',
      'À propos du programme de Certification Microsoft',
      'Contacter l’Assistance',
    ]);
    expect(faq.meta).toEqual({ title: 'Microsoft Certification Program FAQs', date: '2020-04-07' });
  });

  // The body's wording, exactly (the stray `]` of a1 dropped).
  test.each([
    ['a1', `Comment puis-je accéder à mon profil de Certification Microsoft${NBSP}?`],
    ['a2', `Où puis-je trouver le numéro d’identification de mon profil de Certification Microsoft (MCID)${NBSP}?`],
    ['a3', 'Comment puis-je annuler le lien à mon identifiant de Certification Microsoft?'],
    ['a4', `Comment puis-je fusionner deux profils de Certification Microsoft${NBSP}?`],
    ['a5', `Comment puis-je me connecter à mon profil de Certification Microsoft${NBSP}?`],
    ['a6', `Comment puis-je modifier l’adresse électronique associée à mon Profil de Certification Microsoft${THIN}?`],
    [
      'a7',
      'J’ai perdu les informations d’identification de mon profil de Certification Microsoft (nom d’utilisateur/adresse électronique/mot de passe). Que dois-je faire ?',
    ],
    ['a8', `Comment puis-je modifier mon nom sur mon profil de Certification Microsoft${NBSP}?`],
    ['a9', 'Comment puis-je accéder à mon relevé de note de Certification Microsoft?'],
    ['b1', `Comment puis-je trouver et télécharger mes certificats${NBSP}?`],
    ['b2', 'J’ai été incapable de télécharger mon certificat. Que dois-je faire ?'],
    ['c1', `Qu’est-ce que le programme de Certification Microsoft${THIN}?`],
    ['d1', `Comment puis-je contacter l’assistance à la Certification Microsoft${NBSP}?`],
  ])('%s asks %j', (id, question) => {
    expect(findEntry(faq, id)?.question).toBe(question);
  });

  test.each([
    ['A9', 'a9'],
    ['Ａ９', 'a9'],
    ['#a9', 'a9'],
    ['a1,', 'a1'],
    ['a9.', 'a9'],
    ['a9;', 'a9'],
    ['a9?!', 'a9'],
    ['#a9.', 'a9'],
    ['(#a9.)', 'a9'],
    ['a9a', undefined],
    ['a,9', undefined],
    ['##a9', undefined],
    ['(a9)', 'a9'],
    ['"a9"', 'a9'],
    ['« a9 »', 'a9'],
    ['[#a9],', 'a9'],
    ['(a9', undefined], // not enclosed
    ['(a9]', undefined], // not a pair
    ['()', undefined],
  ])('findEntry(%j) → %s', (id, found) => {
    expect(findEntry(faq, id)?.id).toBe(found);
  });

  test('categories come from the table of contents', () => {
    const byCategory = Object.fromEntries(faq.categories.map((c) => [c, faq.entries.filter((e) => e.category === c).map((e) => e.id)]));
    expect(byCategory).toEqual({
      'Microsoft Certification Profile': ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'],
      Certificats: ['b1', 'b2'],
      'À propos du programme de Certification Microsoft': ['c1'],
      'Contacter l’Assistance': ['d1'],
    });
  });

  test('keeps the table of contents wording where it differs (a3, a9, d1)', () => {
    expect(faq.entries.filter((e) => e.toc).map((e) => e.id)).toEqual(['a3', 'a9', 'd1']);
    expect(findEntry(faq, 'a9')?.toc).toBe(`Comment puis-je accéder à mon relevé de notes de la Certification Microsoft${NBSP}?`);
  });

  test.each(faq.entries.map((e) => [e.id, e] as const))('%s: answer without marker, anchors or trailing spacing', (_, entry) => {
    expect(entry.answer.length).toBeGreaterThan(50);
    expect(entry.answer).not.toMatch(/\*\*R\s*:/);
    expect(entry.answer).not.toMatch(/<a name/);
    expect(entry.answer).not.toMatch(/(<br\/>|\s)$/);
    expect(entry.answer).not.toMatch(/^\s/);
  });

  test('answers are the markdown of the source', () => {
    expect(findEntry(faq, 'a9')?.answer.split('\n')[0]).toBe(
      '1. Pour accéder à votre relevé de notes, connectez-vous à votre [tableau de bord de certification](https://aka.ms/certdashboard)',
    );
    expect(findEntry(faq, 'a6')?.answer).toContain('![MC ID Location Image](images/find-mc-id.png)<br/>\n3. Naviguez');
    expect(findEntry(faq, 'a6')?.answer.endsWith('![Save and Continue Image](images/save-and-continue.jpg)')).toBe(true);
  });

  test.each([
    ['A9', 'a9'],
    ['b2', 'b2'],
    [' d1', 'd1'],
    ['a10', undefined],
  ])('findEntry(%j) → %j (ids ignore case)', (id, expected) => {
    expect(findEntry(faq, id)?.id).toBe(expected);
  });

  test.each([
    ['a10', ['a1']],
    ['z9', ['a9']],
    ['b3', ['b1', 'b2', 'a3']],
    ['zzzz', []],
  ])('nearestIds(%j) → %j', (id, expected) => {
    expect(nearestIds(faq, id)).toEqual(expected);
  });
});

describe('quirks of the format', () => {
  const small = parseFaq(fixture('quirks.md'), 'quirks.md');

  test('reads `**Q:` and `**Q :`, `**R:**` and `**R :**`, and drops a stray `]`', () => {
    expect(small.entries.map((e) => [e.id, e.question])).toEqual([
      ['x1', `Comment ouvrir mon compte${NBSP}?`],
      ['x2', `Comment fermer mon compte${NBSP}?`],
      ['y1', 'Question libre'],
      ['z1', 'Hors sommaire'],
    ]);
    expect(small.entries[1]!.answer).toBe('1. Premier pas\n2. Second pas');
  });

  test('TOC headings name the categories; an entry outside the TOC takes its body heading', () => {
    expect(small.categories).toEqual(['Compte', 'Divers', 'Autre section']);
    expect(small.entries.map((e) => e.category)).toEqual(['Compte', 'Compte', 'Divers', 'Autre section']);
  });

  test('keeps the TOC wording when it differs from the body', () => {
    expect(small.entries[1]!.toc).toBe(`Comment fermer le compte${NBSP}?`);
    expect(small.entries[0]!.toc).toBeUndefined();
  });

  test('trims `<br/>` spacing around answers but keeps the inner ones', () => {
    expect(small.entries[0]!.answer).toBe('Ouvrez-le **ici**.<br/><br/>\n![Capture](images/x.png)');
  });

  test('reads title (without "| Microsoft Docs") and date from the front matter', () => {
    expect(small.meta).toEqual({ title: 'Petite FAQ', date: '2021-11-02' });
  });

  test('without front matter, the first heading is the title', () => {
    expect(parseFaq('# Titre\n\n**Q: q**<a name="a"></a>\n\n**R:** r\n').meta.title).toBe('Titre');
  });

  test('accepts CRLF line endings and a byte order mark', () => {
    const crlf = `\ufeff${fixture('quirks.md')}`.replace(/\n/g, '\r\n');
    expect(parseFaq(crlf).entries.map((e) => e.answer)).toEqual(small.entries.map((e) => e.answer));
  });

  const answerOf = (body: string) => parseFaq(`## Section\n\n**Q: q**<a name="a"></a>\n\n**R:** ${body}\n\n## Suite\n`).entries[0]!.answer;
  test.each([
    ['a deeper heading', 'Étapes :\n\n### Première étape\nOuvrez.', 'Étapes :\n\n### Première étape\nOuvrez.'],
    [
      'a `#` line in a ``` block',
      'Tapez :\n```sh\n# commentaire\n**Q: pas une question**\n```\nFin.',
      'Tapez :\n```sh\n# commentaire\n**Q: pas une question**\n```\nFin.',
    ],
    [
      'a `#` line in a ~~~ block, closed by a longer fence',
      'Voir :\n~~~\n## pas un titre\n~~~~\nFin.',
      'Voir :\n~~~\n## pas un titre\n~~~~\nFin.',
    ],
    ['a heading of the section level', 'Fin.\n## Autre\nhors réponse', 'Fin.'],
  ])('an answer keeps %s', (_, body, answer) => {
    expect(answerOf(body)).toBe(answer);
  });

  test('a code block left open ends at the next question', () => {
    const parsed = parseFaq(
      '**Q: q**<a name="a"></a>\n**R:** r\n```\nx\n**Q: p**<a name="b"></a>\n**R:** s\n## T\n**Q: o**<a name="c"></a>\n**R:** t\n',
    );
    expect(parsed.entries.map((e) => [e.id, e.category, e.answer])).toEqual([
      ['a', 'Questions', 'r\n```\nx'],
      ['b', 'Questions', 's'],
      ['c', 'T', 't'],
    ]);
  });

  test('without any section heading, a ### heading is still part of the answer', () => {
    const parsed = parseFaq('**Q: q**<a name="a"></a>\n**R:** r\n### Étapes\nx\n**Q: p**<a name="b"></a>\n**R:** s\n');
    expect(parsed.entries.map((e) => [e.id, e.answer])).toEqual([
      ['a', 'r\n### Étapes\nx'],
      ['b', 's'],
    ]);
  });

  test('a heading after a fenced block inside an answer still ends it when at section level', () => {
    const parsed = parseFaq('## S\n**Q: q**<a name="a"></a>\n**R:** r\n```\nx\n```\n## T\n**Q: p**<a name="b"></a>\n**R:** s\n');
    expect(parsed.entries.map((e) => [e.id, e.category, e.answer])).toEqual([
      ['a', 'S', 'r\n```\nx\n```'],
      ['b', 'T', 's'],
    ]);
  });

  test('removes escape sequences and control characters from the content', () => {
    const evil = parseFaq(fixture('escapes.md'));
    const text = evil.entries[0]!.question + evil.entries[0]!.answer;
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(evil.entries[0]!.question).toBe('Evil red question');
    expect(evil.entries[0]!.answer).toBe('Title change  and bell  and clear  here.');
  });
});

describe('validation', () => {
  test.each([
    ['no-entries.md', 'no-entries.md:1: aucune question trouvée'],
    ['duplicate-id.md', 'duplicate-id.md:5: identifiant « A1 » en double (déjà utilisé ligne 1)'],
    ['toc-dangling.md', 'toc-dangling.md:4: le sommaire renvoie à « #a2 », qui n’est l’ancre d’aucune question'],
    ['empty-answer.md', 'empty-answer.md:5: la question « a2 » n’a pas de réponse'],
    ['no-anchor.md', 'no-anchor.md:1: question sans ancre'],
  ])('%s: %s', (name, message) => {
    let error: unknown;
    try {
      parseFaq(fixture(name), name);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FaqError);
    expect((error as FaqError).kind).toBe('input');
    expect((error as FaqError).exitCode).toBe(2);
    expect((error as FaqError).message).toContain(message);
  });

  test('lists every problem, sorted by line', () => {
    const text = '## T\n### C\n1. [x](#nope)\n\n**Q: a**<a name="a"></a>\n\n**Q: b**<a name="a"></a>\n\n**R:** r\n';
    expect(() => parseFaq(text, 'f.md')).toThrow(
      /f\.md:3: le sommaire renvoie à « #nope »[^\n]*\n {2}f\.md:5: la question « a » n’a pas de réponse\n {2}f\.md:7: identifiant « a » en double/,
    );
  });
});
