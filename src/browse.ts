// The interactive finder (`mcp-faq` on a terminal, `mcp-faq browse`): the questions,
// filtered as the user types by the core's search (the same engine as `search`).
// ↑↓ move, Enter chooses, Esc or Ctrl-C leave. It only chooses: cli.ts shows the
// answer. A prompt of @inquirer/core, laid out at every render for the terminal's
// size at that moment (a resize re-renders it); this file (dist/browse.js) loads
// only here.

import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isUpKey,
  useEffect,
  useKeypress,
  usePagination,
  useRef,
  useState,
  type KeypressEvent,
} from '@inquirer/core';
import type { Core, Hit } from './core.js';
import type { FaqEntry } from './faq.js';
import { loadTheme, type Theme } from './theme.js';
import { idColumn } from './format.js';
import { stripControls } from './text.js';
import { QUERY_CHARS_READ } from './search/clean.js';
import { ENDING_SIGNALS, holdSignals } from './signals.js';
import { displayWidth, truncate, wrap } from './wrap.js';

interface FinderChoice {
  id: string;
  /** `id  question`. */
  name: string;
  /** The category, and the snippet of the answer when it was searched (made for the chosen line only). */
  describe: () => string;
}

export interface FinderChoices {
  choices: FinderChoice[];
  /** No answer: the choices are guesses, entries that came close. */
  guesses: boolean;
}

/**
 * The choices for what the user has typed: every question when nothing (or nothing
 * but control characters), else the answers, best first, or else the guesses.
 */
export async function choicesFor(core: Core, term: string): Promise<FinderChoices> {
  const column = idColumn(core.faq.entries.map((e) => e.id));
  const choice = (e: FaqEntry, hit?: Hit): FinderChoice => ({
    id: e.id,
    name: `${column.pad(e.id)}  ${e.question}`,
    describe: () => (hit?.snippet.text ? `${e.category} · ${hit.snippet.text}` : e.category),
  });
  if (!stripControls(term, ' ').trim()) return { choices: core.faq.entries.map((e) => choice(e)), guesses: false };
  const { hits, guesses } = await core.search(term, { limit: core.faq.entries.length, prefix: true });
  if (hits.length > 0 || guesses.length === 0) return { choices: hits.map((h) => choice(h.entry, h)), guesses: false };
  return { choices: guesses.map((h) => choice(h.entry, h)), guesses: true };
}

/**
 * What the finder shows for a terminal of `columns` × `rows` under a prompt line of
 * `prompt` (as shown, styles included): every line fits, the prompt stays on screen.
 */
export function finderLayout(columns: number, rows: number, prompt = ''): { pageSize: number; cut: (text: string) => string } {
  // The prompt (on as many rows as it takes: what is typed is never cut, the cursor is
  // at its end), the page, a blank line, the description and the keys: the page gets the rest.
  // The prompt folds at word boundaries, as the prompt library does; one exactly as wide
  // as the terminal takes a row more, the cursor going below it.
  const width = Math.max(columns, 1);
  const promptRows = wrap(prompt, width).length + (displayWidth(prompt) % width === 0 ? 1 : 0);
  // Lines are cut two columns short of the edge: the pointer (❯ ) comes before them.
  return { pageSize: Math.max(1, rows - 3 - promptRows), cut: (text) => truncate(text, Math.max(columns - 2, 2)) };
}

/** What is typed and where the cursor is in it. */
export interface Edit {
  line: string;
  cursor: number;
}

/**
 * The line once `key` (a character: one UTF-16 unit, or two) is typed at the cursor of `before`, when readline
 * got it wrong: Node 20's readline, given several characters in one read (a paste,
 * fast typing, an input method), appends all but the last at the end of the line
 * whatever the cursor, and moves the cursor as if it had not ('pe' typed before
 * « mot » gave « meotp »). Undefined when `after` is right (Node 22 and later).
 */
export function mendInsert(before: Edit, key: string, after: Edit): Edit | undefined {
  const appended = before.cursor < before.line.length && after.line === before.line + key;
  if (!appended || after.cursor !== before.cursor + key.length) return undefined;
  const { line, cursor } = before;
  return { line: line.slice(0, cursor) + key + line.slice(cursor), cursor: cursor + key.length };
}

