// The bundled FAQ's data (parsed FAQ and search index), made by the very code the CLI
// runs: src/bundle.ts is bundled for node in memory and its makeBundle() applied to
// faq/. Used by the build (embedded in dist/cli.js) and by the tests (vitest.config.mts).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const FILES = {
  faq: 'faq/microsoft-certification-faq.fr.md',
  glossary: 'faq/glossary.txt',
  stopwords: 'faq/stopwords.txt',
  offtopic: 'faq/offtopic.txt',
  words: 'faq/frequent-words.txt',
};

const read = (path) => readFileSync(join(root, path), 'utf8');

/**
 * A value as JSON of ASCII characters only (the others as \u escapes: dist/ is ASCII),
 * for esbuild's `define`: the value itself, an object literal in the code, which V8 keeps
 * compiled in the code cache. JSON text in a string would be parsed again at every start
 * (0.6 % of a bare Node's instructions for `search`).
 */
export const asciiValue = (value) =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * faq/frequent-words.txt as fuzzy.ts reads it (MCP_FAQ_WORDS): one string per
 * frequency class, most common first, each " word word … ".
 */
export function frequentWords() {
  const classes = [];
  for (const line of read(FILES.words).split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [c, ...words] = line.trim().split(/\s+/);
    classes[Number(c) - 1] = `${classes[Number(c) - 1] ?? ' '}${words.join(' ')} `;
  }
  return JSON.stringify(classes);
}

/**
 * The exports of TypeScript sources, bundled for node in memory and run here: what
 * the build and the benches use of src/ without a build of their own. `options` are
 * esbuild's: the sources, as `entryPoints` or `stdin`.
 */
export async function importSources(options) {
  const result = await build({
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    define: { MCP_FAQ_WORDS: frequentWords() },
    ...options,
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  return mod.exports;
}

/** Returns the Bundle of the FAQ in faq/, or throws the parser's FaqError. */
export async function makeBundleData() {
  const { makeBundle } = await importSources({ entryPoints: [join(root, 'src/bundle.ts')] });
  const data = { glossary: read(FILES.glossary), stopwords: read(FILES.stopwords), offtopic: read(FILES.offtopic) };
  return makeBundle(read(FILES.faq), data, { faq: FILES.faq, glossary: FILES.glossary });
}
