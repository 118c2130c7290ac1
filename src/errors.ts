// The one error type of mcp-faq. Every expected failure is a FaqError whose kind
// decides the exit code; cli.ts prints its message (and hint) on stderr, without a
// stack trace. Anything else that reaches cli.ts is a bug and is reported as such.

export type ErrorKind =
  /** Nothing matched, or an unknown id: exit 1. */
  | 'not-found'
  /** Bad command line: unknown command or option, missing or invalid argument: exit 2. */
  | 'usage'
  /** Bad input file: missing, unreadable, not UTF-8, or not a valid FAQ: exit 2. */
  | 'input';

export const EXIT_CODES: Record<ErrorKind, number> = {
  'not-found': 1,
  usage: 2,
  input: 2,
};

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
