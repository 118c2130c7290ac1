// The built binary (bin/mcp-faq.js → dist/, built by test/global-setup.ts), run as a
// user would, on the Node running the tests. Output is piped here, so no color unless
// forced.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import Module from 'node:module';
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
    expect(Object.keys(json)).toEqual(['id', 'category', 'question', 'answer']);
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

describe('dist/: chunks and code cache', () => {
  // Runs a command through dist/main.js's loader, in a fresh node, and reports which
  // chunks it loaded and whether V8 accepted their build-time code cache.
  const chunksOf = (argv: string[]) => {
    const script = `
      const { ChunkLoader } = require(${JSON.stringify(join(root, 'dist/main.js'))});
      const loader = new ChunkLoader(${JSON.stringify(join(root, 'dist'))});
      const io = { argv: ${JSON.stringify(argv)}, env: {}, stdout: { write() {} }, stderr: { write() {} }, stdinIsTTY: () => false };
      loader.load('cli').run(io).then((code) => console.log(JSON.stringify({ code, chunks: loader.chunks() })));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: cleanEnv() });
    return JSON.parse(r.stdout) as { code: number; chunks: { name: string; cacheRejected: boolean }[] };
  };

  test.each([
    [['list'], ['cli']],
    [['show', 'a6', '--json'], ['cli']],
    [['search', 'mot de passe'], ['cli', 'search']],
    [['search', 'fusioner'], ['cli', 'search', 'fuzzy']],
    [['show', 'a6'], ['cli', 'render']],
    [['show', 'relevé'], ['cli', 'search', 'render']],
    [['--faq', join(root, FAQ_FILE), 'show', 'a6'], ['cli', 'render', 'compose']],
  ])('%j loads only %j, with their code cache', (argv, expected) => {
    const { code, chunks } = chunksOf(argv);
    expect(code).toBe(0);
    expect(chunks.map((c) => c.name)).toEqual(expected);
    for (const c of chunks.filter((c) => c.name !== 'compose')) expect(c.cacheRejected, c.name).toBe(false);
  });
});

// src/main.ts starts the CLI one of two ways: on Node ≥ 22.1, module.enableCompileCache()
// then dist/cli.js (Node keeps the compiled code in TMPDIR); before, the ChunkLoader
// with the build's code caches, which writes nothing. `npm run test:all-nodes` runs
// this on Node 20, 22 and 24.
describe(`start-up on this Node (${process.version})`, () => {
  const compileCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

  test(compileCache ? 'enableCompileCache(): Node’s compile cache, in TMPDIR' : 'the ChunkLoader and the build’s code caches: nothing written', () => {
    const tmp = tempDir('compile-cache');
    const runs = [1, 2].map(() => runBin(['search', 'mot de passe'], { env: { TMPDIR: tmp } }));
    for (const r of runs) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^a7 {2}/);
    }
    expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
    const cached = readdirSync(tmp, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    if (compileCache) expect(cached.length).toBeGreaterThan(0);
    else expect(cached).toEqual([]);
  });
});
