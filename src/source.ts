// Where the FAQ comes from: the bundled one (parsed and indexed at build time, see
// scripts/build.mjs), or another file of the same format given by --faq or
// MCP_FAQ_FILE, parsed and indexed at run time with the bundled glossary. Files are
// only ever read.

import { readFileSync, statSync } from 'node:fs';
import { FaqError } from './errors.js';
import { parseFaq, type Faq } from './faq.js';
import { compileLexicon } from './glossary.js';
import { buildIndex, type SearchIndex } from './search.js';
import { oneLine, quoteInput } from './text.js';

export interface Bundle {
  faq: Faq;
  index: SearchIndex;
}

// Replaced by the build with the bundled FAQ's Bundle, as JSON text.
declare const MCP_FAQ_BUNDLE: string;

let cached: Bundle | undefined;

/** The FAQ shipped with the tool. */
export function bundled(): Bundle {
  cached ??= JSON.parse(MCP_FAQ_BUNDLE) as Bundle;
  return cached;
}

/** Parses and indexes a FAQ (used by the build for the bundled one). */
export function makeBundle(
  markdown: string,
  glossary: string,
  stopwords: string,
  names = { faq: 'FAQ', glossary: 'glossary.txt' },
): Bundle {
  const faq = parseFaq(markdown, names.faq);
  return { faq, index: buildIndex(faq, compileLexicon(glossary, stopwords, names.glossary)) };
}

/** Files larger than this are not FAQs. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Reads, validates and indexes another FAQ file, with the glossary of the bundled one. */
export function loadFaqFile(path: string): Bundle {
  const markdown = readText(path);
  const faq = parseFaq(markdown, oneLine(path, 200));
  return { faq, index: buildIndex(faq, bundled().index.lexicon) };
}

function readText(path: string): string {
  const name = quoteInput(path, 200);
  const hint = 'Vérifiez le chemin donné à --faq (ou dans MCP_FAQ_FILE).';
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new FaqError('input', `${name} est un dossier, pas un fichier FAQ.`, hint);
    if (stat.size > MAX_FILE_BYTES) {
      throw new FaqError('input', `${name} est trop gros pour une FAQ (${Math.round(stat.size / 1048576)} Mo, 10 Mo au plus).`, hint);
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof FaqError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FaqError('input', `Fichier FAQ introuvable : ${name}.`, hint);
    if (code === 'EACCES' || code === 'EPERM') throw new FaqError('input', `Lecture de ${name} refusée (permissions).`, hint);
    throw new FaqError('input', `Lecture de ${name} impossible (${code ?? 'erreur inconnue'}).`, hint);
  }
  return decodeUtf8(bytes, oneLine(path, 200));
}

/** Strict UTF-8 decoding: an invalid byte is an error that names its line. */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          decoder.decode(bytes.subarray(start, i));
        } catch {
          break;
        }
        line++;
        start = i + 1;
      }
    }
    throw new FaqError(
      'input',
      `${source}:${line}: le fichier n’est pas encodé en UTF-8.`,
      'Convertissez-le, par exemple : iconv -f latin1 -t utf-8 fichier.md > fichier-utf8.md',
    );
  }
}
