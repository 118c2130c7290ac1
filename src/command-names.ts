// The CLI's command names and the global options that take a value, in a module of
// their own: the command table (commands.ts) types its commands with them, and
// dist/main.js, which names each kind of run's code caches after its command, gets
// them without the table.

export const COMMAND_NAMES = ['list', 'show', 'search', 'browse', 'mcp', 'completion', 'help', '__complete'] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

/**
 * The global options followed by a value (`--faq <fichier>`), for every reader that
 * must skip that value (main.ts, commands.ts, args.ts): a test checks them against the table.
 */
export const VALUED_GLOBAL_OPTIONS: readonly string[] = ['--faq', '--color'];
