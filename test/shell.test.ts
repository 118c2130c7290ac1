// mcp-faq in a shell, on the built binary: pipes, bad input, colors, width, other FAQ
// files. Every case checks the exit code, what is on stdout and stderr, and that no
// stack trace or stray escape code gets out.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ESCAPE, faq, fixturePath, root, runBin, runCli, type Run } from './helpers.js';
import { cleanEnv, requireCommand, tempDir } from './sandbox.js';

const BIN = join(root, 'bin/mcp-faq.js');
const NO_STACK = /\n\s+at /;
const ALL_IDS = faq.entries.map((e) => e.id);

const BASH = requireCommand('bash');

/**
 * Runs a bash command line, with `mcp` standing for the binary; code is mcp-faq's own
 * (PIPESTATUS). No start-up file: bash reads ~/.bashrc even with -c when its stdin is
 * a socket (as Node's pipes are), unless --norc.
 */
function shell(line: string, env: Record<string, string> = {}): Run {
  const script = `mcp() { ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"; }\n${line}\nexit "\${PIPESTATUS[0]}"`;
  const r = spawnSync(BASH, ['--norc', '--noprofile', '-c', script], { encoding: 'utf8', timeout: 10_000, env: cleanEnv(env) });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('pipes', () => {
  test('list | head -1: first line, nothing on stderr', () => {
    const r = shell('mcp list | head -1');
    expect(r).toEqual({ code: 0, stdout: 'Microsoft Certification Profile\n', stderr: '' });
  });

  test('show a6 | head -c 10', () => {
    const r = shell('mcp show a6 | head -c 10');
    expect(r).toEqual({ code: 0, stdout: 'Comment pu', stderr: '' });
  });

  test('a reader that is already gone (EPIPE): no error, no stack', () => {
    for (let i = 0; i < 5; i++) {
      const r = shell(`mcp show ${ALL_IDS.join(' ')} | true`);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  test('output is never cut short', () => {
    const direct = runBin(['show', ...ALL_IDS, '--raw']).stdout;
    const piped = shell(`mcp show ${ALL_IDS.join(' ')} --raw | cat`).stdout;
    expect(piped).toBe(direct);
    expect(piped.length).toBeGreaterThan(5000);
    expect(shell('mcp list | cat').stdout.trimEnd().endsWith(faq.entries.at(-1)!.question)).toBe(true);
  });
});

describe('colors', () => {
  test.each<[string, Record<string, string>, boolean]>([
    ['mcp list | cat', {}, false],
    ['mcp --color=always list | cat', {}, true],
    ['mcp --color always list | cat', { NO_COLOR: '1' }, true],
    ['mcp list --color=never | cat', { FORCE_COLOR: '1' }, false],
    ['mcp list --no-color | cat', { FORCE_COLOR: '1' }, false],
    ['mcp list | cat', { FORCE_COLOR: '1' }, true],
    ['mcp list | cat', { FORCE_COLOR: '1', TERM: 'dumb' }, true],
    ['mcp show a1 | cat', { FORCE_COLOR: '1' }, true],
    ['mcp search mdp | cat', { FORCE_COLOR: '1' }, true],
    ['mcp show a1 --color=auto | cat', {}, false],
  ])('%s with %j: color %s', (line, env, color) => {
    const r = shell(line, env);
    expect(r.code).toBe(0);
    expect(ESCAPE.test(r.stdout)).toBe(color);
  });
});

describe('width', () => {
  const widest = (text: string) =>
    Math.max(
      ...text
        .split('\n')
        .filter((l) => !/https?:/.test(l))
        .map((l) => [...l].length),
    );
  test.each([
    ['50', 50],
    ['20', 40], // minimum
    ['300', 100], // maximum
    ['', 80],
  ])('COLUMNS=%j: show wraps at %d', (columns, width) => {
    const out = shell('mcp show a8', columns ? { COLUMNS: columns } : {}).stdout;
    expect(widest(out)).toBeLessThanOrEqual(width);
    expect(widest(out)).toBeGreaterThan(width - 15);
  });

  test('list and search stay one line per item in a pipe (grep-able)', () => {
    const out = shell('mcp list', { COLUMNS: '40' }).stdout;
    expect(out).toContain(`  a7  ${faq.entries[6]!.question}\n`);
  });
});

describe('no pager unless stdout is a terminal', () => {
  test('PAGER is ignored in a pipe', () => {
    const r = shell(`mcp list | cat`, { PAGER: 'echo PAGER-RAN >&2; cat' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('a1');
  });
});

describe('bad input: a French message, the right code, no stack trace', () => {
  test.each<[string, number, RegExp]>([
    ['mcp search', 2, /il manque la recherche/],
    ['mcp search ""', 2, /la recherche est vide/],
    ['mcp search "   "', 2, /la recherche est vide/],
    ['mcp show', 2, /il manque un identifiant/],
    ['mcp show ""', 2, /identifiant ou recherche vide/],
    ['mcp lsit', 2, /commande inconnue « lsit »\.\nVouliez-vous dire « list » \?/],
    ['mcp list --jsno', 2, /option inconnue « --jsno »/],
    ['mcp search x --limit abc', 2, /« abc » n’est pas un nombre entier positif/],
    ['mcp search x --limit -3', 2, /« -3 » n’est pas un nombre entier positif/],
    ['mcp search x --limit 0', 2, /« 0 » n’est pas un nombre entier positif/],
    ['mcp search x --limit', 2, /l’option « --limit » attend une valeur/],
    ['mcp --color sometimes list', 2, /choisissez auto, always ou never/],
    ['mcp show a1 --json --raw', 2, /« --raw » et « --json » ne vont pas ensemble/],
    ['mcp show a10', 1, /identifiant inconnu : « a10 »\.\nVouliez-vous dire : a1 \?/],
    ['mcp show Z9', 1, /identifiant inconnu : « Z9 »\.\nVouliez-vous dire : a9 \?/],
    ['mcp search kubernetes', 1, /aucune réponse pour « kubernetes »\.\n.*mcp-faq list/],
  ])('%s → exit %d', (line, code, message) => {
    const r = shell(line);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^mcp-faq : /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.stderr).not.toMatch(ESCAPE);
  });

  // (How fast: bench/, not here.)
  test('a 100 KB query is answered', () => {
    const query = `mot de passe ${'x'.repeat(100 * 1024)}`;
    const r = runBin(['search', '--json', query]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }[])[0]?.id).toBe('a7');
    expect(r.stderr).toBe('');
  });

  test('a 100 KB query that matches nothing: a short message', () => {
    const r = runBin(['search', 'z'.repeat(100 * 1024)]);
    expect(r.code).toBe(1);
    expect(r.stderr.length).toBeLessThan(300);
  });

  test('invalid UTF-8 in the query', () => {
    const r = shell(`mcp search --json "$(printf 'mot de passe \\xff\\xfe\\xc3')"`);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }[])[0]?.id).toBe('a7');
  });

  test('control characters in the query', () => {
    const r = shell(`mcp search --json "$(printf 'mot\\x01de\\tpasse\\x7f')"`);
    expect((JSON.parse(r.stdout) as { id: string }[])[0]?.id).toBe('a7');
  });
});

