// Shell completion: the candidates (pure), then the scripts in real shells, with the
// built binary on PATH as `mcp-faq`.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { complete, joinEquals, shellPath, type CompletionSpec } from '../src/completion.js';
import { faq, fixturePath, root, runCli } from './helpers.js';
import { cleanEnv, PATH, requireCommand, tempDir } from './sandbox.js';
import { closeTerminals, zshWithCompletion } from './terminal-session.js';

const spec: CompletionSpec = {
  options: [
    { names: ['--faq'], description: 'fichier', values: [] },
    { names: ['--color'], description: 'couleurs', values: ['auto', 'always', 'never'] },
    { names: ['--no-color'], description: 'sans couleurs' },
  ],
  commands: [
    { name: 'list', description: 'lister', options: [{ names: ['--json'], description: 'JSON' }] },
    { name: 'show', description: 'afficher', options: [{ names: ['--raw'], description: 'brut' }], args: 'ids' },
    { name: 'search', description: 'chercher', options: [{ names: ['-n', '--limit'], description: 'n', values: [] }] },
    { name: 'completion', description: 'script', options: [], args: 'shells' },
  ],
  ids: () => [
    { id: 'a1', question: 'Q1' },
    { id: 'a10', question: 'Q10' },
    { id: 'b1', question: 'Q2' },
  ],
};

describe('complete', () => {
  test.each<[string[], number, string[]]>([
    [[''], 0, ['list', 'show', 'search', 'completion']],
    [['sh'], 0, ['show']],
    [['s'], 0, ['show', 'search']],
    [['--'], 0, ['--faq', '--color', '--no-color']],
    [['--color', ''], 1, ['auto', 'always', 'never']],
    [['--color', 'a'], 1, ['auto', 'always']],
    [['show', 'a'], 1, ['a1', 'a10']],
    [['show', 'A'], 1, ['a1', 'a10']],
    [['show', 'a1', ''], 2, ['a1', 'a10', 'b1']],
    [['show', '--'], 1, ['--faq', '--color', '--no-color', '--raw']],
    [['search', '--l'], 1, ['--limit']],
    [['search', 'mot', ''], 2, []],
    [['completion', ''], 1, ['bash', 'zsh', 'fish']],
    [['--faq', 'x.md', 'show', 'b'], 3, ['b1']],
    [['--faq', ''], 1, []],
  ])('%j at %d → %j', (words, index, values) => {
    expect(complete(spec, words, index).map((c) => c.value)).toEqual(values);
  });

  test.each<[string[], number, string[], number]>([
    [['--faq', '=', 'x.md', 'show', ''], 4, ['--faq=x.md', 'show', ''], 2],
    [['--faq', 'faq', ':', 'v2.md', 'show', ''], 5, ['--faq', 'faq:v2.md', 'show', ''], 3],
    [['--faq', 'faq', ':', ''], 3, ['--faq', 'faq:'], 1], // completing after the colon
    [['--faq', '=', 'a', ':', 'b.md', ''], 5, ['--faq=a:b.md', ''], 1],
  ])('joinEquals(%j, %d): the words bash cut at = and :, joined again', (words, index, joined, at) => {
    expect(joinEquals(words, index)).toEqual({ words: joined, index: at });
  });

  test('ids come with their question as description', () => {
    expect(complete(spec, ['show', 'b'], 1)).toEqual([{ value: 'b1', description: 'Q2' }]);
  });

  test('the CLI completes from its real commands, options and FAQ', async () => {
    const lines = async (...words: string[]) =>
      (await runCli(['__complete', String(words.length - 1), '--', ...words])).stdout.split('\n').filter(Boolean);
    expect(await lines('')).toEqual(
      expect.arrayContaining([
        'list\tlister les questions, par catégorie',
        'browse\tchercher et lire de façon interactive (ce que fait mcp-faq seul sur un terminal)',
      ]),
    );
    expect((await lines('')).some((l) => l.startsWith('__'))).toBe(false);
    expect(await lines('show', 'a9')).toEqual([`a9\t${faq.entries[8]!.question}`]);
    expect((await lines('search', '--')).map((l) => l.split('\t')[0])).toEqual(
      expect.arrayContaining(['--limit', '--json', '--faq', '--help']),
    );
    expect(await lines('--faq', fixturePath('english.md'), 'show', 'p')).toEqual([
      'p1\tHow do I reset my password?',
      'p2\tHow do I delete my account?',
    ]);
  });
});

describe('shellPath: the --faq file as the shell passes it', () => {
  test.each([
    ['faqs/x.md', 'faqs/x.md'],
    ['"faqs/x.md"', 'faqs/x.md'],
    ["'dir with space/x.md'", 'dir with space/x.md'],
    ['dir\\ with\\ space/x.md', 'dir with space/x.md'],
    ['"a \\"b\\" \\x.md"', 'a "b" \\x.md'], // in double quotes, a backslash escapes only " \\ $ `
    ["'it''s'.md", 'its.md'],
    ['~/x.md', '/home/me/x.md'],
    ['~', '/home/me'],
    ['"~/x.md"', '~/x.md'], // quoted: no home, as in the shell
    ['a~/x.md', 'a~/x.md'],
    ['$HOME/x.md', '/home/me/x.md'],
    ['"${HOME}/dir x/f.md"', '/home/me/dir x/f.md'],
    ["'$HOME/x.md'", '$HOME/x.md'], // single quotes: as is
    ['\\$HOME', '$HOME'],
    ['$NOPE/x.md', '/x.md'],
  ])('%s → %s', (word, path) => expect(shellPath(word, { HOME: '/home/me' })).toBe(path));
});

