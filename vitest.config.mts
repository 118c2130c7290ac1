// Tests import src/ directly; the data the build embeds in dist/ (the parsed FAQ and
// its index) is made here by the same function as in the build. The end-to-end tests
// run dist/, which test/global-setup.ts builds first (and again before each rerun in
// watch mode).
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { asciiValue, frequentWords, makeBundleData } from './src/build/bundle-data.mjs';

const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };

const bundle = await makeBundleData();

export default defineConfig({
  define: {
    MCP_FAQ_MODEL: asciiValue(bundle.faq),
    MCP_FAQ_INDEX: asciiValue(bundle.index),
    MCP_FAQ_ANSWERS: asciiValue(bundle.answers),
    MCP_FAQ_DOCS: asciiValue(bundle.docs),
    MCP_FAQ_WORDS: frequentWords(),
    MCP_FAQ_VERSION: JSON.stringify(version),
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The slow tests mostly wait for the processes they spawn (the binary, shells,
    // tmux): a worker per core, and at least two. (vitest's default, cores − 1, runs
    // the files one after another on a 2-core machine.)
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 20_000,
  },
});
