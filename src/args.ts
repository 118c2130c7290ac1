// The command line read by commander, built from the table of commands.ts: help,
// version, French errors with suggestions, and every command line the quick reader
// (commands.ts, readArgs) leaves to it. It returns what the line asks for — an
// Invocation, or text that commander printed (help, version) — and never acts.
// This file (dist/args.js, with commander) loads only for such command lines.

import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { VALUED_GLOBAL_OPTIONS } from './command-names.js';
import { COMMANDS, GLOBAL_OPTIONS, optionNames, PROGRAM, type CommandName, type Invocation, type OptionSpec } from './commands.js';
import { FaqError, usageError } from './errors.js';
import type { ColorMode } from './terminal.js';
import { editDistance, oneLine, quoteInput, shellWord } from './text.js';

declare const MCP_FAQ_VERSION: string;

/** What commander read: an invocation, or the text it printed (help, version). */
export type Parsed = Invocation | { text: string };

/**
 * Reads a command line; a bad one is a usage error, in French. `implied`: the command
 * (argv[0]) was put there for a line that named none (see cli.ts).
 */
export async function parseArgs(argv: string[], implied = false): Promise<Parsed> {
  const { program, printed } = buildProgram();
  let invocation: Invocation | undefined;
  program.hook('preAction', (_, action) => {
    const globals = program.opts<{ faq?: string; color?: ColorMode | boolean; pager?: boolean }>();
    const options = action.opts<Invocation['options']>();
    invocation = {
      command: action.name() as CommandName,
      args: action.args,
      options: {
        ...(options.json ? { json: true } : {}),
        ...(options.raw ? { raw: true } : {}),
        ...(options.limit !== undefined ? { limit: options.limit } : {}),
      },
      globals: {
        ...(globals.faq !== undefined ? { faq: globals.faq } : {}),
        ...(globals.color === false ? { color: false as const } : typeof globals.color === 'string' ? { color: globals.color } : {}),
        ...(globals.pager === false ? { pager: false as const } : {}),
      },
    };
  });
  const named = commandAt(argv, implied);
  try {
    await program.parseAsync(helpAfterCommand(argv, named), { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return { text: printed() }; // --help, --version
    // Options but no command: commander printed the help.
    if (error.code === 'commander.help') throw new FaqError('usage', 'il manque la commande.', printed().trimEnd());
    // The next step is the help of the command the user named, if any (`help` and a
    // command the bare line implied name none).
    const command = named < 0 || argv[named] === 'help' ? undefined : argv[named];
    const unknown = error.code === 'commander.unknownCommand' ? argv.indexOf(/'([^']*)'/.exec(error.message)?.[1] ?? '') : -1;
    const hint =
      (command ? misplaced(error, argv, named) : undefined) ??
      (unknown >= 0 ? searchHint(argv.slice(unknown), argv.slice(0, unknown)) : `Voir : mcp-faq ${command ? `${command} ` : ''}--help`);
    throw usageError(translateCommanderError(error), hint);
  }
  return invocation ?? { text: printed() };
}

/**
 * Where the command the user named is in the line: the first word that names one and
 * is not a global option's value (`--color list` names none); -1 when there is none,
 * or only the one the bare line implied.
 */
function commandAt(argv: string[], implied: boolean): number {
  const end = optionsEnd(argv);
  return argv.findIndex(
    (arg, i) => i >= (implied ? 1 : 0) && i < end && !isValue(argv, i) && COMMANDS.some((c) => c.name === arg && !c.hidden),
  );
}

/** `mcp-faq -h list` asks for the help of list, as `mcp-faq list -h` does (git's way): the help flag moved after the command. */
function helpAfterCommand(argv: string[], command: number): string[] {
  const help = argv.findIndex((arg, i) => (arg === '-h' || arg === '--help') && i < optionsEnd(argv) && !isValue(argv, i));
  if (help < 0 || command < 0 || help > command) return argv;
  return [...argv.slice(0, help), ...argv.slice(help + 1, command + 1), argv[help]!, ...argv.slice(command + 1)];
}

/** Where options end: at `--`, after which every word is an argument. */
const optionsEnd = (argv: string[]): number => (argv.includes('--') ? argv.indexOf('--') : argv.length);

/** Whether argv[i] is the value of the global option before it (`--faq -h`, `--color list`). */
const isValue = (argv: string[], i: number): boolean => VALUED_GLOBAL_OPTIONS.includes(argv[i - 1] ?? '');

/**
 * An option of the command written before it (`mcp-faq --json list`): where it goes,
 * as the next step; or an option that takes no value given one (`--json=true`). The
 * next step is the whole line mended (see mended), when it can be written out as it
 * is: a line cut, or with its spaces changed, would run something else.
 */
function misplaced(error: CommanderError, argv: string[], at: number): string | undefined {
  const written = /'(--?[\w-]+)/.exec(error.message)?.[1];
  const option = written && optionName(written);
  const options = COMMANDS.find((c) => c.name === argv[at])?.options ?? [];
  const spec = options.find((o) => optionNames(o.flags).includes(option ?? ''));
  const where = argv.findIndex((arg, i) => i < optionsEnd(argv) && optionName(arg) === option);
  if (error.code !== 'commander.unknownOption' || at < 0 || !option || !spec || where < 0) return undefined;
  const valueless = argv[where] !== option && !spec.flags.includes('<');
  if (where > at && !valueless) return undefined;
  const what = valueless ? 'ne prend pas de valeur' : 's’écrit après la commande';
  const line = mended(argv, at, options).map(shellWord).join(' ');
  return line === oneLine(line, 200) ? `${quoteInput(option)} ${what} : mcp-faq ${line}` : `${quoteInput(option)} ${what}.`;
}

/** An option's name as written: "-n3" → "-n", "--json=true" → "--json". */
const optionName = (arg: string): string => (arg.startsWith('--') ? arg.split('=')[0]! : arg.slice(0, 2));

/**
 * The command line mended: the options of the command (`options`, at `at`) written
 * before it moved after it, with their values, but before a `--`; and those that take
 * no value without the one given (`--json=true` → `--json`). Everything else stays as
 * it is and where it is, the values of global options with them.
 */
function mended(argv: string[], at: number, options: OptionSpec[]): string[] {
  const end = optionsEnd(argv);
  const specOf = (i: number) =>
    i < end && argv[i]!.startsWith('-') && !isValue(argv, i)
      ? options.find((o) => optionNames(o.flags).includes(optionName(argv[i]!)))
      : undefined;
  const mend = (i: number, spec: OptionSpec) => (spec.flags.includes('<') ? argv[i]! : optionName(argv[i]!));
  const kept: string[] = [];
  const moved: string[] = [];
  for (let i = 0; i < at; i++) {
    const spec = specOf(i);
    if (!spec) kept.push(argv[i]!);
    else moved.push(mend(i, spec), ...(spec.flags.includes('<') && argv[i] === optionName(argv[i]!) && i + 1 < at ? [argv[++i]!] : []));
  }
  const after = argv.slice(at, end).map((arg, k) => {
    const spec = specOf(at + k);
    return spec ? mend(at + k, spec) : arg;
  });
  return [...kept, ...after, ...moved, ...argv.slice(end)];
}

/**
 * An unknown command is often a search without its command (`mcp-faq relevé de notes`,
 * `mcp-faq mdp`): that search, as the next step (« Vouliez-vous dire « mcp » ? » alone
 * would start the MCP server, which waits for an assistant).
 */
function searchHint(words: string[], before: string[] = []): string {
  const line = [...before, 'search', ...words].map(shellWord).join(' ');
  return `Pour chercher ces mots : mcp-faq ${oneLine(line, 200)} ; toutes les commandes : mcp-faq --help`;
}

/**
 * `help [command]`: the help of the program or of one command; an unknown name is a
 * usage error (`words`: all the words after help, for the search it suggests).
 */
export function helpText(name?: string, words: string[] = name === undefined ? [] : [name]): string {
  const { program, printed } = buildProgram();
  const visible = program.commands.filter((c) => !c.name().startsWith('__'));
  const command = name === undefined ? program : visible.find((c) => c.name() === name);
  if (!command) {
    const near = visible.map((c) => c.name()).find((n) => editDistance(n, name!, 2) <= 2);
    throw usageError(
      `commande inconnue ${quoteInput(name!)}.${near ? `\nVouliez-vous dire ${quoteInput(near)} ?` : ''}`,
      searchHint(words),
    );
  }
  command.outputHelp();
  return printed();
}

function buildProgram(): { program: Command; printed: () => string } {
  let printed = '';
  const program = new Command(PROGRAM.name)
    .description(PROGRAM.description)
    .usage(PROGRAM.usage)
    .version(MCP_FAQ_VERSION, '-V, --version', 'afficher la version')
    .helpOption('-h, --help', 'afficher l’aide')
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => (printed += text),
      writeErr: (text) => (printed += text),
      outputError: () => {}, // errors are translated by parseArgs()
    })
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      sortSubcommands: false,
      // Descriptions say the choices themselves, in French.
      optionDescription: (option) => option.description,
      argumentDescription: (argument) => argument.description,
    })
    .exitOverride()
    .addHelpText('after', PROGRAM.help);
  for (const spec of GLOBAL_OPTIONS) program.addOption(option(spec));
  for (const spec of COMMANDS) {
    const command = program
      .command(spec.name, { hidden: spec.hidden === true })
      .description(spec.description)
      .action(() => {});
    if (spec.argument) {
      const argument = new Argument(spec.argument.syntax, spec.argument.description);
      command.addArgument(spec.argument.choices ? argument.choices(spec.argument.choices) : argument);
    }
    for (const o of spec.options) command.addOption(option(o));
    const examples = spec.examples.map((line) => `  ${line}`).join('\n');
    const help = (spec.about ?? '') + (examples && `\nExemples :\n${examples}`);
    if (help) command.addHelpText('after', help);
    if (spec.name === '__complete') command.allowUnknownOption().helpOption(false);
  }
  return { program, printed: () => printed };
}

