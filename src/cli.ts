// The terminal front end: argv → command → present. Commander reads the command
// line; each command asks the core (core.ts) and returns a Result; the presenter
// (present.ts) turns it into text, JSON or raw markdown; the Output is written to the
// process's streams (io.ts), through the pager when it is long, and its code is the
// exit code (see errors.ts for the codes).

import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { MAX_QUERY_CHARS, openCore, type Core } from './core.js';
import { EXIT_BUG, FaqError, usageError } from './errors.js';
import { processIo, supportsHyperlinks, type Io, type OutStream } from './io.js';
import { message, present, presentError, type Format, type Output, type Result, type View } from './present.js';
import { COLOR_MODES, needsPager, outputWidth, pagerCommand, useColor, type ColorMode } from './terminal.js';
import { editDistance, oneLine, quoteInput } from './text.js';

declare const MCP_FAQ_VERSION: string;

export type { Io };

interface GlobalOptions {
  faq?: string;
  color?: ColorMode | boolean;
  pager?: boolean;
}

/** Runs the CLI on the real process and sets its exit code. */
export async function main(): Promise<void> {
  process.exitCode = await run(processIo());
}

/** Runs the CLI with the given argv and streams; returns the exit code. */
export async function run(io: Io): Promise<number> {
  const cli = new Cli(io);
  let output: Output;
  try {
    output = await present(await cli.parse(), await cli.view());
  } catch (error) {
    output = error instanceof CommanderError ? cli.commanderOutput(error) : presentError(error);
  }
  return cli.emit(output);
}

class Cli {
  private globals: GlobalOptions = {};
  private format: Format = 'text';
  /** What commander printed itself (help, version). */
  private printed = '';
  private core?: Core;

  constructor(private readonly io: Io) {}

  /** Reads the command line and runs its command. */
  async parse(): Promise<Result> {
    let result: Result | undefined;
    const program = this.program((r) => {
      result = r;
    });
    let argv = capArgs(this.io.argv, MAX_QUERY_CHARS);
    if (!hasCommand(program, argv)) {
      // Bare `mcp-faq` (options aside): the finder on a terminal, the help otherwise.
      if (!(this.io.stdout.isTTY && this.io.stdinIsTTY())) {
        program.outputHelp();
        return { kind: 'text', text: this.printed };
      }
      argv = [...argv, 'browse'];
    }
    await program.parseAsync(argv, { from: 'user' });
    return result ?? { kind: 'text', text: this.printed };
  }

