// The one file that owns the process: it reads argv and the environment, writes
// stdout and stderr, and decides the exit code. Commands are thin: they load the
// FAQ, call the pure core (search, format, render) and print what it returns.
//
// Exit codes: 0 found, 1 nothing found (or unknown id), 2 usage or input error,
// 130 the user left the interactive finder, 70 a bug (an unexpected error, printed
// with its stack).

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FaqError } from './errors.js';
import { findEntry, nearestIds, type Faq, type FaqEntry } from './faq.js';
import { entryJson, formatCandidates, formatList, formatResults, listJson, resultsJson } from './format.js';
import type { Searcher, SearchResult } from './search.js';
import { bundled, loadFaqFile, type Source } from './source.js';
import { styles } from './style.js';
import { COLOR_MODES, needsPager, outputWidth, pagerCommand, useColor, type ColorMode, type Env } from './terminal.js';
import { oneLine, quoteInput, stripControls } from './text.js';

declare const MCP_FAQ_VERSION: string;

interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

/** Everything the CLI touches of the outside world; tests pass their own. */
export interface Io {
  argv: string[];
  env: Env;
  stdout: OutStream;
  stderr: OutStream;
  /** Whether stdin is a terminal (asked only when it matters). */
  stdinIsTTY: () => boolean;
  /** Shows text through a pager command; false when the pager could not run. */
  page?: (command: string, text: string, env: Env) => Promise<boolean>;
}

interface GlobalOptions {
  faq?: string;
  color?: ColorMode | boolean;
  pager?: boolean;
}

const EXIT_BUG = 70;
/** The user left the finder (Esc, Ctrl-C), as shells report an interrupted command. */
const EXIT_CANCELLED = 130;
const BUGS_URL = 'https://github.com/mcp-faq/mcp-faq/issues';

/** Runs the CLI on the real process and sets its exit code. */
export async function main(): Promise<void> {
  const stdout = process.stdout;
  // A reader that goes away (`| head -1`) is not an error: stop writing, quietly.
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const io: Io = {
    argv: process.argv.slice(2),
    env: process.env,
    stdout,
    // process.stderr is made on first use: most runs never write to it.
    stderr: {
      write: (text: string) => process.stderr.write(text),
      get isTTY() {
        return process.stderr.isTTY;
      },
    },
    stdinIsTTY: () => process.stdin.isTTY === true,
    page: runPager,
  };
  process.exitCode = await run(io);
}

/** Pipes text into `sh -c <command>`, the pager writing to our terminal. */
async function runPager(command: string, text: string, env: Env): Promise<boolean> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env: { LESS: 'FRX', LV: '-c', ...env } });
    child.on('error', () => resolve(false));
    // 126/127: the shell could not run the command (not found, not executable).
    child.on('close', (code) => resolve(code !== 126 && code !== 127));
    child.stdin.on('error', () => {}); // the user quit the pager before the end
    child.stdin.end(text);
  });
}

/** Runs the CLI with the given argv and streams; returns the exit code. */
export async function run(io: Io): Promise<number> {
  const cli = new Cli(io);
  try {
    const program = cli.program();
    let argv = io.argv;
    if (argv.length === 0) {
      // Bare `mcp-faq`: the finder on a terminal, the help otherwise.
      if (!(io.stdout.isTTY === true && io.stdinIsTTY())) {
        io.stdout.write(program.helpInformation());
        return 0;
      }
      argv = ['browse'];
    }
    await program.parseAsync(argv, { from: 'user' });
    return cli.exitCode;
  } catch (error) {
    return cli.report(error);
  }
}

class Cli {
  exitCode = 0;
  private globals: GlobalOptions = {};
  private source?: Source;
  private searcher?: Searcher;
  private searchModule?: typeof import('./search.js');

  constructor(private readonly io: Io) {}

