// The one error type of mcp-faq. Every expected failure is a FaqError whose kind
// decides the exit code; the presenter (present.ts) turns it into a message (and
// hint) on stderr, without a stack trace. Anything else is a bug (exit 70).
//
// Exit codes (documented in the README):
//   0   found
//   1   not-found: nothing matched, an unknown id, several answers for `show <words>`
//   2   usage, input: bad command line; FAQ file missing, unreadable or invalid
//   70  a bug: an unexpected error, printed with its stack
//   74  io: the output could not be written (disk full, stdout closed…)
//   130 the user left the interactive finder (Esc, Ctrl-C)

export type ErrorKind =
  /** Nothing matched, or an unknown id: exit 1. */
  | 'not-found'
  /** Bad command line: unknown command or option, missing or invalid argument: exit 2. */
  | 'usage'
  /** Bad input file: missing, unreadable, not a regular file, not UTF-8, or not a valid FAQ: exit 2. */
  | 'input'
  /** The output could not be written (sysexits' EX_IOERR): exit 74. */
  | 'io';

const EXIT_CODES: Record<ErrorKind, number> = {
  'not-found': 1,
  usage: 2,
  input: 2,
  io: 74,
};

/** An unexpected error: a bug, reported with its stack. */
export const EXIT_BUG = 70;
/** The user left the finder (Esc, Ctrl-C), as shells report an interrupted command. */
export const EXIT_CANCELLED = 130;

// dist/ is several files that may each hold a copy of this class: errors are
// recognised by a brand rather than by instanceof.
const BRAND = Symbol.for('mcp-faq.FaqError');

export class FaqError extends Error {
  override readonly name = 'FaqError';
  readonly [BRAND] = true;

  static is(error: unknown): error is FaqError {
    return typeof error === 'object' && error !== null && BRAND in error;
  }

  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** The next step to take, printed after the message. */
    readonly hint?: string,
  ) {
    super(message);
  }

  get exitCode(): number {
    return EXIT_CODES[this.kind];
  }
}

/** A usage error, pointing to the help unless a better next step is given. */
export function usageError(message: string, hint = 'Voir : mcp-faq --help'): FaqError {
  return new FaqError('usage', message, hint);
}
