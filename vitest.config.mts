// Tests import src/ directly; the data the build embeds in dist/ (the parsed FAQ and
// its index) is made here by the same function as in the build.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
// @ts-expect-error: a plain JavaScript build script
import { makeBundleData } from './scripts/bundle-data.mjs';

const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: {
    MCP_FAQ_BUNDLE: JSON.stringify(JSON.stringify(await makeBundleData())),
    MCP_FAQ_VERSION: JSON.stringify(version),
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