  program(): Command {
    const program = new Command('mcp-faq')
      .description('La FAQ du programme de Certification Microsoft, dans le terminal.')
      .usage('[options] <commande>')
      .version(MCP_FAQ_VERSION, '-V, --version', 'afficher la version')
      .helpOption('-h, --help', 'afficher l’aide')
      .helpCommand('help [commande]', 'afficher l’aide d’une commande')
      .option('--faq <fichier>', 'utiliser un autre fichier FAQ du même format (ou MCP_FAQ_FILE)')
      .addOption(new Option('--color <quand>', 'couleurs : auto, always ou never (auto par défaut)').argParser(parseColor))
      .option('--no-color', 'sans couleurs (comme --color=never)')
      .option('--no-pager', 'ne pas passer par un pager ($PAGER, sinon less) pour les longues sorties')
      .showSuggestionAfterError(true)
      .configureOutput({
        writeOut: (text) => this.io.stdout.write(text),
        writeErr: (text) => this.io.stderr.write(text),
        outputError: () => {}, // errors are translated and printed by report()
      })
      .configureHelp({ styleTitle: translateTitle, sortSubcommands: false })
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

Codes de sortie : 0 trouvé, 1 rien trouvé ou identifiant inconnu, 2 erreur d’utilisation,
130 recherche interactive quittée.`,
    );

    program
      .command('list')
      .description('lister les questions, par catégorie')
      .option('--json', 'en JSON : [{ "id", "category", "question" }]')
      .addHelpText('after', '\nExemples :\n  mcp-faq list\n  mcp-faq list --json')
      .action((options: { json?: boolean }) => this.list(options));

    program
      .command('show')
      .description('afficher la réponse à une ou plusieurs questions')
      .argument('<id...>', 'identifiants (a1, B2…), ou des mots à chercher')
      .option('--json', 'en JSON : { "id", "category", "question", "answer" } (un tableau pour plusieurs)')
      .option('--raw', 'la réponse en markdown, telle quelle')
      .addHelpText(
        'after',
        '\nExemples :\n  mcp-faq show a9\n  mcp-faq show a1 a5\n  mcp-faq show relevé de notes\n  mcp-faq show a6 --raw',
      )
      .action((ids: string[], options: { json?: boolean; raw?: boolean }) => this.show(ids, options));

    program
      .command('search')
      .description('chercher dans les questions et les réponses')
      .argument('<requête...>', 'les mots à chercher')
      .option('-n, --limit <n>', 'nombre de résultats au plus (5 par défaut)', parseLimit)
      .option('--json', 'en JSON : [{ "id", "category", "question", "score" }], le meilleur d’abord')
      .addHelpText(
        'after',
        '\nExemples :\n  mcp-faq search "mot de passe"\n  mcp-faq search telecharger certificat\n  mcp-faq search merge profiles --limit 3\n  mcp-faq search --json mdp',
      )
      .action((words: string[], options: { limit?: number; json?: boolean }) => this.search(words, options));

    program
      .command('browse')
      .description('chercher et lire de façon interactive (ce que fait mcp-faq seul sur un terminal)')
      .addHelpText(
        'after',
        '\nTapez quelques mots : la liste des questions se filtre à mesure (fautes, accents et\nanglais compris). ↑↓ pour choisir, Entrée pour lire la réponse, Échap ou Ctrl-C pour\nquitter (code 130).\n\nExemple :\n  mcp-faq browse',
      )
      .action(() => this.browse());

    program
      .command('completion')
      .description('afficher le script de complétion pour bash, zsh ou fish')
      .argument('<shell>', 'bash, zsh ou fish')
      .addHelpText(
        'after',
        '\nExemples :\n  source <(mcp-faq completion bash)                      # dans ~/.bashrc\n' +
          '  mcp-faq completion fish > ~/.config/fish/completions/mcp-faq.fish',
      )
      .action((shell: string) => this.completion(shell));

    program
      .command('__complete', { hidden: true })
      .argument('<index>')
      .argument('[words...]')
      .allowUnknownOption()
      .helpOption(false)
      .action((index: string, words: string[] = []) => this.complete(program, Number(index), words));

    return program;
  }

  // --- commands

  private async list(options: { json?: boolean }): Promise<void> {
    const { faq } = this.load();
    if (options.json) this.write(json(listJson(faq)));
    else await this.page(formatList(faq, await this.formatOptions()));
  }

  private async show(args: string[], options: { json?: boolean; raw?: boolean }): Promise<void> {
    if (options.json && options.raw) throw usage('--json et --raw ne vont pas ensemble : choisissez-en un.');
    const { faq, bundled } = this.load();
    const entries = await this.resolve(faq, args);
    if (options.raw) return this.write(entries.map((e) => `${e.answer}\n`).join('\n'));
    if (options.json) return this.write(json(entries.length === 1 ? entryJson(entries[0]!) : entries.map(entryJson)));
    const render = await import('./render.js'); // the renderer loads only for `show`
    const documents = bundled ? render.bundledDocuments() : await render.composeDocuments(entries);
    const color = this.color(this.io.stdout);
    const hyperlinks = color && (await render.supportsHyperlinks(this.io.stdout));
    const width = outputWidth(this.io.stdout.columns, this.io.env);
    return this.page(render.renderEntries(entries, documents, { width, color, hyperlinks }));
  }

  private async search(words: string[], options: { limit?: number; json?: boolean }): Promise<void> {
    const query = words.join(' ');
    if (!query.trim()) throw usage('la recherche est vide.', 'Exemple : mcp-faq search "mot de passe"');
    const { faq } = this.load();
    const results = await this.find(query, options.limit ?? 5, !options.json);
    if (options.json) {
      this.write(json(resultsJson(results, faq)));
      if (results.length === 0) this.nothingFound(query);
      return;
    }
    if (results.length === 0) throw nothingFound(query);
    this.write(formatResults(results, faq, await this.formatOptions()));
    if (this.io.stderr.isTTY) this.io.stderr.write(`\nLire une réponse : mcp-faq show ${results[0]!.id}\n`);
  }

  /** The interactive finder; Enter shows the chosen answer. */
  private async browse(): Promise<void> {
    if (!this.io.stdinIsTTY() || this.io.stdout.isTTY !== true) {
      throw usage('le mode interactif a besoin d’un terminal.', 'Sans terminal : mcp-faq list, mcp-faq search <mots>, mcp-faq show <id>');
    }
    const { faq } = this.load();
    const { runFinder } = await import('./browse.js');
    const find = (query: string) => this.find(query, faq.entries.length, true, true);
    const { rows = 24, columns = 80 } = this.io.stdout;
    const result = await runFinder(faq, find, { rows, columns, color: this.color(this.io.stdout) });
    if ('cancelled' in result) {
      this.exitCode = EXIT_CANCELLED;
      return;
    }
    await this.show([result.chosen], {});
  }

  private async completion(shell: string): Promise<void> {
    const { SHELLS, completionScript } = await import('./completion.js');
    if (!(SHELLS as readonly string[]).includes(shell)) {
      throw usage(`pas de complétion pour ${quoteInput(shell)} : choisissez bash, zsh ou fish.`, 'Exemple : mcp-faq completion bash');
    }
    this.write(completionScript(shell as (typeof SHELLS)[number]));
  }

  /** Candidates for the completion scripts: `value<TAB>description` lines. */
  private async complete(program: Command, index: number, words: string[]): Promise<void> {
    const { complete, formatCandidates } = await import('./completion.js');
    // The FAQ in use, as the completed command line would choose it.
    const faqAt = words.indexOf('--faq');
    if (faqAt >= 0 && words[faqAt + 1] && faqAt + 1 !== index) this.globals.faq = words[faqAt + 1];
    let ids: { id: string; question: string }[] = [];
    try {
      ids = this.load().faq.entries.map(({ id, question }) => ({ id, question }));
    } catch {
      // an unreadable FAQ file: complete the rest
    }
    const option = (o: Option) => ({
      names: [o.short, o.long].filter((n): n is string => Boolean(n)),
      description: o.description,
      ...(o.required || o.optional ? { values: o.long === '--color' ? [...COLOR_MODES] : [] } : {}),
    });
    const args = { show: 'ids', completion: 'shells', help: 'commands' } as const;
    const spec = {
      options: [...program.options.map(option), { names: ['-h', '--help'], description: 'afficher l’aide' }],
      commands: program.commands
        .filter((c) => !c.name().startsWith('__'))
        .map((c) => ({ name: c.name(), description: c.description(), options: c.options.map(option), args: args[c.name() as keyof typeof args] })),
      ids,
    };
    this.write(formatCandidates(complete(spec, words, Number.isInteger(index) ? index : words.length - 1)));
  }

  // --- helpers

  /** Ids → entries; anything that is not a list of ids is a query, answered when one result stands out. */
  private async resolve(faq: Faq, args: string[]): Promise<FaqEntry[]> {
    const clean = args.map((a) => stripControls(a).trim());
    const found = clean.map((a) => findEntry(faq, a));
    if (found.every((e) => e !== undefined)) return found as FaqEntry[];
    // An unknown word shaped like an id ("a10", "B3") is a mistyped id, not a query.
    const looksLikeId = (a: string) => /^[a-z]{1,3}\d{1,3}$/i.test(a);
    const unknown = clean.find((a, i) => !found[i] && looksLikeId(a));
    if (unknown !== undefined) {
      const near = nearestIds(faq, unknown);
      throw new FaqError(
        'not-found',
        `identifiant inconnu : ${quoteInput(unknown)}.`,
        (near.length ? `Vouliez-vous dire : ${near.join(', ')} ?  (mcp-faq show ${near[0]})\n` : '') +
          'Toutes les questions : mcp-faq list',
      );
    }
    const query = args.join(' ');
    if (!query.trim()) throw usage('identifiant ou recherche vide.', 'Exemple : mcp-faq show a9');
    const results = await this.find(query, 5);
    const best = this.searchModule!.clearWinner(results);
    if (best) {
      if (this.io.stderr.isTTY) this.io.stderr.write(`Meilleure réponse pour ${quoteInput(query)} : ${best.id}\n\n`);
      return [findEntry(faq, best.id)!];
    }
    if (results.length === 0) throw nothingFound(query);
    throw new FaqError(
      'not-found',
      `plusieurs réponses possibles pour ${quoteInput(query)} :\n${formatCandidates(results, faq, await this.formatOptions(this.io.stderr))}`,
      `Précisez l’identifiant : mcp-faq show ${results[0]!.id}`,
    );
  }

  private load(): Source {
    if (!this.source) {
      const file = this.globals.faq ?? (this.io.env.MCP_FAQ_FILE || undefined);
      this.source = file !== undefined ? loadFaqFile(file) : bundled();
    }
    return this.source;
  }

  /** Searches the FAQ; the search engine (Fuse.js, the index) loads only for this. */
  private async find(query: string, limit: number, snippets = false, prefix = false): Promise<SearchResult[]> {
    if (!this.searcher) {
      this.searchModule = await import('./search.js');
      const { faq, bundled } = this.load();
      this.searcher = await this.searchModule.searcherFor(faq, bundled);
    }
    return (await this.searcher.search(query, { limit, snippets, prefix })).results;
  }

  private color(stream: OutStream): boolean {
    const c = this.globals.color;
    const mode: ColorMode = c === false ? 'never' : c === true || c === undefined ? 'auto' : c;
    return useColor(mode, this.io.env, stream.isTTY === true);
  }

  private async formatOptions(stream: OutStream = this.io.stdout) {
    const tty = stream.isTTY === true;
    return { styles: await styles(this.color(stream)), width: tty ? outputWidth(stream.columns, this.io.env) : undefined };
  }

  private write(text: string): void {
    this.io.stdout.write(text);
  }

  /** Long output on a terminal goes through the pager; anything else is written as is. */
  private async page(text: string): Promise<void> {
    const out = text.endsWith('\n') ? text : `${text}\n`;
    const command = pagerCommand(this.globals.pager !== false, this.io.env, this.io.stdout.isTTY === true);
    if (command && this.io.page && needsPager(out, this.io.stdout.rows) && (await this.io.page(command, out, this.io.env))) return;
    this.write(out); // short, not a terminal, --no-pager, or no pager after all
  }

  private nothingFound(query: string): void {
    const error = nothingFound(query);
    this.io.stderr.write(`mcp-faq : ${error.message}\n${error.hint}\n`);
    this.exitCode = error.exitCode;
  }

  /** Prints an error on stderr, in French, and returns the exit code. */
  report(error: unknown): number {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      if (error.code === 'commander.help') return 2; // options but no command: commander printed the help on stderr
      const translated = translateCommanderError(error);
      this.io.stderr.write(`mcp-faq : ${translated}\nVoir : mcp-faq --help\n`);
      return 2;
    }
    if (FaqError.is(error)) {
      this.io.stderr.write(`mcp-faq : ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
      return error.exitCode;
    }
    const e = error instanceof Error ? error : new Error(String(error));
    this.io.stderr.write(`mcp-faq : erreur inattendue (un bogue) : ${oneLine(e.message, 300)}\n${e.stack ?? ''}\nMerci de la signaler : ${BUGS_URL}\n`);
    return EXIT_BUG;
  }
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function usage(message: string, hint?: string): FaqError {
  return new FaqError('usage', message, hint ?? 'Voir : mcp-faq --help');
}

