// What the build embeds for the bundled FAQ (see src/build/bundle-data.mjs): the parsed
// FAQ (dist/cli.js), its search index (dist/search.js) and its answers composed for
// the terminal (dist/render.js). Build-time only: the CLI never imports this module.

import { compose } from './compose.js';
import { stem, weightClass } from './fuzzy.js';
import { parseFaq, type Faq, type FaqEntry } from './faq.js';
import { Analyzer, compileLexicon } from './glossary.js';
import type { Documents } from './render.js';
import { buildIndex, indexData, type IndexData } from './search/indexing.js';
import { answerWords, markdownToPlain } from './search/snippet.js';
import { loadTheme } from './theme.js';

export interface Bundle {
  faq: Faq;
  index: IndexData;
  docs: Documents;
  /**
   * The answers analysed for snippets (search.ts, MCP_FAQ_ANSWERS), each as JSON text:
   * a search parses only those it quotes.
   */
  answers: string[];
}

/** The data files of faq/ that the search uses, and what names them in errors. */
export interface SearchData {
  glossary: string;
  stopwords: string;
  offtopic: string;
}

export async function makeBundle(markdown: string, data: SearchData, names = { faq: 'FAQ', glossary: 'glossary.txt' }): Promise<Bundle> {
  const faq = parseFaq(markdown, names.faq);
  const lexicon = compileLexicon(data.glossary, data.stopwords, stem, names.glossary, data.offtopic);
  const index = indexData(buildIndex(faq, lexicon, stem, weightClass));
  const theme = await loadTheme(true);
  const document = (e: FaqEntry) => {
    const composed = compose(e.answer, theme);
    if (composed === undefined) throw new Error(`${names.faq}: marked échoue sur la réponse de ${e.id}`);
    return composed;
  };
  const docs = Object.fromEntries(faq.entries.map((e) => [e.id, document(e)]));
  const analyzer = new Analyzer(lexicon, stem);
  const answers = faq.entries.map((e) => JSON.stringify(answerWords(markdownToPlain(e.answer), analyzer)));
  return { faq, index, docs, answers };
}
