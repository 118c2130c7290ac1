// The interactive finder (`mcp-faq` on a terminal, `mcp-faq browse`): the questions,
// filtered as the user types by the same search engine as `search`. Arrows move,
// Enter chooses, Esc or Ctrl-C leaves. It only chooses: cli.ts shows the answer.
// @inquirer/search does the prompt; this file (dist/browse.js) loads only here.

import search from '@inquirer/search';
import { entriesById, type Faq } from './faq.js';
import type { SearchResult } from './search.js';

export interface FinderChoice {
  value: string;
  name: string;
  description: string;
}

/**
 * The choices for what the user has typed: every question when nothing, else the
 * results, best first; one line each, cut to the terminal's width.
 */
export async function choicesFor(
  faq: Faq,
  term: string | undefined,
  find: (query: string) => Promise<SearchResult[]>,
  columns = 80,
): Promise<FinderChoice[]> {
  const byId = entriesById(faq);
  const width = Math.max(...faq.entries.map((e) => e.id.length));
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
  const choice = (id: string, detail?: string): FinderChoice => {
    const e = byId.get(id)!;
    const name = cut(`${e.id.padEnd(width)}  ${e.question}`, Math.max(columns - 3, 20));
    return { value: e.id, name, description: detail ? `${e.category} · ${detail}` : e.category };
  };
  if (!term?.trim()) return faq.entries.map((e) => choice(e.id));
  return (await find(term)).map((r) => choice(r.id, r.snippet.text));
}

export type FinderResult = { chosen: string } | { cancelled: true };

/**
 * Runs the finder on the terminal; resolves to the chosen id, or to `cancelled` on
 * Esc or Ctrl-C (the prompt has then restored the terminal: cursor, echo, raw mode).
 */
export async function runFinder(
  faq: Faq,
  find: (query: string) => Promise<SearchResult[]>,
  options: { rows: number; columns: number; color: boolean },
): Promise<FinderResult> {
  const controller = new AbortController();
  const onKey = (_: string, key: { name?: string } | undefined) => {
    if (key?.name === 'escape') controller.abort();
  };
  process.stdin.on('keypress', onKey);
  const plain = (s: string) => s;
  try {
    const chosen = await search<string>(
      {
        message: 'Votre question :',
        source: (term) => choicesFor(faq, term, find, options.columns),
        pageSize: Math.max(3, Math.min(faq.entries.length, options.rows - 6)),
        theme: {
          style: {
            keysHelpTip: () => '↑↓ choisir • ⏎ lire la réponse • Échap quitter',
            error: (text: string) =>
              text === 'No results found' ? 'Aucune question ne correspond : essayez d’autres mots.' : text,
            ...(options.color ? {} : { highlight: plain, searchTerm: plain, description: plain, answer: plain, message: plain }),
          },
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
  }
}
