// Runs once per vitest run, before any test file (vitest.config.mts, globalSetup):
// 1. builds dist/ with the Node that runs the tests, so that the binary the tests spawn
//    is the current code (and its V8 code cache is this Node's); in watch mode, again
//    before every rerun;
// 2. makes the run's private folder (HOMEs, temporary folders, tmux sockets of the
//    tests: see test/sandbox.ts) and removes it at the end, killing any tmux server a
//    failed test left behind.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's private folder, removed when the run ends. */
    sandbox: string;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));

function build(): void {
  const r = spawnSync(process.execPath, [join(root, 'src/build/build.mjs')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`la construction de dist/ a échoué (node src/build/build.mjs, code ${r.status ?? r.signal}) :\n${r.stdout}${r.stderr}`);
  }
  process.stderr.write(`Tests sur Node ${process.version} (${process.execPath}) ; ${r.stderr}`);
}

/** Kills the tmux servers whose socket is still in the folder (a test that failed before closing its terminal). */
function killTmuxServers(dir: string): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isSocket()) spawnSync('tmux', ['-S', join(entry.parentPath, entry.name), 'kill-server'], { stdio: 'ignore' });
  }
}

export default function setup(project: TestProject): () => void {
  build();
  project.onTestsRerun(() => build());
  const sandbox = mkdtempSync(join(tmpdir(), 'mcp-faq-test-'));
  project.provide('sandbox', sandbox);
  return () => {
    killTmuxServers(sandbox);
    rmSync(sandbox, { recursive: true, force: true });
  };
}
