// The operations on a FAQ, as values: the one core under every front end — the
// terminal commands (cli.ts, present.ts), the interactive finder (browse.ts) and the
// MCP server (mcp.ts). It loads the FAQ, looks entries up, searches, and decides what
// `show <args>` means; it never prints, pages or exits. Expected failures are values
// (an unknown id, nothing found) or FaqErrors (a bad FAQ file, an empty query).

import { usageError } from './errors.js';
import type { DataCache } from './faq-cache.js';
import { answerLinks, findEntry, idKey, looksLikeId, nearestIds, unenclosed, type Faq, type FaqEntry, type Link } from './faq.js';
import type * as Search from './search.js';
import type { Snippet } from './search.js';
import { stripControls } from './text.js';

/** A search result, with its entry. */
export interface Hit {
  entry: FaqEntry;
  /** Relevance in [0, 1]: 1 when every word of the query is in the question. */
  score: number;
  /** The part of the answer that matches best, matched words marked. */
  snippet: Snippet;
}

export interface Found {
  /** The answers, best first; empty when the FAQ does not answer the query. */
  hits: Hit[];
  /** When there is no answer: entries that came close, best first (a hint, never an answer). */
  guesses: Hit[];
  /** When there is no answer and the query is an entry's id (« a9 »): that id, to show. */
  id?: string;
}

export interface SearchOptions {
  /** At most this many hits (default 5). */
  limit?: number;
  /** Compute snippets (default true). */
  snippets?: boolean;
  /** The last word is being typed (the finder): it matches the words it starts. */
  prefix?: boolean;
}

/** An entry for a reader: its answer's markdown and its links. */
export interface Answer extends FaqEntry {
  links: Link[];
}

/** What an id gives: its entry, or the ids nearest to it. */
export type Lookup = { entry: FaqEntry } | { unknown: string; nearest: string[] };

/** What `show <args>` means (see Core.resolve). */
export type Resolution =
  /** Entries to show; `best` when words stood for one of them. */
  /** `many`: several were asked for (`show a1 A1`), even when they are one entry. */
  | { kind: 'entries'; entries: Answer[]; many: boolean; best?: { query: string; id: string } }
  /** Arguments shaped like ids that no entry has ("a10"), each once, control characters stripped; `nearest`: their nearest ids; `ids`: the arguments that were ids. */
  | { kind: 'unknown-id'; unknown: string[]; nearest: string[]; ids: string[] }
  /** Words that match several entries alike; `ids` are the arguments that were ids. */
  | { kind: 'ambiguous'; query: string; hits: Hit[]; ids: string[] }
  /** Words that match nothing; `ids` are the arguments that were ids. */
  | { kind: 'nothing'; query: string; guesses: Hit[]; ids: string[] };

/** Input longer than this (the words of a query, all together) is cut before anything looks at it; the search engine then reads less (QUERY_CHARS_READ). */
export const MAX_INPUT_CHARS = 100 * 1024;

/** The FAQ to answer from: the bundled one, or another file. */
export interface Source {
  faq: Faq;
  /** The FAQ shipped with the tool, whose index and documents are built in. */
  bundled: boolean;
  /** Where another FAQ's derived data is cached, if anywhere. */
  cache?: DataCache;
}

// Replaced by the build (and the test set-up) with the parsed bundled FAQ (an object literal).
declare const MCP_FAQ_MODEL: Faq;

let model: Faq | undefined;

/** The FAQ shipped with the tool (parsed at build time, see src/build/build.mjs). */
export function bundled(): Source {
  model ??= MCP_FAQ_MODEL;
  return { faq: model, bundled: true };
}

/**
 * The FAQ to answer from: the bundled one, or another file (--faq, MCP_FAQ_FILE),
 * read by the chunk that only then loads (see faq-file.ts).
 */
export async function openCore(file: string | undefined, cacheDir?: string): Promise<Core> {
  const source = file !== undefined ? (await import('./faq-file.js')).loadFaqFile(file, cacheDir) : bundled();
  return new Core(source.faq, source.bundled, source.cache);
}

export class Core {
  private searcher?: Promise<Search.Searcher>;

  constructor(
    readonly faq: Faq,
    /** The FAQ shipped with the tool, whose index and documents are built in. */
    readonly bundled: boolean,
    /** Where another FAQ's index is cached, if anywhere. */
    private readonly cache?: DataCache,
  ) {}

  /** An entry by id (case and width ignored). */
  lookup(id: string): Lookup {
    const entry = findEntry(this.faq, stripControls(id));
    return entry ? { entry } : { unknown: id, nearest: nearestIds(this.faq, stripControls(id)) };
  }

  /** An entry with its links. */
  answer(entry: FaqEntry): Answer {
    // Read when asked for (JSON, MCP): the terminal shows the links in the answer itself.
    let links: Link[] | undefined;
    return {
      ...entry,
      get links() {
        return (links ??= answerLinks(entry.answer));
      },
    };
  }