function nothingFound(query: string): FaqError {
  return new FaqError(
    'not-found',
    `aucune réponse pour ${quoteInput(query)}.`,
    'Essayez d’autres mots, ou parcourez toutes les questions : mcp-faq list',
  );
}

function parseLimit(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1) {
    throw new InvalidArgumentError(`« ${oneLine(value, 20)} » n’est pas un nombre entier positif.`);
  }
  return Number(value);
}

function parseColor(value: string): ColorMode {
  if ((COLOR_MODES as readonly string[]).includes(value)) return value as ColorMode;
  throw new InvalidArgumentError(`« ${oneLine(value, 20)} » : choisissez auto, always ou never.`);
}

const TITLES: Record<string, string> = {
  'Usage:': 'Utilisation :',
  'Options:': 'Options :',
  'Commands:': 'Commandes :',
  'Arguments:': 'Arguments :',
  'Global Options:': 'Options générales :',
};

function translateTitle(title: string): string {
  return TITLES[title] ?? title;
}

const MISSING: Record<string, string> = { id: 'un identifiant (ou des mots à chercher)', requête: 'la recherche' };

/** Commander's messages are English; ours are French. The codes are commander's API. */
export function translateCommanderError(error: CommanderError): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const flag = /--[\w-]+/.exec(quoted)?.[0] ?? quoted; // "-n, --limit <n>" → "--limit"
  const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(error.message)?.[1];
  const didYouMean = suggestion ? `\nVouliez-vous dire ${quoteInput(suggestion)} ?` : '';
  switch (error.code) {
    case 'commander.unknownCommand':
      return `commande inconnue ${quoteInput(quoted)}.${didYouMean}`;
    case 'commander.unknownOption':
      return `option inconnue ${quoteInput(quoted)}.${didYouMean}`;
    case 'commander.missingArgument':
      return `il manque ${MISSING[quoted] ?? quoteInput(quoted)}.`;
    case 'commander.optionMissingArgument':
      return `l’option ${quoteInput(flag)} attend une valeur.`;
    case 'commander.invalidArgument': {
      const detail = error.message.split(' is invalid. ')[1] ?? '';
      return `valeur invalide pour ${quoteInput(flag)} : ${detail}`;
    }
    case 'commander.excessArguments':
      return `trop d’arguments${quoted ? ` pour ${quoteInput(quoted)}` : ''}.`;
    default:
      return oneLine(error.message.replace(/^error: /, ''), 300);
  }
}
