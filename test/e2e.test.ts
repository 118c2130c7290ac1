// The built binary (bin/mcp-faq.js → dist/, built by test/global-setup.ts), run as a
// user would, on the Node running the tests. Output is piped here, so no color unless
// forced.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ESCAPE, FAQ_FILE, faq, root, runBin, version } from './helpers.js';
import { cleanEnv, tempDir } from './sandbox.js';

const NO_STACK = /\n\s+at /;

describe('the built binary', () => {
  test('list', () => {
    const r = runBin(['list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Microsoft Certification Profile\n {2}a1 {2}Comment puis-je accéder à mon profil/);
    expect(r.stdout).not.toMatch(ESCAPE);
  });

  test('list --json', () => {
    const json = JSON.parse(runBin(['list', '--json']).stdout) as { id: string }[];
    expect(json.map((e) => Object.keys(e))).toEqual(faq.entries.map(() => ['id', 'category', 'question']));
    expect(json.map((e) => e.id).join(' ')).toBe('a1 a2 a3 a4 a5 a6 a7 a8 a9 b1 b2 c1 d1');
  });

  test('show a9 and show A9', () => {
    const r = runBin(['show', 'A9']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('a9 · Microsoft Certification Profile');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('tableau de bord de certification (https://aka.ms/certdashboard)');
    expect(r.stdout).not.toMatch(/\*\*|\]\(|!\[|<br|<a /);
    expect(r.stdout).not.toMatch(ESCAPE);
  });

  test('show a6: 1, 2, 3, 4 across its images', () => {
    const r = runBin(['show', 'a6']);
    expect([...r.stdout.matchAll(/^ {2}(\d)\. /gm)].map((m) => m[1])).toEqual(['1', '2', '3', '4']);
    expect(r.stdout).toContain('[image : MC ID Location Image]');
    expect(r.stdout).toContain('[image : Save and Continue Image]');
  });

  test('show --json and --raw', () => {
    const json = JSON.parse(runBin(['show', 'a9', '--json']).stdout) as Record<string, string>;
    expect(Object.keys(json)).toEqual(['id', 'category', 'question', 'answer', 'links']);
    expect(json.answer).toBe(faq.entries[8]!.answer);
    expect(runBin(['show', 'a9', '--raw']).stdout).toBe(`${faq.entries[8]!.answer}\n`);
  });

  test('show a10: exit 1, a1 suggested on stderr', () => {
    const r = runBin(['show', 'a10']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Vouliez-vous dire : a1 ?');
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  test('search "mot de passe": a7 first', () => {
    const r = runBin(['search', 'mot de passe']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^a7 {2}/);
    expect(r.stderr).toBe('');
    const json = JSON.parse(runBin(['search', '--json', 'mot de passe']).stdout) as Record<string, unknown>[];
    expect(Object.keys(json[0]!)).toEqual(['id', 'category', 'question', 'score']);
    expect(json[0]!.id).toBe('a7');
  });

  test('search with nothing to find: [] and exit 1', () => {
    const r = runBin(['search', '--json', 'recette de crêpes']);
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe('[]');
    expect(r.stderr).toContain('mcp-faq list');
  });

  test('usage errors: exit 2, French, no stack trace', () => {
    for (const argv of [['frobnicate'], ['search'], ['search', 'x', '--limit', 'abc'], ['list', '--bogus']]) {
      const r = runBin(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^mcp-faq : /);
      expect(r.stderr).not.toMatch(NO_STACK);
    }
  });

  test('--version, --help, bare', () => {
    expect(runBin(['--version']).stdout).toBe(`${version}\n`);
    expect(runBin(['--help']).stdout).toContain('Exemples :');
    const bare = runBin([]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('Utilisation : mcp-faq');
  });

  test('FORCE_COLOR colors a pipe; NO_COLOR and --no-color win over nothing', () => {
    expect(runBin(['list'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ESCAPE);
    expect(runBin(['show', 'a1'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ESCAPE);
    expect(runBin(['list'], { env: { NO_COLOR: '1' } }).stdout).not.toMatch(ESCAPE);
    expect(runBin(['list', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ESCAPE);
  });
});

describe('the bundled FAQ is embedded', () => {
  test('bin/ and dist/ alone, run from elsewhere, answer every command', () => {
    const dir = tempDir('copy');
    cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
    cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
    const bin = join(dir, 'bin/mcp-faq.js');
    for (const argv of [['list'], ['show', 'a6'], ['search', 'mot de passe']]) {
      const r = runBin(argv, { cwd: tempDir('elsewhere'), bin });
      expect(r.code, argv.join(' ')).toBe(0);
    }
  });
});

describe('dist/: chunks and code caches', () => {
  const cache = tempDir('cache-home');

  // Runs a command through dist/main.js's loader, in a fresh node, and reports which
  // chunks it loaded and whether V8 took a code cache for them.
  const chunksOf = (argv: string[], env: Record<string, string> = {}) => {
    const script = `
      const { chunkLoader, cacheDir } = require(${JSON.stringify(join(root, 'dist/main.js'))});
      const loader = chunkLoader(${JSON.stringify(join(root, 'dist'))}, cacheDir(process.env));
      const io = { argv: ${JSON.stringify(argv)}, env: {}, stdout: { write() {}, isTTY: false }, stderr: { write() {}, isTTY: false }, stdinIsTTY: () => false };
      loader.load('cli').run(io).then((code) => { loader.saveCaches(); console.log(JSON.stringify({ code, chunks: loader.chunks() })); });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000, env: cleanEnv({ HOME: cache, ...env }) });
    return JSON.parse(r.stdout) as { code: number; chunks: { name: string; cached: boolean }[] };
  };

  test.each([
    [['list'], ['cli']],
    [['show', 'a6', '--json'], ['cli']],
    [
      ['search', 'mot de passe'],
      ['cli', 'search'],
    ],
    [
      ['search', 'fusioner'],
      ['cli', 'search', 'fuzzy'],
    ],
    [
      ['show', 'a6'],
      ['cli', 'render'],
    ],
    [
      ['show', 'relevé'],
      ['cli', 'search', 'render'],
    ],
    [
      ['--faq', join(root, FAQ_FILE), 'show', 'a6'],
      ['cli', 'faq-file', 'render', 'compose', 'color'], // composed with the styles, then laid out without them
    ],
    [
      ['--color', 'always', 'list'],
      ['cli', 'color'],
    ],
    [
      ['search', '--limit', '2', 'mdp'],
      ['cli', 'search'],
    ],
    [
      ['search', '--limit=2', 'mdp'],
      ['cli', 'args', 'search'],
    ],
    [['--help'], ['cli', 'args']],
  ])('%j loads only %j; the second run reads their code cache', (argv, expected) => {
    const first = chunksOf(argv);
    expect(first.code).toBe(0);
    expect(first.chunks.map((c) => c.name)).toEqual(expected);
    const second = chunksOf(argv);
    for (const c of second.chunks) expect(c.cached, c.name).toBe(true);
  });

  test('the caches live in one folder per build and Node, under XDG_CACHE_HOME (else ~/.cache)', () => {
    const xdg = join(cache, 'xdg');
    chunksOf(['list'], { XDG_CACHE_HOME: xdg });
    const [folder, ...others] = readdirSync(join(xdg, 'mcp-faq'));
    expect(others).toEqual([]);
    expect(folder).toContain(process.versions.v8);
    expect(readdirSync(join(xdg, 'mcp-faq', folder!))).toEqual(['other']);
    expect(readdirSync(join(xdg, 'mcp-faq', folder!, 'other'))).toEqual(['cli.cache']);
  });

  test('a damaged cache is ignored and replaced', () => {
    chunksOf(['list']);
    const [folder] = readdirSync(join(cache, '.cache/mcp-faq'));
    const file = join(cache, '.cache/mcp-faq', folder!, 'other/cli.cache');
    writeFileSync(
      file,
      readFileSync(file).map((byte, i) => (i > 64 ? byte ^ 0x5a : byte)),
    );
    const damaged = chunksOf(['list']);
    expect(damaged).toMatchObject({ code: 0, chunks: [{ name: 'cli', cached: false }] });
    expect(chunksOf(['list']).chunks).toEqual([{ name: 'cli', cached: true }]);
  });

  test.each([
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file])],
    ['a link to /dev/zero', (file: string) => symlinkSync('/dev/zero', file)],
  ])('%s in the place of a cache is not read (not waited on), and replaced by a cache', (_, plant) => {
    const home = tempDir('planted');
    chunksOf(['list'], { HOME: home });
    const [folder] = readdirSync(join(home, '.cache/mcp-faq'));
    const file = join(home, '.cache/mcp-faq', folder!, 'other/cli.cache');
    rmSync(file);
    plant(file);
    expect(chunksOf(['list'], { HOME: home })).toMatchObject({ code: 0, chunks: [{ name: 'cli', cached: false }] });
    expect(lstatSync(file).isFile()).toBe(true);
    expect(chunksOf(['list'], { HOME: home }).chunks).toEqual([{ name: 'cli', cached: true }]);
  });

  test('a relative HOME or XDG_CACHE_HOME: no cache, and nothing written where the command runs', () => {
    const cwd = tempDir('relative');
    const envs: Record<string, string>[] = [{ HOME: 'rel' }, { HOME: 'rel', XDG_CACHE_HOME: 'xdg' }];
    for (const env of envs) {
      const r = runBin(['list'], { cwd, env });
      expect(r.code).toBe(0);
      expect(readdirSync(cwd)).toEqual([]);
    }
  });

  test('a cache that cannot be written costs only itself: the run saves the others', () => {
    const home = tempDir('one-bad');
    expect(runBin(['--help'], { env: { HOME: home } }).code).toBe(0);
    const [folder] = readdirSync(join(home, '.cache/mcp-faq'));
    const other = join(home, '.cache/mcp-faq', folder!, 'other');
    for (const f of readdirSync(other)) rmSync(join(other, f));
    mkdirSync(join(other, 'cli.cache')); // a directory where cli.js's cache goes
    expect(runBin(['--help'], { env: { HOME: home } }).code).toBe(0);
    expect(readdirSync(other).sort()).toEqual(['args.cache', 'cli.cache']);
    expect(lstatSync(join(other, 'args.cache')).isFile()).toBe(true);
  });

  test('MCP_FAQ_NO_CACHE: nothing read, nothing written', () => {
    const home = join(cache, 'none');
    const r = chunksOf(['list'], { HOME: home, MCP_FAQ_NO_CACHE: '1' });
    expect(r.chunks).toEqual([{ name: 'cli', cached: false }]);
    expect(existsSync(home)).toBe(false);
  });

  test('a cache folder that cannot be written costs only the cache', () => {
    const r = runBin(['list'], { env: { HOME: '/proc/none' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('output to a pipe never creates process.stdout (io.ts writes to the descriptor)', () => {
  // process.stdout for a pipe loads Node's net module and makes the pipe non-blocking: a
  // reader that pauses would then lose the output. A probe, required before the CLI,
  // reports at exit the modules that creating the streams loads.
  const probe = join(tempDir('probe'), 'probe.cjs');
  writeFileSync(
    probe,
    "process.on('exit', () => require('node:fs').writeSync(2, 'modules:' + process.moduleLoadList.filter((m) => /^NativeModule (net|tty)$/.test(m)).join(',') + '\\n'));\n",
  );
  test.each([
    [['list'], {}],
    [['--color', 'always', 'list'], {}],
    [['--color', 'always', 'search', 'mot de passe'], {}],
    [['--color', 'always', 'show', 'a6'], {}],
    [['--color', 'always', 'show', 'a6'], { FORCE_HYPERLINK: '1' }],
  ])('%j %j', (argv, env) => {
    const r = runBin(argv, { env: { NODE_OPTIONS: `--require ${probe}`, ...env } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('modules:\n');
  });
});

// src/main.ts loads the chunks with V8 code caches it makes at the first run, on every
// Node version alike. `npm run test:all-nodes` runs this on Node 20, 22 and 24.
describe(`start-up on this Node (${process.version})`, () => {
  test('the first run saves the code caches, the next runs read them and answer the same', () => {
    const home = tempDir('start-up');
    const runs = [1, 2, 3].map(() => runBin(['search', 'mot de passe'], { env: { HOME: home } }));
    for (const r of runs) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^a7 {2}/);
      expect(r.stdout).toBe(runs[0]!.stdout);
    }
    const [folder] = readdirSync(join(home, '.cache/mcp-faq'));
    expect(folder).toContain(`-${process.versions.v8}-`);
    expect(readdirSync(join(home, '.cache/mcp-faq', folder!))).toEqual(['search']);
    expect(readdirSync(join(home, '.cache/mcp-faq', folder!, 'search')).sort()).toEqual(['cli.cache', 'search.cache']);
  });

  test('each kind of run has its own code caches, made by its first run', () => {
    const home = tempDir('kinds');
    for (const argv of [
      ['search', 'mot de passe'],
      ['show', 'a6'],
      ['--no-color', 'list'],
      ['--faq', join(root, FAQ_FILE), 'list'], // a list too: it adds only the cache of the chunk that reads the file
      ['--help'],
    ])
      expect(runBin(argv, { env: { HOME: home } }).code).toBe(0);
    const [folder] = readdirSync(join(home, '.cache/mcp-faq'));
    const files = (kind: string) => readdirSync(join(home, '.cache/mcp-faq', folder!, kind)).sort();
    expect(files('search')).toEqual(['cli.cache', 'search.cache']);
    expect(files('show')).toEqual(['cli.cache', 'render.cache']);
    expect(files('list')).toEqual(['cli.cache', 'faq-file.cache']);
    expect(files('other')).toEqual(['args.cache', 'cli.cache']); // no command
  });
});

describe('runKind: the command a command line runs, as dist/main.js guesses it before the CLI loads', () => {
  const { runKind } = createRequire(import.meta.url)(join(root, 'dist/main.js')) as { runKind: (argv: string[]) => string };
  test.each([
    [['list'], 'list'],
    [['show', 'a6'], 'show'],
    [['--no-color', 'search', 'mot'], 'search'],
    [['--color', 'always', 'list'], 'list'],
    [['--faq', 'f.md', 'show', 'a1'], 'show'],
    [['--faq=f.md', 'search', 'x'], 'search'],
    [['--faq'], 'other'],
    [['mdp'], 'other'],
    [[], 'other'],
    [['--help'], 'other'],
  ])('%j → %s', (argv, kind) => {
    expect(runKind(argv)).toBe(kind);
  });
});
