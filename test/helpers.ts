// Shared by the tests: the real FAQ and lexicon, the CLI run in-process with fake
// streams, and the built binary run as a user would.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run, type Io } from '../src/cli.js';
import { parseFaq } from '../src/faq.js';
import * as fuzzy from '../src/fuzzy.js';
import { compileLexicon } from '../src/glossary.js';
import { buildIndex } from '../src/search/indexing.js';
import { cleanEnv } from './sandbox.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
export const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
export const fixture = (name: string) => read(`test/fixtures/${name}`);
export const fixturePath = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

export const FAQ_FILE = 'faq/microsoft-certification-faq.fr.md';
export const faq = parseFaq(read(FAQ_FILE), FAQ_FILE);
const lexicon = compileLexicon(read('faq/glossary.txt'), read('faq/stopwords.txt'), fuzzy.stem);
export const index = buildIndex(faq, lexicon, fuzzy.stem);

export const ESCAPE = /\u001b/;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process; streams are not TTYs unless said. */
export async function runCli(
  argv: string[],
  options: {
    env?: Record<string, string | undefined>;
    tty?: boolean;
    columns?: number;
    rows?: number;
    page?: Io['page'];
  } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    argv,
    env: { ...(options.tty ? { TERM: 'xterm-256color' } : {}), ...options.env }, // a terminal has a TERM
    stdout: { write: (s: string) => void (stdout += s), isTTY: options.tty === true, columns: options.columns, rows: options.rows ?? 1000 },
    stderr: { write: (s: string) => void (stderr += s), isTTY: options.tty === true, columns: options.columns },
    stdinIsTTY: () => options.tty === true,
    ...(options.page ? { page: options.page } : {}),
  };
  const code = await run(io);
  return { code, stdout, stderr };
}

const BIN = fileURLToPath(new URL('../bin/mcp-faq.js', import.meta.url));

/**
 * Runs the built binary (test/global-setup.ts builds it) on the Node running the
 * tests, in the tests' minimal environment (test/sandbox.ts) plus `env`: no color
 * variable, no NODE_OPTIONS, a HOME and a TMPDIR of its own.
 */
export function runBin(argv: string[], options: SpawnSyncOptions & { env?: Record<string, string>; bin?: string } = {}): Run {
  const env = cleanEnv(options.env);
  const r = spawnSync(process.execPath, [options.bin ?? BIN, ...argv], { encoding: 'utf8', timeout: 10_000, ...options, env });
  return { code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