  private program(done: (result: Result) => void): Command {
    const program = new Command('mcp-faq')
      .description('La FAQ du programme de Certification Microsoft, dans le terminal.')
      .usage('[options] <commande>')
      .version(MCP_FAQ_VERSION, '-V, --version', 'afficher la version')
      .helpOption('-h, --help', 'afficher l’aide')
      .helpCommand(false)
      .option('--faq <fichier>', 'utiliser un autre fichier FAQ du même format (ou MCP_FAQ_FILE)')
      .addOption(new Option('--color <quand>', 'couleurs : auto, always ou never (auto par défaut)').choices(COLOR_MODES))
      .option('--no-color', 'sans couleurs (comme --color=never)')
      .option('--no-pager', 'ne pas passer par un pager ($PAGER, sinon less) pour les longues sorties')
      .showSuggestionAfterError(true)
      .configureOutput({
        writeOut: (text) => (this.printed += text),
        writeErr: (text) => (this.printed += text),
        outputError: () => {}, // errors are translated by commanderOutput()
      })
      .configureHelp({
        styleTitle: (title) => TITLES[title] ?? title,
        sortSubcommands: false,
        // Descriptions say the choices themselves, in French.
        optionDescription: (option) => option.description,
        argumentDescription: (argument) => argument.description,
      })
      .exitOverride()
      .hook('preAction', (_, action) => {
        this.globals = action.optsWithGlobals() as GlobalOptions;
      });
    program.addHelpText(
      'after',
      `
Exemples :
  mcp-faq search "mot de passe"    chercher (fautes, accents et anglais compris)
  mcp-faq show a9                  lire une réponse
  mcp-faq show relevé              lire la réponse qui correspond le mieux
  mcp-faq list                     toutes les questions, par catégorie
  mcp-faq                          chercher de façon interactive (sur un terminal)
  mcp-faq mcp                      servir la FAQ aux assistants (serveur MCP)

Codes de sortie : 0 trouvé, 1 rien trouvé ou identifiant inconnu, 2 erreur d’utilisation,
70 bogue, 74 sortie impossible à écrire, 130 recherche interactive quittée.`,
    );
    const examples = (...lines: string[]) => `\nExemples :\n${lines.map((l) => `  ${l}`).join('\n')}`;

    program
      .command('list')
      .description('lister les questions, par catégorie')
      .option('--json', 'en JSON : [{ "id", "category", "question" }]')
      .addHelpText('after', examples('mcp-faq list', 'mcp-faq list --json'))
      .action((options: { json?: boolean }) => {
        this.format = options.json ? 'json' : 'text';
        done({ kind: 'list', faq: this.open().faq });
      });

    program
      .command('show')
      .description('afficher la réponse à une ou plusieurs questions')
      .argument('<id...>', 'identifiants (a1, B2…), ou des mots à chercher')
      .option('--json', 'en JSON : { "id", "category", "question", "answer", "links" } (un tableau pour plusieurs)')
      .addOption(new Option('--raw', 'la réponse en markdown, telle quelle').conflicts('json'))
      .addHelpText('after', examples('mcp-faq show a9', 'mcp-faq show a1 a5', 'mcp-faq show relevé de notes', 'mcp-faq show a6 --raw'))
      .action(async (args: string[], options: { json?: boolean; raw?: boolean }) => {
        this.format = options.json ? 'json' : options.raw ? 'raw' : 'text';
        done(await this.show(args));
      });

    program
      .command('search')
      .description('chercher dans les questions et les réponses')
      .argument('<requête...>', 'les mots à chercher')
      .option('-n, --limit <n>', 'nombre de résultats au plus (5 par défaut)', parseLimit)
      .option('--json', 'en JSON : [{ "id", "category", "question", "score" }], le meilleur d’abord')
      .addHelpText(
        'after',
        examples('mcp-faq search "mot de passe"', 'mcp-faq search telecharger certificat', 'mcp-faq search merge profiles --limit 3', 'mcp-faq search --json mdp'),
      )
      .action(async (words: string[], options: { limit?: number; json?: boolean }) => {
        this.format = options.json ? 'json' : 'text';
        done(await this.search(words, options.limit ?? 5));
      });

    program
      .command('browse')
      .description('chercher et lire de façon interactive (ce que fait mcp-faq seul sur un terminal)')
      .addHelpText(
        'after',
        '\nTapez quelques mots : la liste des questions se filtre à mesure (fautes, accents et\nanglais compris). ↑↓ pour choisir, Entrée pour lire la réponse, Échap ou Ctrl-C pour\nquitter (code 130).' +
          examples('mcp-faq browse'),
      )
      .action(async () => done(await this.browse()));

    program
      .command('mcp')
      .description('servir la FAQ aux assistants (serveur MCP sur stdin/stdout)')
      .addHelpText(
        'after',
        '\nUn serveur Model Context Protocol : VS Code, Claude Desktop, Cursor… y cherchent et y\nlisent les réponses (outils search_faq, get_faq_entry, list_faq). Il répond sur\nstdout, ses messages vont sur stderr ; il s’arrête quand stdin se ferme.\nConfiguration : voir le README.' +
          examples('mcp-faq mcp', 'mcp-faq --faq ma-faq.md mcp'),
      )
      .action(async () => done(await this.mcp()));

    program
      .command('completion')
      .description('afficher le script de complétion pour bash, zsh ou fish')
      .addArgument(new Argument('<shell>', 'bash, zsh ou fish').choices(SHELLS))
      .addHelpText(
        'after',
        examples('source <(mcp-faq completion bash)                      # dans ~/.bashrc', 'mcp-faq completion fish > ~/.config/fish/completions/mcp-faq.fish'),
      )
      .action(async (shell: (typeof SHELLS)[number]) => done(await this.completion(shell)));

    program
      .command('help')
      .description('afficher l’aide d’une commande')
      .argument('[commande]', 'la commande')
      .action((name?: string) => {
        help(program, name).outputHelp();
        done({ kind: 'text', text: this.printed });
      });

    program
      .command('__complete', { hidden: true })
      .argument('<index>')
      .argument('[words...]')
      .allowUnknownOption()
      .helpOption(false)
      .action(async (index: string, words: string[] = []) => done(await this.complete(program, Number(index), words)));

    return program;
  }

