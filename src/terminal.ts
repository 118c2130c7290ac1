// Decisions about the terminal, as pure functions of the environment: whether to
// color, how wide to wrap, whether and how to page. cli.ts gathers the facts
// (isTTY, columns, env) and acts on the answers.

export const COLOR_MODES = ['auto', 'always', 'never'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];
export type Env = Record<string, string | undefined>;

/**
 * Color, in this order: --color=always|never (and --no-color) decide; then
 * FORCE_COLOR as force-color.org says (set and non-empty: on, but 0, false, no and
 * off turn it off; empty: as if unset), then NO_COLOR (non-empty: off), then
 * TERM=dumb (off); otherwise color when the stream is a TTY. (chalk's own detection
 * is not used: it does not honour NO_COLOR.)
 */
export function useColor(mode: ColorMode, env: Env, isTTY: boolean): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  const force = env.FORCE_COLOR?.trim().toLowerCase();
  if (force) return !['0', 'false', 'no', 'off'].includes(force);
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/**
 * Hyperlinks (OSC 8) as FORCE_HYPERLINK says, whether or not stdout is a terminal
 * (set and not 0: on; 0: off), as supports-hyperlinks reads it; undefined when it is
 * not set: then only on a terminal that shows them.
 */
export function forcedHyperlinks(env: Env): boolean | undefined {
  return env.FORCE_HYPERLINK ? Number.parseInt(env.FORCE_HYPERLINK, 10) !== 0 : undefined;
}

/** Prose beyond this is hard to read, however wide the terminal. */
const MAX_WIDTH = 100;
/** The narrowest $COLUMNS taken when there is no terminal to measure. */
const MIN_ENV_WIDTH = 40;

/**
 * The width to wrap at: the terminal's columns (never more: no line is wider than
 * the terminal), else $COLUMNS (at least 40), else 80; at most 100 for prose.
 */
export function outputWidth(columns: number | undefined, env: Env): number {
  if (columns && columns > 0) return Math.min(MAX_WIDTH, columns);
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  return fromEnv > 0 ? Math.min(MAX_WIDTH, Math.max(MIN_ENV_WIDTH, fromEnv)) : 80;
}

/**
 * The pager command for long output on a TTY, or undefined for none: $PAGER (empty
 * or `cat`: none), else `less -FRX`. Never when stdout is not a TTY, nor when TERM is
 * dumb, unset or empty (less would stop at « WARNING: terminal is not fully functional »).
 */
export function pagerCommand(enabled: boolean, env: Env, isTTY: boolean): string | undefined {
  if (!enabled || !isTTY || !env.TERM || env.TERM === 'dumb') return undefined;
  const pager = env.PAGER ?? 'less -FRX';
  return pager.trim() === '' || pager.trim() === 'cat' ? undefined : pager;
}

/**
 * The pager's environment: less and lv told what git tells them (LESS=FRX: quit if
 * one screen, colors, no screen clearing; LV=-c: colors) unless the user says
 * otherwise; and, as mcp-faq always writes UTF-8, less told so when no charset is
 * set (under LANG=C, as in many containers, it would show « acc<C3><A9>der »).
 */
export function pagerEnv(env: Env): Env {
  const charset = env.LESSCHARSET || env.LESSCHARDEF ? {} : { LESSCHARSET: 'utf-8' }; // set but empty: none
  return { LESS: 'FRX', LV: '-c', ...env, ...charset };
}

/** Whether text is longer than the screen, so that paging it helps. */
export function needsPager(text: string, rows: number | undefined): boolean {
  return text.split('\n').length >= (rows && rows > 0 ? rows : 24);
}