function option(spec: OptionSpec): Option {
  const o = new Option(spec.flags, spec.description);
  if (spec.choices) o.choices(spec.choices);
  if (spec.conflicts) o.conflicts(spec.conflicts);
  if (spec.parse === 'limit') o.argParser(parseLimit);
  return o;
}

function parseLimit(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1) {
    throw new InvalidArgumentError(`« ${oneLine(value, 20)} » n’est pas un nombre entier positif.`);
  }
  return Number(value);
}

const TITLES: Record<string, string> = {
  'Usage:': 'Utilisation :',
  'Options:': 'Options :',
  'Commands:': 'Commandes :',
  'Arguments:': 'Arguments :',
  'Global Options:': 'Options générales :',
};

const MISSING: Record<string, string> = {
  id: 'un identifiant (ou des mots à chercher)',
  requête: 'la recherche',
  shell: 'le shell (bash, zsh ou fish)',
};

/** Commander's messages are English; ours are French. The codes are commander's API. */
export function translateCommanderError(error: CommanderError): string {
  const quoted = [...error.message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const flagOf = (text = '') => /--[\w-]+/.exec(text)?.[0] ?? text; // "-n, --limit <n>" → "--limit"
  const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(error.message)?.[1];
  const didYouMean = suggestion ? `\nVouliez-vous dire ${quoteInput(suggestion)} ?` : '';
  const choices = /Allowed choices are (.+)\.$/.exec(error.message)?.[1];
  switch (error.code) {
    case 'commander.unknownCommand':
      return `commande inconnue ${quoteInput(quoted[0] ?? '')}.${didYouMean}`;
    case 'commander.unknownOption':
      return `option inconnue ${quoteInput(quoted[0] ?? '')}.${didYouMean}`;
    case 'commander.missingArgument':
      return `il manque ${MISSING[quoted[0] ?? ''] ?? quoteInput(quoted[0] ?? '')}.`;
    case 'commander.optionMissingArgument':
      return `l’option ${quoteInput(flagOf(quoted[0]))} attend une valeur.`;
    case 'commander.conflictingOption':
      return `${quoteInput(flagOf(quoted[0]))} et ${quoteInput(flagOf(quoted[1]))} ne vont pas ensemble : choisissez-en une.`;
    case 'commander.invalidArgument': {
      if (choices) {
        const [value, what] = error.message.includes('command-argument') ? [quoted[0], quoted[1]] : [quoted[1], flagOf(quoted[0])];
        return `valeur invalide pour ${quoteInput(what ?? '')} : ${quoteInput(value ?? '')} ; choisissez ${choices.replace(/, ([^,]+)$/, ' ou $1')}.`;
      }
      const detail = error.message.split(' is invalid. ')[1] ?? '';
      return `valeur invalide pour ${quoteInput(flagOf(quoted[0]))} : ${detail}`;
    }
    case 'commander.excessArguments':
      return `trop d’arguments${quoted[0] ? ` pour ${quoteInput(quoted[0])}` : ''}.`;
    default:
      return oneLine(error.message.replace(/^error: /, ''), 300);
  }
}