  // --- commands: each returns what to present

  private async show(args: string[]): Promise<Result> {
    const core = this.open();
    return { kind: 'show', resolution: await core.resolve(args), bundled: core.bundled };
  }

  private async search(words: string[], limit: number): Promise<Result> {
    const query = words.join(' ');
    return { kind: 'search', query, found: await this.open().search(query, { limit, snippets: this.format === 'text' }) };
  }

  /** The interactive finder; Enter shows the chosen answer. */
  private async browse(): Promise<Result> {
    if (!this.io.stdinIsTTY() || !this.io.stdout.isTTY) {
      throw usageError('le mode interactif a besoin d’un terminal.', 'Sans terminal : mcp-faq list, mcp-faq search <mots>, mcp-faq show <id>');
    }
    const core = this.open();
    const { runFinder } = await import('./browse.js');
    const result = await runFinder(core, { color: this.color(this.io.stdout) });
    if ('cancelled' in result) return { kind: 'cancelled' };
    return this.show([result.chosen]);
  }

  /** The MCP server, until stdin closes. */
  private async mcp(): Promise<Result> {
    const { serve } = await import('./mcp.js');
    await serve(this.open(), MCP_FAQ_VERSION);
    return { kind: 'text', text: '' };
  }

  private async completion(shell: (typeof SHELLS)[number]): Promise<Result> {
    const { completionScript } = await import('./completion.js');
    return { kind: 'text', text: completionScript(shell) };
  }

  /** Candidates for the completion scripts: `value<TAB>description` lines. */
  private async complete(program: Command, index: number, words: string[]): Promise<Result> {
    const { complete, formatCandidates, faqOption, joinEquals } = await import('./completion.js');
    const line = joinEquals(words, Number.isInteger(index) ? index : words.length - 1);
    // The FAQ in use, as the completed command line would choose it; one that cannot
    // be read still completes commands and options.
    let ids: { id: string; question: string }[] = [];
    try {
      const file = faqOption(line.words, line.index) ?? (this.io.env.MCP_FAQ_FILE || undefined);
      ids = openCore(file).faq.entries.map(({ id, question }) => ({ id, question }));
    } catch {
      // an unreadable FAQ file: complete the rest
    }
    const option = (o: Option) => ({
      names: [o.short, o.long].filter((n): n is string => Boolean(n)),
      description: o.description,
      ...(o.required || o.optional ? { values: o.argChoices ?? [] } : {}),
    });
    const args = { show: 'ids', completion: 'shells', help: 'commands' } as const;
    const spec = {
      options: [...program.options.map(option), { names: ['-h', '--help'], description: 'afficher l’aide' }],
      commands: program.commands
        .filter((c) => !c.name().startsWith('__'))
        .map((c) => ({ name: c.name(), description: c.description(), options: c.options.map(option), args: args[c.name() as keyof typeof args] })),
      ids,
    };
    return { kind: 'text', text: formatCandidates(complete(spec, line.words, line.index)) };
  }

  // --- the outside world

  private open(): Core {
    this.core ??= openCore(this.globals.faq ?? (this.io.env.MCP_FAQ_FILE || undefined));
    return this.core;
  }

  private color(stream: OutStream): boolean {
    const c = this.globals.color;
    const mode: ColorMode = c === false ? 'never' : c === true || c === undefined ? 'auto' : c;
    return useColor(mode, this.io.env, stream.isTTY);
  }