  /** Ranked answers for a query, and guesses when there is none. */
  async search(query: string, options: SearchOptions = {}): Promise<Found> {
    const text = joinQuery([query]);
    if (!stripControls(text, ' ').trim()) throw usageError('la recherche est vide.', 'Exemple : mcp-faq search "mot de passe"');
    const outcome = await (await this.engine()).search(text, options);
    const hits = outcome.results.map((r) => this.hit(r));
    const id = hits.length === 0 ? findEntry(this.faq, text)?.id : undefined;
    return { hits, guesses: outcome.guesses.map((r) => this.hit(r)), ...(id ? { id } : {}) };
  }

  /**
   * What `show <args>` shows: the entries of the arguments that are ids, and the
   * best answer to the other words when one stands out. An argument shaped like an
   * id that no entry has is a mistyped id; words that match nothing, or several
   * entries alike, are said so (with the ids that were understood), never dropped.
   */
  async resolve(args: string[]): Promise<Resolution> {
    // In argument order: an entry per id, and the place of the words' answer.
    const order: (FaqEntry | 'words')[] = [];
    const words: string[] = [];
    const mistyped = new Map<string, string>(); // by idKey: « a10 A10 » is one; as given, controls stripped
    for (const arg of args.flatMap((a) => this.idList(a) ?? [a])) {
      const clean = stripControls(arg);
      const entry = findEntry(this.faq, clean);
      if (entry) order.push(entry);
      else if (looksLikeId(this.faq, clean)) {
        if (!mistyped.has(idKey(clean))) mistyped.set(idKey(clean), clean);
      } else {
        if (words.length === 0) order.push('words');
        words.push(arg);
      }
    }
    const ids = order.filter((e): e is FaqEntry => e !== 'words').map((e) => e.id);
    if (mistyped.size > 0) {
      const unknown = [...mistyped.values()];
      const nearest = [...new Set(unknown.flatMap((id) => nearestIds(this.faq, id)))];
      return { kind: 'unknown-id', unknown, nearest, ids };
    }
    const entries = (best?: FaqEntry) =>
      [...new Set(order.map((e) => (e === 'words' ? best : e)).filter((e) => e !== undefined))].map((e) => this.answer(e));
    const query = joinQuery(words);
    if (!stripControls(query, ' ').trim()) {
      if (ids.length > 0) return { kind: 'entries', entries: entries(), many: ids.length > 1 }; // blank words ask for nothing
      throw usageError('identifiant ou recherche vide.', 'Exemple : mcp-faq show a9');
    }
    const found = await this.search(query);
    const best = clearWinner(found.hits);
    if (best) return { kind: 'entries', entries: entries(best.entry), many: order.length > 1, best: { query, id: best.entry.id } };
    if (found.hits.length === 0) return { kind: 'nothing', query, guesses: found.guesses, ids };
    return { kind: 'ambiguous', query, hits: found.hits, ids };
  }

  /** The ids of an argument that lists them, copied from a list ("a1,a5", "a1;a9", 'a1 a5' quoted, "(a1, a5)"; a mistyped one among them), or undefined. */
  private idList(arg: string): string[] | undefined {
    const id = (part: string) => findEntry(this.faq, stripControls(part)) ?? looksLikeId(this.faq, stripControls(part));
    // As written ("(a1) (a5)": each in its brackets), else inside its brackets ("(a1, a5)").
    for (const list of [arg, unenclosed(arg.trim())]) {
      const parts = list.split(/[,;\s]/).filter((p) => p.trim());
      if (parts.length > 1 && parts.every(id)) return parts;
    }
    return undefined;
  }

  /** The search engine, loaded on first use (dist/search.js, and the index). */
  private engine(): Promise<Search.Searcher> {
    this.searcher ??= import('./search.js').then((module) => module.searcherFor(this.faq, this.bundled, this.cache));
    return this.searcher;
  }

  private byId?: Map<string, FaqEntry>;

  /** A result with its entry; its snippet is made when read (the finder reads few). */
  private hit(result: Search.SearchResult): Hit {
    this.byId ??= new Map(this.faq.entries.map((e) => [e.id, e]));
    return {
      entry: this.byId.get(result.id)!,
      score: result.score,
      get snippet() {
        return result.snippet;
      },
    };
  }
}

/**
 * Words as one query, cut at MAX_INPUT_CHARS as soon as it is reached: a query
 * spread over a million arguments costs no more than a long one.
 */
export function joinQuery(words: string[]): string {
  let query = '';
  for (const word of words) {
    query += query ? ` ${word}` : word;
    if (query.length >= MAX_INPUT_CHARS) return query.slice(0, MAX_INPUT_CHARS);
  }
  return query;
}

/**
 * The hit to show for `show <words>`: the best one when it clearly stands out
 * (alone, or well ahead of the next), otherwise none: the user has to choose.
 */
export function clearWinner(hits: Hit[]): Hit | undefined {
  const [first, second] = hits;
  if (!first) return undefined;
  if (!second) return first;
  return first.score >= second.score * 1.25 && first.score - second.score >= 0.1 ? first : undefined;
}
