// What the build embeds for the bundled FAQ (see src/build/bundle-data.mjs): the parsed
// FAQ (dist/cli.js), its search index (dist/search.js) and its answers composed for
// the terminal (dist/render.js). Build-time only: the CLI never imports this module.

import { compose } from './compose.js';
import { stem } from './fuzzy.js';
import { parseFaq, type Faq } from './faq.js';
import { compileLexicon } from './glossary.js';
import type { Documents } from './render.js';
import { buildIndex, type SearchIndex } from './search.js';
import { loadTheme } from './theme.js';

export interface Bundle {
  faq: Faq;
  index: SearchIndex;
  docs: Documents;
}

export async function makeBundle(
  markdown: string,
  glossary: string,
  stopwords: string,
  names = { faq: 'FAQ', glossary: 'glossary.txt' },
): Promise<Bundle> {
  const faq = parseFaq(markdown, names.faq);
  const index = buildIndex(faq, compileLexicon(glossary, stopwords, stem, names.glossary), stem);
  const theme = await loadTheme(true);
  const docs = Object.fromEntries(faq.entries.map((e) => [e.id, compose(e.answer, theme)]));
  return { faq, index, docs };
}