  /** How the output will be seen: format, color, widths. */
  async view(): Promise<View> {
    const { stdout, stderr, env } = this.io;
    const color = this.color(stdout);
    return {
      format: this.format,
      stdout: { tty: stdout.isTTY, color, width: stdout.isTTY ? outputWidth(stdout.columns, env) : undefined },
      stderr: { tty: stderr.isTTY, color: this.color(stderr), width: stderr.isTTY ? outputWidth(stderr.columns, env) : undefined },
      hyperlinks: color && stdout.isTTY && (await supportsHyperlinks(stdout)),
      proseWidth: outputWidth(stdout.columns, env),
    };
  }

  /** Commander's own outcomes: help and version (exit 0), or a usage error in French. */
  commanderOutput(error: CommanderError): Output {
    if (error.exitCode === 0) return { stdout: this.printed, stderr: '', code: 0, pageable: false }; // --help, --version
    // Options but no command: commander printed the help; it goes to stderr, as a usage error.
    if (error.code === 'commander.help') return { stdout: '', stderr: this.printed, code: 2, pageable: false };
    return { stdout: '', stderr: message(translateCommanderError(error), 'Voir : mcp-faq --help'), code: 2, pageable: false };
  }

  /**
   * Writes an Output: results to stdout (through the pager when they are long on a
   * terminal; when the pager fails, directly, with a line saying so), messages to
   * stderr. Returns the exit code; an output that cannot be written is exit 74.
   */
  async emit(output: Output): Promise<number> {
    const { stdout, stderr, env } = this.io;
    try {
      try {
        let text = output.stdout;
        const pager = output.pageable && this.io.page ? pagerCommand(this.globals.pager !== false, env, stdout.isTTY) : undefined;
        let failure: string | undefined;
        if (pager && needsPager(text, stdout.rows)) {
          failure = await this.io.page!(pager, text, env);
          if (failure === undefined) text = '';
        }
        stdout.write(text);
        if (failure !== undefined) {
          stderr.write(message(`le pager ${quoteInput(pager!)} a échoué (${failure}) : la sortie est affichée directement.`, 'Sans pager : --no-pager, ou PAGER=cat'));
        }
      } finally {
        stderr.write(output.stderr);
      }
      return output.code;
    } catch (error) {
      if (!FaqError.is(error) || error.kind !== 'io') return EXIT_BUG;
      try {
        stderr.write(message(error.message, error.hint));
      } catch {
        // stderr is gone too: the exit code says it
      }
      return error.exitCode;
    }
  }
}

const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** Whether the command line names a command (`--help` and `--version` count as one). */
function hasCommand(program: Command, argv: string[]): boolean {
  const valued = program.options.filter((o) => o.required).flatMap((o) => [o.long, o.short].filter(Boolean));
  return argv.some((arg, i) => ['-h', '--help', '-V', '--version'].includes(arg) || (!arg.startsWith('-') && !valued.includes(argv[i - 1])));
}

/**
 * The command line without the words beyond `max` characters of words: a query
 * spread over a million arguments is cut before anything parses it. Options stay
 * wherever they are, with the word after each (its value, if it takes one).
 */
export function capArgs(argv: string[], max: number): string[] {
  let length = 0;
  return argv.filter((arg, i) => {
    if (arg.startsWith('-') || argv[i - 1]?.startsWith('-')) return true;
    const keep = length <= max;
    length += arg.length + 1;
    return keep;
  });
}

/** `help [command]`: the program or the command whose help to show; an unknown name is a usage error. */
function help(program: Command, name: string | undefined): Command {
  if (name === undefined) return program;
  const commands = program.commands.filter((c) => !c.name().startsWith('__'));
  const command = commands.find((c) => c.name() === name);
  if (command) return command;
  const near = commands.map((c) => c.name()).find((n) => editDistance(n, name, 2) <= 2);
  throw new FaqError('usage', `commande inconnue ${quoteInput(name)}.${near ? `\nVouliez-vous dire ${quoteInput(near)} ?` : ''}`, 'Voir : mcp-faq --help');
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

const MISSING: Record<string, string> = { id: 'un identifiant (ou des mots à chercher)', requête: 'la recherche', shell: 'le shell (bash, zsh ou fish)' };

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
        return `valeur invalide pour ${quoteInput(what ?? '')} : ${quoteInput(value ?? '')} ; choisissez ${choices.split(', ').join(', ').replace(/, ([^,]+)$/, ' ou $1')}.`;
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