describe('terminal injection: escape sequences never reach the terminal raw', () => {
  const PAYLOADS = ['\u001b]0;pwned\u0007', '\u001b[2J', '\u001b[31m', '\u009b31m', '\u0007'];
  const clean = (text: string) => {
    for (const p of PAYLOADS) expect(text).not.toContain(p);
  };

  test.each([
    [['search', '\u001b]0;pwned\u0007\u001b[2Jrecette']],
    [['show', '\u001b[31ma10\u0007']],
    [['--\u001b[2Jx', 'list']],
    [['lis\u001b[31mt']],
    [['search', 'x', '--limit', '\u001b[2J']],
  ])('user input %j is echoed without its escapes', (argv) => {
    const r = runBin(argv);
    expect(r.code).toBeGreaterThan(0);
    clean(r.stderr);
    expect(r.stderr).not.toMatch(ESCAPE);
  });

  test('escapes in a FAQ file stay out of list, show, search and JSON', () => {
    const file = fixturePath('escapes.md');
    for (const argv of [['list'], ['show', 'e1'], ['search', 'evil'], ['show', 'e1', '--raw']]) {
      for (const color of ['--color=always', '--color=never']) {
        const r = runBin(['--faq', file, color, ...argv]);
        expect(r.code, argv.join(' ')).toBe(0);
        clean(r.stdout);
      }
    }
    const json = JSON.parse(runBin(['--faq', file, 'show', 'e1', '--json']).stdout) as { question: string };
    expect(json.question).toBe('Evil red question');
  });
});

