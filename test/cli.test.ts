// The CLI run in-process (src/cli.ts with fake streams): commands, JSON shapes, exit
// codes, messages. The same behaviours are checked on the built binary in e2e.test.ts.
import { describe, expect, test } from 'vitest';
import { capArgs } from '../src/cli.js';
import { ESCAPE, faq, runCli, version } from './helpers.js';

describe('list', () => {
  test('categories in order, each with its entries', async () => {
    const r = await runCli(['list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Microsoft Certification Profile');
    expect(lines[1]).toBe(`  a1  ${faq.entries[0]!.question}`);
    expect(lines.filter((l) => /^ {2}[a-d]\d {2}/.test(l))).toHaveLength(13);
    expect(faq.categories.map((c) => lines.indexOf(c))).toEqual([0, 11, 15, 18]);
  });

  test('--json: [{ id, category, question }] in document order', async () => {
    const r = await runCli(['list', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as unknown[];
    expect(json).toEqual(faq.entries.map(({ id, category, question }) => ({ id, category, question })));
  });

  test('on a terminal: colors and questions wrapped under themselves', async () => {
    const r = await runCli(['list'], { tty: true, columns: 60 });
    expect(r.stdout).toMatch(ESCAPE);

    const plain = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    for (const line of plain.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(plain).toContain('\n  a7  J’ai perdu les informations d’identification de mon\n      profil de');
  });
});

describe('show', () => {
  test('renders the question, its id and category, and the answer', async () => {
    const r = await runCli(['show', 'a9']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^Comment puis-je accéder à mon relevé de note de Certification\s+Microsoft\?\na9 · Microsoft Certification Profile\n\n {2}1\. Pour accéder/,
    );
    expect(r.stdout).not.toMatch(ESCAPE);
  });

  test.each([['A9'], ['a9'], [' a9 ']])('ids ignore case and spaces: %j', async (id) => {
    expect((await runCli(['show', id])).stdout).toContain('a9 · ');
  });

  test('several ids', async () => {
    const r = await runCli(['show', 'a1', 'd1']);
    expect(r.stdout).toContain('a1 · ');
    expect(r.stdout).toContain('d1 · ');
  });

  test('--json: { id, category, question, answer, links }', async () => {
    const r = await runCli(['show', 'a9', '--json']);
    const e = faq.entries[8]!;
    const links = [
      { text: 'tableau de bord de certification', url: 'https://aka.ms/certdashboard' },
      { text: 'L’assistance à la certification', url: 'https://aka.ms/mcpforum' },
    ];
    expect(JSON.parse(r.stdout)).toEqual({ id: 'a9', category: e.category, question: e.question, answer: e.answer, links });
  });

  test.each([
    [
      ['a1', 'b1'],
      ['a1', 'b1'],
    ],
    [['a1', 'A1'], ['a1']],
    [
      ['a9', 'mot', 'de', 'passe'],
      ['a9', 'a7'],
    ],
  ])('--json with several arguments %j: an array (shape by what was asked, not by what was found)', async (args, ids) => {
    const r = await runCli(['show', '--json', ...args]);
    expect((JSON.parse(r.stdout) as { id: string }[]).map((e) => e.id)).toEqual(ids);
  });

  test('--json with one id and a blank argument: one object (a blank asks for nothing)', async () => {
    const r = await runCli(['show', '--json', 'a1', '']);
    expect((JSON.parse(r.stdout) as { id: string }).id).toBe('a1');
  });

  test('--raw: the markdown as is', async () => {
    const r = await runCli(['show', 'a6', '--raw']);
    expect(r.stdout).toBe(`${faq.entries[5]!.answer}\n`);
  });

  test.each([['a9'], ['A9'], ['#a9']])('search %j (an id, words of no answer): the next step is show a9', async (query) => {
    const r = await runCli(['search', query]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('C’est l’identifiant d’une question ; pour la lire : mcp-faq show a9');
  });

  test('--raw with several ids: each answer under a heading that names it', async () => {
    const r = await runCli(['show', 'a6', 'd1', '--raw']);
    const [a6, d1] = [faq.entries[5]!, faq.entries.at(-1)!];
    expect(r.stdout).toBe(`## a6 · ${a6.question}\n\n${a6.answer}\n\n## d1 · ${d1.question}\n\n${d1.answer}\n`);
  });

  test('an unknown id: exit 1, nearest ids suggested, nothing on stdout', async () => {
    const r = await runCli(['show', 'a10']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('identifiant inconnu : « a10 »');
    expect(r.stderr).toContain('Vouliez-vous dire : a1 ?');
    expect(r.stderr).toContain('mcp-faq list');
  });

  test('words instead of an id: the best match when it stands out', async () => {
    const r = await runCli(['show', 'relevé']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a9 · ');
  });

  test('words that match several entries alike: the candidates, exit 1', async () => {
    const r = await runCli(['show', 'profil']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('plusieurs réponses possibles pour « profil »');
    expect(r.stderr).toMatch(/\n {2}a\d {2}Comment/);
  });

  test('words that match nothing: exit 1', async () => {
    const r = await runCli(['show', 'recette', 'de', 'crêpes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('aucune réponse');
  });

  test('--json and --raw together: usage error', async () => {
    const r = await runCli(['show', 'a1', '--json', '--raw']);
    expect(r.code).toBe(2);
  });
});

describe('search', () => {
  test('"mot de passe" puts a7 first', async () => {
    const r = await runCli(['search', 'mot de passe']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^a7 {2}J’ai perdu/);
    expect(r.stdout).toContain('    Microsoft Certification Profile\n');
  });

  test('several words without quotes are one query', async () => {
    const a = await runCli(['search', 'mot', 'de', 'passe', '--json']);
    const b = await runCli(['search', '--json', 'mot de passe']);
    expect(a.stdout).toBe(b.stdout);
  });

  test('--json: [{ id, category, question, score }] best first', async () => {
    const r = await runCli(['search', '--json', 'mot de passe']);
    const json = JSON.parse(r.stdout) as { id: string; category: string; question: string; score: number }[];
    expect(Object.keys(json[0]!)).toEqual(['id', 'category', 'question', 'score']);
    expect(json[0]).toMatchObject({ id: 'a7', category: faq.entries[6]!.category, question: faq.entries[6]!.question });
    const scores = json.map((x) => x.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    for (const s of scores) expect(s).toBeGreaterThan(0);
  });

  test('--limit', async () => {
    const r = await runCli(['search', '--json', '--limit', '1', 'profil']);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  test('nothing found: exit 1, a message pointing to list', async () => {
    const r = await runCli(['search', 'kubernetes']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('aucune réponse pour « kubernetes »');
    expect(r.stderr).toContain('mcp-faq list');
  });

  test('nothing found with --json: [] on stdout, exit 1', async () => {
    const r = await runCli(['search', '--json', 'kubernetes']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  test('on a terminal: matched words highlighted in the snippet', async () => {
    const r = await runCli(['search', 'telecharger certificat'], { tty: true, columns: 80 });
    expect(r.stdout).toContain('\u001b[33m\u001b[1mCertificats');
    expect(r.stderr).toContain('mcp-faq show b1');
  });
});

describe('help, version, usage errors', () => {
  test.each([[[]], [['--no-color']], [['--color=never', '--no-pager']]])(
    'bare mcp-faq %j prints the help (not a terminal)',
    async (argv) => {
      const r = await runCli(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Utilisation : mcp-faq [options] <commande>');
      expect(r.stdout).toContain('Commandes :');
    },
  );

  test.each([['--help'], ['-h'], ['help']])('%s: French help with examples, exit 0', async (flag) => {
    const r = await runCli([flag]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exemples :');
    expect(r.stdout).toContain('afficher la version');
    expect(r.stdout).not.toMatch(/display help|Usage:/);
  });

  test.each([
    [['-h', 'list'], 'list'],
    [['--help', 'search'], 'search'],
    [['--no-color', '-h', 'show'], 'show'],
    [['-h', '--faq', 'list', 'search'], 'search'], // « list » is --faq's value
  ])('%j: the help of the command named after the flag, as git gives it', async (argv, command) => {
    const r = await runCli(argv);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^Utilisation : mcp-faq ${command} \\[options\\]`));
  });

  test.each([
    [['--faq', '-h', 'list'], 2, 'mcp-faq : fichier FAQ introuvable : « -h ».'], // -h is --faq's value
    [['--color', '-h', 'list'], 2, 'mcp-faq : valeur invalide pour « --color » : « -h » ; choisissez auto, always ou never.'],
    [['-h', '--', 'list'], 0, 'Utilisation : mcp-faq [options] <commande>'], // after --, list is no command
    [['--', '-h', 'list'], 2, 'mcp-faq : commande inconnue « -h ».'],
  ])('%j: a -h that is a value, or after --, is left where it is', async (argv, code, first) => {
    const r = await runCli(argv);
    expect(r.code).toBe(code);
    expect((r.stdout + r.stderr).split('\n')[0]).toBe(first);
  });

  test.each([['list'], ['show'], ['search']])('%s --help has examples', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Utilisation : mcp-faq ${command}`);
    expect(r.stdout).toContain(`Exemples :\n  mcp-faq ${command}`);
  });

  test.each([
    [['--help']],
    [['help', 'list']],
    [['help', 'show']],
    [['help', 'search']],
    [['help', 'browse']],
    [['help', 'mcp']],
    [['help', 'completion']],
  ])('%j: no line wider than an 80-column terminal', async (argv) => {
    const r = await runCli(argv);
    expect(r.stdout.split('\n').filter((line) => [...line].length > 80)).toEqual([]);
  });

  test.each([
    [['search', 'x', '--limit', '0'], 'Voir : mcp-faq search --help'],
    [['completion', 'tcsh'], 'Voir : mcp-faq completion --help'],
    [['list', '--jsn'], 'Voir : mcp-faq list --help'],
    [['serch', 'x'], 'Pour chercher ces mots : mcp-faq search serch x ; toutes les commandes : mcp-faq --help'],
    [['mdp'], 'Pour chercher ces mots : mcp-faq search mdp ; toutes les commandes : mcp-faq --help'], // not only « mcp », which would wait for an assistant
    [
      ['--color', 'never', 'relevé', 'de', 'notes'],
      "Pour chercher ces mots : mcp-faq --color never search 'relevé' de notes ; toutes les commandes : mcp-faq --help",
    ],
    [['search', 'mdp', '--json=true'], '« --json » ne prend pas de valeur : mcp-faq search mdp --json'],
    [['--json=true', 'list'], '« --json » ne prend pas de valeur : mcp-faq list --json'],
    [['--limit=3', 'search', 'mdp'], '« --limit » s’écrit après la commande : mcp-faq search mdp --limit=3'],
    [['--color=foo'], 'Voir : mcp-faq --help'], // no command named (the help is implied)
    [['help', '--json'], 'Voir : mcp-faq --help'],
    [['--json', 'list'], '« --json » s’écrit après la commande : mcp-faq list --json'],
    [['-n', '2', 'search', 'x'], '« -n » s’écrit après la commande : mcp-faq search x -n 2'],
    [['-n', '3', '--json', 'search', 'mdp'], '« -n » s’écrit après la commande : mcp-faq search mdp -n 3 --json'], // both, not one then the other
    [
      ['--no-color', '--json', '--limit', '2', 'search', 'x'],
      '« --json » s’écrit après la commande : mcp-faq --no-color search x --json --limit 2',
    ],
    [['--json', 'search', '--', '-n', '3'], '« --json » s’écrit après la commande : mcp-faq search --json -- -n 3'], // before --, not a word of the search
    [['--json', '-n3', 'search', 'mdp'], '« --json » s’écrit après la commande : mcp-faq search mdp --json -n3'],
    [['--raw=1', 'show', 'a1'], '« --raw » ne prend pas de valeur : mcp-faq show a1 --raw'], // mended and moved
    [['-n', '2', '--json=true', 'search', 'mdp'], '« -n » s’écrit après la commande : mcp-faq search mdp -n 2 --json'],
    [['--json', 'search', "l'adresse", 'e-mail'], "« --json » s’écrit après la commande : mcp-faq search 'l'\\''adresse' e-mail --json"],
    [['--json', 'search', ...Array.from({ length: 40 }, (_, i) => `motlong${i}`)], '« --json » s’écrit après la commande.'], // too long to write out whole
    [['--json', 'search', 'mot  de'], '« --json » s’écrit après la commande.'], // its spaces would change
    [['--json', 'search', 'mot de passe'], "« --json » s’écrit après la commande : mcp-faq search 'mot de passe' --json"],
    [['--json', 'help', 'search'], 'Voir : mcp-faq --help'],
    [['--color', 'list'], 'Voir : mcp-faq --help'], // « list » is --color's (bad) value: no command named
  ])('%j: the next step is the help of the command named', async (argv, hint) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(hint);
    // A command line it suggests is one the CLI reads (no usage error), as sh reads it.
    const suggested = / : mcp-faq (.*)$/.exec(hint)?.[1];
    if (suggested && !suggested.includes(' ; ')) expect((await runCli(shellWords(suggested))).code, suggested).not.toBe(2);
  });

  test('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test.each([
    [['serch', 'x'], 'commande inconnue « serch ».\nVouliez-vous dire « search » ?'],
    [['list', '--jsn'], 'option inconnue « --jsn ».\nVouliez-vous dire « --json » ?'],
    [['show'], 'il manque un identifiant'],
    [['search'], 'il manque la recherche'],
    [['search', '  '], 'la recherche est vide'],
    [['search', ''], 'la recherche est vide'],
    [['search', 'x', '--limit'], 'l’option « --limit » attend une valeur'],
    [['search', 'x', '--limit', 'abc'], 'valeur invalide pour « --limit » : « abc » n’est pas un nombre entier positif'],
    [['search', 'x', '--limit', '0'], 'n’est pas un nombre entier positif'],
    [['search', 'x', '--limit=-3'], 'n’est pas un nombre entier positif'],
    [['list', 'extra'], 'trop d’arguments'],
    [['--color', 'sometimes', 'list'], 'choisissez auto, always ou never'],
    // No command, no terminal: the help, once the options are checked.
    [['--color=foo'], 'valeur invalide pour « --color » : « foo »'],
    [['--color', 'list'], 'valeur invalide pour « --color » : « list »'],
    [['--color'], 'l’option « --color » attend une valeur'],
    [['--faq'], 'l’option « --faq » attend une valeur'],
  ])('%j → exit 2: %s', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('color', () => {
  test.each([
    [{}, false, false],
    [{}, true, true],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ TERM: 'dumb' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
  ])('env %j, tty %s → color %s', async (env, tty, color) => {
    const r = await runCli(['list'], { env, tty });
    expect(ESCAPE.test(r.stdout)).toBe(color);
  });

  test.each([
    [['--no-color', 'list'], true, false],
    [['list', '--no-color'], true, false],
    [['--color=never', 'list'], true, false],
    [['--color=always', 'list'], false, true],
    [['--color', 'auto', 'list'], false, false],
  ])('%j on tty %s → color %s', async (argv, tty, color) => {
    const r = await runCli(argv, { tty });
    expect(ESCAPE.test(r.stdout)).toBe(color);
  });
});

describe('capArgs: a query spread over a million arguments is cut before parsing', () => {
  const words = (n: number, word = 'mot') => Array.from({ length: n }, () => word);
  test.each<[string, string[], number, string[]]>([
    ['short: as is', ['search', 'mot', 'de', 'passe'], 100, ['search', 'mot', 'de', 'passe']],
    ['long: cut (the command counts)', ['search', ...words(10)], 12, ['search', 'mot', 'mot']],
    [
      'options stay, with their value',
      ['search', ...words(10), '--limit', '3', '--json'],
      12,
      ['search', 'mot', 'mot', '--limit', '3', '--json'],
    ],
    ['global options too', ['--faq', 'x.md', 'search', ...words(10)], 8, ['--faq', 'x.md', 'search', 'mot']],
  ])('%s', (_, argv, max, expected) => expect(capArgs(argv, max)).toEqual(expected));

  test('a million words cost what 100 KB does', () => {
    expect(capArgs(['search', ...words(1_000_000)], 100 * 1024).length).toBeLessThan(30_000);
  });
});

/** The words of a command line as sh reads them: spaces between words, 'single quotes', a backslash before a character. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '\\') word = (word ?? '') + line[++i]!;
    else word = (word ?? '') + c;
  }
  return word === undefined ? words : [...words, word];
}
