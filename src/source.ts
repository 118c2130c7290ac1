// Where the FAQ comes from: the bundled one (parsed at build time, see
// src/build/build.mjs), or another file of the same format given by --faq or
// MCP_FAQ_FILE, parsed at run time. Files are only ever read.

import { readFileSync, statSync } from 'node:fs';
import { FaqError } from './errors.js';
import { parseFaq, type Faq } from './faq.js';
import { oneLine, quoteInput } from './text.js';

/** The FAQ to answer from: the bundled one, or another file. */
export interface Source {
  faq: Faq;
  /** The FAQ shipped with the tool, whose index and documents are built in. */
  bundled: boolean;
}

// Replaced by the build (and the test set-up) with the parsed bundled FAQ, as JSON text.
declare const MCP_FAQ_MODEL: string;

let model: Faq | undefined;

/** The FAQ shipped with the tool. */
export function bundled(): Source {
  model ??= JSON.parse(MCP_FAQ_MODEL) as Faq;
  return { faq: model, bundled: true };
}

/** Files larger than this are not FAQs. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Reads and validates another FAQ file (search.ts indexes it, render.ts composes its answers). */
export function loadFaqFile(path: string): Source {
  return { faq: parseFaq(readText(path), oneLine(path, 200)), bundled: false };
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
