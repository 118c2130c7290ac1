// Stage 1 of a search (see search.ts): what the engine looks at of a raw query.

import { stripControls } from '../text.js';

/** Longer queries are cut: a long message says what it asks well before this. */
export const QUERY_CHARS_READ = 2048;

/** The query without escape sequences or control characters (each becomes a space), QUERY_CHARS_READ at most. */
export function cleanQuery(query: string): string {
  return stripControls(query.slice(0, 4 * QUERY_CHARS_READ), ' ').slice(0, QUERY_CHARS_READ);
}
