// Stage 1 of a search (see search.ts): what the engine looks at of a raw query.

import { stripControls } from '../text.js';

/** Longer queries are cut: a long message says what it asks well before this. */
export const MAX_QUERY_CHARS = 2048;

/** The query without escape sequences or control characters (each becomes a space), MAX_QUERY_CHARS at most. */
export function cleanQuery(query: string): string {
  return stripControls(query.slice(0, 4 * MAX_QUERY_CHARS), ' ').slice(0, MAX_QUERY_CHARS);
}
