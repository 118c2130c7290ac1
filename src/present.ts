// The presenter: what a terminal command returned (a Result), turned into what to
// print — text, JSON or raw markdown; results for stdout, messages for stderr — and
// the exit code. Pure but for loading the renderer and the theme: cli.ts decides the
// view (color, width) before and writes the Output after.

import type { Answer, Found, Hit, Resolution } from './core.js';
import { EXIT_BUG, EXIT_CANCELLED, FaqError } from './errors.js';
import type { Faq, FaqEntry } from './faq.js';
import { formatCandidates, formatHits, formatList } from './format.js';
import { oneLine, quoteInput } from './text.js';
import { loadTheme } from './theme.js';

type Format = 'text' | 'json' | 'raw';

/** What a command returns. */
export type Result =
  /** Text printed as is: help, version, completion scripts and candidates. */
  | { kind: 'text'; text: string }
  | { kind: 'list'; faq: Faq }
  | { kind: 'search'; query: string; found: Found }
  /** `bundled`: the answers' documents are prebuilt. */
  | { kind: 'show'; resolution: Resolution; bundled: boolean }
  /** The user left the finder. */
  | { kind: 'cancelled' };

/** How the output will be seen. */
export interface View {
  format: Format;
  stdout: StreamView;
  stderr: StreamView;
  /** OSC 8 hyperlinks in answers (stdout, with color). */
  hyperlinks: boolean;
  /** The width answers are wrapped at (also off a terminal: $COLUMNS, else 80). */
  proseWidth: number;
}

interface StreamView {
  /** A terminal: lists and results are wrapped to its width, next steps are suggested. */
  tty: boolean;
  color: boolean;
  /** Its width, when it is a terminal. */
  width?: number;
}

/** What to print, and the exit code. */
export interface Output {
  /** A line for stderr before the results (which answer `show <words>` chose). */
  note?: string;
  stdout: string;
  stderr: string;
  code: number;
  /** Long enough for a pager, were there one: lists and answers (never messages). */
  pageable: boolean;
}

const output = (stdout: string, stderr = '', code = 0, pageable = false): Output => ({ stdout, stderr, code, pageable });

const BUGS_URL = 'https://github.com/mcp-faq/mcp-faq/issues';

export async function present(result: Result, view: View): Promise<Output> {
  switch (result.kind) {
    case 'text':
      return output(result.text);
    case 'cancelled':
      return output('', '', EXIT_CANCELLED);
    case 'list':
      if (view.format === 'json') return output(json(listJson(result.faq)));
      return output(formatList(result.faq, await textOptions(view.stdout)), '', 0, true);
    case 'search':
      return presentSearch(result.query, result.found, view);
    case 'show':
      return presentShow(result.resolution, result.bundled, view);
  }
}

/** How many unknown ids a message names (`show z1 … z5000`: the first ones, then how many more). */
const MAX_UNKNOWN_SHOWN = 5;

async function presentSearch(query: string, found: Found, view: View): Promise<Output> {
  if (found.hits.length === 0) {
    const stdout = view.format === 'json' ? json([]) : '';
    return output(stdout, await nothingFound(query, found, view), 1);
  }
  if (view.format === 'json') return output(json(found.hits.map(hitJson)));
  const hint = view.stderr.tty ? `\nLire une réponse : mcp-faq show ${found.hits[0]!.entry.id}\n` : '';
  return output(formatHits(found.hits, await textOptions(view.stdout)), hint);
}