describe('the scripts, in real shells', () => {
  // The built binary on PATH as `mcp-faq`; the shells read no start-up file, and their
  // HOME is the test's own (test/sandbox.ts).
  const dir = tempDir('path');
  writeFileSync(
    join(dir, 'mcp-faq'),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'bin/mcp-faq.js'))} "$@"\n`,
  );
  chmodSync(join(dir, 'mcp-faq'), 0o755);
  const env = cleanEnv({ PATH: `${dir}:${PATH}` });
  afterEach(closeTerminals);

  test('bash: sourcing the script completes `mcp-faq sh` and `mcp-faq show a`', () => {
    const bash = requireCommand('bash');
    const script = `
      source <(mcp-faq completion bash)
      comp() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _mcp_faq; echo "\${COMPREPLY[*]}"; }
      comp mcp-faq sh
      comp mcp-faq show a
      comp mcp-faq --color ''
      comp mcp-faq completion z`;
    const r = spawnSync(bash, ['--norc', '--noprofile', '-c', script], { encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual(['show', 'a1 a2 a3 a4 a5 a6 a7 a8 a9', 'auto always never', 'zsh', '']);
  });

  test('bash: ids of a --faq file written in quotes, with escaped spaces, or from ~', () => {
    const bash = requireCommand('bash');
    const home = tempDir('home');
    mkdirSync(join(home, 'dir with space'));
    copyFileSync(fixturePath('english.md'), join(home, 'dir with space', 'e.md'));
    const script = `
      source <(mcp-faq completion bash)
      comp() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _mcp_faq; echo "\${COMPREPLY[*]}"; }
      cd "$HOME"
      comp mcp-faq --faq '"dir with space/e.md"' show ''
      comp mcp-faq --faq 'dir\\ with\\ space/e.md' show ''
      comp mcp-faq --faq '~/dir\\ with\\ space/e.md' show ''
      comp mcp-faq --faq '"$HOME/dir with space/e.md"' show ''`;
    const r = spawnSync(bash, ['--norc', '--noprofile', '-c', script], { encoding: 'utf8', env: { ...env, HOME: home } });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual(['p1 p2', 'p1 p2', 'p1 p2', 'p1 p2', '']);
  });

  test('bash: ids of a --faq file with a colon in its name (bash splits words there)', () => {
    const bash = requireCommand('bash');
    const home = tempDir('home');
    copyFileSync(fixturePath('english.md'), join(home, 'faq:v2.md'));
    // As bash gives them: COMP_WORDS cut at COMP_WORDBREAKS (: among them).
    const script = `
      source <(mcp-faq completion bash)
      comp() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _mcp_faq; echo "\${COMPREPLY[*]}"; }
      cd "$HOME"
      comp mcp-faq --faq faq : v2.md show ''
      comp mcp-faq --faq = faq : v2.md show p
      comp mcp-faq show ''`;
    const r = spawnSync(bash, ['--norc', '--noprofile', '-c', script], { encoding: 'utf8', env: { ...env, HOME: home } });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual(['p1 p2', 'p1 p2', 'a1 a2 a3 a4 a5 a6 a7 a8 a9 b1 b2 c1 d1', '']);
  });

  test('fish: `mcp-faq sh` and `mcp-faq show a`, with descriptions', () => {
    const fish = requireCommand('fish');
    const r = spawnSync(
      fish,
      ['--no-config', '-c', 'mcp-faq completion fish | source; complete -C "mcp-faq sh"; complete -C "mcp-faq show a9"'],
      { encoding: 'utf8', env },
    );
    expect(r.stdout).toBe(`show\tafficher la réponse à une ou plusieurs questions\na9\t${faq.entries[8]!.question}\n`);
  });

  test('zsh: Tab completes `mcp-faq sh` and lists ids with their questions', async () => {
    const zsh = requireCommand('zsh');
    const session = await zshWithCompletion(zsh, env);
    session.type('mcp-faq sh');
    session.press('Tab');
    await session.waitFor(/^\$ mcp-faq show\s*$/m); // (capture-pane drops trailing spaces)
    session.press('C-u');
    session.type('mcp-faq show a');
    session.press('Tab');
    await session.waitFor(/^a9 +-- Comment puis-je accéder à mon relevé de note/m);
  });

  test('zsh: a FAQ named by MCP_FAQ_FILE before the command gives its ids', async () => {
    const zsh = requireCommand('zsh');
    const session = await zshWithCompletion(zsh, env);
    session.type(`MCP_FAQ_FILE=${fixturePath('english.md')} mcp-faq show `);
    session.press('Tab');
    await session.waitFor(/mcp-faq show p\s*$/m); // p1 and p2 share « p »
    session.press('Tab');
    await session.waitFor(/^p1 +-- How do I reset my password\?/m);
  });

  test('zsh: an assignment before another command on the line is not this one’s', async () => {
    const zsh = requireCommand('zsh');
    const session = await zshWithCompletion(zsh, env);
    session.type(`MCP_FAQ_FILE=${fixturePath('english.md')} mcp-faq show p1; mcp-faq show a`);
    session.press('Tab');
    await session.waitFor(/^a9 +-- Comment puis-je accéder à mon relevé de note/m);
  });
});
