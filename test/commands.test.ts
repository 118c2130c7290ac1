// The command line: the quick reader of the common command lines (commands.ts) and
// commander (args.ts), built from the same table, must read alike.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseArgs } from '../src/args.js';
import { COMMAND_NAMES, VALUED_GLOBAL_OPTIONS } from '../src/command-names.js';
import { COMMANDS, GLOBAL_OPTIONS, hasCommand, optionNames, readArgs } from '../src/commands.js';

describe('readArgs: the common command lines, without commander', () => {
  test.each<[string, ReturnType<typeof readArgs>]>([
    ['list', { command: 'list', args: [], options: {}, globals: {} }],
    ['list --json', { command: 'list', args: [], options: { json: true }, globals: {} }],
    ['show a9 a1', { command: 'show', args: ['a9', 'a1'], options: {}, globals: {} }],
    ['show a6 --raw', { command: 'show', args: ['a6'], options: { raw: true }, globals: {} }],
    ['search mot de passe', { command: 'search', args: ['mot', 'de', 'passe'], options: {}, globals: {} }],
    ['search -n 3 mdp --json', { command: 'search', args: ['mdp'], options: { limit: 3, json: true }, globals: {} }],
    ['--faq x.md --no-pager list', { command: 'list', args: [], options: {}, globals: { faq: 'x.md', pager: false } }],
    ['--color never show a1', { command: 'show', args: ['a1'], options: {}, globals: { color: 'never' } }],
    ['list --no-color', { command: 'list', args: [], options: {}, globals: { color: false } }],
  ])('%s', (line, invocation) => expect(readArgs(line.split(' '))).toEqual(invocation));

  test.each([
    ['--help'],
    ['list --help'],
    ['list extra'],
    ['show'],
    ['search'],
    ['show a1 --json --raw'],
    ['search -n 0 x'],
    ['search --limit=3 x'],
    ['--faq=x.md list'],
    ['--color sometimes list'],
    ['--color never --no-color list'],
    ['list --json --json'],
    ['search -- -x'],
    ['help list'],
    ['mcp extra'],
    ['completion bash'],
    ['serch x'],
  ])('%s: left to commander', (line) => expect(readArgs(line.split(' '))).toBeUndefined());
});

describe('readArgs reads as commander does', () => {
  const word = fc.constantFrom(
    'list',
    'show',
    'search',
    'browse',
    'mcp',
    'help',
    'a1',
    'A9',
    'mot',
    'relevé',
    '3',
    '0',
    'x.md',
    'never',
    'always',
    'auto',
    'sometimes',
    '--json',
    '--raw',
    '--no-color',
    '--no-pager',
    '--color',
    '--faq',
    '-n',
    '--limit',
    '--limit=2',
    '-h',
    '--help',
    '--',
    '-',
    '--jsn',
    '-x',
  );
  // Any words, and lines shaped like the common ones (a command among them), so that
  // many lines are ones the quick reader answers.
  const anyLine = fc.array(word, { maxLength: 7 });
  const commonLine = fc
    .tuple(fc.array(word, { maxLength: 3 }), fc.constantFrom('list', 'show', 'search'), fc.array(word, { maxLength: 4 }))
    .map(([before, command, after]) => [...before, command, ...after]);

  test('property: wherever the quick reader answers, commander gives the same invocation', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: anyLine, weight: 1 }, { arbitrary: commonLine, weight: 4 }), async (argv) => {
        const quick = readArgs(argv);
        if (quick === undefined) return;
        answered++;
        expect(await parseArgs(argv)).toEqual(quick);
      }),
      { numRuns: 4000 },
    );
    expect(answered).toBeGreaterThan(200); // the property was put to the test
  });
});

describe('hasCommand', () => {
  test.each<[string[], boolean]>([
    [[], false],
    [['--no-color'], false],
    [['--faq', 'x.md'], false],
    [['--color', 'never'], false],
    [['list'], true],
    [['--faq', 'x.md', 'list'], true],
    [['--help'], true],
    [['-V'], true],
    [['--color=never', '--no-cache'], false],
    [['--verison'], true], // an unknown option: commander's to judge
  ])('%j → %s', (argv, yes) => expect(hasCommand(argv)).toBe(yes));
});

describe('optionNames', () => {
  test.each([
    ['-n, --limit <n>', ['-n', '--limit']],
    ['--color <quand>', ['--color']],
    ['--no-color', ['--no-color']],
    ['-V, --version', ['-V', '--version']],
  ])('%s → %j', (flags, names) => {
    expect(optionNames(flags)).toEqual(names);
  });
});

// dist/main.js reads the command line before the table loads (src/main.ts runKind): its lists are the table's.
test('the command names and the global options that take a value are those of the table', () => {
  expect([...COMMAND_NAMES].sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  const valued = GLOBAL_OPTIONS.filter((o) => o.flags.includes('<')).flatMap((o) => optionNames(o.flags));
  expect([...VALUED_GLOBAL_OPTIONS].sort()).toEqual(valued.sort());
});
