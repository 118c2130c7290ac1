// What the search needs only for words its index does not know, in a file of its own
// (dist/fuzzy.js) so that most searches do not load it: stemming new words (the
// Snowball French stemmer) and correcting typos (Fuse.js, checked with an edit
// distance). The build uses it to index the bundled FAQ.

import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import Fuse from 'fuse.js/basic';
import { editDistance } from './text.js';

/**
 * Reduces a folded word to its stem with the Snowball French stemmer, which also
 * brings many English words close to their French cousins (certificate →
 * certificat, profiles → profil). Both the index and the queries go through it.
 */
export function stem(word: string): string {
  return word.length <= 3 || /\d/.test(word) ? word : frenchStemmer(word);
}

/** Corrects words to the nearest word of a vocabulary: Fuse.js finds candidates, an edit distance decides. */
export class Corrector {
  private readonly fuse: Fuse<string>;

  constructor(vocabulary: string[]) {
    this.fuse = new Fuse(vocabulary, { includeScore: true, ignoreLocation: true, threshold: 0.4, isCaseSensitive: true });
  }

  /** The nearest word and how much to trust it (1 = exact), or undefined. */
  correct(word: string): { word: string; quality: number } | undefined {
    if (word.length < 4 || word.length > 32) return undefined;
    const maxEdits = word.length >= 9 ? 2 : 1;
    let best: { word: string; distance: number } | undefined;
    for (const r of this.fuse.search(word, { limit: 12 })) {
      // In a word of four letters, only a missing letter is corrected ("pase" →
      // "passe"): a replaced one too often makes another real word ("sert" → "cert").
      if (word.length === 4 && r.item.length <= 4) continue;
      const distance = editDistance(word, r.item, maxEdits);
      if (distance <= maxEdits && (!best || distance < best.distance)) best = { word: r.item, distance };
    }
    return best && { word: best.word, quality: 1 - (0.6 * best.distance) / word.length };
  }
}
