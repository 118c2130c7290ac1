// Decisions about the terminal, as pure functions of the environment: whether to
// color, how wide to wrap, whether and how to page. cli.ts gathers the facts
// (isTTY, columns, env) and acts on the answers.

export const COLOR_MODES = ['auto', 'always', 'never'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];
export type Env = Record<string, string | undefined>;

/**
 * Color, in this order: --color=always|never (and --no-color) decide; then
 * FORCE_COLOR (non-empty and not 0/false: on; 0/false: off), then NO_COLOR
 * (non-empty: off), then TERM=dumb (off); otherwise color when the stream is a TTY.
 * chalk does not honour NO_COLOR by itself, so chalk's own detection is not used.
 */
export function useColor(mode: ColorMode, env: Env, isTTY: boolean): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force === 'false');
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

export const MIN_WIDTH = 40;
/** Prose beyond this is hard to read, however wide the terminal. */
export const MAX_WIDTH = 100;

/** The terminal's columns, else $COLUMNS, else 80; kept within [MIN_WIDTH, MAX_WIDTH]. */
export function outputWidth(columns: number | undefined, env: Env): number {
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  const width = columns && columns > 0 ? columns : fromEnv > 0 ? fromEnv : 80;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width));
}

/**
 * The pager command for long output on a TTY, or undefined for none: $PAGER (empty
 * or `cat`: none), else `less -FRX`. Never when stdout is not a TTY.
 */
export function pagerCommand(enabled: boolean, env: Env, isTTY: boolean): string | undefined {
  if (!enabled || !isTTY || env.TERM === 'dumb') return undefined;
  const pager = env.PAGER ?? 'less -FRX';
  return pager.trim() === '' || pager.trim() === 'cat' ? undefined : pager;
}

/** Whether text is longer than the screen, so that paging it helps. */
export function needsPager(text: string, rows: number | undefined): boolean {
  return text.split('\n').length >= (rows && rows > 0 ? rows : 24);
}
