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

const { decodeUtf8, loadFaqFile } = await import('../src/source.js');
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
  ])('%j: error on line %d', (bytes, line) => {
    expect(() => decodeUtf8(new Uint8Array(bytes), 'f.md')).toThrow(new RegExp(`^f\\.md:${line}: le fichier n’est pas encodé en UTF-8`));
  });

  test.each([
    ['little-endian', [0xff, 0xfe, 0x61, 0x00]],
    ['big-endian', [0xfe, 0xff, 0x00, 0x61]],
  ])('UTF-16 (%s, with its byte order mark): said so, with the conversion from UTF-16', (_, bytes) => {
    const decode = () => decodeUtf8(new Uint8Array(bytes), 'f.md');
    expect(decode).toThrow('f.md est encodé en UTF-16, pas en UTF-8.');
    let hint: string | undefined;
    try {
      decode();
    } catch (error) {
      hint = (error as { hint?: string }).hint;
    }
    expect(hint).toContain('iconv -f utf-16 -t utf-8');
  });

  test('valid UTF-8 passes', () => {
    expect(decodeUtf8(new TextEncoder().encode('relevé ✓'), 'f.md')).toBe('relevé ✓');
  });
});