/**
 * The line once Backspace, Tab or Ctrl-W is pressed, when readline's is not what the user
 * sees: Backspace deletes a code point, where a character on the screen may be
 * several (a family 👨‍👩‍👧 is five, joined by U+200D, which tmux then draws inside
 * other text; a flag two; an accent typed apart two): the whole grapheme before the
 * cursor goes. Tab, which readline inserts as is (and a paste may hold), is a space:
 * it separates words. Undefined when `after` is right.
 */
export function mendKey(name: string | undefined, before: Edit, after: Edit): Edit | undefined {
  if (name === 'tab') return after.line.includes('\t') ? { line: after.line.replace(/\t/g, ' '), cursor: after.cursor } : undefined;
  if (name === 'C-w') {
    // Ctrl-W: the word before the cursor, up to a space, as in a shell; readline's words
    // are ASCII (« relevé » lost only its « é »).
    const head = before.line.slice(0, before.cursor).replace(/\S*\s*$/, '');
    const line = head + before.line.slice(before.cursor);
    return line === after.line && head.length === after.cursor ? undefined : { line, cursor: head.length };
  }
  const deleted = before.line.length - after.line.length;
  if (name !== 'backspace' || deleted < 1 || after.cursor !== before.cursor - deleted) return undefined;
  const head = before.line.slice(0, before.cursor);
  const last = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(head)].at(-1)?.segment ?? '';
  if (last.length <= deleted) return undefined;
  return { line: head.slice(0, -last.length) + before.line.slice(before.cursor), cursor: before.cursor - last.length };
}

export type FinderResult = { chosen: string } | { cancelled: true };

interface FinderConfig {
  core: Core;
  theme: Theme;
  screen: () => { columns: number; rows: number };
  /** Calls the listener when the screen must be drawn again (resized, or back from Ctrl-Z); returns how to stop. */
  onRedraw: (listener: () => void) => () => void;
}

const finder = createPrompt<string, FinderConfig>((config, done) => {
  const { core, theme: t } = config;
  const [term, setTerm] = useState('');
  // The choices, and the term they are for.
  const [found, setFound] = useState<(FinderChoices & { term: string }) | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [active, setActive] = useState(0);
  const [, setSize] = useState(config.screen());
  // What is typed and the cursor, as the keys come (see mendInsert); `term` follows the
  // line once the keys already received are read.
  const edit = useRef<Edit>({ line: '', cursor: 0 });
  const reading = useRef<NodeJS.Immediate | undefined>(undefined);
  const fail = (error: unknown) => setFailure(error instanceof Error ? error.message : String(error));

  useEffect(() => {
    let live = true;
    choicesFor(core, term).then(
      (next) => {
        if (!live) return;
        setFound({ ...next, term });
        setFailure(undefined);
        setActive(0);
      },
      // Said on the screen: the finder stays usable (it cannot throw from here).
      (error: unknown) => live && fail(error),
    );
    return () => {
      live = false;
    };
  }, [term]);

  useEffect(() => config.onRedraw(() => setSize(config.screen())), []);

  useKeypress((key: KeypressEvent, rl) => {
    const list = found?.choices ?? [];
    if (isEnterKey(key)) {
      const { line } = edit.current;
      // Nothing to choose: keep what was typed (Enter emptied the line).
      const choose = (chosen: FinderChoice | undefined) => (chosen ? done(chosen.id) : rl.write(line));
      // Enter typed or pasted with the words, before their choices are shown: the best for those words.
      if (found?.term === line) choose(list[active]);
      else choicesFor(core, line).then((next) => choose(next.choices[0]), fail);
    } else if (isUpKey(key) || isDownKey(key)) {
      if (list.length > 0) setActive(Math.min(list.length - 1, Math.max(0, active + (isUpKey(key) ? -1 : 1))));
    } else {
      // What was typed is read once the keys already received are: a paste comes as many
      // keys at once, and each would redraw the screen and search again.
      // Node's readline and its key (the prompt library's types leave out what is used here).
      const input = rl as typeof rl & Edit;
      const { sequence, meta } = key as KeypressEvent & { sequence?: string; meta?: boolean };
      // A character typed (one, or two UTF-16 units for 😀), not a key that edits or moves.
      const printable = sequence !== undefined && !key.ctrl && !meta && /^[^\u0000-\u001f\u007f]{1,4}$/u.test(sequence);
      const mended = printable
        ? mendInsert(edit.current, sequence, input)
        : mendKey(key.ctrl ? `C-${key.name}` : key.name, edit.current, input);
      if (mended) [input.line, input.cursor] = [mended.line, mended.cursor];
      // What the search would not read (QUERY_CHARS_READ) is not kept: the line is drawn
      // again as a paste comes in, piece by piece, and a 100 KB paste took 43 s.
      if (input.line.length > QUERY_CHARS_READ)
        [input.line, input.cursor] = [input.line.slice(0, QUERY_CHARS_READ), Math.min(input.cursor, QUERY_CHARS_READ)];
      edit.current = { line: input.line, cursor: input.cursor };
      reading.current ??= setImmediate(() => {
        reading.current = undefined;
        setTerm(edit.current.line);
      });
    }
  });

  const { columns, rows } = config.screen();
  const header = `${t.prompt('?')} ${t.question('Votre question :')} ${term}`;
  const { pageSize, cut } = finderLayout(columns, rows, header);
  const list = found?.choices ?? [];
  const page = usePagination({
    items: list,
    active,
    // A line less for « Rien de sûr ; peut-être : » above guesses.
    pageSize: Math.max(1, pageSize - (found?.guesses ? 1 : 0)),
    loop: false,
    renderItem: ({ item, isActive }) => (isActive ? t.selected(`❯ ${cut(item.name)}`) : `  ${cut(item.name)}`),
  });
  const empty = failure
    ? cut(`Erreur : ${failure}`)
    : found && list.length === 0 && term.trim()
      ? cut('Aucune question ne correspond : essayez d’autres mots.')
      : '';
  const guessing = found?.guesses ? t.dim(cut('Rien de sûr ; peut-être :')) : '';
  const description = list[active]?.describe();
  const keys = t.dim(cut('↑↓ choisir • ⏎ lire la réponse • Échap quitter'));
  return [header, [guessing, empty || page, ' ', description ? t.dim(cut(description)) : '', keys].filter(Boolean).join('\n')];
});

