import { describe, expect, test } from 'vitest';
import { displayWidth } from '../src/wrap.js';
import { forcedHyperlinks, needsPager, outputWidth, pagerCommand, pagerEnv, useColor, type ColorMode } from '../src/terminal.js';
import { runCli } from './helpers.js';

describe('useColor', () => {
  test.each<[ColorMode, Record<string, string>, boolean, boolean]>([
    ['auto', {}, true, true],
    ['auto', {}, false, false],
    ['auto', { NO_COLOR: '1' }, true, false],
    ['auto', { NO_COLOR: '' }, true, true], // empty NO_COLOR does not count
    ['auto', { TERM: 'dumb' }, true, false],
    ['auto', { FORCE_COLOR: '1' }, false, true],
    ['auto', { FORCE_COLOR: '' }, false, false], // empty: as if unset (force-color.org)
    ['auto', { FORCE_COLOR: '' }, true, true],
    ['auto', { FORCE_COLOR: '', NO_COLOR: '1' }, true, false],
    ['auto', { FORCE_COLOR: '0' }, true, false],
    ['auto', { FORCE_COLOR: 'false' }, true, false],
    ['auto', { FORCE_COLOR: 'no' }, false, false],
    ['auto', { FORCE_COLOR: 'OFF' }, true, false],
    ['auto', { FORCE_COLOR: '3' }, false, true],
    ['auto', { FORCE_COLOR: 'true' }, false, true],
    ['auto', { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true], // forcing is the more specific request
    ['always', { NO_COLOR: '1', TERM: 'dumb' }, false, true],
    ['never', { FORCE_COLOR: '1' }, true, false],
  ])('%s, env %j, tty %s → %s', (mode, env, tty, expected) => expect(useColor(mode, env, tty)).toBe(expected));
});

describe('outputWidth', () => {
  test.each<[number | undefined, Record<string, string>, number]>([
    [90, {}, 90],
    [90, { COLUMNS: '60' }, 90], // the terminal knows best
    [undefined, { COLUMNS: '60' }, 60],
    [undefined, {}, 80],
    [undefined, { COLUMNS: 'large' }, 80],
    [0, { COLUMNS: '70' }, 70],
    [20, {}, 20], // never wider than the terminal
    [undefined, { COLUMNS: '20' }, 40], // a sensible minimum when nothing is measured
    [250, {}, 100], // a readable maximum for prose
  ])('columns %s, env %j → %d', (columns, env, width) => expect(outputWidth(columns, env)).toBe(width));
});

describe('pagerCommand', () => {
  test.each<[boolean, Record<string, string>, boolean, string | undefined]>([
    [true, { TERM: 'xterm' }, true, 'less -FRX'],
    [true, { TERM: 'xterm', PAGER: 'more' }, true, 'more'],
    [true, { TERM: 'xterm', PAGER: 'less -R' }, true, 'less -R'],
    [true, { TERM: 'xterm', PAGER: '' }, true, undefined],
    [true, { TERM: 'xterm', PAGER: 'cat' }, true, undefined],
    [true, { TERM: 'xterm' }, false, undefined], // never when stdout is not a terminal
    [false, { TERM: 'xterm' }, true, undefined], // --no-pager
    [true, { TERM: 'dumb' }, true, undefined],
    [true, {}, true, undefined], // TERM unset: less would stop at « terminal is not fully functional »
    [true, { TERM: '' }, true, undefined],
  ])('enabled %s, env %j, tty %s → %s', (enabled, env, tty, command) => expect(pagerCommand(enabled, env, tty)).toBe(command));

  test.each<[Record<string, string>, Record<string, string>]>([
    [{}, { LESS: 'FRX', LV: '-c', LESSCHARSET: 'utf-8' }],
    [{ LESS: 'R' }, { LESS: 'R', LV: '-c', LESSCHARSET: 'utf-8' }], // the user's options win
    [{ LESSCHARSET: 'latin1' }, { LESS: 'FRX', LV: '-c', LESSCHARSET: 'latin1' }],
    [{ LESSCHARSET: '' }, { LESS: 'FRX', LV: '-c', LESSCHARSET: 'utf-8' }], // set but empty: as if unset
    [{ LESSCHARDEF: '8bcccbcc18b95.b' }, { LESS: 'FRX', LV: '-c', LESSCHARDEF: '8bcccbcc18b95.b' }], // a charset of one's own: not overridden
  ])('pagerEnv(%j) → %j', (env, expected) => expect(pagerEnv(env)).toEqual(expected));

  test('needsPager: only output longer than the screen', () => {
    expect(needsPager('a\nb\n', 24)).toBe(false);
    expect(needsPager('x\n'.repeat(30), 24)).toBe(true);
    expect(needsPager('x\n'.repeat(30), undefined)).toBe(true);
  });
});

describe('hyperlinks', () => {
  test.each<[Record<string, string>, boolean | undefined]>([
    [{}, undefined], // the terminal decides (supports-hyperlinks)
    [{ FORCE_HYPERLINK: '1' }, true],
    [{ FORCE_HYPERLINK: 'true' }, true],
    [{ FORCE_HYPERLINK: '0' }, false],
    [{ FORCE_HYPERLINK: '' }, undefined],
  ])('forcedHyperlinks(%j) → %s', (env, forced) => expect(forcedHyperlinks(env)).toBe(forced));

  const OSC8 = '\u001b]8;;https://aka.ms/certdashboard\u0007';
  test.each<[string, Record<string, string>, string[], boolean]>([
    ['FORCE_HYPERLINK=1, --color=always, into a pipe', { FORCE_HYPERLINK: '1' }, ['--color=always'], true],
    ['--color=always into a pipe, nothing forced', {}, ['--color=always'], false],
    ['FORCE_HYPERLINK=1 without color', { FORCE_HYPERLINK: '1' }, [], false], // links are styling
    ['FORCE_HYPERLINK=0, --color=always', { FORCE_HYPERLINK: '0' }, ['--color=always'], false],
  ])('%s', async (_, env, flags, links) => {
    const r = await runCli([...flags, 'show', 'a9'], { env });
    expect(r.stdout.includes(OSC8)).toBe(links);
  });
});

describe('the pager, from the CLI', () => {
  const pagerCalls = () => {
    const calls: { command: string; text: string }[] = [];
    return { calls, page: (command: string, text: string) => (calls.push({ command, text }), Promise.resolve(undefined)) };
  };

  test.each([['list'], ['show', 'a8']])('%j longer than the terminal goes through less -FRX', async (...argv) => {
    const { calls, page } = pagerCalls();
    const r = await runCli(argv, { tty: true, columns: 80, rows: 8, page });
    expect(r.code).toBe(0);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.command).toBe('less -FRX');
    expect(calls[0]!.text.length).toBeGreaterThan(100);
    expect(r.stdout).toBe(''); // the pager printed it
  });

  test.each<[string[], Parameters<typeof runCli>[1], string]>([
    [['list'], { tty: true, rows: 100 }, 'short output'],
    [['--no-pager', 'list'], { tty: true, rows: 8 }, '--no-pager'],
    [['list', '--no-pager'], { tty: true, rows: 8 }, '--no-pager after the command'],
    [['list'], { tty: false, rows: 8 }, 'not a terminal'],
    [['list'], { tty: true, rows: 8, env: { PAGER: 'cat' } }, 'PAGER=cat'],
    [['search', 'profil', '--limit', '9'], { tty: true, rows: 8 }, 'search results are not paged'],
  ])('%j: no pager (%s)', async (argv, options, _why) => {
    const { calls, page } = pagerCalls();
    const r = await runCli(argv, { ...options, page });
    expect(calls).toEqual([]);
    expect(r.stdout.length).toBeGreaterThan(100);
  });

  test('on a narrow terminal, the message is folded, and no line starts with « : »', async () => {
    const r = await runCli(['list'], {
      tty: true,
      rows: 8,
      columns: 38,
      env: { PAGER: 'introuvable' },
      page: () => Promise.resolve('introuvable ou pas exécutable'),
    });
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(displayWidth(line)).toBeLessThanOrEqual(38);
      expect(line.trimStart()).not.toMatch(/^[:;!?»]/);
    }
  });

  test('the user’s words quoted in a folded message keep their spaces (a path copied from it is the file’s)', async () => {
    const path = '/tmp/ma faq : v2 ?.md';
    const r = await runCli(['--faq', path, 'list'], { tty: true, columns: 30 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('\u00ab\u00a0'); // the quote marks themselves hold to the words
    expect(r.stderr.match(/\u00ab\u00a0([^\u00bb]*)\u00a0\u00bb/s)?.[1]?.replace(/\n/g, ' ')).toBe(path);
  });

  test.each([[undefined], [''], ['dumb']])(
    'TERM %j: no pager (less would stop to warn of a terminal not fully functional)',
    async (term) => {
      const { calls, page } = pagerCalls();
      const r = await runCli(['list'], { tty: true, rows: 8, env: { TERM: term }, page });
      expect(calls).toEqual([]);
      expect(r.stdout).toContain('d1');
    },
  );

  test('$PAGER is used', async () => {
    const { calls, page } = pagerCalls();
    await runCli(['list'], { tty: true, rows: 8, env: { PAGER: 'more' }, page });
    expect(calls[0]?.command).toBe('more');
  });

  test('a pager that fails: the output is printed anyway, and the failure said', async () => {
    const r = await runCli(['list'], { tty: true, rows: 8, page: () => Promise.resolve('code de sortie 1') });
    expect(r.stdout).toContain('d1');
    expect(r.stderr.replace(/\u00a0/g, ' ')).toContain('le pager « less -FRX » a échoué (code de sortie 1)'); // folded: French no-break spaces
    expect(r.code).toBe(0);
  });
});
