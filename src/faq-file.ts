// Another FAQ file than the bundled one, given by --faq or MCP_FAQ_FILE, in a chunk
// of its own (dist/faq-file.js, loaded only then): read (the file itself is only ever
// read), parsed, indexed for the search, and what that costs kept in the cache
// folder (see faq-cache.ts). Out of cli.js and search.js, the parser, the cache files
// and the indexer no longer weigh on every start (0.3 % of a `list`, 0.6 % of a search).

import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readvSync, type Stats } from 'node:fs';
import type { Source } from './core.js';
import { FaqError } from './errors.js';
import { cacheKey, decodeIndex, decodeModel, encodeIndex, encodeModel, readData, saveData, type DataCache } from './faq-cache.js';
import { parseFaq, type Faq } from './faq.js';
import type { Tools } from './search.js';
import type { Lexicon } from './glossary.js';
import { ArrayIndex, buildIndex, wordData, type SearchIndex } from './search/indexing.js';
import { oneLine, quoteInput, shellWord } from './text.js';

/** Files larger than this are not FAQs (about 13,000 entries of the bundled FAQ's size). */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Reads and validates another FAQ file (indexFaqFile indexes it, render.ts composes
 * its answers); with a cache folder, reads its model from there, or saves it there.
 */
export function loadFaqFile(path: string, cacheDir?: string): Source {
  const source = oneLine(path, 200);
  const bytes = readBytes(path);
  const cache = cacheDir === undefined ? undefined : { dir: cacheDir, key: cacheKey(bytes) };
  const cached = cache && readData(cache, 'faq');
  if (cached) return { faq: decodeModel(cached, bytes, source), bundled: false, cache };
  const text = decodeUtf8(bytes, source);
  const faq = parseFaq(text, source);
  const payload = cache && encodeModel(faq, text, source);
  if (cache && payload) saveData(cache, 'faq', payload);
  return { faq, bundled: false, cache };
}

/**
 * The search index of another FAQ file's model: read from `cache`, or else built now
 * with the bundled lexicon (and saved there).
 */
export function indexFaqFile(faq: Faq, lexicon: Lexicon, { stem, weightClass }: Tools, cache?: DataCache): SearchIndex {
  const cached = cache && readData(cache, 'index');
  if (cached) {
    const { data, arrays } = decodeIndex(cached, lexicon);
    return new ArrayIndex(data, arrays, weightClass);
  }
  const index = buildIndex(faq, lexicon, stem, weightClass);
  if (cache) saveData(cache, 'index', encodeIndex(wordData(index), index.postingArrays()));
  return index;
}

/**
 * A regular file's bytes. Anything else — a directory, a device (/dev/zero), a FIFO,
 * a socket — is refused before a byte is read: opened without blocking, it is
 * checked by its descriptor; and reading stops at MAX_FILE_BYTES whatever the
 * file's size says.
 */
function readBytes(path: string): Buffer {
  const name = quoteInput(path, 200);
  const hint = 'Vérifiez le chemin donné à --faq (ou dans MCP_FAQ_FILE).';
  const tooBig = () => new FaqError('input', `${name} est trop gros pour une FAQ (plus de 10 Mo).`, hint);
  if (!path.trim()) throw new FaqError('input', 'le chemin du fichier FAQ est vide.', hint);
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FaqError('input', `${name} est un dossier, pas un fichier FAQ.`, hint);
    if (!stat.isFile())
      throw new FaqError('input', `${name} n’est pas un fichier ordinaire (${fileKind(stat)}) : une FAQ se lit dans un fichier.`, hint);
    if (stat.size > MAX_FILE_BYTES) throw tooBig();
    const bytes = Buffer.alloc(Math.min(stat.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (let n; length < bytes.length && (n = readvSync(fd, [bytes.subarray(length)])) > 0;) length += n;
    if (length > MAX_FILE_BYTES) throw tooBig();
    return bytes.subarray(0, length);
  } catch (error) {
    if (FaqError.is(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FaqError('input', `fichier FAQ introuvable : ${name}.`, hint);
    if (code === 'EACCES' || code === 'EPERM') throw new FaqError('input', `lecture de ${name} refusée (permissions).`, hint);
    throw new FaqError('input', `lecture de ${name} impossible (${code ?? 'erreur inconnue'}).`, hint);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function fileKind(stat: Stats): string {
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'un périphérique';
  if (stat.isFIFO()) return 'un tube nommé';
  if (stat.isSocket()) return 'une socket';
  return 'un fichier spécial';
}

/** Strict UTF-8 decoding: an invalid byte is an error that names its line. */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  const wide = wideEncoding(bytes);
  if (wide) {
    throw new FaqError(
      'input',
      `${source} est encodé en ${wide}, pas en UTF-8.`,
      `Convertissez-le, par exemple : iconv -f ${wide} -t UTF-8 ${shellWord(source)} > faq-utf8.md`,
    );
  }
  // isUtf8 and toString are native (simdutf): a 6 MB file in a few milliseconds,
  // where a fatal TextDecoder takes tens.
  if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  let line = 1;
  let start = 0;
  // Lines end as parseFaq ends them: LF, CR LF, or CR alone.
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      if (!isUtf8(bytes.subarray(start, i))) break;
      line++;
      start = i + 1;
    }
  }
  throw new FaqError(
    'input',
    `${source}:${line}: le fichier n’est pas encodé en UTF-8.`,
    `Convertissez-le, par exemple : iconv -f latin1 -t UTF-8 ${shellWord(source)} > faq-utf8.md`,
  );
}

/**
 * UTF-16 or UTF-32, by the byte order mark or, without one, by the zero bytes that
 * their ASCII characters carry (text has none; even UTF-8 text of ASCII alone, which
 * they would otherwise pass for): the advice is then another than latin1's.
 */
function wideEncoding(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'UTF-32LE';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32BE';
  if (a === 0xff && b === 0xfe) return 'UTF-16LE';
  if (a === 0xfe && b === 0xff) return 'UTF-16BE';
  // The zero bytes of the first 4 KB, by their place in each group of four.
  const zeros = [0, 0, 0, 0];
  const length = Math.min(bytes.length, 4096);
  for (let i = 0; i < length; i++) if (bytes[i] === 0) zeros[i % 4]!++;
  const quarter = length / 4;
  if (quarter < 1 || zeros.reduce((x, y) => x + y) < quarter) return undefined; // a stray NUL is a control character
  if (zeros[1]! + zeros[2]! + zeros[3]! > 2.5 * quarter) return 'UTF-32LE';
  if (zeros[0]! + zeros[1]! + zeros[2]! > 2.5 * quarter) return 'UTF-32BE';
  return zeros[1]! + zeros[3]! > zeros[0]! + zeros[2]! ? 'UTF-16LE' : 'UTF-16BE';
}
