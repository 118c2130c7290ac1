// The terminal front end: argv → command → present. The command line is read into
// an Invocation (commands.ts reads the common ones, commander in args.ts the rest);
// its command asks the core (core.ts) and returns a Result; the presenter
// (present.ts) turns it into text, JSON or raw markdown; the Output is written to
// the process's streams (io.ts), through the pager when it is long, and its code is
// the exit code (see errors.ts for the codes).

import { COMMANDS, GLOBAL_OPTIONS, hasCommand, readArgs, type Invocation, type Shell } from './commands.js';
import { bundled, MAX_INPUT_CHARS, openCore, type Core } from './core.js';
import { FaqError, usageError } from './errors.js';
import { processIo, supportsHyperlinks, type Io, type OutStream } from './io.js';
import { message, present, presentError, type Output, type Result, type View } from './present.js';
import { forcedHyperlinks, needsPager, outputWidth, pagerCommand, useColor } from './terminal.js';
import { frenchSpacing, quoteInput } from './text.js';
import { displayWidth, wrap } from './wrap.js';

export type { Io };

/** Runs the CLI on the real process and sets its exit code; `cacheDir`: see Io. */
export async function main(cacheDir?: string): Promise<void> {
  process.exitCode = await run({ ...processIo(), cacheDir });
}

/** Runs the CLI with the given argv and streams; returns the exit code. */
export async function run(io: Io): Promise<number> {
  const cli = new Cli(io);
  return cli.emit(await cli.output());
}

class Cli {
  private invocation?: Invocation;
  private core?: Promise<Core>;

  constructor(private readonly io: Io) {}

  /** What to print: the command line read, its command run, its result presented. */
  async output(): Promise<Output> {
    try {
      const read = await this.read();
      if ('text' in read) return { stdout: read.text, stderr: '', code: 0, pageable: false };
      this.invocation = read;
      return await present(await this.execute(read), await this.view());
    } catch (error) {
      return presentError(error);
    }
  }

  /** The command line: an Invocation, or what commander printed (help, version). */
  private async read(): Promise<Invocation | { text: string }> {
    let argv = capArgs(this.io.argv, MAX_INPUT_CHARS);
    // Bare `mcp-faq` (options aside, checked all the same): the finder on a terminal, the help otherwise.
    // (First: an option left without its value must not take the command for it.)
    const implied = !hasCommand(argv);
    if (implied) argv = [this.io.stdout.isTTY && this.io.stdinIsTTY() ? 'browse' : 'help', ...argv];
    return readArgs(argv) ?? (await import('./args.js')).parseArgs(argv, implied);
  }

  private async execute({ command, args, options }: Invocation): Promise<Result> {
    switch (command) {
      case 'list':
        return { kind: 'list', faq: (await this.open()).faq };
      case 'show':
        return this.show(args);
      case 'search': {
        const query = args.join(' ');
        return {
          kind: 'search',
          query,
          found: await (await this.open()).search(query, { limit: options.limit ?? 5, snippets: !options.json }),
        };
      }
      case 'browse':
        return this.browse();
      case 'mcp': {
        // Started by hand in a terminal, it would seem to hang: say what it waits for.
        if (this.io.stdinIsTTY())
          this.io.stderr.write(
            'mcp-faq : serveur MCP ; il attend les messages JSON-RPC d’un assistant sur stdin\n' +
              '(voir le README, « mcp-faq mcp »). Ctrl-D ou Ctrl-C pour quitter.\n',
          );
        const { serve } = await import('./mcp.js');
        await serve(await this.open(), MCP_FAQ_VERSION);
        return { kind: 'text', text: '' };
      }
      case 'completion': {
        const { completionScript } = await import('./completion.js');
        return { kind: 'text', text: completionScript(args[0] as Shell) };
      }
      case 'help':
        return { kind: 'text', text: (await import('./args.js')).helpText(args[0], args) };
      case '__complete':
        return this.complete(Number(args[0]), args.slice(1));
    }
  }

  private async show(args: string[]): Promise<Result> {
    const core = await this.open();
    return { kind: 'show', resolution: await core.resolve(args), bundled: core.bundled };
  }

  /** The interactive finder; Enter shows the chosen answer. */
  private async browse(): Promise<Result> {
    if (!this.io.stdinIsTTY() || !this.io.stdout.isTTY) {
      throw usageError(
        'le mode interactif a besoin d’un terminal.',
        'Sans terminal : mcp-faq list, mcp-faq search <mots>, mcp-faq show <id>',
      );
    }
    const { runFinder } = await import('./browse.js');
    const result = await runFinder(await this.open(), { color: this.color(this.io.stdout) });
    if ('cancelled' in result) return { kind: 'cancelled' };
    return this.show([result.chosen]);
  }