describe('other FAQ files', () => {
  let index = 0;
  test('--faq and MCP_FAQ_FILE load another FAQ through the same parser, glossary and renderer', () => {
    const file = fixturePath('english.md');
    expect(runBin(['--faq', file, 'list']).stdout).toBe('Account\n  p1  How do I reset my password?\n  p2  How do I delete my account?\n');
    expect(runBin(['search', '--json', 'mdp'], { env: { MCP_FAQ_FILE: file } }).stdout).toContain('"p1"'); // glossary: mdp = password
    expect(runBin(['show', 'p1'], { env: { MCP_FAQ_FILE: file } }).stdout).toContain('reset page (https://example.com/reset)');
    expect(runBin(['--faq', file, 'show', 'a1'], { env: { MCP_FAQ_FILE: '/nonexistent' } }).code).toBe(1); // --faq wins
  });

  test.each<[string, RegExp]>([
    ['/nonexistent/faq.md', /fichier FAQ introuvable : « \/nonexistent\/faq\.md »/],
    ['', /le chemin du fichier FAQ est vide/],
    [tmpdir(), /est un dossier, pas un fichier FAQ/],
    [fixturePath('latin1.md'), /latin1\.md:3: le fichier n’est pas encodé en UTF-8/],
    [fixturePath('no-entries.md'), /no-entries\.md:1: aucune question trouvée/],
    [fixturePath('duplicate-id.md'), /duplicate-id\.md:5: identifiant « A1 » en double \(déjà utilisé ligne 1\)/],
    [fixturePath('toc-dangling.md'), /toc-dangling\.md:4: le sommaire renvoie à « #a2 »/],
    [fixturePath('empty-answer.md'), /empty-answer\.md:5: la question « a2 » n’a pas de réponse/],
    [fixturePath('no-anchor.md'), /no-anchor\.md:1: question sans ancre/],
  ])('--faq %s → exit 2: %s', async (file, message) => {
    // Every command in-process, one through the binary, turn about (the file is
    // loaded before any command runs; a binary's start costs a tenth of a second).
    const commands = [['list'], ['search', 'x'], ['show', 'a1']];
    const bin = commands[index++ % commands.length]!;
    for (const r of [runBin(['--faq', file, ...bin]), ...(await Promise.all(commands.map((argv) => runCli(['--faq', file, ...argv]))))]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(NO_STACK);
    }
  });
});

describe('nothing is written to disk but the caches', () => {
  test('every command leaves the working directory and HOME as they were, but for the code caches and the --faq file’s', () => {
    const dir = tempDir('cwd-home');
    const commands = [
      ['list'],
      ['search', 'mot de pase'],
      ['show', 'a6'],
      ['--faq', fixturePath('english.md'), 'show', 'p1'],
      ['show', 'a10'],
    ];
    const run = (extra: Record<string, string>) => {
      const env = cleanEnv({ HOME: dir, ...extra });
      for (const argv of commands) {
        const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: dir, env, encoding: 'utf8' });
        expect(r.status, argv.join(' ')).toBe(argv.includes('a10') ? 1 : 0);
      }
    };
    run({ MCP_FAQ_NO_CACHE: '1' });
    expect(readdirSync(dir)).toEqual([]);
    run({});
    expect(readdirSync(dir)).toEqual(['.cache']);
    const [build] = readdirSync(join(dir, '.cache/mcp-faq'));
    const key = createHash('sha256')
      .update(readFileSync(fixturePath('english.md')))
      .digest('hex');
    // The --faq file's model, and a folder of code caches for each kind of run.
    expect(readdirSync(join(dir, '.cache/mcp-faq', build!)).sort()).toEqual([`${key}.faq`, 'list', 'search', 'show']);
  });
});