/**
 * Runs the finder on the terminal; resolves to the chosen id, or to `cancelled` on
 * Esc or Ctrl-C (the prompt has then restored the terminal: cursor, echo, raw mode).
 */
export async function runFinder(core: Core, options: { color: boolean }): Promise<FinderResult> {
  const controller = new AbortController();
  const onKey = (_: string, key: { name?: string } | undefined) => {
    if (key?.name === 'escape') controller.abort();
  };
  process.stdin.on('keypress', onKey);
  // Killed from outside (kill, timeout, a closed terminal), the finder first restores
  // the terminal as Esc does (raw mode, echo, the prompt cleared), then lets the signal
  // end the process (exit 128 + its number): Node's default would leave the terminal
  // raw for whatever runs next (an interactive bash mends it; a script does not).
  // (In raw mode Ctrl-C is a key: a SIGINT comes from outside too.)
  const releaseSignals = holdSignals([...ENDING_SIGNALS, 'SIGINT'], () => controller.abort());
  // Back from Ctrl-Z (fg): Node's readline pauses the input and leaves it to a listener
  // of its own SIGCONT to resume it, which the prompt library has not; paused, nothing
  // keeps the process alive and it ended (exit 130 after fg). Resumed once readline has paused it.
  // The terminal may have been resized meanwhile, unbeknown to a stopped process: Node
  // reads the size again at SIGWINCH (and the finder redraws, see onRedraw).
  const onContinue = () =>
    setImmediate(() => {
      process.stdin.resume();
      if (process.platform !== 'win32') process.kill(process.pid, 'SIGWINCH');
    });
  process.on('SIGCONT', onContinue);
  const out = process.stdout;
  try {
    const chosen = await finder(
      {
        core,
        theme: await loadTheme(options.color),
        screen: () => ({ columns: out.columns || 80, rows: out.rows || 24 }),
        onRedraw: (listener) => {
          out.on('resize', listener);
          process.on('SIGCONT', listener);
          return () => {
            out.off('resize', listener);
            process.off('SIGCONT', listener);
          };
        },
      },
      { signal: controller.signal, clearPromptOnDone: true },
    );
    return { chosen };
  } catch (error) {
    const name = (error as Error | undefined)?.name;
    if (name === 'AbortPromptError' || name === 'ExitPromptError') return { cancelled: true };
    throw error;
  } finally {
    process.stdin.off('keypress', onKey);
    process.off('SIGCONT', onContinue);
    releaseSignals();
  }
}