async function presentShow(resolution: Resolution, bundled: boolean, view: View): Promise<Output> {
  switch (resolution.kind) {
    case 'unknown-id': {
      const { unknown } = resolution;
      const ids = [...new Set(resolution.ids)]; // « show a1 a10 a1 »: a1 once
      // The ids given are no suggestion for a mistyped one (« show a1 a10 »: not a1 again).
      const nearest = resolution.nearest.filter((n) => !ids.includes(n)).slice(0, 3);
      const suggestion = nearest.length ? `Vouliez-vous dire : ${nearest.join(', ')} ?  (mcp-faq show ${nearest[0]})\n` : '';
      const given = ids.length === 0 ? '' : ids.length === 1 ? ` (${ids[0]} en est un)` : ` (${ids.join(', ')} en sont)`;
      const shown = unknown.slice(0, MAX_UNKNOWN_SHOWN).map((id) => quoteInput(id));
      const others = unknown.length - MAX_UNKNOWN_SHOWN;
      const more = others > 1 ? ` et ${others} autres` : others === 1 ? ' et 1 autre' : '';
      const what = unknown.length === 1 ? 'identifiant inconnu' : 'identifiants inconnus';
      return output('', message(`${what} : ${shown.join(', ')}${more}${given}.`, `${suggestion}Toutes les questions : mcp-faq list`), 1);
    }
    case 'nothing':
      return output('', idsNote(resolution.ids) + (await nothingFound(resolution.query, resolution, view)), 1);
    case 'ambiguous': {
      const list = formatCandidates(resolution.hits, await textOptions(view.stderr));
      const text = message(
        `plusieurs réponses possibles pour ${quoteInput(resolution.query)} :\n${list}`,
        `Précisez l’identifiant : mcp-faq show ${resolution.hits[0]!.entry.id}`,
      );
      return output('', idsNote(resolution.ids) + text, 1);
    }
    case 'entries':
      break;
  }
  const { entries, many, best } = resolution;
  const note = best && view.stderr.tty ? `Meilleure réponse pour ${quoteInput(best.query)} : ${best.id}\n\n` : '';
  // Several answers in markdown: each under a heading that says which it is.
  const raw = (e: FaqEntry) => (entries.length > 1 ? `## ${e.id} · ${e.question}\n\n${e.answer}\n` : `${e.answer}\n`);
  if (view.format === 'raw') return { ...output(entries.map(raw).join('\n')), note };
  if (view.format === 'json') return { ...output(json(many ? entries.map(entryJson) : entryJson(entries[0]!))), note };
  const render = await import('./render.js'); // the renderer loads only for `show`
  const { documents, unformatted } = bundled
    ? { documents: render.bundledDocuments(), unformatted: [] }
    : await render.composeDocuments(entries);
  const { color } = view.stdout;
  const options = { width: view.proseWidth, theme: await loadTheme(color), color, hyperlinks: color && view.hyperlinks };
  const asIs = unformatted.length
    ? message(`la mise en forme de ${unformatted.join(', ')} a échoué : réponse affichée telle quelle (markdown).`)
    : '';
  return { ...output(render.renderEntries(entries, documents, options), asIs, 0, true), note };
}

/** "Nothing found", with what came close when something did: clearly a guess. */
async function nothingFound(query: string, { guesses, id }: Pick<Found, 'guesses' | 'id'>, view: View): Promise<string> {
  if (id)
    return message(`aucune réponse pour ${quoteInput(query)}.`, `C’est l’identifiant d’une question ; pour la lire : mcp-faq show ${id}`);
  if (guesses.length === 0) {
    return message(`aucune réponse pour ${quoteInput(query)}.`, 'Essayez d’autres mots, ou parcourez toutes les questions : mcp-faq list');
  }
  const list = formatCandidates(guesses, await textOptions(view.stderr));
  return message(
    `aucune réponse sûre pour ${quoteInput(query)}.`,
    `Rien de sûr ; peut-être :\n${list}\nLire : mcp-faq show ${guesses[0]!.entry.id} ; toutes les questions : mcp-faq list`,
  );
}

/** When `show` had ids besides words that found nothing: which arguments were ids. */
function idsNote(ids: string[]): string {
  if (ids.length === 0) return '';
  const which = ids.length === 1 ? `${ids[0]} est un identifiant` : `${ids.join(', ')} sont des identifiants`;
  return `mcp-faq : ${which} ; les autres mots sont cherchés comme une question.\n`;
}

/** An error as the user sees it: a message and the next step, or a bug report. */
export function presentError(error: unknown): Output {
  if (FaqError.is(error)) return output('', message(error.message, error.hint), error.exitCode);
  const e = error instanceof Error ? error : new Error(String(error));
  const text = `mcp-faq : erreur inattendue (un bogue) : ${oneLine(e.message, 300)}\n${e.stack ?? ''}\nMerci de la signaler : ${BUGS_URL}\n`;
  return output('', text, EXIT_BUG);
}

/** `mcp-faq : <message>` and its hint, one per line. */
export const message = (text: string, hint?: string): string => `mcp-faq : ${text}\n${hint ? `${hint}\n` : ''}`;

async function textOptions(stream: StreamView) {
  return { theme: await loadTheme(stream.color), width: stream.tty ? stream.width : undefined };
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

// --- JSON shapes (documented in the README)

const listJson = (faq: Faq) => faq.entries.map(({ id, category, question }) => ({ id, category, question }));

const entryJson = ({ id, category, question, answer, links }: Answer) => ({ id, category, question, answer, links });

const hitJson = ({ entry: { id, category, question }, score }: Hit) => ({ id, category, question, score });