  /** Candidates for the completion scripts: `value<TAB>description` lines. */
  private async complete(index: number, words: string[]): Promise<Result> {
    const { complete, formatCandidates, faqOption, joinEquals, specOf } = await import('./completion.js');
    const line = joinEquals(words, Number.isInteger(index) ? index : words.length - 1);
    // The ids of the FAQ in use, as the completed command line would choose it, read
    // only when an id is what is completed; a FAQ that cannot be read still lets
    // commands and options complete.
    // (The chunk that reads another file loads first: completing is synchronous.)
    const file = faqOption(line.words, line.index, this.io.env) ?? (this.io.env.MCP_FAQ_FILE || undefined);
    const read = file === undefined ? undefined : (await import('./faq-file.js')).loadFaqFile;
    const ids = () => {
      try {
        const source = read && file !== undefined ? read(file, this.io.cacheDir) : bundled();
        return source.faq.entries.map(({ id, question }) => ({ id, question }));
      } catch {
        return [];
      }
    };
    return { kind: 'text', text: formatCandidates(complete(specOf(GLOBAL_OPTIONS, COMMANDS, ids), line.words, line.index)) };
  }

  // --- the outside world

  private open(): Promise<Core> {
    this.core ??= openCore(this.invocation?.globals.faq ?? (this.io.env.MCP_FAQ_FILE || undefined), this.io.cacheDir);
    return this.core;
  }

  private color(stream: OutStream): boolean {
    const color = this.invocation?.globals.color;
    return useColor(color === false ? 'never' : (color ?? 'auto'), this.io.env, stream.isTTY);
  }

  /** How the output will be seen: format, color, widths. */
  private async view(): Promise<View> {
    const { stdout, stderr, env } = this.io;
    const options = this.invocation?.options ?? {};
    const color = this.color(stdout);
    return {
      format: options.json ? 'json' : options.raw ? 'raw' : 'text',
      stdout: { tty: stdout.isTTY, color, width: stdout.isTTY ? outputWidth(stdout.columns, env) : undefined },
      stderr: { tty: stderr.isTTY, color: this.color(stderr), width: stderr.isTTY ? outputWidth(stderr.columns, env) : undefined },
      hyperlinks: color && (forcedHyperlinks(env) ?? (stdout.isTTY && (await supportsHyperlinks(stdout)))),
      proseWidth: outputWidth(stdout.columns, env),
    };
  }

  /**
   * Writes an Output: results to stdout (through the pager when they are long on a
   * terminal; when the pager fails, directly, with a line saying so), messages to
   * stderr. Returns the exit code; an output that cannot be written is exit 74.
   */
  async emit(output: Output): Promise<number> {
    const { stdout, env } = this.io;
    const stderr = { write: (text: string) => this.io.stderr.write(this.fitStderr(text)) };
    try {
      try {
        if (output.note) stderr.write(output.note);
        let text = output.stdout;
        const pager =
          output.pageable && this.io.page ? pagerCommand(this.invocation?.globals.pager !== false, env, stdout.isTTY) : undefined;
        let failure: string | undefined;
        if (pager && needsPager(text, stdout.rows)) {
          failure = await this.io.page!(pager, text, env);
          if (failure === undefined) text = '';
        }
        stdout.write(text);
        if (failure !== undefined) {
          stderr.write(
            message(
              `le pager ${quoteInput(pager!)} a échoué (${failure}) : la sortie est affichée directement.`,
              'Sans pager : --no-pager, ou PAGER=cat',
            ),
          );
        }
      } finally {
        stderr.write(output.stderr);
      }
      return output.code;
    } catch (error) {
      const report =
        FaqError.is(error) && error.kind === 'io'
          ? { stderr: message(error.message, error.hint), code: error.exitCode }
          : presentError(error);
      try {
        stderr.write(report.stderr);
      } catch {
        // stderr is gone too: the exit code says it
      }
      return report.code;
    }
  }

  /** Messages on a terminal fit its width: their lines wider than it are folded (« : » never starts a line). */
  private fitStderr(text: string): string {
    const { stderr, env } = this.io;
    if (!text || !stderr.isTTY) return text;
    const width = outputWidth(stderr.columns, env);
    return text
      .split('\n')
      .map((line) => (displayWidth(line) > width ? wrap(messageSpacing(line), width).join('\n') : line))
      .join('\n');
  }
}

/**
 * A message's French spacing (see frenchSpacing), but inside « » where it quotes the
 * user's words (a path, a query) as they are: a space there stays a space.
 */
const messageSpacing = (line: string): string =>
  line
    .split(/(\u00ab [^\u00bb]*? \u00bb)/)
    .map((part, i) => (i % 2 ? `\u00ab\u00a0${part.slice(2, -2)}\u00a0\u00bb` : frenchSpacing(part)))
    .join('');

declare const MCP_FAQ_VERSION: string;

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
