// A cache of what a FAQ file given with --faq (or MCP_FAQ_FILE) costs to derive: its
// parsed model, and its search index once a search has built it. A large FAQ is
// otherwise parsed (and indexed, to search it) at every run.
// - Where: in the folder of this build's code caches (see src/main.ts cacheDir():
//   $XDG_CACHE_HOME/mcp-faq/<build>/, removed with the build), as <key>.faq and
//   <key>.index, where the key is the SHA-256 of the file's bytes: a file whose
//   content changes is another key, and the same content under another path is the
//   same one. At most MAX_FILES FAQs are kept, the ones most recently cached; a
//   temporary file a killed run left is removed once stale.
// - Small, so that reading it costs far less than what it saves: the model is the
//   entries' ids, categories and questions, and where each answer is in the file
//   (byte offsets): an answer is a slice of the file's text (see cleanAnswer in
//   faq.ts), decoded from the file's bytes when read; the index is its known words
//   (as strings, see wordData) and its postings as raw 32-bit integers. A file whose
//   answers are not as is in it (CR LF line endings, control characters: the parser
//   changes them) has only its index cached.
// - Safe: a cache file is written to a temporary file then renamed (concurrent runs
//   never read half of one, and write the same bytes); it holds its length and the
//   SHA-256 of its content, checked when read: anything wrong and it is ignored,
//   rebuilt and written again. Nothing here ever fails a command: a cache that
//   cannot be read or written only costs the time it would have saved.
// - MCP_FAQ_NO_CACHE=1 or --no-cache (no cache folder): neither read nor written.
// node:crypto is loaded only when a --faq file is read with a cache folder.

import { readdirSync, rmSync, statSync } from 'node:fs';
import { makeDirectory, readCacheFile, writeAtomically } from './files.js';
import type { Faq, FaqEntry } from './faq.js';
import type { IndexData, PostingArrays } from './search/indexing.js';

/** Where a FAQ's derived data is cached: the cache folder, and the key of the file's content. */
export interface DataCache {
  dir: string;
  key: string;
}

/** What a cache file holds: JSON data, a text, and 32-bit integers. */
export interface Payload {
  header: unknown;
  /** Many strings, joined (decoded at once, then cut: quicker than each on its own). */
  text: string;
  ints: Int32Array;
}

/** How many FAQs keep their cache files. */
export const MAX_FILES = 8;

// The format's name and version; a build's cache folder only ever holds its own format.
const MAGIC = 'mcp-faq data 1\n\0';
// MAGIC, the content's length (u32), its SHA-256; the content: the header's length
// (u32), the header (JSON), the text's length (u32), the text (UTF-8), spaces up to a
// multiple of 4 bytes, the integers (native byte order).
const CONTENT_AT = MAGIC.length + 4 + 32;

