import { beforeEach, describe, expect, test, vi } from 'vitest';

// Reading errors that a test machine running as root cannot produce for real
// (permissions) are simulated; the others are real files in shell.test.ts.
const fsError = vi.hoisted(() => ({ code: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fail = () => {
    if (fsError.code) throw Object.assign(new Error(fsError.code), { code: fsError.code });
  };
  return {
    ...fs,
    openSync: (...args: Parameters<typeof fs.openSync>) => (fail(), fs.openSync(...args)),
  };
});

const { decodeUtf8, loadFaqFile } = await import('../src/faq-file.js');
const { FaqError } = await import('../src/errors.js');
const { fixturePath } = await import('./helpers.js');

describe('loadFaqFile', () => {
  beforeEach(() => {
    fsError.code = undefined;
  });

  test.each([
    ['EACCES', /lecture de « .*english\.md » refusée \(permissions\)/],
    ['EPERM', /refusée \(permissions\)/],
    ['EIO', /lecture de « .*english\.md » impossible \(EIO\)/],
    ['ENOENT', /fichier FAQ introuvable/],
  ])('%s → an input error naming the file', (code, message) => {
    fsError.code = code;
    let error: unknown;
    try {
      loadFaqFile(fixturePath('english.md'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FaqError);
    expect((error as InstanceType<typeof FaqError>).exitCode).toBe(2);
    expect((error as Error).message).toMatch(message);
    expect((error as InstanceType<typeof FaqError>).hint).toContain('--faq');
  });

  test('a readable file gives a model, not yet indexed', () => {
    const source = loadFaqFile(fixturePath('english.md'));
    expect(source.bundled).toBe(false);
    expect(source.faq.entries.map((e) => e.id)).toEqual(['p1', 'p2']);
  });
});

describe('decodeUtf8', () => {
  test.each([
    [[0x61, 0x0a, 0x62, 0xff, 0x0a], 2],
    [[0xc3], 1],
    [[0x0a, 0x0a, 0xe2, 0x82], 3],
    [[0x61, 0x0d, 0x62, 0x0d, 0xe9, 0x0d], 3], // CR alone ends a line (old Mac files)
    [[0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x0a, 0xe9], 3], // CR LF is one line end
  ])('%j: error on line %d', (bytes, line) => {
    expect(() => decodeUtf8(new Uint8Array(bytes), 'f.md')).toThrow(new RegExp(`^f\\.md:${line}: le fichier n’est pas encodé en UTF-8`));
  });

  const utf16le = (text: string) => [...text].flatMap((c) => [c.charCodeAt(0), 0]);
  test.each([
    ['UTF-16LE', [0xff, 0xfe, 0x61, 0x00]], // with its byte order mark
    ['UTF-16BE', [0xfe, 0xff, 0x00, 0x61]],
    ['UTF-32LE', [0xff, 0xfe, 0x00, 0x00, 0x61, 0, 0, 0]],
    ['UTF-32BE', [0x00, 0x00, 0xfe, 0xff, 0, 0, 0, 0x61]],
    ['UTF-16LE', utf16le('**Q: q**<a name="a1"></a>\nr\n')], // without one: ASCII alone would pass for UTF-8
    ['UTF-32LE', [...'# Titre\n'].flatMap((c) => [c.charCodeAt(0), 0, 0, 0])],
  ])('%s: said so, with the conversion from it', (encoding, bytes) => {
    const decode = () => decodeUtf8(new Uint8Array(bytes), 'ma faq.md');
    expect(decode).toThrow(`ma faq.md est encodé en ${encoding}, pas en UTF-8.`);
    let hint: string | undefined;
    try {
      decode();
    } catch (error) {
      hint = (error as { hint?: string }).hint;
    }
    expect(hint).toBe(`Convertissez-le, par exemple : iconv -f ${encoding} -t UTF-8 'ma faq.md' > faq-utf8.md`);
  });

  test('a stray NUL byte is no UTF-16: a control character, removed as any other', () => {
    expect(decodeUtf8(new TextEncoder().encode('a\u0000b c d e f g h'), 'f.md')).toBe('a\u0000b c d e f g h');
  });

  test('valid UTF-8 passes', () => {
    expect(decodeUtf8(new TextEncoder().encode('relevé ✓'), 'f.md')).toBe('relevé ✓');
  });
});
