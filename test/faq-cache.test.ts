// The cache of what a --faq file costs to derive (src/faq-cache.ts): its format and
// codecs as pure functions, then the built binary, which must answer the same with
// the cache as without it, whatever state the cache is in.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  cacheKey,
  decodeIndex,
  decodeModel,
  decodePayload,
  encodeIndex,
  encodeModel,
  encodePayload,
  MAX_FILES,
  type Payload,
} from '../src/faq-cache.js';
import { parseFaq } from '../src/faq.js';
import { writeAtomically } from '../src/files.js';
import * as fuzzy from '../src/fuzzy.js';
import { ArrayIndex, buildIndex, wordData } from '../src/search/indexing.js';
import { faq, FAQ_FILE, fixture, fixturePath, index, read, root, runBin } from './helpers.js';
import { cleanEnv, tempDir } from './sandbox.js';

const payload: Payload = {
  header: { a: [1, 'é'], b: null },
  text: 'une\nligne ’ 😀',
  ints: Int32Array.from([0, -1, 2 ** 31 - 1, -(2 ** 31)]),
};

describe('the file format', () => {
  test.each<[string, Payload]>([
    ['data, text and integers', payload],
    ['nothing', { header: {}, text: '', ints: new Int32Array(0) }],
    ['a header only', { header: 'x', text: '', ints: new Int32Array(0) }],
    ['integers only', { header: 0, text: '', ints: Int32Array.from([7]) }],
  ])('%s: decoded as encoded', (_, p) => {
    const decoded = decodePayload(encodePayload(p));
    expect(decoded).toEqual(p);
    expect([...decoded!.ints]).toEqual([...p.ints]);
  });

  test('the integers are read in place when aligned, copied when not', () => {
    const file = encodePayload(payload);
    const shifted = Buffer.alloc(file.length + 1).subarray(1);
    file.copy(shifted);
    expect([...decodePayload(shifted)!.ints]).toEqual([...payload.ints]);
    expect(decodePayload(file)!.ints.buffer).toBe(file.buffer);
  });

  const file = encodePayload(payload);
  test.each<[string, Buffer]>([
    ['empty', Buffer.alloc(0)],
    ['truncated', file.subarray(0, file.length - 1)],
    ['cut in the header', file.subarray(0, 30)],
    ['longer', Buffer.concat([file, Buffer.from('x')])],
    ['a byte changed in the content', file.map((b, i) => (i === file.length - 3 ? b ^ 1 : b)) as Buffer],
    ['a byte changed in the checksum', file.map((b, i) => (i === 25 ? b ^ 1 : b)) as Buffer],
    ['another format', Buffer.from(file.toString('latin1').replace('data 1', 'data 2'), 'latin1')],
    ['not a cache', Buffer.from('# FAQ\n'.repeat(20))],
  ])('%s: not read', (_, bytes) => {
    expect(decodePayload(bytes)).toBeUndefined();
  });

  test('the key is the SHA-256 of the content', () => {
    expect(cacheKey(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

/** A FAQ through the model cache, as loadFaqFile reads it back. */
function throughCache(markdown: string, source: string, readAs = source) {
  const bytes = Buffer.from(markdown);
  const encoded = encodeModel(parseFaq(markdown, source), markdown, source)!;
  return decodeModel(decodePayload(encodePayload(encoded))!, bytes, readAs);
}

describe('the model', () => {
  const fixtures: [string, string][] = [
    ['the bundled FAQ', read(FAQ_FILE)],
    ['english.md', fixture('english.md')],
    ['quirks.md', fixture('quirks.md')],
    ['a byte order mark, a control character', '\ufeff# Titre\n\n**Q: Une\u0007 ?**<a name="a1"></a>\n\n**R:** Oui.\n'],
    [
      'accents and emoji',
      '# Titre\n\n## Catégorie\n\n**Q: Où ? 😀**<a name="é1"></a>\n\n**R:** Là 😀.\n\n<br/>\n\n**Q: Et là ?**<a name="x2"></a>\n\n**R:** Ici.\n',
    ],
    [
      'answers also in the questions before them',
      '**Q: Oui, été ?**<a name="a1"></a>\n\n**R:** été\n\n**Q: Non ?**<a name="a2"></a>\n\n**R:** ?\n',
    ],
  ];
  test.each(fixtures)('%s: the same FAQ, read, spread and printed', (_, markdown) => {
    const parsed = parseFaq(markdown, 'f.md');
    const cached = throughCache(markdown, 'f.md');
    expect(cached).toEqual(parsed);
    expect(JSON.stringify(cached)).toBe(JSON.stringify(parsed));
    expect(cached.entries.map((e) => ({ ...e }))).toEqual(parsed.entries.map((e) => ({ ...e })));
    expect(cached.entries.map((e) => Object.keys(e))).toEqual(parsed.entries.map((e) => Object.keys(e)));
  });

  test('a FAQ whose answers are not as is in the file is not cached', () => {
    const markdown = '**Q: Une ?**<a name="a1"></a>\r\n\r\n**R:** Oui,\r\nmais\u0007 non.\r\n';
    expect(encodeModel(parseFaq(markdown, 'f.md'), markdown, 'f.md')).toBeUndefined();
  });

  test('a FAQ without a title is named after the file read, whatever its name when cached', () => {
    const markdown = '**Q: Une ?**<a name="a1"></a>\n\n**R:** Oui.\n';
    expect(throughCache(markdown, 'a.md', 'b.md').meta.title).toBe('b.md');
    expect(throughCache('# Titre\n\n' + markdown, 'a.md', 'b.md').meta.title).toBe('Titre');
  });
});

describe('the index', () => {
  test('an ArrayIndex made from the cache answers as the index it was made from', () => {
    const encoded = encodeIndex(wordData(index), index.postingArrays());
    const { data, arrays } = decodeIndex(decodePayload(encodePayload(encoded))!, index.lexicon);
    const cached = new ArrayIndex(data, arrays, fuzzy.frequencyClass);
    const built = buildIndex(faq, index.lexicon, fuzzy.stem, fuzzy.frequencyClass);
    expect(cached.ids).toEqual(built.ids);
    expect(cached.questionLengths).toEqual(built.questionLengths);
    expect(cached.words()).toEqual(built.words());
    for (const term of [...built.terms(), 'absent', '~99999']) expect(cached.postings(term)).toEqual(built.postings(term));
    for (const word of [...built.words(), 'absent', 'the', 'password']) {
      expect(cached.stem(word)).toBe(built.stem(word));
      expect(cached.frequencyClass(word)).toBe(built.frequencyClass(word));
    }
  });
});

// --- The built binary.

const dataFiles = (xdg: string) =>
  readdirSync(join(xdg, 'mcp-faq')).flatMap((folder) =>
    readdirSync(join(xdg, 'mcp-faq', folder))
      .filter((f) => /\.(faq|index)$/.test(f))
      .map((f) => join(xdg, 'mcp-faq', folder, f)),
  );
const COMMANDS = [
  ['list'],
  ['list', '--json'],
  ['show', 'a6', 'a1'],
  ['show', '--json', 'a3'],
  ['show', '--raw', 'a9'],
  ['search', '--json', 'mot de passe oublié'],
  ['search', 'examen annulé remboursement'],
  ['show', 'changer mon nom'],
];

describe('writeAtomically', () => {
  test('a file written whole; a directory in its place: an error, and no temporary file left', () => {
    const dir = tempDir('atomic');
    writeAtomically(join(dir, 'f'), Buffer.from('abc'));
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe('abc');
    mkdirSync(join(dir, 'd'));
    expect(() => writeAtomically(join(dir, 'd'), Buffer.from('abc'))).toThrow();
    expect(readdirSync(dir).sort()).toEqual(['d', 'f']);
  });
});

describe('mcp-faq --faq with a cache', () => {
  const file = join(root, FAQ_FILE);
  const uncached = COMMANDS.map((args) => runBin(['--no-cache', '--faq', file, ...args]));

  test('answers the same as without: when it writes the cache, and when it reads it', () => {
    const xdg = tempDir('data-cache');
    for (const pass of ['write', 'read']) {
      const runs = COMMANDS.map((args) => runBin(['--faq', file, ...args], { env: { XDG_CACHE_HOME: xdg } }));
      runs.forEach((r, i) => expect({ pass, args: COMMANDS[i], ...r }).toEqual({ pass, args: COMMANDS[i], ...uncached[i] }));
    }
    const key = cacheKey(readFileSync(file));
    expect(
      dataFiles(xdg)
        .map((f) => f.slice(f.lastIndexOf('/') + 1))
        .sort(),
    ).toEqual([`${key}.faq`, `${key}.index`]);
  });

  test('the cache is what is read: the model and index saved under a file’s key answer for it', () => {
    const xdg = tempDir('read');
    const other = fixturePath('english.md');
    runBin(['--faq', other, 'search', 'exam'], { env: { XDG_CACHE_HOME: xdg } });
    const [faqFile, indexFile] = dataFiles(xdg).sort();
    const key = cacheKey(readFileSync(file));
    // english.md's cache under the bundled FAQ's key: the bundled file is not parsed.
    writeFileSync(join(faqFile!, '..', `${key}.faq`), readFileSync(faqFile!));
    writeFileSync(join(indexFile!, '..', `${key}.index`), readFileSync(indexFile!));
    const list = runBin(['--faq', file, 'list', '--json'], { env: { XDG_CACHE_HOME: xdg } });
    expect(JSON.parse(list.stdout)).toMatchObject(JSON.parse(runBin(['--no-cache', '--faq', other, 'list', '--json']).stdout) as object);
  });

  test('a cache file truncated or damaged is ignored, and written again', () => {
    const xdg = tempDir('damaged');
    runBin(['--faq', file, 'search', 'examen'], { env: { XDG_CACHE_HOME: xdg } });
    const files = dataFiles(xdg);
    const good = files.map((f) => readFileSync(f));
    for (const damage of [(b: Buffer) => b.subarray(0, b.length >> 1), (b: Buffer) => b.map((x, i) => (i % 97 === 50 ? x ^ 0x20 : x))]) {
      files.forEach((f, i) => writeFileSync(f, damage(good[i]!)));
      COMMANDS.forEach((args, i) => expect(runBin(['--faq', file, ...args], { env: { XDG_CACHE_HOME: xdg } })).toEqual(uncached[i]));
      files.forEach((f, i) => expect(readFileSync(f).equals(good[i]!)).toBe(true));
    }
  });

  test.each([
    ['a FIFO', (f: string) => execFileSync('mkfifo', [f])],
    ['a link to /dev/zero', (f: string) => symlinkSync('/dev/zero', f)],
  ])('%s in the place of a cache file is not read (not waited on), and replaced', (_, plant) => {
    const xdg = tempDir('planted');
    runBin(['--faq', file, 'search', 'examen'], { env: { XDG_CACHE_HOME: xdg } });
    for (const f of dataFiles(xdg)) {
      rmSync(f);
      plant(f);
    }
    COMMANDS.forEach((args, i) => expect(runBin(['--faq', file, ...args], { env: { XDG_CACHE_HOME: xdg } })).toEqual(uncached[i]));
    for (const f of dataFiles(xdg)) expect(lstatSync(f).isFile()).toBe(true);
  });

  test('runs at once write the same cache, and answer the same', async () => {
    const xdg = tempDir('concurrent');
    const env = cleanEnv({ XDG_CACHE_HOME: xdg });
    const args = [join(root, 'bin/mcp-faq.js'), '--faq', file, 'search', '--json', 'mot de passe oublié'];
    const outputs = await Promise.all(
      [1, 2, 3, 4].map(
        () =>
          new Promise<string>((resolve, reject) => {
            const child = spawn(process.execPath, args, { env });
            let out = '';
            child.stdout.on('data', (d: Buffer) => (out += d.toString()));
            child.on('error', reject);
            child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
          }),
      ),
    );
    for (const out of outputs) expect(out).toBe(uncached[5]!.stdout);
    const files = dataFiles(xdg);
    expect(files).toHaveLength(2);
    for (const f of files) expect(decodePayload(readFileSync(f))).toBeDefined();
    expect(readdirSync(join(files[0]!, '..')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test.each([
    ['--no-cache', ['--no-cache'], {}],
    ['MCP_FAQ_NO_CACHE=1', [], { MCP_FAQ_NO_CACHE: '1' }],
  ])('%s: nothing read, nothing written', (_, flags, env) => {
    const xdg = tempDir('no-data-cache');
    expect(runBin([...flags, '--faq', file, 'search', 'examen'], { env: { XDG_CACHE_HOME: xdg, ...env } }).code).toBe(0);
    expect(existsSync(join(xdg, 'mcp-faq'))).toBe(false);
  });

  test('the bundled FAQ is not cached', () => {
    const xdg = tempDir('bundled');
    runBin(['search', 'examen'], { env: { XDG_CACHE_HOME: xdg } });
    expect(dataFiles(xdg)).toEqual([]);
  });

  test(`the cache keeps the ${MAX_FILES} FAQs most recently cached`, () => {
    const xdg = tempDir('pruned');
    const dir = tempDir('faqs');
    const markdown = fixture('english.md');
    const keys = Array.from({ length: MAX_FILES + 2 }, (_, n) => {
      const path = join(dir, `faq-${n}.md`);
      writeFileSync(path, `${markdown}\n<!-- ${n} -->\n`);
      expect(runBin(['--faq', path, 'list'], { env: { XDG_CACHE_HOME: xdg } }).code).toBe(0);
      return cacheKey(readFileSync(path));
    });
    const kept = dataFiles(xdg).map((f) => f.slice(f.lastIndexOf('/') + 1, -'.faq'.length));
    expect(kept.sort()).toEqual(keys.slice(2).sort());
  });

  test.each([
    ['english.md', fixture('english.md'), ['.faq', '.index']], // one-line answers: as is in the file
    [FAQ_FILE, read(FAQ_FILE), ['.index']],
  ])('%s with CR LF line endings is answered the same (cached: %j)', (_, markdown, cached) => {
    const xdg = tempDir('crlf');
    const path = join(tempDir('crlf-faq'), 'crlf.md');
    writeFileSync(path, markdown.replace(/\n/g, '\r\n'));
    for (const args of [
      ['search', '--json', 'exam'],
      ['list', '--json'],
      ['show', '--raw', markdown.includes('a9') ? 'a9' : 'p1'],
    ]) {
      const plain = runBin(['--no-cache', '--faq', path, ...args]);
      for (let i = 0; i < 2; i++) expect(runBin(['--faq', path, ...args], { env: { XDG_CACHE_HOME: xdg } })).toEqual(plain);
    }
    expect(
      dataFiles(xdg)
        .map((f) => f.slice(f.lastIndexOf('.')))
        .sort(),
    ).toEqual(cached);
  });

  test('a temporary file left by a killed run is removed once stale', () => {
    const xdg = tempDir('stale');
    runBin(['--faq', file, 'list'], { env: { XDG_CACHE_HOME: xdg } });
    const folder = join(dataFiles(xdg)[0]!, '..');
    const [stale, recent] = [`${'0'.repeat(64)}.faq.1.tmp`, `${'1'.repeat(64)}.index.2.tmp`].map((f) => join(folder, f));
    writeFileSync(stale!, 'half');
    writeFileSync(recent!, 'being written');
    utimesSync(stale!, new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
    runBin(['--faq', fixturePath('english.md'), 'list'], { env: { XDG_CACHE_HOME: xdg } });
    expect([existsSync(stale!), existsSync(recent!)]).toEqual([false, true]);
  });

  test('an invalid FAQ is still an error, and nothing is cached', () => {
    const xdg = tempDir('invalid');
    const r = runBin(['--faq', fixturePath('duplicate-id.md'), 'list'], { env: { XDG_CACHE_HOME: xdg } });
    expect(r.code).not.toBe(0);
    expect(existsSync(join(xdg, 'mcp-faq')) ? dataFiles(xdg) : []).toEqual([]);
  });
});
