// Nothing lost, nothing hangs: the edge cases of issue 10, each on the built binary
// as a user meets it — special files, stray escape bytes, outputs that fail, odd ids
// and queries, narrow and resized terminals (real ones, in tmux), shell completion
// with `=` (real shells).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, constants, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { run } from '../src/cli.js';
import { ESCAPE, FAQ_FILE, faq, read, root, runBin } from './helpers.js';
import { cleanEnv, PATH, requireCommand, tempDir } from './sandbox.js';
import { closeTerminals, TerminalSession, zshWithCompletion } from './terminal-session.js';

const BIN = join(root, 'bin/mcp-faq.js');
const NO_STACK = /\n\s+at /;
const dir = tempDir('edges');
afterEach(closeTerminals);

/** A FAQ file made of the bundled one, changed by `edit`. */
function faqFile(name: string, edit: (markdown: string) => string): string {
  const path = join(dir, name);
  writeFileSync(path, edit(read(FAQ_FILE)));
  return path;
}

/** A shell command line, `mcp` standing for the binary; the code is mcp-faq's own. */
function sh(line: string, env: Record<string, string> = {}) {
  const script = `mcp() { ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"; }\n${line}\nexit "\${PIPESTATUS[0]}"`;
  const r = spawnSync(requireCommand('bash'), ['--norc', '--noprofile', '-c', script], {
    encoding: 'utf8',
    timeout: 10_000,
    env: cleanEnv(env),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

describe('1. special files never hang', () => {
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);

  test.each([
    ['/dev/zero', 'un périphérique'],
    ['/dev/urandom', 'un périphérique'],
    [fifo, 'un tube nommé'],
  ])('--faq %s: refused at once, exit 2', (file, kind) => {
    const r = runBin(['--faq', file, 'list'], { timeout: 5000 });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`n’est pas un fichier ordinaire (${kind})`);
  });

  test('MCP_FAQ_FILE on a FIFO: completion still answers commands and options', () => {
    const r = runBin(['__complete', '0', '--', 'sh'], { env: { MCP_FAQ_FILE: fifo }, timeout: 5000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^show\t/);
    const ids = runBin(['__complete', '1', '--', 'show', ''], { env: { MCP_FAQ_FILE: fifo }, timeout: 5000 });
    expect(ids.stdout).toBe(''); // no ids to offer from a file that is not one
  });
});

describe('2. a stray escape byte loses nothing', () => {
  const withStrays = faqFile('strays.md', (md) =>
    md
      .replace('veuillez suivre les étapes ci-dessous:', 'veuillez suivre \u001b] les étapes ci-dessous:')
      .replace('de l’organisation de votre partenaire', 'de l’organisation \u0007de votre partenaire'),
  );

  test('list shows every entry; a1 keeps its answer and only it', () => {
    const list = runBin(['--faq', withStrays, 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout.match(/^ {2}[a-d]\d /gm)).toHaveLength(faq.entries.length);
    const a1 = JSON.parse(runBin(['--faq', withStrays, 'show', 'a1', '--json']).stdout) as { answer: string };
    expect(a1.answer).toBe(faq.entries[0]!.answer.replace('suivre les', 'suivre  les'));
    expect(a1.answer).not.toContain('partenaire');
  });

  test('a query with a stray OSC introducer is still searched', () => {
    const r = runBin(['search', '--json', '\u001b]mot de passe']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }[])[0]?.id).toBe('a7');
  });
});

describe('3. an output that cannot be written is said, exit 74', () => {
  // A FAQ whose list (about 180 KB) is more than a pipe holds (64 KiB).
  const big = join(dir, 'big.md');
  const entries = Array.from(
    { length: 3000 },
    (_, i) => `**Q: Question numéro ${i} sur le profil de certification ?**<a name="q${i}"></a>\n\n**R:** Réponse ${i}.\n`,
  );
  writeFileSync(big, `# Grande FAQ\n\n## Profil\n\n${entries.join('\n')}`);

  test('list > /dev/full: one line on stderr, no stack', () => {
    const r = sh('mcp list > /dev/full');
    expect(r.code).toBe(74);
    expect(r.stderr).toBe('mcp-faq : écriture sur la sortie standard impossible : plus de place sur le disque (ENOSPC).\n');
  });

  test('show a9 --json > /dev/full and search > /dev/full too', () => {
    for (const line of ['mcp show a9 --json > /dev/full', 'mcp search mdp > /dev/full', 'mcp --help > /dev/full']) {
      const r = sh(line);
      expect(r.code, line).toBe(74);
      expect(r.stderr, line).not.toMatch(NO_STACK);
    }
  });

  test('a slow reader gets every byte of an output larger than the pipe (the process ends only once it is written)', () => {
    const full = runBin(['--faq', big, 'list']);
    expect(full.stdout.length).toBeGreaterThan(100_000); // more than a pipe holds (64 KiB)
    const r = sh(`mcp --faq ${JSON.stringify(big)} list | { sleep 0.5; wc -c; }`);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(Number(r.stdout.trim())).toBe(Buffer.byteLength(full.stdout));
  });

  test('a non-blocking pipe whose reader waits gets every byte: partial writes are finished, EAGAIN waited for', async () => {
    // A non-blocking stdout (set by whoever made the pipe) is where a write stops at what
    // the pipe holds (64 KiB) and the rest is refused (EAGAIN) until the reader reads.
    const expected = runBin(['--faq', big, 'list']).stdout;
    expect(Buffer.byteLength(expected)).toBeGreaterThan(150_000);
    const fifo = join(dir, 'stdout.fifo');
    execFileSync(requireCommand('mkfifo', 'coreutils'), [fifo]);
    // The child's stdout is made non-blocking as another program would leave it (Node
    // resets a child's standard streams to blocking; creating process.stdout for a pipe
    // sets it non-blocking again), then the CLI runs in that process.
    const wrapper = join(dir, 'nonblocking-stdout.cjs');
    writeFileSync(wrapper, `void process.stdout;\nprocess.argv[1] = ${JSON.stringify(BIN)};\nrequire(${JSON.stringify(BIN)});\n`);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY);
    const child = spawn(process.execPath, [wrapper, '--faq', big, 'list'], { stdio: ['ignore', writer, 'pipe'], env: cleanEnv() });
    closeSync(writer);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 500)); // the reader waits: the pipe fills
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(65536);
    for (;;) {
      try {
        const n = readSync(reader, buffer);
        if (n === 0) break; // the writer closed: the end
        chunks.push(Buffer.from(buffer.subarray(0, n)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    closeSync(reader);
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(Buffer.concat(chunks).toString()).toBe(expected);
  });

  test('a reader that goes away is not an error (EPIPE)', () => {
    expect(sh('mcp show a1 a2 a3 a4 a5 a6 a7 a8 a9 | head -c 1 > /dev/null')).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('5. show never drops an argument', () => {
  test('show a1 relevé: a1, then the best match for the words (a9)', () => {
    const r = runBin(['show', 'a1', 'relevé']);
    expect(r.code).toBe(0);
    expect([...r.stdout.matchAll(/^([a-d]\d) · /gm)].map((m) => m[1])).toEqual(['a1', 'a9']);
  });

  test('show relevé a1: the answers in the order of the arguments', () => {
    const r = runBin(['show', 'relevé', 'a1']);
    expect([...r.stdout.matchAll(/^([a-d]\d) · /gm)].map((m) => m[1])).toEqual(['a9', 'a1']);
  });

  test('show a1 a99: refused, saying a1 was an id', () => {
    const r = runBin(['show', 'a1', 'a99']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'mcp-faq : identifiant inconnu : « a99 » (a1 en est un).\nVouliez-vous dire : a9 ?  (mcp-faq show a9)\nToutes les questions : mcp-faq list\n',
    ); // nothing was searched
  });

  test.each([
    [['a1', 'a10'], 'mcp-faq : identifiant inconnu : « a10 » (a1 en est un).\nToutes les questions : mcp-faq list\n'], // not « a1 ? » again
    [
      ['a1 a99'],
      'mcp-faq : identifiant inconnu : « a99 » (a1 en est un).\nVouliez-vous dire : a9 ?  (mcp-faq show a9)\nToutes les questions : mcp-faq list\n',
    ],
    [
      ['a10', 'a1', 'b9'],
      'mcp-faq : identifiants inconnus : « a10 », « b9 » (a1 en est un).\nVouliez-vous dire : b1, b2, a9 ?  (mcp-faq show b1)\nToutes les questions : mcp-faq list\n',
    ],
    [
      ['z1', 'z2', 'z3', 'z4', 'z5', 'z6', 'z7'],
      'mcp-faq : identifiants inconnus : « z1 », « z2 », « z3 », « z4 », « z5 » et 2 autres.\nVouliez-vous dire : a1, b1, c1 ?  (mcp-faq show a1)\nToutes les questions : mcp-faq list\n',
    ],
    [
      ['z1', 'Z1', 'z2', 'z3', 'z4', 'z5', 'z6', 'a1', 'a1'],
      'mcp-faq : identifiants inconnus : « z1 », « z2 », « z3 », « z4 », « z5 » et 1 autre (a1 en est un).\nVouliez-vous dire : b1, c1, a2 ?  (mcp-faq show b1)\nToutes les questions : mcp-faq list\n',
    ],
  ])('show %j: every mistyped id, never an id given as its correction', (args, stderr) => {
    const r = runBin(['show', ...args]);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr });
  });

  test('show --raw a9 a9: one answer, as is (no heading)', () => {
    expect(runBin(['show', '--raw', 'a9', 'a9']).stdout).toBe(`${faq.entries[8]!.answer}\n`);
  });

  test('show a1 kubernetes: refused, saying which argument was an id', () => {
    const r = runBin(['show', 'a1', 'kubernetes']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('a1 est un identifiant ; les autres mots sont cherchés comme une question.');
    expect(r.stderr).toContain('aucune réponse pour « kubernetes »');
  });
});

describe('6. colors follow force-color.org and --no-color', () => {
  test.each<[Record<string, string>, string, boolean]>([
    [{ NO_COLOR: '1', FORCE_COLOR: '' }, 'mcp search mdp | cat', false],
    [{ FORCE_COLOR: 'no' }, 'mcp search mdp | cat', false],
    [{ FORCE_COLOR: 'false' }, 'mcp list | cat', false],
    [{ FORCE_COLOR: '1' }, 'mcp list | cat', true],
  ])('%j %s → color %s', (env, line, color) => {
    expect(ESCAPE.test(sh(line, env).stdout)).toBe(color);
  });
});

test('7. a FAQ file with CR-only line endings is read', () => {
  const cr = faqFile('cr.md', (md) => md.replace(/\n/g, '\r'));
  const r = runBin(['--faq', cr, 'list', '--json']);
  expect(r.code).toBe(0);
  expect((JSON.parse(r.stdout) as { id: string }[]).map((e) => e.id)).toEqual(faq.entries.map((e) => e.id));
});

describe('8. odd ids and queries', () => {
  test.each<[string[], number, RegExp]>([
    [['show', 'a99999'], 1, /identifiant inconnu : « a99999 »/],
    [['show', 'Ａ９'], 0, /^Comment puis-je accéder à mon relevé/],
    [['search', '\u001b[2J'], 2, /la recherche est vide/],
    [['search', '\u0007'], 2, /la recherche est vide/],
    // Invisible characters copied with a web page's text: as if they were not there.
    [['search', '\u200b'], 2, /la recherche est vide/],
    [['search', 'certi\u00adficat'], 0, /^b1 {2}/],
    [['search', 'fu\u00adsionner profil'], 0, /^a4 {2}/],
    [['show', 'a1\u200b'], 0, /^Comment puis-je accéder à mon profil/],
    [['show', '\u200fa1'], 0, /^Comment puis-je accéder à mon profil/],
    [['show', 'a\u00ad9'], 0, /^Comment puis-je accéder à mon relevé/],
  ])('%j → exit %d', (argv, code, pattern) => {
    const r = runBin(argv);
    expect(r.code).toBe(code);
    expect(code === 0 ? r.stdout : r.stderr).toMatch(pattern);
  });
});

test('an unknown option without a command is an error, not the help (exit 2)', () => {
  const r = runBin(['--verison']);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('option inconnue « --verison »');
});

describe('9. help', () => {
  test('help nope: unknown command, exit 2, no help dump', () => {
    const r = runBin(['help', 'nope']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(
      'mcp-faq : commande inconnue « nope ».\nPour chercher ces mots : mcp-faq search nope ; toutes les commandes : mcp-faq --help\n',
    );
  });

  test('help shw: a suggestion', () => {
    expect(runBin(['help', 'shw']).stderr).toContain('Vouliez-vous dire « show » ?');
  });

  test('help help and help show: their help, exit 0', () => {
    expect(runBin(['help', 'help'])).toMatchObject({ code: 0, stderr: '' });
    expect(runBin(['help', 'help']).stdout).toContain('Utilisation : mcp-faq help');
    expect(runBin(['help', 'show']).stdout).toContain('Exemples :\n  mcp-faq show a9');
  });
});

test('13. a 1 MB query spread over many arguments is answered', () => {
  const r = runBin(['search', '--json', 'mot de passe', ...Array.from({ length: 110_000 }, () => 'motdepas')]);
  expect(r.code).toBe(0);
  expect((JSON.parse(r.stdout) as { id: string }[])[0]?.id).toBe('a7');
});

describe('in a real terminal', () => {
  let session: TerminalSession;
  const mcp = `${process.execPath} ${BIN}`;

  test('4. a pager that fails does not eat the answer', async () => {
    session = new TerminalSession(`PAGER=false ${mcp} show a9; echo "[exit $?]"`, { width: 80, height: 10 });
    const screen = await session.waitFor(/\[exit \d+\]/);
    expect(screen).toContain('[exit 0]');
    expect(screen.replace(/\u00a0/g, ' ')).toContain('le pager « false » a échoué (code de sortie 1)'); // folded: French no-break spaces
    expect(screen).toMatch(/L’assistance à la certification/);
  });

  test('4. a pager killed by a signal that is not the user’s Ctrl-C does not eat the answer either', async () => {
    session = new TerminalSession(`PAGER='kill -TERM $$' ${mcp} show a9; echo "[exit $?]"`, { width: 80, height: 10 });
    const screen = await session.waitFor(/\[exit \d+\]/);
    expect(screen).toContain('a échoué (arrêté par SIGTERM)');
    expect(screen).toMatch(/L’assistance à la certification/);
  });

  test('6. --no-color: the finder’s prompt has no color either', async () => {
    session = new TerminalSession(`${mcp} --no-color`, { width: 80, height: 20 });
    await session.waitFor(/Votre question/);
    session.type('mot de pase');
    await session.waitFor(/❯ a7 +J’ai perdu/); // chosen: the search ran (every question shows before it)

    expect(session.styledScreen().replace(/\u001b\[(?:0|39|49)?m/g, '')).not.toMatch(ESCAPE);
    session.press('Escape');
  });

  test('4. Ctrl-C in the pager is the pager’s: mcp-faq waits for it, the shell gets its keys back', async () => {
    session = new TerminalSession(`${requireCommand('bash')} --norc --noprofile`, { width: 80, height: 10, env: { PS1: '$ ' } });
    await session.waitFor(/^\$ $/m);
    session.type(`${mcp} list; echo "[exit $?]"`);
    session.press('Enter');
    await session.waitFor(/Microsoft Certification Profile/);
    session.press('C-c');
    await new Promise((r) => setTimeout(r, 300));
    expect(session.screen()).not.toContain('[exit');
    session.press('q');
    await session.waitFor(/\[exit 0\]/);
    // The Ctrl-C was the user's, in the pager: no failure, no second copy of the output.
    expect(session.screen()).not.toContain('a échoué');
    session.type('echo hello');
    session.press('Enter');
    await session.waitFor(/^hello$/m);
  });

  test('10. at 20 columns, messages on stderr fit too', async () => {
    session = new TerminalSession(`${mcp} show a10; ${mcp} search zzkkqq; echo "[done]"`, { width: 20, height: 40 });
    await session.waitFor(/\[done\]/);
    const screen = session.screen();
    expect(screen.replace(/\s+/g, ' ')).toContain('identifiant inconnu');
    for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(20);
  });

  test('10. at 30 columns, no line is wider than the terminal', async () => {
    session = new TerminalSession(`${mcp} --no-pager show a9 a8; ${mcp} list; echo "[done]"`, { width: 30, height: 200 });
    await session.waitFor(/\[done\]/);
    const rows = session.rows();
    // tmux cuts what is wider; the text must never have needed it.
    const screen = session.screen(); // wrapped rows joined: a line wider than the terminal would show here
    expect(rows.length).toBeGreaterThan(40);
    for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(30);
    expect(screen.replace(/\n\s*/g, '')).toContain('(https://aka.ms/certdashboard)'); // cut, not lost
  });

  test('10. the finder follows a resize, and keeps its prompt in a 6-row window', async () => {
    session = new TerminalSession(mcp, { width: 100, height: 6 });
    const first = await session.waitFor(/Votre question/);
    expect(first.split('\n')[0]).toContain('Votre question');
    session.resize(50, 6);
    await new Promise((r) => setTimeout(r, 300));
    session.type('mot de passe');
    await session.waitFor(/❯ a7/);
    const rows = session.rows();
    expect(rows[0]).toContain('Votre question');
    expect(rows.join('\n')).toMatch(/❯ a\d/);
    for (const row of rows) expect([...row.trimEnd()].length).toBeLessThanOrEqual(50);
    session.press('Escape');
  });

  test.each([
    [6, 'mot de passe', /❯ a7/], // "? Votre question : mot de passe" is 31 columns: two rows
    [7, 'comment modifier l’adresse électronique', /❯ a6/], // folded at words: three rows
  ])('10. in a 30×%d window, a prompt that wraps stays on screen (%j)', async (height, typed, choice) => {
    session = new TerminalSession(mcp, { width: 30, height });
    await session.waitFor(/Votre question/);
    session.type(typed);
    await session.waitFor(choice);
    const rows = session.rows();
    expect(rows[0]).toMatch(/^\? Votre question : /);
    expect(rows.join('\n')).toMatch(/choisir/); // the keys line, last, still shows
    session.press('Escape');
  });
});

describe('11. completion with --faq=FILE and --color=', () => {
  const bin = tempDir('bin');
  writeFileSync(join(bin, 'mcp-faq'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
  chmodSync(join(bin, 'mcp-faq'), 0o755);
  const english = join(root, 'test/fixtures/english.md');
  const env = cleanEnv({ PATH: `${bin}:${PATH}` });

  test('bash splits at "=": --faq=FILE still chooses the ids, --color= completes its values', () => {
    const script = `
      source <(mcp-faq completion bash)
      comp() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _mcp_faq; echo "\${COMPREPLY[*]}"; }
      comp mcp-faq --faq = ${english} show p
      comp mcp-faq --color =
      comp mcp-faq --color = a`;
    const r = spawnSync(requireCommand('bash'), ['--norc', '--noprofile', '-c', script], { encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual(['p1 p2', 'auto always never', 'auto always', '']);
  });

  test('fish: --faq=FILE chooses the ids', () => {
    const r = spawnSync(
      requireCommand('fish'),
      [
        '--no-config',
        '-c',
        `mcp-faq completion fish | source; complete -C "mcp-faq --faq=${english} show p"; complete -C "mcp-faq --color="`,
      ],
      {
        encoding: 'utf8',
        env,
      },
    );
    expect(r.stdout).toBe(
      'p1\tHow do I reset my password?\np2\tHow do I delete my account?\n--color=auto\n--color=always\n--color=never\n',
    );
  });

  test('zsh: show A<TAB> offers the ids (they ignore case); --faq=FILE chooses them', async () => {
    const zsh = requireCommand('zsh');
    const session = await zshWithCompletion(zsh, env);
    session.type('mcp-faq show A');
    session.press('Tab'); // the common prefix, "a"
    await session.waitFor(/^\$ mcp-faq show a$/m);
    session.press('Tab');
    await session.waitFor(/^a9 +-- Comment puis-je accéder à mon relevé de note/m);
    session.press('C-u');
    session.type(`clear; mcp-faq --faq=${english} show p`);
    session.press('Tab');
    await session.waitFor(/p2 +-- How do I delete my account\?/);
  });
});

describe('12. HTML in answers', () => {
  test('<details><summary>S</summary>caché: two lines, not "Scaché"', () => {
    const file = join(dir, 'details.md');
    writeFileSync(
      file,
      '## S\n**Q: Une question ?**<a name="x1"></a>\n\n**R:** Avant.\n\n<details><summary>Résumé</summary>caché</details>\n',
    );
    const r = runBin(['--faq', file, 'show', 'x1']);
    expect(r.stdout).toMatch(/Résumé\n+caché/);
    expect(readFileSync(file, 'utf8')).toContain('<details>'); // the file is only read
  });
});

test('an answer marked fails on (3,000 nested quotes): shown as is, said on stderr, exit 0', () => {
  const file = join(dir, 'nested-quotes.md');
  writeFileSync(file, `**Q: Citations ?**<a name="t1"></a>\n\n**R:** ${'>'.repeat(3000)} fin\n`);
  const r = runBin(['--faq', file, 'show', 't1']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('t1 · Questions');
  expect(r.stdout.replace(/\n/g, '')).toContain(`${'>'.repeat(3000)} fin`);
  expect(r.stderr).toBe('mcp-faq : la mise en forme de t1 a échoué : réponse affichée telle quelle (markdown).\n');
});

describe('a bug: exit 70, reported with its stack', () => {
  test('in-process: an output that throws something unexpected', async () => {
    let stderr = '';
    const code = await run({
      argv: ['list'],
      env: {},
      stdout: {
        write: () => {
          throw new TypeError('boom');
        },
        isTTY: false,
      },
      stderr: { write: (s: string) => void (stderr += s), isTTY: false },
      stdinIsTTY: () => false,
    });
    expect(code).toBe(70);
    expect(stderr).toMatch(/^mcp-faq : erreur inattendue \(un bogue\) : boom\nTypeError: boom\n\s+at /);
    expect(stderr).toContain('Merci de la signaler : https://github.com/mcp-faq/mcp-faq/issues');
  });

  test('the built binary, with a broken built-in (padEnd, which list uses)', () => {
    const preload = join(dir, 'break-pad.cjs');
    writeFileSync(preload, 'String.prototype.padEnd = () => { throw new TypeError("padEnd cassé"); };\n');
    const r = runBin(['list'], { env: { NODE_OPTIONS: `--require ${preload}` } });
    expect(r.code).toBe(70);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^mcp-faq : erreur inattendue \(un bogue\) : padEnd cassé\nTypeError: padEnd cassé\n\s+at /);
  });
});

test('--no-cache: no code cache read or written', () => {
  const home = tempDir('no-cache');
  expect(runBin(['--no-cache', 'list'], { env: { HOME: home } }).code).toBe(0);
  expect(runBin(['list', '--no-cache'], { env: { HOME: home } }).code).toBe(0);
  expect(readdirSync(home)).toEqual([]);
  expect(runBin(['list'], { env: { HOME: home } }).code).toBe(0);
  expect(readdirSync(home)).toEqual(['.cache']);
});