// node:crypto is required when first used: a static import would load it at every start.
const nodeRequire: NodeJS.Require = require;
let crypto: typeof import('node:crypto') | undefined;
const sha256 = (bytes: Uint8Array): Buffer =>
  (crypto ??= nodeRequire('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(bytes).digest();

/** The key of a FAQ file's content. */
export const cacheKey = (bytes: Uint8Array): string => sha256(bytes).toString('hex');

// --- The file format (pure).

/** A cache file's bytes. */
export function encodePayload({ header, text, ints }: Payload): Buffer {
  const head = Buffer.from(JSON.stringify(header));
  const body = Buffer.from(text);
  const intsAt = 8 + head.length + body.length + ((4 - ((head.length + body.length) % 4)) % 4);
  const file = Buffer.alloc(CONTENT_AT + intsAt + ints.byteLength, ' ');
  const content = file.subarray(CONTENT_AT);
  content.writeUInt32LE(head.length, 0);
  head.copy(content, 4);
  content.writeUInt32LE(body.length, 4 + head.length);
  body.copy(content, 8 + head.length);
  Buffer.from(ints.buffer, ints.byteOffset, ints.byteLength).copy(content, intsAt);
  file.write(MAGIC, 0, 'latin1');
  file.writeUInt32LE(content.length, MAGIC.length);
  sha256(content).copy(file, MAGIC.length + 4);
  return file;
}

/** What a cache file holds, or undefined when it is not one, or damaged. */
export function decodePayload(file: Buffer): Payload | undefined {
  if (file.length < CONTENT_AT + 8 || file.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  if (file.readUInt32LE(MAGIC.length) !== file.length - CONTENT_AT) return undefined;
  const content = file.subarray(CONTENT_AT);
  if (!sha256(content).equals(file.subarray(MAGIC.length + 4, CONTENT_AT))) return undefined;
  // The checksum matched: the file is as written (by this build: the folder is its).
  const headLength = content.readUInt32LE(0);
  const textAt = 8 + headLength;
  const textLength = content.readUInt32LE(4 + headLength);
  const intsAt = textAt + textLength + ((4 - ((headLength + textLength) % 4)) % 4);
  const header: unknown = JSON.parse(content.toString('utf8', 4, 4 + headLength));
  const text = content.toString('utf8', textAt, textAt + textLength);
  const at = content.byteOffset + intsAt;
  const count = (content.length - intsAt) / 4;
  // A view of the bytes when they are aligned (they are in a file read whole), a copy otherwise.
  const ints = at % 4 === 0 ? new Int32Array(content.buffer, at, count) : new Int32Array(content.buffer.slice(at, at + 4 * count));
  return { header, text, ints };
}

// --- The model (pure).

interface ModelHeader {
  meta: Faq['meta'];
  /** The title is the file's name (the FAQ has none): it is the name of the file read. */
  titleIsSource: boolean;
  categories: string[];
  ids: string[];
  /** Per entry, the number of its category. */
  categoryOf: number[];
  /** [entry number, toc] for the entries that have a toc. */
  tocs: [number, string][];
}

/**
 * A parsed FAQ as a payload: its text is the questions, a line each; its ints are,
 * per entry, where its answer is in the file's bytes ([start, end)), found in the
 * file's `text` (its bytes decoded). Undefined when an answer is not as is in the
 * file (one whose line endings or control characters the parser changed).
 */
export function encodeModel(faq: Faq, text: string, source: string): Payload | undefined {
  const ints = new Int32Array(2 * faq.entries.length);
  let char = 0; // where the previous answer ends in the text; the answers are in order
  let byte = 0; // the same place in the bytes
  for (const [n, { answer }] of faq.entries.entries()) {
    // Found anywhere after the previous one, its bytes decode to it. Byte offsets are
    // counted natively on the text between answers and on each answer: not encoded into a buffer.
    const at = text.indexOf(answer, char);
    if (at < 0) return undefined;
    ints[2 * n] = byte += Buffer.byteLength(text.slice(char, at));
    ints[2 * n + 1] = byte += Buffer.byteLength(answer);
    char = at + answer.length;
  }
  const number = new Map(faq.categories.map((c, i) => [c, i]));
  const header: ModelHeader = {
    meta: faq.meta,
    titleIsSource: faq.meta.title === source,
    categories: faq.categories,
    ids: faq.entries.map((e) => e.id),
    categoryOf: faq.entries.map((e) => number.get(e.category)!),
    tocs: faq.entries.flatMap((e, n): [number, string][] => (e.toc === undefined ? [] : [[n, e.toc]])),
  };
  // A question is one line (see parseFaq).
  return { header, text: faq.entries.map((e) => e.question).join('\n'), ints };
}

/** Where a decoded entry's answer is: the file's bytes, and the offsets in them. */
const answerAt = new WeakMap<FaqEntry, { bytes: Buffer; start: number; end: number }>();
/** The decoded entries' answer: an accessor, enumerable (spread and JSON see it), the same for all. */
const ANSWER: PropertyDescriptor = {
  get(this: FaqEntry): string {
    const at = answerAt.get(this);
    return at ? at.bytes.toString('utf8', at.start, at.end) : '';
  },
  enumerable: true,
};

/**
 * The FAQ of a payload made by encodeModel, over the file's bytes: each entry's answer
 * is decoded from them when read (an accessor, where parseFaq's is a string: the
 * entries read, spread and print the same).
 */
export function decodeModel({ header, text, ints }: Payload, bytes: Buffer, source: string): Faq {
  const h = header as ModelHeader;
  const tocs = new Map(h.tocs);
  const questions = text.split('\n');
  const entries = h.ids.map((id, n): FaqEntry => {
    const entry = { id, category: h.categories[h.categoryOf[n]!]!, question: questions[n]! } as FaqEntry;
    Object.defineProperty(entry, 'answer', ANSWER);
    answerAt.set(entry, { bytes, start: ints[2 * n]!, end: ints[2 * n + 1]! });
    const toc = tocs.get(n);
    if (toc !== undefined) entry.toc = toc;
    return entry;
  });
  return { meta: h.titleIsSource ? { ...h.meta, title: source } : h.meta, categories: h.categories, entries };
}

// --- The index (pure).

/** IndexData without its lexicon (the bundled one) and postings (in the ints). */
type IndexHeader = Omit<IndexData, 'lexicon'>;

/** An index as a payload: its text is its terms, a line each; its ints are its postings' starts (one per term, and the end), then the postings. */
export function encodeIndex(data: IndexData, { terms, starts, postings }: PostingArrays): Payload {
  const { lexicon: _, ...header } = data;
  const ints = new Int32Array(starts.length + postings.length);
  ints.set(starts);
  ints.set(postings, starts.length);
  // A term is a word's stem or a notion (~12): no line break.
  return { header: { ...header, postings: '' } satisfies IndexHeader, text: terms.join('\n'), ints };
}

/** What encodeIndex encoded, with the lexicon it was made with (see ArrayIndex). */
export function decodeIndex({ header, text, ints }: Payload, lexicon: IndexData['lexicon']): { data: IndexData; arrays: PostingArrays } {
  const terms = text === '' ? [] : text.split('\n');
  const starts = ints.subarray(0, terms.length + 1);
  return { data: { ...(header as IndexHeader), lexicon }, arrays: { terms, starts, postings: ints.subarray(terms.length + 1) } };
}

// --- The files.

const fileOf = (cache: DataCache, kind: 'faq' | 'index') => `${cache.dir}/${cache.key}.${kind}`;

/** The payload of a cache file, or undefined when there is none, or a damaged one. */
export function readData(cache: DataCache, kind: 'faq' | 'index'): Payload | undefined {
  // None yet, unreadable, or not a file (see readCacheFile).
  const bytes = readCacheFile(fileOf(cache, kind), MAX_DATA_BYTES);
  return bytes && decodePayload(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
}

/** A FAQ file is 10 MB at most; what is derived from it, a few MB: anything much larger is not a cache file. */
const MAX_DATA_BYTES = 256 * 1024 * 1024;

/** Saves a cache file, then removes the oldest FAQs' beyond MAX_FILES. Never fails. */
export function saveData(cache: DataCache, kind: 'faq' | 'index', payload: Payload): void {
  try {
    makeDirectory(cache.dir);
    writeAtomically(fileOf(cache, kind), encodePayload(payload));
    prune(cache.dir);
  } catch {
    // a read-only or full disk: no cache
  }
}

const DATA_FILE = /^([0-9a-f]{64})\.(?:faq|index)$/;
const TEMPORARY_FILE = /^[0-9a-f]{64}\.(?:faq|index)\.\d+\.tmp$/;
/** A temporary file older than this was left by a run that was killed while writing it. */
const STALE_MS = 10 * 60 * 1000;

/** Removes the cache files of the FAQs beyond the MAX_FILES most recently cached, and stale temporary files. */
function prune(dir: string): void {
  const newest = new Map<string, number>();
  const all = readdirSync(dir);
  for (const f of all.filter((f) => TEMPORARY_FILE.test(f)))
    if ((statSync(`${dir}/${f}`, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) < Date.now() - STALE_MS)
      rmSync(`${dir}/${f}`, { force: true });
  const files = all.filter((f) => DATA_FILE.test(f));
  for (const f of files) {
    const key = DATA_FILE.exec(f)![1]!;
    const time = statSync(`${dir}/${f}`, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    newest.set(key, Math.max(newest.get(key) ?? 0, time));
  }
  if (newest.size <= MAX_FILES) return;
  const old = new Set(
    [...newest]
      .sort((a, b) => b[1] - a[1])
      .slice(MAX_FILES)
      .map(([key]) => key),
  );
  for (const f of files) if (old.has(DATA_FILE.exec(f)![1]!)) rmSync(`${dir}/${f}`, { force: true });
}
